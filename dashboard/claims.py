"""Claims in the source documents checked against Puentes' own data.

Each claim (``data/dialogue/claims.toml``) maps to the closest measure in data/: an indicator for
a country or group (and, where the document counts a UN region, the same for the region with its
territories), a share of the corridor table, or UNHCR's origin × asylum pairs. This module computes
Puentes' value(s) for that mapping. Pure: frames in, records out; Puentes' numbers are never
stored, always recomputed here. The words are in :mod:`dashboard.claim_words`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from dashboard.claim_levels import (
    REPORTED_ZERO,
    group_coverage,
    level,
    origin_shares,
    protection_level,
    region_level,
)
from dashboard.datasets import Indicator

CORRIDOR_SOURCE = "undesa_ims2024"
PROTECTION_SOURCE = "unhcr"
NAN = float("nan")
REGION_COLUMNS = ["region", "m49", "iso3", "year", "migrant_stock"]
# Why a value is missing (the words are in dashboard.claim_words.why_text).
NOT_PUBLISHED = "not_published"  # the source has no figure for one of the places or years
NO_BASE = "no_base"  # a change or growth from a start that is missing or 0


@dataclass(frozen=True)
class Value:
    """One of Puentes' values for a claim. ``value`` is NaN when the data has none (``why`` says why).

    ``base`` is the first year of a growth or change (``None`` for a level or a share);
    ``parts`` are the inputs a reader may want to check (start and end levels, or a share's
    numerator and denominator), in ``parts_unit``. ``where`` names what the value covers when the
    claim's card shows more than one geography: a group or country code, or ``region:<code>``.
    ``coverage`` is (areas with a figure, areas) for a region, ``None`` otherwise.
    """

    year: int
    value: float
    unit: str
    source: str
    base: int | None = None
    parts: tuple[float, ...] = ()
    parts_unit: str = "persons"
    where: tuple[str, ...] = ()
    coverage: tuple[int, int] | None = None
    why: str = ""


@dataclass(frozen=True)
class Check:
    """A claim and Puentes' values for it; ``comparable`` is the claim's own verdict.

    ``context`` holds, when the claim names a ``context_origin``, the stock born in that origin
    living in the claim's geography for each compared year: what a bracket past the document's
    year also counts (the Venezuelan exodus after 2017).
    """

    claim: str
    comparable: bool
    values: tuple[Value, ...]
    context: tuple[Value, ...] = ()


def members(codes: Sequence[str], groups: pd.DataFrame) -> tuple[str, ...]:
    """ISO3 codes for a mix of ISO3 and group codes (``data/groups.csv``), de-duplicated."""
    table = groups.set_index("group") if "group" in groups.columns else groups
    out: list[str] = []
    for code in codes:
        out += str(table.loc[code, "members"]).split() if code in table.index else [code]
    return tuple(dict.fromkeys(out))


def annual_growth(start: float, end: float, years: int) -> float:
    """Compound average growth in % a year; NaN when either level is missing or not positive."""
    if not (start > 0 and end > 0 and years > 0):
        return NAN
    return ((end / start) ** (1 / years) - 1) * 100


def percent_change(start: float, end: float) -> float:
    """Change from ``start`` to ``end`` in %; NaN when either is missing or ``start`` is 0."""
    if not (start > 0 and end >= 0):
        return NAN
    return (end / start - 1) * 100


def _why(*levels: float) -> str:
    return NOT_PUBLISHED if any(math.isnan(v) for v in levels) else ""


def series_values(
    levels: Mapping[int, float], method: str, unit: str, source: str, **extra: Any
) -> tuple[Value, ...]:
    """Puentes' values from levels by year: each level, or the growth or change from the first year."""
    years = sorted(levels)
    if method == "value":
        return tuple(Value(y, levels[y], unit, source, why=_why(levels[y]), **extra) for y in years)
    first, out = years[0], []
    for year in years[1:]:
        start, end = levels[first], levels[year]
        if method == "annual_growth":
            value, kind = annual_growth(start, end, year - first), "percent_per_year"
        elif method == "percent_change":
            value, kind = percent_change(start, end), "percent_change"
        else:
            raise ValueError(f"unknown method {method!r}")
        why = _why(start, end) or (NO_BASE if math.isnan(value) else "")
        out.append(Value(year, value, kind, source, first, (start, end), unit, why=why, **extra))
    return tuple(out)


