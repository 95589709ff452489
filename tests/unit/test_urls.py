"""The URL package: every page's state round-trips through its query; bad values give the
defaults and notices; anything but a string, and an over-long query, are read safely."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.urls import corridors, dialogue, links, pages, presenter, programmes, query, shared
from dashboard.urls.corridors import CorridorState
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.query import MAX_QUERY_LENGTH, Notice
from dashboard.urls.shared import FilterState

VOCABULARY = pages.Vocabulary(
    indicator_years={"migrant_stock": (1990, 2000, 2010, 2020, 2024), "gdp": (2000, 2001, 2023)},
    countries=frozenset({"ESP", "ECU", "COL", "MEX", "BRA", "ITA", "DEU", "FRA"}),
    members=frozenset({"ESP", "ECU", "COL", "MEX", "BRA", "ITA", "DEU", "FRA"}),
    corridor_years=(1990, 2000, 2010, 2020, 2024),
    themes=frozenset({"asylum", "remittances", "trafficking"}),
    components={"mx1": "mieux", "mx2": "mieux", "data": "eu_celac"},
    dialogue_span=(2005, 2020),
)
NOT_STRINGS: list[Any] = [None, 3, 2.5, ["?indicator=gdp"], {"indicator": "gdp"}, b"?indicator=gdp"]
TOO_LONG = "?indicator=gdp&" + "x" * MAX_QUERY_LENGTH


def parse_shared(search: object) -> tuple[FilterState, tuple[Notice, ...]]:
    parsed = pages.parse_shared(search, VOCABULARY)
    return parsed.state, parsed.notices


# -- round trips: parse(query(state)) == state -------------------------------------------------


@pytest.mark.parametrize(
    "state",
    [
        FilterState(),
        FilterState(indicator="gdp", year=2001),
        FilterState(region="celac", countries=("ECU", "ESP"), lang="pt", scale="log"),
        FilterState(year=1990, region="eu", countries=("MEX",), lang="fr"),
    ],
)
def test_shared_filters_round_trip(state: FilterState) -> None:
    assert parse_shared(shared.query(state)) == (state, ())


@pytest.mark.parametrize(
    "state",
    [
        CorridorState(),
        CorridorState(direction="eu_celac", year=2010, sex="female", base=1990),
        CorridorState("custom", ("ECU", "COL"), ("ESP",), 2020, "male", 2000, "ESP", "origin"),
        CorridorState(direction="custom"),
        CorridorState(direction="celac_world", focus="MEX"),
    ],
)
def test_corridor_state_round_trips(state: CorridorState) -> None:
    text = corridors.query(FilterState(lang="es"), state)
    assert pages.parse_corridors(text, VOCABULARY) == (state, ())
    assert parse_shared(text) == (FilterState(lang="es", year=state.year), ())


@pytest.mark.parametrize(
    "state",
    [
        DialogueState((), 2005, 2020),
        DialogueState(("asylum",), 2008, 2012),
        DialogueState(("trafficking",), 2010, 2010),
    ],
)
def test_dialogue_state_round_trips(state: DialogueState) -> None:
    text = dialogue.query(FilterState(countries=("ESP",)), state, VOCABULARY.dialogue_span)
    assert pages.parse_dialogue(text, VOCABULARY) == (state, ())
    assert parse_shared(text) == (FilterState(countries=("ESP",)), ())


@pytest.mark.parametrize(
    "state",
    [ProgrammeState(), ProgrammeState("mieux"), ProgrammeState("mieux", "mx2", ("asylum", "remittances"))],
)
def test_programme_state_round_trips(state: ProgrammeState) -> None:
    text = programmes.query(FilterState(lang="fr"), state)
    assert pages.parse_programmes(text, VOCABULARY) == (state, ())


@pytest.mark.parametrize("page", ["map", "sources", "corridors", "dialogue", "programmes"])
def test_a_page_query_keeps_the_pages_own_parameters(page: str) -> None:
    search = "?direction=eu_celac&themes=asylum&from=2010&programme=mieux&lang=es"
    own = {
        "map": "",
        "sources": "",
        "corridors": "&direction=eu_celac",
        "dialogue": "&themes=asylum&from=2010",
        "programmes": "&programme=mieux&themes=asylum",
    }[page]
    assert pages.page_query(page, FilterState(lang="pt"), search, VOCABULARY) == "?lang=pt" + own


# -- bad values: the defaults and one notice each ---------------------------------------------


@pytest.mark.parametrize(
    ("search", "state", "notices"),
    [
        ("?indicator=nope", FilterState(), [("indicator", "nope")]),
        ("?indicator=gdp&year=1990", FilterState(indicator="gdp"), [("year", "1990")]),
        ("?region=mars&scale=cubic", FilterState(), [("region", "mars"), ("scale", "cubic")]),
        ("?lang=xx", FilterState(), [("lang", "xx")]),
        ("?countries=esp,XXX,ESP", FilterState(countries=("ESP",)), [("countries", "XXX")]),
        (
            "?countries=ESP,ECU,COL,MEX,BRA,ITA,DEU",
            FilterState(countries=("ESP", "ECU", "COL", "MEX", "BRA", "ITA")),
            [("countries", "DEU")],
        ),
    ],
)
def test_bad_shared_values_give_defaults_and_notices(
    search: str, state: FilterState, notices: list[tuple[str, str]]
) -> None:
    assert parse_shared(search) == (state, tuple(Notice(*n) for n in notices))


@pytest.mark.parametrize(
    ("parse", "search", "default", "notices"),
    [
        (pages.parse_corridors, "?direction=sideways&sex=x", CorridorState(), ["direction", "sex"]),
        (pages.parse_corridors, "?base=2001&focus=Mars", CorridorState(), ["base", "focus"]),
        (pages.parse_corridors, "?side=up", CorridorState(), ["side"]),
        (
            pages.parse_dialogue,
            "?themes=asylum,nope&from=1999",
            DialogueState(("asylum",)),
            ["themes", "from"],
        ),
        (pages.parse_dialogue, "?to=x", DialogueState(), ["to"]),
        (pages.parse_programmes, "?programme=nope", ProgrammeState(), ["programme"]),
        (
            pages.parse_programmes,
            "?programme=eu_celac&component=mx1",
            ProgrammeState("eu_celac"),
            ["component"],
        ),
    ],
)
def test_bad_page_values_give_defaults_and_notices(
    parse: Any, search: str, default: object, notices: list[str]
) -> None:
    state, found = parse(search, VOCABULARY)
    assert state == default
    assert [n.parameter for n in found] == notices


def test_a_component_alone_implies_its_programme() -> None:
    assert pages.parse_programmes("?component=mx2", VOCABULARY) == (ProgrammeState("mieux", "mx2"), ())


def test_the_shared_year_snaps_to_the_corridor_year_before_it() -> None:
    assert pages.parse_corridors("?year=2015", VOCABULARY)[0].year == 2010


# -- anything but a string, and an over-long query ---------------------------------------------


@pytest.mark.parametrize("search", NOT_STRINGS)
def test_anything_but_a_string_reads_as_an_empty_query(search: object) -> None:
    assert parse_shared(search) == (FilterState(), ())
    assert pages.parse_corridors(search, VOCABULARY) == (CorridorState(), ())
    assert pages.parse_dialogue(search, VOCABULARY) == (DialogueState(), ())
    assert pages.parse_programmes(search, VOCABULARY) == (ProgrammeState(), ())
    assert presenter.parse(search, {}) == presenter.ParsedPresenter(presenter.Presenter())
    assert query.read(search) == query.Query()


def test_an_over_long_query_is_not_read_and_says_so_once() -> None:
    state, notices = parse_shared(TOO_LONG)
    assert state == FilterState()
    assert [n.parameter for n in notices] == ["query"]
    # The page's own parsers leave the notice to the shared one.
    assert pages.parse_corridors(TOO_LONG, VOCABULARY) == (CorridorState(), ())
    assert pages.parse_dialogue(TOO_LONG, VOCABULARY) == (DialogueState(), ())
    assert pages.parse_programmes(TOO_LONG, VOCABULARY) == (ProgrammeState(), ())


def test_a_query_at_the_limit_is_read() -> None:
    search = "?indicator=gdp&x=" + "y" * (MAX_QUERY_LENGTH - len("indicator=gdp&x="))
    assert parse_shared(search) == (FilterState(indicator="gdp"), ())


# -- the one builder -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ""),
        ([], ""),
        ({"countries": "ESP,ECU"}, "?countries=ESP,ECU"),
        ([("view", "/map?indicator=gdp"), ("lang", "es")], "?view=%2Fmap%3Findicator%3Dgdp&lang=es"),
        ({"q": "a b&c"}, "?q=a+b%26c"),
    ],
)
def test_build(params: query.Params, expected: str) -> None:
    assert query.build(params) == expected


@pytest.mark.parametrize(
    ("head", "params", "expected"),
    [("", {}, ""), ("?a=1", {}, "?a=1"), ("", {"b": "2"}, "?b=2"), ("?a=1", {"b": "2"}, "?a=1&b=2")],
)
def test_join(head: str, params: dict[str, str], expected: str) -> None:
    assert query.join(head, params) == expected


# -- links: paths, charts, the basket's views --------------------------------------------------


@pytest.mark.parametrize(
    ("pathname", "key"),
    [
        ("/", "map"),
        (None, "map"),
        ("/map", "map"),
        ("/corridors/", "corridors"),
        ("/nope", None),
        ("/map/nope", None),
        ("/embed/map", None),
    ],
)
def test_page_key(pathname: str | None, key: str | None) -> None:
    assert links.page_key(pathname) == key


@pytest.mark.parametrize(
    ("pathname", "known"),
    [("/", True), ("/dialogue", True), ("/embed/corridors", True), ("/embed/nope", False), ("/nope", False)],
)
def test_is_page(pathname: str, known: bool) -> None:
    assert links.is_page(pathname) is known


@pytest.mark.parametrize(
    ("page", "search", "chart"),
    [("corridors", "?chart=map", "map"), ("corridors", "?chart=pie", "flows"), ("corridors", None, "flows"),
     ("map", "?chart=flows", "map"), ("dialogue", ["?chart=x"], "timeline")],
)  # fmt: skip
def test_chart_of(page: str, search: object, chart: str) -> None:
    assert links.chart_of(page, search) == chart


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("/map?indicator=gdp&lang=es", ("/map", "?indicator=gdp&lang=es")),
        ("/corridors", ("/corridors", "")),
        ("https://example.org/map?x=1", None),
        ("//example.org/map", None),
        ("map?x=1", None),
    ],
)
def test_basket_views_stay_on_this_site(text: str, view: tuple[str, str] | None) -> None:
    assert links.same_site(text) == view


@pytest.mark.parametrize(
    ("search", "lang", "expected"),
    [
        ("?indicator=gdp&lang=es", "fr", "?indicator=gdp&lang=fr"),
        ("?lang=es", "en", ""),
        ("", "pt", "?lang=pt"),
    ],
)
def test_in_language(search: str, lang: str, expected: str) -> None:
    assert links.in_language(search, lang) == expected


@pytest.mark.parametrize(
    ("href", "parts"),
    [("/map?year=2000", ("/map", "?year=2000")), ("/map", ("/map", "")), ("/map?", ("/map", ""))],
)
def test_split(href: str, parts: tuple[str, str]) -> None:
    assert links.split(href) == parts
