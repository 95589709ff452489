"""Claims checked against the data: the computations on tiny frames written here."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import claim_words, claims, dialogue_schema
from dashboard.datasets import Indicator
from dashboard.errors import DataValidationError
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


# UNHCR pairs: origin x country of asylum (AAA's people in BBB and CCC; ZZZ's too).
PAIRS = pd.DataFrame(
    {
        "origin": ["AAA", "AAA", "AAA", "AAA", "ZZZ", "ZZZ", "AAA"],
        "asylum": ["BBB", "BBB", "CCC", "CCC", "BBB", "BBB", "DDD"],
        "year": [2016, 2017, 2016, 2017, 2016, 2017, 2017],
        "refugees": [1.0] * 7,
        "asylum_seekers": [40.0, 100.0, 10.0, 200.0, 5000.0, 5.0, 9.0],
        "oip": [float("nan")] * 7,
    }
)


def protection_claim(asylum: tuple[str, ...], each: bool = True) -> dict[str, object]:
    return claim(
        kind="protection", origin=("AAA",), asylum=asylum, measure="asylum_seekers", each=each,
        years=(2016, 2017), method="percent_change",
    )  # fmt: skip


def test_a_protection_claim_counts_one_origin_in_its_hosts_together_and_each() -> None:
    result = claims.check(
        protection_claim(("BBB", "CCC")), indicators=INDICATORS, aggregates=AGGREGATES,
        corridors=CORRIDORS, groups=GROUPS, catalogue=CATALOGUE, protection=PAIRS,
    )  # fmt: skip
    together, first, second = result.values
    # ZZZ's 5,000 -> 5 in BBB (other origins) must not count: like with like
    assert together.where == ("BBB", "CCC") and together.parts == (50.0, 300.0)
    assert together.value == pytest.approx(500.0) and together.unit == "percent_change"
    assert (first.where, first.value) == (("BBB",), pytest.approx(150.0))
    assert (second.where, second.value) == (("CCC",), pytest.approx(1900.0))


def test_a_host_without_a_published_pair_is_no_data_with_why_never_zero() -> None:
    result = claims.check(
        protection_claim(("BBB", "DDD"), each=False), indicators=INDICATORS, aggregates=AGGREGATES,
        corridors=CORRIDORS, groups=GROUPS, catalogue=CATALOGUE, protection=PAIRS,
    )  # fmt: skip
    (value,) = result.values  # DDD has no 2016 row: not 0, no data
    assert math.isnan(value.value) and math.isnan(value.parts[0]) and value.why == claims.NOT_PUBLISHED
    text = claim_words.why_text(value, Locale.of("en"))
    assert text == "The source publishes no figure for one of these places or years."
    assert claim_words.format_amount(value.value, value.unit, Locale.of("en")) == "no data"
    zero_start = claims.series_values({2016: 0.0, 2017: 5.0}, "percent_change", "persons", "s")
    assert zero_start[0].why == claims.NO_BASE and "starting figure" in claim_words.why_text(
        zero_start[0], Locale.of("en")
    )


REGION = pd.DataFrame(
    {
        "region": ["LAC"] * 6,
        "m49": [1, 1, 2, 2, 3, 3],
        "iso3": ["AAA", "AAA", "TTT", "TTT", "", ""],
        "name": ["A", "A", "Territory", "Territory", "Empty", "Empty"],
        "year": [2000, 2010] * 3,
        "migrant_stock": [100.0, 300.0, 20.0, 30.0, float("nan"), float("nan")],
    }
)


def test_a_region_is_shown_first_with_its_territories_beside_the_group() -> None:
    row = claim(
        kind="indicator", indicator="stock", geography=("BLOC",), region="LAC", years=(2000, 2010),
        method="value",
    )  # fmt: skip
    result = claims.check(
        row, indicators=INDICATORS, aggregates=AGGREGATES, corridors=CORRIDORS, groups=GROUPS,
        catalogue=CATALOGUE, region_stock=REGION,
    )  # fmt: skip
    assert [(v.where, v.year, v.value, v.coverage) for v in result.values] == [
        (("region:LAC",), 2000, 120.0, (2, 3)),  # the empty area is missing, not 0, and said
        (("region:LAC",), 2010, 330.0, (2, 3)),
        (("BLOC",), 2000, 150.0, None),
        (("BLOC",), 2010, 450.0, None),
    ]
    assert claims.region_level("LAC", 1990, REGION)[0] != 0  # no area: NaN
    assert math.isnan(claims.region_level("LAC", 1990, REGION)[0])


def test_a_bracket_says_what_its_years_include_beside_the_documents() -> None:
    en = Locale.of("en")
    stated = {"year_end": 2017}
    before = claims.Value(2015, 1.0, "persons", "s")
    after = claims.Value(2020, 1.0, "percent_per_year", "s", base=2000)
    assert claim_words.bracket_text(stated, before, en) == "Ends 2 years before the document's 2017."
    assert claim_words.bracket_text(stated, after, en) == (
        "Runs 3 years past the document's 2017, so it also counts what happened since."
    )
    assert claim_words.bracket_text(stated, claims.Value(2017, 1.0, "persons", "s"), en) == ""
    assert claim_words.bracket_text({"year_end": 2019}, after, en) == (
        "Runs 1 year past the document's 2019, so it also counts what happened since."
    )
    assert claim_words.bracket_text(stated, after, Locale.of("es")).startswith("Va 3 años más allá del 2017")
    context = (claims.Value(2015, 200.0, "persons", "s"), claims.Value(2020, 4000.0, "persons", "s"))
    assert claim_words.context_text(stated, context, "Venezuela", "CELAC", en) == (
        "People born in Venezuela living in CELAC: 200 people (2015) → 4,000 people (2020)."
    )
    assert claim_words.context_text({"year_end": 2020}, context, "Venezuela", "CELAC", en) == ""
    assert claim_words.context_text(stated, context, "", "CELAC", en) == ""


def test_the_context_counts_people_born_in_the_origin_living_in_the_claims_geography() -> None:
    row = claim(
        kind="corridor", origin=("BLOC",), destination=("USA",), years=(2000,),
        method="share_of_origin_total", context_origin="BBB",
    )  # fmt: skip
    (born,) = run(row).context  # BBB-born living in BLOC (AAA, BBB): none in the table -> no data
    assert math.isnan(born.value) and born.why == claims.NOT_PUBLISHED
    row["compare_context_origin"] = "AAA"
    (born,) = run(row).context
    assert born.value == 20.0  # AAA -> BBB, both sexes only


def test_words_say_unit_year_and_direction() -> None:
    row = {"value": 9500000, "unit": "persons", "qualifier": "estimate"}
    assert claim_words.claim_text(row, Locale.of("en")) == "9,500,000 people (estimate)"
    assert (
        claim_words.claim_text(
            {"value": 750, "unit": "percent_change", "qualifier": "almost"}, Locale.of("en")
        )
        == "almost +750 %"
    )
    assert claim_words.claim_text(
        {"value": 2.2, "unit": "percent_per_year", "qualifier": ""}, Locale.of("es")
    ).startswith("2,2 %")
    below = claims.Value(2015, 10000000.0, "persons", "s")
    assert (
        claim_words.difference_text(row, below, Locale.of("en"))
        == "500,000 people (5.0 %) below Puentes' 2015 value"
    )
    share = claims.Value(2020, 66.44, "percent", "s")
    assert (
        claim_words.difference_text({"value": 70}, share, Locale.of("en"))
        == "3.6 percentage points above Puentes' 2020 value"
    )
    missing = claims.Value(2020, float("nan"), "percent", "s")
    assert claim_words.difference_text({"value": 70}, missing, Locale.of("en")) == "no data to compare"
    assert claim_words.format_amount(float("nan"), "persons", Locale.of("en")) == "no data"
    assert claim_words.years_text(claims.Value(2015, 1.0, "percent_per_year", "s", base=2000)) == "2000–2015"
    assert claim_words.decimals_of(2.2) == 1 and claim_words.decimals_of(70) == 0


def test_a_reported_zero_is_no_data_and_a_partial_group_says_its_coverage() -> None:
    indicators = pd.DataFrame(
        {
            "iso3": ["AAA", "AAA"],
            "indicator": ["stock", "stock"],
            "year": [2000, 2010],
            "value": [100.0, float("nan")],
            "published": [100.0, 0.0],
            "flag": ["", "reported_zero"],
        }
    )
    aggregates = pd.DataFrame(
        {
            "group": ["BLOC", "BLOC"],
            "indicator": ["stock", "stock"],
            "year": [2000, 2010],
            "value": [150.0, 50.0],
            "flag": ["", "partial"],
            "n_reporting": [2, 1],
            "n_members": [2, 2],
        }
    )
    zero = claims.check(
        claim(kind="indicator", indicator="stock", geography=("AAA",), years=(2000, 2010), method="value"),
        indicators=indicators, aggregates=aggregates, corridors=CORRIDORS, groups=GROUPS, catalogue=CATALOGUE,
    )  # fmt: skip
    first, second = zero.values
    assert first.value == 100.0 and first.why == ""
    assert math.isnan(second.value) and second.why == claims.REPORTED_ZERO  # the published 0 is not a value
    assert "not reported" in claim_words.why_text(second, Locale.of("en"))
    group = claims.check(
        claim(kind="indicator", indicator="stock", geography=("BLOC",), years=(2000, 2010), method="value"),
        indicators=indicators, aggregates=aggregates, corridors=CORRIDORS, groups=GROUPS, catalogue=CATALOGUE,
    )  # fmt: skip
    assert [(v.value, v.coverage) for v in group.values] == [(150.0, None), (50.0, (1, 2))]


@pytest.mark.parametrize(
    ("compare", "problem"),
    [
        (
            {"kind": "protection", "measure": "idps", "origin": ["VEN"], "asylum": ["BRA"]},
            "protection measure",
        ),
        ({"kind": "protection", "measure": "asylum_seekers", "origin": ["VEN"]}, "needs origin and asylum"),
        ({"kind": "indicator", "region": "ASIA"}, "unknown region"),
    ],
)
def test_a_claims_new_compare_keys_are_checked(compare: dict[str, object], problem: str) -> None:
    def fail(message: str) -> DataValidationError:
        return DataValidationError("claims.toml", message)

    with pytest.raises(DataValidationError, match=problem):
        dialogue_schema._check_claim_compare(compare, fail)
    dialogue_schema._check_claim_compare(
        {
            "kind": "protection",
            "measure": "asylum_seekers",
            "origin": ["VEN"],
            "asylum": ["BRA"],
            "region": "",
        },
        fail,
    )  # a valid mapping passes