def _indicator_values(
    compare: Mapping[str, Any],
    indicators: pd.DataFrame,
    aggregates: pd.DataFrame,
    region_stock: pd.DataFrame,
    spec: Indicator,
) -> tuple[Value, ...]:
    name, codes, years = compare["indicator"], list(compare["geography"]), sorted(compare["years"])
    levels = {year: level(name, codes, year, indicators, aggregates) for year in years}
    where = tuple(codes) if compare.get("region") else ()
    out = series_values(levels, compare["method"], spec.unit, spec.source, where=where)
    for index, value in enumerate(out):
        years_used = [value.year] if value.base is None else [value.base, value.year]
        coverage, zero = group_coverage(name, codes, years_used, indicators, aggregates)
        why = REPORTED_ZERO if zero and math.isnan(value.value) else value.why
        out = (*out[:index], replace(value, coverage=coverage, why=why), *out[index + 1 :])
    if region := compare.get("region"):
        found = {year: region_level(region, year, region_stock) for year in years}
        regional = series_values(
            {y: v for y, (v, _) in found.items()}, compare["method"], spec.unit, spec.source,
            where=(f"region:{region}",),
        )  # fmt: skip
        out = tuple(replace(v, coverage=_coverage(found, v)) for v in regional) + out
    return out  # the document's region (like with like) first, then Puentes' own group


def _coverage(found: Mapping[int, tuple[float, tuple[int, int]]], value: Value) -> tuple[int, int]:
    """The fewer areas with a figure of the value's year and its start year."""
    years = [value.year] if value.base is None else [value.base, value.year]
    return min((found[y][1] for y in years), key=lambda c: c[0])


def _corridor_values(
    compare: Mapping[str, Any], corridors: pd.DataFrame, groups: pd.DataFrame
) -> tuple[Value, ...]:
    if compare["method"] != "share_of_origin_total":
        raise ValueError(f"unknown method {compare['method']!r} for a corridor claim")
    origins, destinations = members(compare["origin"], groups), members(compare["destination"], groups)
    out = []
    for year in sorted(compare["years"]):
        share, there, everywhere = origin_shares(corridors, origins, destinations, year)
        why = NOT_PUBLISHED if math.isnan(share) else ""
        out.append(Value(year, share, "percent", CORRIDOR_SOURCE, parts=(there, everywhere), why=why))
    return tuple(out)


def _protection_values(
    compare: Mapping[str, Any], pairs: pd.DataFrame, groups: pd.DataFrame
) -> tuple[Value, ...]:
    origins, hosts = members(compare["origin"], groups), members(compare["asylum"], groups)
    measure, years = compare["measure"], sorted(compare["years"])
    places = [hosts, *([(h,) for h in hosts] if compare.get("each") and len(hosts) > 1 else [])]
    out: tuple[Value, ...] = ()
    for where in places:
        levels = {y: protection_level(pairs, measure, origins, where, y) for y in years}
        out += series_values(levels, compare["method"], "persons", PROTECTION_SOURCE, where=tuple(where))
    return out


def compare_mapping(claim: Mapping[str, Any]) -> dict[str, Any]:
    """The claim's ``compare`` table from its frame row (``compare_<key>`` columns)."""
    return {key.removeprefix("compare_"): value for key, value in claim.items() if key.startswith("compare_")}


def _context(compare: Mapping[str, Any], corridors: pd.DataFrame, groups: pd.DataFrame) -> tuple[Value, ...]:
    """People born in ``context_origin`` living in the claim's geography (a corridor claim: in its
    origins, where the region's emigrants went), for each compared year."""
    origin = compare.get("context_origin") or ""
    codes = compare.get("geography") or compare.get("origin") or ()
    if not origin or not codes:
        return ()
    places = members(codes, groups)
    rows = corridors[
        (corridors["sex"] == "total")
        & (corridors["origin"] == origin)
        & corridors["destination"].isin(places)
    ]
    out = []
    for year in sorted(compare["years"]):
        stock = rows.loc[rows["year"] == year, "migrant_stock"]
        value = float(stock.sum()) if len(stock) else NAN
        out.append(Value(year, value, "persons", CORRIDOR_SOURCE, where=(origin, *codes), why=_why(value)))
    return tuple(out)


def check(
    claim: Mapping[str, Any],
    *,
    indicators: pd.DataFrame,
    aggregates: pd.DataFrame,
    corridors: pd.DataFrame,
    groups: pd.DataFrame,
    catalogue: Mapping[str, Indicator],
    protection: pd.DataFrame | None = None,
    region_stock: pd.DataFrame | None = None,
) -> Check:
    """Puentes' value(s) for one claim (a row of ``dialogue.claims()``); none without a mapping."""
    compare = compare_mapping(claim)
    values: tuple[Value, ...] = ()
    kind = compare.get("kind")
    if kind == "indicator":
        regions = region_stock if region_stock is not None else pd.DataFrame(columns=REGION_COLUMNS)
        spec = catalogue[compare["indicator"]]
        values = _indicator_values(compare, indicators, aggregates, regions, spec)
    elif kind == "corridor":
        values = _corridor_values(compare, corridors, groups)
    elif kind == "protection":
        if protection is None:
            raise ValueError("a protection claim needs the protection corridors")
        values = _protection_values(compare, protection, groups)
    context = _context(compare, corridors, groups) if kind else ()
    return Check(str(claim["id"]), bool(claim["comparable"]), values, context)


def difference(claim_value: float, value: Value) -> float:
    """Claim minus Puentes, in the claim's unit (percentage points for shares and rates)."""
    return claim_value - value.value if not math.isnan(value.value) else NAN
