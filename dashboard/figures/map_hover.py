"""What the map shows on hover: short per-country fields (value, rank, note) and the words
around them, one template per bloc. Formatted numbers are kept: readers scrub the same years."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from dashboard.locale import Locale
from dashboard.readings import why_no_data

WRAP = 60  # characters per line of a "why no data" note in a hover box


def hover_fields(
    rows: Sequence[dict[str, Any]], unit: str, locale: Locale, gaps: str = ""
) -> list[list[str]]:
    """Per country: [bare value, rank, countries ranked, note]; the words live in the template.

    A country without a value (``value`` NaN: missing or a flagged zero, see
    :mod:`dashboard.readings`) gets no value and no rank, only the note saying why (its flag's
    reason, else ``gaps``, the indicator's note on what its source does not cover).
    Sending only these short strings keeps a year change to a couple of kilobytes.
    """
    out = []
    for row in rows:
        if pd.isna(row["value"]):
            out.append(["", "", "", _wrapped(why_no_data(row["flag"], gaps, locale))])
            continue
        out.append(
            [
                _bare(float(row["value"]), unit, locale),
                _whole(float(row["rank"]), locale),
                _whole(float(row["n_in_bloc"]), locale),
                "",
            ]
        )
    return out


@lru_cache(maxsize=256)
def _wrapped(text: str) -> str:
    return "<br>".join(textwrap.wrap(text, WRAP))


# Formatting is most of the cost of an update: the same values come back as a reader
# scrubs years, so the strings are kept (pure functions of hashable arguments).
@lru_cache(maxsize=16384)
def _bare(value: float, unit: str, locale: Locale) -> str:
    return locale.bare(value, unit)


@lru_cache(maxsize=1024)
def _whole(value: float, locale: Locale) -> str:
    return locale.number(value)


def clear_caches() -> None:
    """Forget the formatted numbers (the benchmark measures the first sight of a year)."""
    _bare.cache_clear()
    _whole.cache_clear()


def hover_template(bloc: str, unit: str, year: int, source: str, locale: Locale) -> str:
    """The words around the hover fields: name, value with unit and year, rank in bloc, note, source."""
    _ = locale.gettext
    prefix, suffix = locale.affixes(unit)
    # n counts the bloc's members with a value this year (as the slides' "countries with data" do)
    rank = _("rank {rank} of {n} with data in {bloc}").format(
        rank="%{customdata[1]}", n="%{customdata[2]}", bloc="CELAC" if bloc == "CELAC" else _("the EU")
    )
    return (
        f"<b>%{{text}}</b><br>{prefix}%{{customdata[0]}}{suffix} · {year}<br>{rank}"
        f"<br><i>%{{customdata[3]}}</i><extra>{source}</extra>"
    )
