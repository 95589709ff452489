"""Levels the claims are checked against, read from Puentes' tables: an indicator summed over
countries or read for a group (with the group's coverage), a UN region over its areas, a share of a
corridor table, UNHCR's pairs by origin and country of asylum. A missing figure is NaN, never 0.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

NAN = float("nan")
REPORTED_ZERO = "reported_zero"  # the source's 0 means "not reported" (flag reported_zero)


def level(
    indicator: str, codes: Sequence[str], year: int, indicators: pd.DataFrame, aggregates: pd.DataFrame
) -> float:
    """The indicator summed over ``codes`` (a group code reads its aggregate); NaN when any is missing."""
    parts = []
    for table, key in ((aggregates, "group"), (indicators, "iso3")):
        rows = table[(table["indicator"] == indicator) & (table["year"] == year)]
        parts.append(rows.drop_duplicates(key).set_index(key)["value"])
    groups, countries = parts
    total = 0.0
    for code in codes:
        value = groups.get(code) if code in groups.index else countries.get(code)
        if value is None or pd.isna(value):
            return NAN
        total += float(value)
    return total


def group_coverage(
    indicator: str,
    codes: Sequence[str],
    years: Sequence[int],
    indicators: pd.DataFrame,
    aggregates: pd.DataFrame,
) -> tuple[tuple[int, int] | None, bool]:
    """(the fewest (reporting, members) of a partial group aggregate over ``years``, or None when every
    group is complete; whether a country's figure is a reported zero, "not reported")."""
    rows = aggregates[(aggregates["indicator"] == indicator) & aggregates["group"].isin(codes)]
    rows = rows[rows["year"].isin(years)]
    coverage = None
    if "n_reporting" in rows.columns:
        partial = rows[rows["n_reporting"] < rows["n_members"]].sort_values("n_reporting")
        if len(partial):
            coverage = (int(partial["n_reporting"].iloc[0]), int(partial["n_members"].iloc[0]))
    mine = indicators[(indicators["indicator"] == indicator) & indicators["iso3"].isin(codes)]
    zero = bool((mine[mine["year"].isin(years)]["flag"] == REPORTED_ZERO).any())
    return coverage, zero


def region_level(region: str, year: int, region_stock: pd.DataFrame) -> tuple[float, tuple[int, int]]:
    """(migrant stock of a UN region summed over its areas with a figure, (areas with one, areas));
    NaN when none has one."""
    rows = region_stock[(region_stock["region"] == region) & (region_stock["year"] == year)]
    known = rows["migrant_stock"].dropna()
    total = float(known.sum()) if len(known) else NAN
    return total, (len(known), len(rows))


def origin_shares(
    corridors: pd.DataFrame, origins: Collection[str], destinations: Collection[str], year: int
) -> tuple[float, float, float]:
    """(share in %, stock of ``origins`` living in ``destinations``, stock living anywhere),
    both sexes; NaN share when the origins have no recorded emigrants that year."""
    rows = corridors[
        (corridors["sex"] == "total") & (corridors["year"] == year) & corridors["origin"].isin(origins)
    ]
    everywhere = float(rows["migrant_stock"].sum())
    there = float(rows.loc[rows["destination"].isin(destinations), "migrant_stock"].sum())
    share = there / everywhere * 100 if everywhere > 0 else NAN
    return share, there, everywhere


def protection_level(
    pairs: pd.DataFrame, measure: str, origins: Collection[str], hosts: Collection[str], year: int
) -> float:
    """UNHCR's ``measure`` for people from ``origins`` in ``hosts`` summed over the pairs; NaN when
    a host has no published figure for them that year (no data, never 0)."""
    rows = pairs[(pairs["year"] == year) & pairs["origin"].isin(origins) & pairs["asylum"].isin(hosts)]
    by_host = rows.groupby("asylum")[measure].sum(min_count=1)
    if set(by_host.dropna().index) != set(hosts):
        return NAN
    return float(by_host.sum())
