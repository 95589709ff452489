"""Time series of what the charts draw: a selection's indicator series with flags and coverage,
and corridors over every year. Frames in, frames out; no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from dashboard.corridors import Codes, select

SERIES_KEYS = ("code", "year")


def indicator_series(
    series: Mapping[tuple[str, str], pd.DataFrame],
    indicator: str,
    codes: Sequence[str],
    published: pd.DataFrame,
) -> pd.DataFrame:
    """Every year of ``indicator`` for each code (a country or a group), in ``codes``' order:
    ``code, year, value, published, flag, n_reporting, n_members``. ``series`` maps (indicator,
    code) to a frame by year (``value`` already a reading: NaN for a flagged zero); ``published``
    holds the countries' numbers as published (``iso3, year, published``)."""
    parts = []
    for code in codes:
        rows = series.get((indicator, code))
        if rows is None or rows.empty:
            continue
        parts.append(rows.reset_index().assign(code=code))
    if not parts:
        columns = [*SERIES_KEYS, "value", "published", "flag", "n_reporting", "n_members"]
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    kept = published.rename(columns={"iso3": "code"})[["code", "year", "published"]]
    out = out.merge(kept, on=list(SERIES_KEYS), how="left")
    return out[["code", "year", "value", "published", "flag", "n_reporting", "n_members"]]


def corridors_over_time(frame: pd.DataFrame, origins: Codes, destinations: Codes) -> pd.DataFrame:
    """The chosen corridors in every year of ``frame`` (``origin, destination, year,
    migrant_stock``), sorted by corridor and year."""
    kept = select(frame, origins, destinations)
    columns = ["origin", "destination", "year", "migrant_stock"]
    return kept[columns].sort_values(["origin", "destination", "year"]).reset_index(drop=True)


def largest_corridors(over_time: pd.DataFrame, year: int, count: int) -> list[tuple[str, str]]:
    """The ``count`` largest corridors (origin, destination) in ``year`` with migrants recorded;
    ties by name of the codes, so the choice never changes between requests."""
    then = over_time[(over_time["year"] == year) & (over_time["migrant_stock"] > 0)]
    ranked = then.sort_values(["migrant_stock", "origin", "destination"], ascending=[False, True, True])
    return list(zip(ranked["origin"].head(count), ranked["destination"].head(count), strict=True))


def lines(
    over_time: pd.DataFrame, pairs: Sequence[tuple[str, str]], years: Sequence[int]
) -> dict[tuple[str, str], np.ndarray]:
    """Each corridor's stock in every one of ``years`` (NaN where the source has no row)."""
    wanted = set(pairs)
    by_pair: dict[tuple[str, str], dict[int, float]] = {pair: {} for pair in pairs}
    columns = (over_time[c].tolist() for c in ("origin", "destination", "year", "migrant_stock"))
    for origin, destination, year, stock in zip(*columns, strict=True):  # one pass, not one per line
        if (origin, destination) in wanted:
            by_pair[(origin, destination)][int(year)] = float(stock)
    return {pair: np.array([by_pair[pair].get(int(y), np.nan) for y in years], dtype=float) for pair in pairs}
