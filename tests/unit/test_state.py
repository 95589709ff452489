"""URL <-> filter state: table-driven cases, hostile strings, and a property-based round trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.urls.shared import MAX_COUNTRIES, FilterState, parse, with_selection
from dashboard.urls.shared import query as to_query

INDICATORS = {"migrant_stock": (1990, 2000, 2024), "net_migration": (2020, 2021, 2022)}
COUNTRIES = frozenset({"ESP", "ECU", "COL", "MEX", "BRA", "ITA", "DEU", "FRA"})


@pytest.mark.parametrize(
    ("query", "expected", "bad_parameters"),
    [
        ("", FilterState(), []),
        ("?", FilterState(), []),
        (
            "?indicator=net_migration&year=2021&region=eu&countries=ESP,ECU&lang=es",
            FilterState("net_migration", 2021, "eu", ("ESP", "ECU"), "es"),
            [],
        ),
        ("?indicator=nope", FilterState(), ["indicator"]),
        ("?year=3000", FilterState(), ["year"]),
        ("?year=abc", FilterState(), ["year"]),
        ("?year=2021", FilterState(), ["year"]),  # 2021 is not a migrant_stock year
        ("?region=mars", FilterState(), ["region"]),
        ("?lang=de", FilterState(), ["lang"]),
        ("?countries=<script>", FilterState(), ["countries"]),
        ("?countries=esp,,xxx", FilterState(countries=("ESP",)), ["countries"]),
        ("?countries=ESP,ESP", FilterState(countries=("ESP",)), []),
        ("?indicator=bad&year=2024", FilterState(year=2024), ["indicator"]),
        ("?" + "a" * 5000, FilterState(), ["query"]),
    ],
)
def test_parse(query: str, expected: FilterState, bad_parameters: list[str]) -> None:
    parsed = parse(query, INDICATORS, COUNTRIES)
    assert parsed.state == expected
    assert [n.parameter for n in parsed.notices] == bad_parameters


def test_too_many_countries_are_cut_with_a_notice() -> None:
    parsed = parse("?countries=ESP,ECU,COL,MEX,BRA,ITA,DEU,FRA", INDICATORS, COUNTRIES)
    assert len(parsed.state.countries) == MAX_COUNTRIES
    assert [n.parameter for n in parsed.notices] == ["countries"]


def test_defaults_are_left_out_of_the_query() -> None:
    assert to_query(FilterState()) == ""
    assert to_query(FilterState(lang="es")) == "?lang=es"


def test_changing_indicator_drops_a_year_it_does_not_have() -> None:
    state = FilterState(year=1990)
    assert with_selection(state, INDICATORS, indicator="net_migration", year=1990).year is None
    assert with_selection(state, INDICATORS, indicator="net_migration", year=2021) == FilterState(
        "net_migration", 2021
    )
    assert with_selection(state, INDICATORS, indicator="unknown", year=2000) == FilterState(year=2000)


def test_control_values_are_checked_like_url_values() -> None:
    state = with_selection(
        FilterState(),
        INDICATORS,
        region="mars",
        scale="log",
        countries=["ESP", "ESP", "<b>", 3, "ECU", "COL", "MEX", "BRA", "ITA", "DEU"],  # type: ignore[list-item]
    )
    assert state.region == "both" and state.scale == "log"
    assert state.countries == ("ESP", "ECU", "COL", "MEX", "BRA", "ITA")


states = st.builds(
    FilterState,
    indicator=st.sampled_from(sorted(INDICATORS)),
    year=st.none(),
    region=st.sampled_from(["both", "celac", "eu"]),
    countries=st.lists(st.sampled_from(sorted(COUNTRIES)), max_size=MAX_COUNTRIES, unique=True).map(tuple),
    lang=st.sampled_from(["en", "es", "pt", "fr"]),
    scale=st.sampled_from(["linear", "log"]),
)


@given(state=states, pick_year=st.integers(min_value=0, max_value=2))
def test_round_trip(state: FilterState, pick_year: int) -> None:
    state = FilterState(**{**state.__dict__, "year": INDICATORS[state.indicator][pick_year]})
    parsed = parse(to_query(state), INDICATORS, COUNTRIES)
    assert parsed.state == state
    assert parsed.notices == ()


@settings(max_examples=300)
@given(query=st.text(max_size=300))
def test_any_string_parses_to_a_valid_state(query: str) -> None:
    parsed = parse(query, INDICATORS, COUNTRIES)
    state = parsed.state
    assert state.indicator in INDICATORS
    assert state.year is None or state.year in INDICATORS[state.indicator]
    assert set(state.countries) <= COUNTRIES
    assert state.lang in ("en", "es", "pt", "fr")
    # what comes back out is a query that parses to the same state with no notices
    assert parse(to_query(state), INDICATORS, COUNTRIES) == type(parsed)(state, ())
