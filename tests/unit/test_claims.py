"""Claims checked against the data: the computations on tiny frames written here."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import claims
from dashboard.datasets import Indicator
from dashboard.locale import Locale

SPEC = Indicator(
    "stock", "stocks", "persons", "undesa", False, "sequential", "complete", {"en": "Stock"}, {}, "", ()
)
CATALOGUE = {"stock": SPEC}
GROUPS = pd.DataFrame({"group": ["BLOC"], "members": ["AAA BBB"]})
INDICATORS = pd.DataFrame(
    {
        "iso3": ["AAA", "AAA", "BBB", "BBB", "CCC"],
        "indicator": ["stock"] * 5,
        "year": [2000, 2010, 2000, 2010, 2000],
        "value": [100.0, 300.0, 50.0, 150.0, 7.0],
        "flag": [""] * 5,
    }
)
AGGREGATES = pd.DataFrame(
    {
        "group": ["BLOC", "BLOC"],
        "indicator": ["stock", "stock"],
        "year": [2000, 2010],
        "value": [150.0, 450.0],
    }
)
CORRIDORS = pd.DataFrame(
    {
        "origin": ["AAA", "AAA", "BBB", "BBB", "AAA"],
        "destination": ["USA", "BBB", "USA", "ZZZ", "USA"],
        "year": [2000, 2000, 2000, 2000, 2000],
        "sex": ["total", "total", "total", "total", "male"],
        "migrant_stock": [60.0, 20.0, 10.0, 10.0, 999.0],
    }
)


def claim(**compare: object) -> dict[str, object]:
    row: dict[str, object] = {"id": "c", "comparable": True, "value": 2.2, "unit": "percent", "qualifier": ""}
    return row | {f"compare_{k}": v for k, v in compare.items()}


def run(row: dict[str, object]) -> claims.Check:
    return claims.check(
        row,
        indicators=INDICATORS,
        aggregates=AGGREGATES,
        corridors=CORRIDORS,
        groups=GROUPS,
        catalogue=CATALOGUE,
    )


def test_a_level_reads_the_group_aggregate_or_sums_countries() -> None:
    assert claims.level("stock", ["BLOC"], 2010, INDICATORS, AGGREGATES) == 450.0
    assert claims.level("stock", ["AAA", "BBB"], 2000, INDICATORS, AGGREGATES) == 150.0
    assert math.isnan(
        claims.level("stock", ["AAA", "CCC"], 2010, INDICATORS, AGGREGATES)
    )  # CCC missing: no data


def test_growth_is_compound_and_change_is_relative() -> None:
    assert claims.annual_growth(100.0, 121.0, 2) == pytest.approx(10.0)
    assert claims.percent_change(40.0, 100.0) == pytest.approx(150.0)
    assert math.isnan(claims.annual_growth(float("nan"), 1.0, 2))
    assert math.isnan(claims.percent_change(0.0, 5.0))


def test_indicator_claims_give_each_year_or_span() -> None:
    values = run(
        claim(kind="indicator", indicator="stock", geography=("BLOC",), years=(2000, 2010), method="value")
    )
    assert [(v.year, v.value, v.unit, v.source) for v in values.values] == [
        (2000, 150.0, "persons", "undesa"),
        (2010, 450.0, "persons", "undesa"),
    ]
    growth = run(
        claim(
            kind="indicator",
            indicator="stock",
            geography=("BLOC",),
            years=(2010, 2000),
            method="annual_growth",
        )
    )
    (only,) = growth.values
    assert (only.base, only.year, only.parts) == (2000, 2010, (150.0, 450.0))
    assert only.value == pytest.approx((3 ** (1 / 10) - 1) * 100)
    change = run(
        claim(
            kind="indicator",
            indicator="stock",
            geography=("AAA", "BBB"),
            years=(2000, 2010),
            method="percent_change",
        )
    )
    assert change.values[0].value == pytest.approx(200.0) and change.values[0].unit == "percent_change"


def test_corridor_share_counts_both_sexes_over_every_destination() -> None:
    result = run(
        claim(
            kind="corridor",
            origin=("BLOC",),
            destination=("USA",),
            years=(2000,),
            method="share_of_origin_total",
        )
    )
    (share,) = result.values
    assert share.parts == (70.0, 100.0) and share.value == pytest.approx(70.0)  # the male row is not added
    assert math.isnan(claims.origin_shares(CORRIDORS, ["QQQ"], ["USA"], 2000)[0])


def test_a_claim_without_a_mapping_has_no_values() -> None:
    row: dict[str, object] = {"id": "x", "comparable": False, "compare_kind": ""}
    assert run(row) == claims.Check("x", False, ())


def test_words_say_unit_year_and_direction() -> None:
    row = {"value": 9500000, "unit": "persons", "qualifier": "estimate"}
    assert claims.claim_text(row, Locale.of("en")) == "9,500,000 people (estimate)"
    assert (
        claims.claim_text({"value": 750, "unit": "percent_change", "qualifier": "almost"}, Locale.of("en"))
        == "almost +750 %"
    )
    assert claims.claim_text(
        {"value": 2.2, "unit": "percent_per_year", "qualifier": ""}, Locale.of("es")
    ).startswith("2,2 %")
    below = claims.Value(2015, 10000000.0, "persons", "s")
    assert (
        claims.difference_text(row, below, Locale.of("en"))
        == "500,000 people (5.0 %) below Puentes' 2015 value"
    )
    share = claims.Value(2020, 66.44, "percent", "s")
    assert (
        claims.difference_text({"value": 70}, share, Locale.of("en"))
        == "3.6 percentage points above Puentes' 2020 value"
    )
    missing = claims.Value(2020, float("nan"), "percent", "s")
    assert claims.difference_text({"value": 70}, missing, Locale.of("en")) == "no data to compare"
    assert claims.format_amount(float("nan"), "persons", Locale.of("en")) == "no data"
    assert claims.years_text(claims.Value(2015, 1.0, "percent_per_year", "s", base=2000)) == "2000–2015"
    assert claims.decimals_of(2.2) == 1 and claims.decimals_of(70) == 0
