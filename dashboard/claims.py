"""Claims in the source documents checked against Puentes' own data.

Each claim (``data/dialogue/claims.toml``) maps to the closest measure in data/ (an indicator
for a country or group, or a share of the corridor table); this module computes Puentes'
value(s) for that mapping and the difference from the claim. Pure: frames in, records out;
Puentes' numbers are never stored, always recomputed here.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.datasets import Indicator
from dashboard.locale import Locale

CORRIDOR_SOURCE = "undesa_ims2024"
NAN = float("nan")


@dataclass(frozen=True)
class Value:
    """One of Puentes' values for a claim. ``value`` is NaN when the data has none.

    ``base`` is the first year of a growth or change (``None`` for a level or a share);
    ``parts`` are the inputs a reader may want to check (start and end levels, or a share's
    numerator and denominator), in ``parts_unit``.
    """

    year: int
    value: float
    unit: str
    source: str
    base: int | None = None
    parts: tuple[float, ...] = ()
    parts_unit: str = "persons"


@dataclass(frozen=True)
class Check:
    """A claim and Puentes' values for it; ``comparable`` is the claim's own verdict."""

    claim: str
    comparable: bool
    values: tuple[Value, ...]


def members(codes: Sequence[str], groups: pd.DataFrame) -> tuple[str, ...]:
    """ISO3 codes for a mix of ISO3 and group codes (``data/groups.csv``), de-duplicated."""
    table = groups.set_index("group") if "group" in groups.columns else groups
    out: list[str] = []
    for code in codes:
        out += str(table.loc[code, "members"]).split() if code in table.index else [code]
    return tuple(dict.fromkeys(out))


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


def _indicator_values(
    compare: Mapping[str, Any], indicators: pd.DataFrame, aggregates: pd.DataFrame, spec: Indicator
) -> tuple[Value, ...]:
    name, codes, years = compare["indicator"], list(compare["geography"]), sorted(compare["years"])
    levels = {year: level(name, codes, year, indicators, aggregates) for year in years}
    method, source = compare["method"], spec.source
    if method == "value":
        return tuple(Value(y, levels[y], spec.unit, source) for y in years)
    first = years[0]
    if method == "annual_growth":
        return tuple(
            Value(y, annual_growth(levels[first], levels[y], y - first), "percent_per_year", source, first,
                  (levels[first], levels[y]), spec.unit)
            for y in years[1:]
        )  # fmt: skip
    if method == "percent_change":
        return tuple(
            Value(y, percent_change(levels[first], levels[y]), "percent_change", source, first,
                  (levels[first], levels[y]), spec.unit)
            for y in years[1:]
        )  # fmt: skip
    raise ValueError(f"unknown method {method!r} for an indicator claim")


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


def _corridor_values(
    compare: Mapping[str, Any], corridors: pd.DataFrame, groups: pd.DataFrame
) -> tuple[Value, ...]:
    if compare["method"] != "share_of_origin_total":
        raise ValueError(f"unknown method {compare['method']!r} for a corridor claim")
    origins, destinations = members(compare["origin"], groups), members(compare["destination"], groups)
    out = []
    for year in sorted(compare["years"]):
        share, there, everywhere = origin_shares(corridors, origins, destinations, year)
        out.append(Value(year, share, "percent", CORRIDOR_SOURCE, parts=(there, everywhere)))
    return tuple(out)


def compare_mapping(claim: Mapping[str, Any]) -> dict[str, Any]:
    """The claim's ``compare`` table from its frame row (``compare_<key>`` columns)."""
    return {key.removeprefix("compare_"): value for key, value in claim.items() if key.startswith("compare_")}


def check(
    claim: Mapping[str, Any],
    *,
    indicators: pd.DataFrame,
    aggregates: pd.DataFrame,
    corridors: pd.DataFrame,
    groups: pd.DataFrame,
    catalogue: Mapping[str, Indicator],
) -> Check:
    """Puentes' value(s) for one claim (a row of ``dialogue.claims()``); none without a mapping."""
    compare = compare_mapping(claim)
    values: tuple[Value, ...] = ()
    if compare.get("kind") == "indicator":
        values = _indicator_values(compare, indicators, aggregates, catalogue[compare["indicator"]])
    elif compare.get("kind") == "corridor":
        values = _corridor_values(compare, corridors, groups)
    return Check(str(claim["id"]), bool(claim["comparable"]), values)


def difference(claim_value: float, value: Value) -> float:
    """Claim minus Puentes, in the claim's unit (percentage points for shares and rates)."""
    return claim_value - value.value if not math.isnan(value.value) else NAN


# -- words and numbers for the page (pure, translated) ---------------------------------------


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
