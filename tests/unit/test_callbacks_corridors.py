"""The corridors page's callbacks, called directly on the committed data (no Dash app, no browser).

The triggering control is faked with Dash's ``context_value``; expected years come from
``data/corridors.parquet``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.exceptions import PreventUpdate

from callbacks import corridors as callbacks
from layouts import ids

DATA = Path(__file__).resolve().parents[2] / "data"
YEARS = sorted(int(y) for y in pd.read_parquet(DATA / "corridors.parquet", columns=["year"])["year"].unique())
LATEST, FIRST = YEARS[-1], YEARS[0]


@pytest.fixture(autouse=True)
def no_trigger() -> Iterator[None]:
    token = context_value.set(AttributeDict(triggered_inputs=[]))
    yield
    context_value.reset(token)


def fire(component: str, prop: str = "value") -> None:
    """Make ``dash.ctx.triggered_id`` say that ``component`` changed."""
    context_value.set(AttributeDict(triggered_inputs=[{"prop_id": f"{component}.{prop}", "value": None}]))


def controls(search: str = "", **changed: Any) -> dict[str, Any]:
    """The page's controls as a bare URL renders them, with some changed."""
    shown = {"direction": "celac_eu", "origins": [], "destinations": [], "year": LATEST, "sex": "total"}
    shown |= {"base": None, "focus": None, "side": "destination", "clicked": None}
    return shown | {"pathname": "/corridors", "search": search} | changed


def test_the_triggering_control_is_named_and_anything_else_is_a_map_click() -> None:
    assert callbacks.changed_control(ids.CORRIDORS_YEAR) == "year"
    assert callbacks.changed_control(ids.CORRIDORS_MAP) == "map"
    assert callbacks.changed_control(None) == "map"


def test_controls_that_show_the_url_change_nothing() -> None:
    fire(ids.CORRIDORS_YEAR)
    with pytest.raises(PreventUpdate):
        callbacks.update_corridors(**controls(search=f"?year={LATEST}"))


@pytest.mark.parametrize("forged", [FIRST + 1, "1990", None])
def test_a_forged_year_keeps_the_current_one(forged: Any) -> None:
    fire(ids.CORRIDORS_YEAR)
    with pytest.raises(PreventUpdate):
        callbacks.update_corridors(**controls(search=f"?year={LATEST}", year=forged))


def test_another_year_redraws_what_depends_on_it_and_writes_the_address_bar() -> None:
    fire(ids.CORRIDORS_YEAR)
    out = callbacks.update_corridors(**controls(year=FIRST))
    assert out["search"] == f"?year={FIRST}"
    assert address(out["written"]) == {"path": "/corridors", "search": f"?year={FIRST}"}
    assert out["state"]["query"] == f"?year={FIRST}"
    assert {"flows", "table", "map", "diaspora"} <= set(out["state"]["redraw"])
    assert "remittances" not in out["state"]["redraw"]  # remittances have no year control
    assert (out["direction"], out["origins"], out["destinations"]) == ("celac_eu", [], [])


def test_the_presenter_parameters_stay_in_the_address_bar() -> None:
    fire(ids.CORRIDORS_YEAR)
    out = callbacks.update_corridors(**controls(search="?present=1", year=FIRST))
    assert out["search"] == f"?year={FIRST}&present=1"
    assert out["state"]["query"] == f"?year={FIRST}"


def test_a_map_click_focuses_the_country_and_flips_the_side() -> None:
    fire(ids.CORRIDORS_MAP, "clickData")
    out = callbacks.update_corridors(**controls(clicked={"points": [{"location": "ECU"}]}))
    assert (out["focus"], out["side"]) == ("ECU", "origin")
    assert "focus=ECU" in out["search"] and "side=origin" in out["search"]
    assert set(out["state"]["redraw"]) == {"map", "diaspora_time"}


def test_a_panel_is_redrawn_only_when_the_state_names_it() -> None:
    for data in (None, "?year=1990", {"query": "", "redraw": ["flows"]}):
        with pytest.raises(PreventUpdate):
            callbacks.redraw_panel("remittances", data)
    for panel, outputs in callbacks.PANELS.items():
        out = callbacks.redraw_panel(panel, {"query": f"?year={FIRST}", "redraw": [panel]})
        assert set(out) == set(outputs)


def test_the_table_panel_links_the_csv_of_its_own_query() -> None:
    out = callbacks.redraw_panel("table", {"query": f"?year={FIRST}", "redraw": ["table"]})
    assert out["download"].endswith(f".csv?year={FIRST}")
    assert out["data"] and all(set(row) >= {c["id"] for c in out["columns"]} for row in out["data"])


def address(written: dict[str, object]) -> dict[str, object]:
    """The address a page stored beside its chrome's links."""
    return {"path": written["path"], "search": written["search"]}


def test_choosing_custom_with_nothing_redraws_the_selection_panels_and_asks() -> None:
    fire(ids.CORRIDORS_DIRECTION)
    out = callbacks.update_corridors(**controls(direction="custom"))
    assert out["search"].endswith("direction=custom")
    assert {"flows", "table", "remittances"} <= set(out["state"]["redraw"])
    assert out["origins_placeholder"] == out["destinations_placeholder"] == "Choose countries"
    flows = callbacks.redraw_panel("flows", out["state"])
    assert flows["subtitle"].startswith("Choose one or more origins or destinations")
    assert flows["figure"]["data"] == []
    table = callbacks.redraw_panel("table", out["state"])
    assert table["data"] == [] and table["caption"] == flows["subtitle"]
    fire(ids.CORRIDORS_ORIGINS)
    chosen = callbacks.update_corridors(**controls(search=out["search"], direction="custom", origins=["VEN"]))
    assert chosen["destinations_placeholder"] == "Any country (choose to narrow)"
    heading = callbacks.redraw_panel("flows", chosen["state"])["subtitle"]
    assert heading.startswith("Venezuela → every destination")
