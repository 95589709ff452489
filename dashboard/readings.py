"""The one rule for what a reader sees of a stored number: a real value, or "no data" and why.

Every page, chart, table, export and slide that turns a stored value into something a reader
sees goes through here, so that a flagged zero (``reported_zero``: the source published 0 for
"not reported") or a structural gap is never coloured, ranked, plotted, counted or written as a
value, and an aggregate always says how many of its members it covers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from dashboard.datasets import REPORTED_ZERO, Indicator
from dashboard.locale import Locale

# Flags whose published number is not a value (the data layer stores NaN for them; the mask
# below keeps the rule even for a table written before that).
NO_DATA_FLAGS = frozenset({REPORTED_ZERO})
# An aggregate whose members report less than this share is marked on every chart (dotted, hollow
# markers, a break in the line): its total is a coverage artefact more than a figure.
COVERAGE_THRESHOLD = 0.75


def real_values(values: Iterable[float], flags: Iterable[Any]) -> np.ndarray:
    """The values a reader may see: NaN wherever there is no value or the flag says "no data"."""
    numbers = np.asarray(list(values) if not isinstance(values, np.ndarray) else values, dtype=float)
    hidden = np.array([isinstance(f, str) and f in NO_DATA_FLAGS for f in flags], dtype=bool)
    if len(hidden) != len(numbers):
        raise ValueError("values and flags differ in length")
    return np.where(hidden, np.nan, numbers)


def is_real(value: float | None, flag: object = "") -> bool:
    """True when ``value`` is a real value a reader may see (not missing, not a flagged zero)."""
    if value is None or (isinstance(flag, str) and flag in NO_DATA_FLAGS):
        return False
    return not math.isnan(float(value))


def why_no_data(flag: object, gaps: str, locale: Locale) -> str:
    """Why a value is missing, in the reader's words: the flag's reason, else the indicator's
    ``gaps`` text (what its source does not cover), else ""."""
    _ = locale.gettext
    if flag == REPORTED_ZERO:
        return _("published as 0, which the source uses for not reported")
    return gaps


def shown(value: float | None, flag: object, unit: str, locale: Locale) -> str:
    """A value with its unit, or "no data" (never "0" for a flagged zero)."""
    return locale.value(value, unit) if is_real(value, flag) else locale.gettext("no data")


def coverage(n_reporting: float, n_members: float, locale: Locale) -> str:
    """ "30 of 33 countries": how many of an aggregate's members it sums."""
    count, total = int(n_reporting), int(n_members)
    text = locale.ngettext("{count} of {total} country", "{count} of {total} countries", total)
    return text.format(count=locale.number(count), total=locale.number(total))


def low_coverage(n_reporting: float, n_members: float) -> bool:
    """True when fewer than :data:`COVERAGE_THRESHOLD` of the members report (or none is known)."""
    if not n_members or math.isnan(float(n_members)) or math.isnan(float(n_reporting)):
        return True
    return float(n_reporting) / float(n_members) < COVERAGE_THRESHOLD


def threshold_note(locale: Locale) -> str:
    """The coverage threshold, as every chart that marks it states it."""
    _ = locale.gettext
    return _("dotted, hollow markers: fewer than 3 in 4 members reporting")


def note(spec: Indicator, field: str, locale: Locale) -> str:
    """An indicator's ``gaps`` or ``editions_note`` in ``locale`` ("" when nothing to say)."""
    return spec.note(field, locale)


def gaps(spec: Indicator, locale: Locale) -> str:
    """What the indicator's source does not cover, and why ("" when nothing)."""
    return note(spec, "gaps", locale)
