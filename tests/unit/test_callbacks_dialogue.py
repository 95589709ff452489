"""The dialogue and programmes pages' callbacks, called directly on the committed data.

Expected values come from ``data/dialogue/*.toml``; the triggering filter is faked with Dash's
``context_value``."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.exceptions import PreventUpdate

from callbacks import dialogue as callbacks
from layouts import ids
from layouts.dialogue_page import SPAN

SEEDS = Path(__file__).resolve().parents[2] / "data" / "dialogue"
THEMES = [t["id"] for t in tomllib.loads((SEEDS / "themes.toml").read_text("utf-8"))["theme"]]
PROGRAMMES = tomllib.loads((SEEDS / "programmes.toml").read_text("utf-8"))
EVENTS = tomllib.loads((SEEDS / "events.toml").read_text("utf-8"))["event"]
PROGRAMME = next(
    p["id"]
    for p in PROGRAMMES["programme"]
    if any(c["programme"] == p["id"] for c in PROGRAMMES["component"])
)
COMPONENTS = {c["id"]: c["title"]["en"] for c in PROGRAMMES["component"] if c["programme"] == PROGRAMME}


@pytest.fixture(autouse=True)
def no_trigger() -> Iterator[None]:
    token = context_value.set(AttributeDict(triggered_inputs=[]))
    yield
    context_value.reset(token)


def fire(component: str) -> None:
    """Make ``dash.ctx.triggered_id`` say that ``component``'s value changed."""
    context_value.set(AttributeDict(triggered_inputs=[{"prop_id": f"{component}.value", "value": None}]))


def timeline(**changed: Any) -> dict[str, Any]:
    shown = {"themes": [], "years": list(SPAN), "countries": [], "pathname": "/dialogue", "search": ""}
    return shown | changed


def test_timeline_filters_that_show_the_url_change_nothing() -> None:
    with pytest.raises(PreventUpdate):
        callbacks.filter_timeline(**timeline())


@pytest.mark.parametrize("forged", [["not-a-theme"], "remittances", [42]])
def test_forged_themes_are_ignored(forged: Any) -> None:
    with pytest.raises(PreventUpdate):
        callbacks.filter_timeline(**timeline(themes=forged))


def test_a_theme_writes_the_address_bar_and_redraws_the_timeline() -> None:
    theme = THEMES[1]
    out = callbacks.filter_timeline(**timeline(themes=[theme]))
    assert out["search"] == f"?themes={theme}"
    assert address(out["written"]) == {"path": "/dialogue", "search": f"?themes={theme}"}
    assert "layout" in out["timeline"]  # a plotly figure


def test_a_click_shows_the_event_and_a_forged_click_the_hint() -> None:
    event = EVENTS[0]
    card = callbacks.show_event(click={"points": [{"customdata": [event["id"]]}]}, search="")["detail"]
    assert event["title"]["en"] in str(card.to_plotly_json())
    hint = callbacks.show_event(click={"points": [{"customdata": ["no-such-event"]}]}, search="")["detail"]
    assert event["title"]["en"] not in str(hint.to_plotly_json())


def test_the_triggering_programme_filter_is_named() -> None:
    assert callbacks.changed_programme_control(ids.PROGRAMMES_THEMES) == "themes"
    assert callbacks.changed_programme_control(None) == ""


def programmes(**changed: Any) -> dict[str, Any]:
    shown = {"programme": "", "component": None, "themes": [], "countries": []}
    return shown | {"pathname": "/programmes", "search": ""} | changed


def test_programme_filters_that_show_the_url_change_nothing() -> None:
    fire(ids.PROGRAMMES_FILTER)
    with pytest.raises(PreventUpdate):
        callbacks.filter_programmes(**programmes())
    with pytest.raises(PreventUpdate):
        callbacks.filter_programmes(**programmes(programme="no-such-programme"))


def test_a_programme_offers_its_components_and_writes_the_address_bar() -> None:
    fire(ids.PROGRAMMES_FILTER)
    out = callbacks.filter_programmes(**programmes(programme=PROGRAMME))
    assert out["search"] == f"?programme={PROGRAMME}"
    assert address(out["written"]) == {"path": "/programmes", "search": f"?programme={PROGRAMME}"}
    assert {o["value"]: o["label"] for o in out["component_options"]} == COMPONENTS
    assert out["component"] is None
    assert set(out) == {
        "search",
        "written",
        "component_options",
        "component",
        "map",
        "caption",
        "reached",
        "body",
    }


def address(written: dict[str, object]) -> dict[str, object]:
    """The address a page stored beside its chrome's links."""
    return {"path": written["path"], "search": written["search"]}
