"""The dialogue and programmes pages' own URL parameters: parse, write back, controls."""

from __future__ import annotations

import pytest

from dashboard.urls.dialogue import DialogueState
from dashboard.urls.dialogue import parse as parse_dialogue
from dashboard.urls.dialogue import query as dialogue_query
from dashboard.urls.dialogue import with_controls as with_dialogue_controls
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.programmes import parse as parse_programmes
from dashboard.urls.programmes import query as programmes_query
from dashboard.urls.programmes import with_controls as with_programme_controls
from dashboard.urls.query import Notice
from dashboard.urls.shared import FilterState

THEMES = {"asylum", "remittances"}
SPAN = (2005, 2020)
COMPONENTS = {"mx1": "mieux", "mx2": "mieux", "data": "eu_celac"}


@pytest.mark.parametrize(
    ("search", "state", "notices"),
    [
        ("", DialogueState((), 2005, 2020), ()),
        ("?themes=asylum,remittances&from=2009&to=2014",
         DialogueState(("asylum", "remittances"), 2009, 2014), ()),
        ("?from=2014&to=2009", DialogueState((), 2009, 2014), ()),
        ("?themes=asylum,weather&from=1999&to=x", DialogueState(("asylum",), 2005, 2020),
         (Notice("themes", "weather"), Notice("from", "1999"), Notice("to", "x"))),
        ("?" + "x" * 3000, DialogueState((), 2005, 2020), ()),
    ],
)  # fmt: skip
def test_parse_dialogue(search: str, state: DialogueState, notices: tuple[Notice, ...]) -> None:
    assert parse_dialogue(search, THEMES, SPAN) == (state, notices)


def test_dialogue_query_round_trips_with_the_shared_filters() -> None:
    shared = FilterState(countries=("ESP",), lang="es")
    page = DialogueState(("asylum",), 2009, 2020)
    query = dialogue_query(shared, page, SPAN)
    assert query == "?countries=ESP&lang=es&themes=asylum&from=2009"
    assert parse_dialogue(query, THEMES, SPAN) == (page, ())
    assert dialogue_query(FilterState(), DialogueState(), SPAN) == ""


def test_dialogue_controls_keep_good_values_only() -> None:
    now = DialogueState(("asylum",), 2009, 2014)
    assert with_dialogue_controls(now, ["remittances", "zzz"], [2016, 2010], THEMES, SPAN) == DialogueState(
        ("remittances",), 2010, 2016
    )
    assert with_dialogue_controls(now, None, [1990, 2010], THEMES, SPAN) == now


@pytest.mark.parametrize(
    ("search", "state", "notices"),
    [
        ("?programme=mieux&component=mx2&themes=asylum", ProgrammeState("mieux", "mx2", ("asylum",)), ()),
        ("?component=data", ProgrammeState("eu_celac", "data"), ()),  # a component implies its programme
        ("?programme=mieux&component=data", ProgrammeState("mieux"), (Notice("component", "data"),)),
        (
            "?programme=nope&themes=zzz",
            ProgrammeState(),
            (Notice("programme", "nope"), Notice("themes", "zzz")),
        ),
    ],
)
def test_parse_programmes(search: str, state: ProgrammeState, notices: tuple[Notice, ...]) -> None:
    assert parse_programmes(search, COMPONENTS, THEMES) == (state, notices)


def test_programmes_query_round_trips() -> None:
    page = ProgrammeState("mieux", "mx1", ("asylum",))
    query = programmes_query(FilterState(countries=("MEX", "PER")), page)
    assert query == "?countries=MEX,PER&programme=mieux&component=mx1&themes=asylum"
    assert parse_programmes(query, COMPONENTS, THEMES) == (page, ())


def test_programme_controls_keep_component_and_programme_consistent() -> None:
    now = ProgrammeState("mieux", "mx1")
    controls = {"programme": "eu_celac", "component": "mx1", "themes": []}
    assert with_programme_controls(now, "programme", controls, COMPONENTS, THEMES) == ProgrammeState(
        "eu_celac"
    )
    controls = {"programme": "all", "component": "data", "themes": ["asylum", "bad"]}
    assert with_programme_controls(now, "component", controls, COMPONENTS, THEMES) == ProgrammeState(
        "eu_celac", "data", ("asylum",)
    )
    assert (
        with_programme_controls(now, "programme", {"programme": "all"}, COMPONENTS, THEMES)
        == ProgrammeState()
    )
    assert with_programme_controls(now, "component", {"component": "zzz"}, COMPONENTS, THEMES) == now
