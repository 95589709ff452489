"""The words and numbers the claims panel shows (pure, translated through the reader's Locale).

What a value is (:func:`format_amount`), how far the document is from it (:func:`difference_text`),
why it is missing (:func:`why_text`) and what its years include beside the document's
(:func:`bracket_text`). The values themselves are computed in :mod:`dashboard.claims`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from dashboard.claims import NO_BASE, NOT_PUBLISHED, REPORTED_ZERO, Value, difference
from dashboard.locale import Locale


def decimals_of(value: float) -> int:
    """Decimals a stated figure was written with (2.2 -> 1, 70 -> 0)."""
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def format_amount(value: float, unit: str, locale: Locale, decimals: int | None = None) -> str:
    """ "9,500,000 people", "70.0 %", "2.2 % a year", "+750 %"; "no data" for NaN."""
    _ = locale.gettext
    if math.isnan(value):
        return _("no data")
    places = (0 if unit == "persons" else 1) if decimals is None else decimals
    number = locale.number(value, places)
    if unit == "persons":
        return f"{number} {_('people')}"
    if unit == "percent_per_year":
        return _("{number} % a year").format(number=number)
    if unit == "percent_change":
        return ("+" if value > 0 else "") + f"{number} %"
    return f"{number} %"


def claim_text(claim: Mapping[str, Any], locale: Locale) -> str:
    """The claim's figure as the document states it, with its qualifier: "almost +750 %"."""
    _ = locale.gettext
    amount = format_amount(float(claim["value"]), claim["unit"], locale, decimals_of(claim["value"]))
    before = {"over": _("over {amount}"), "almost": _("almost {amount}"), "about": _("about {amount}"),
              "roughly": _("roughly {amount}"), "estimate": _("{amount} (estimate)"),
              "average": _("{amount} (average)")}  # fmt: skip
    return before.get(str(claim.get("qualifier") or ""), "{amount}").format(amount=amount)


def years_text(value: Value) -> str:
    """ "2015" or "2000–2015"."""
    return f"{value.base}–{value.year}" if value.base is not None else str(value.year)


def difference_text(claim: Mapping[str, Any], value: Value, locale: Locale) -> str:
    """How far the document is from one of Puentes' values, in words: "1,195,968 people (14.4 %)
    above Puentes' 2015 value"; percentage points for shares and rates."""
    _ = locale.gettext
    gap = difference(float(claim["value"]), value)
    if math.isnan(gap):
        return _("no data to compare")
    if abs(gap) < 0.05:
        return _("the same as Puentes' {years} value").format(years=years_text(value))
    if value.unit == "persons":
        amount = format_amount(abs(gap), "persons", locale)
        amount += f" ({locale.number(abs(gap) / value.value * 100, 1)} %)"
    else:
        amount = _("{number} percentage points").format(number=locale.number(abs(gap), 1))
    template = (
        _("{amount} above Puentes' {years} value") if gap > 0 else _("{amount} below Puentes' {years} value")
    )
    return template.format(amount=amount, years=years_text(value))


def why_text(value: Value, locale: Locale) -> str:
    """Why a value is "no data": the source publishes no figure, or a change has no start."""
    _ = locale.gettext
    if value.why == NOT_PUBLISHED:
        return _("The source publishes no figure for one of these places or years.")
    if value.why == REPORTED_ZERO:
        return _('The source publishes 0 here, which means "not reported": no data, not zero.')
    if value.why == NO_BASE:
        return _("No change can be computed: the starting figure is 0 or missing.")
    return ""


def bracket_text(claim: Mapping[str, Any], value: Value, locale: Locale) -> str:
    """What a value's years include beside the document's: "Ends 2 years before the document's 2017."
    or "Runs 3 years past the document's 2017, so it also counts what happened since."; "" when the
    years agree."""
    stated = int(claim["year_end"])
    if value.year < stated:
        gap = stated - value.year
        return locale.ngettext(
            "Ends {n} year before the document's {year}.", "Ends {n} years before the document's {year}.", gap
        ).format(n=locale.number(gap), year=stated)
    if value.year == stated:
        return ""
    gap = value.year - stated
    return locale.ngettext(
        "Runs {n} year past the document's {year}, so it also counts what happened since.",
        "Runs {n} years past the document's {year}, so it also counts what happened since.",
        gap,
    ).format(n=locale.number(gap), year=stated)


def context_text(
    claim: Mapping[str, Any], context: Sequence[Value], origin: str, place: str, locale: Locale
) -> str:
    """What the years past the document's include, once per card: "People born in Venezuela living
    in CELAC: 203,267 people (2015) → 4,378,626 people (2020)."; "" when no compared year is later."""
    _ = locale.gettext
    stated = int(claim["year_end"])
    before = [c for c in context if c.year <= stated]
    after = [c for c in context if c.year > stated]
    if not (origin and before and after):
        return ""
    start, end = before[-1], after[-1]
    return _(
        "People born in {origin} living in {place}: {start} ({start_year}) → {end} ({end_year})."
    ).format(
        origin=origin,
        place=place,
        start=format_amount(start.value, "persons", locale),
        start_year=start.year,
        end=format_amount(end.value, "persons", locale),
        end_year=end.year,
    )
