"""What the map shows on hover: short per-country fields (value, rank, note) and the words
around them, one template per bloc. Formatted numbers are kept: readers scrub the same years."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from dashboard.locale import Locale


def hover_fields(rows: Sequence[dict[str, Any]], unit: str, locale: Locale) -> list[list[str]]:
    """Per country: [bare value, rank, countries ranked, note]; the words live in the template.

    Sending only these short strings keeps a year change to a couple of kilobytes.
    """
    _ = locale.gettext
    zero_note = _("published as 0: treated as not reported")
    out = []
    for row in rows:
        if pd.isna(row["value"]):
            out.append(["", "", "", ""])
            continue
        out.append(
            [
                _bare(float(row["value"]), unit, locale),
                _whole(float(row["rank"]), locale),
                _whole(float(row["n_in_bloc"]), locale),
                zero_note if row["flag"] == "reported_zero" else "",
            ]
        )
    return out


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
    rank = _("rank {rank} of {n} in {bloc}").format(
        rank="%{customdata[1]}", n="%{customdata[2]}", bloc="CELAC" if bloc == "CELAC" else _("the EU")
    )
    return (
        f"<b>%{{text}}</b><br>{prefix}%{{customdata[0]}}{suffix} · {year}<br>{rank}"
        f"<br><i>%{{customdata[3]}}</i><extra>{source}</extra>"
    )
