"""The map page's callbacks, called directly on the committed data (no Dash app, no browser).

Expected values come from ``data/catalogue.json`` and ``data/countries.csv``, not from the app."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from dash import Patch, no_update
from dash.exceptions import PreventUpdate

from callbacks import map as callbacks

DATA = Path(__file__).resolve().parents[2] / "data"
INDICATORS = {i["id"]: i for i in json.loads((DATA / "catalogue.json").read_text("utf-8"))["indicators"]}
DEFAULT = "migrant_stock"  # the map a bare URL shows
OTHER = next(i for i in INDICATORS if i != DEFAULT and len(INDICATORS[i]["years"]) > 1)
with (DATA / "countries.csv").open(encoding="utf-8") as rows:
    BLOCS = {row["iso3"]: row["bloc"] for row in csv.DictReader(rows)}
ECUADOR = "ECU" if BLOCS.get("ECU") == "CELAC" else next(c for c, b in BLOCS.items() if b == "CELAC")


def controls(**changed: Any) -> dict[str, Any]:
    """The map's controls as a bare URL renders them, with some changed."""
    return {"indicator": DEFAULT, "year": None, "region": "both", "log": False, "countries": []} | changed


def test_controls_that_show_the_url_change_nothing() -> None:
    with pytest.raises(PreventUpdate):
        callbacks.update_map(**controls(), search="")


@pytest.mark.parametrize("forged", [{"indicator": 42}, {"indicator": "not-an-indicator"}, {"year": "1990"}])
def test_forged_controls_fall_back_to_the_url_and_change_nothing(forged: dict[str, Any]) -> None:
    with pytest.raises(PreventUpdate):
        callbacks.update_map(**controls(**forged), search="")


def test_a_new_indicator_redraws_title_definition_source_and_slider() -> None:
    out = callbacks.update_map(**controls(indicator=OTHER), search="")
    assert set(out) == set(callbacks.MAP_OUTPUTS)
    spec = INDICATORS[OTHER]
    assert out["title"] == spec["label"]["en"]
    assert out["years"] == spec["years"]
    assert (out["year_min"], out["year_max"], out["year"]) == (
        min(spec["years"]),
        max(spec["years"]),
        max(spec["years"]),
    )
    assert str(max(spec["years"])) in out["subtitle"]
    assert f"indicator={OTHER}" in out["query"]
    assert isinstance(out["figure"], Patch)
    assert no_update not in out.values()


def test_the_title_speaks_the_language_of_the_url() -> None:
    out = callbacks.update_map(**controls(indicator=OTHER), search="?lang=es")
    assert out["title"] == INDICATORS[OTHER]["label"]["es"]


def test_another_year_changes_only_values_subtitle_and_links() -> None:
    first = min(INDICATORS[DEFAULT]["years"])
    out = callbacks.update_map(**controls(year=first), search="")
    changed = {k for k, v in out.items() if v is not no_update}
    assert changed == {"figure", "subtitle", "download", "query", "address"}  # not the profile
    assert out["subtitle"].startswith(str(first))
    assert f"year={first}" in out["query"]
    assert out["download"].endswith(".csv?" + out["query"].lstrip("?"))
    assert address(out["address"])["search"] == out["query"]  # the address bar, in the same answer


def test_a_new_selection_passes_the_query_to_the_profile() -> None:
    out = callbacks.update_map(**controls(countries=[ECUADOR]), search="")
    assert out["profile"] == out["query"] and f"countries={ECUADOR}" in out["query"]
    again = callbacks.update_map(**controls(countries=[ECUADOR], year=2000), search=out["query"])
    assert again["profile"] is no_update  # same indicator and selection: the profile stays


def test_the_table_is_asked_for_only_while_shown_then_built_once_then_patched() -> None:
    assert callbacks.table_query(query="?year=2000", tab="map", shown=None) is no_update
    assert callbacks.table_query(query="?year=2000", tab="table", shown=None) == "?year=2000"
    assert callbacks.table_query(query="?year=2000", tab="table", shown="?year=2000") is no_update
    with pytest.raises(PreventUpdate):
        callbacks.update_table(query=None, ready=None)
    built = callbacks.update_table(query="", ready=None)
    assert built["ready"] is True
    patched = callbacks.update_table(query="", ready=True)
    assert isinstance(patched["table"], Patch) and patched["ready"] is no_update


def test_the_profile_is_redrawn_only_when_its_key_changes() -> None:
    query = f"countries={ECUADOR}"
    out = callbacks.update_profile(query=query, shown=None)
    assert set(out) == {"profile", "cards", "members", "hint", "key"}
    with pytest.raises(PreventUpdate):
        callbacks.update_profile(query=query, shown=out["key"])
    with pytest.raises(PreventUpdate):
        callbacks.update_profile(query=None, shown=None)


def test_the_permalink_keeps_the_presenter_and_skips_an_unchanged_address() -> None:
    out = callbacks.permalink(query="?year=2020", search="?present=1&lang=es")
    assert address(out) == {"path": callbacks.MAP_PATH, "search": "?year=2020&present=1"}
    assert callbacks.permalink(query="?year=2020", search="?year=2020") is no_update


def test_a_click_toggles_the_country_and_a_forged_click_changes_nothing() -> None:
    click = {"points": [{"location": ECUADOR}]}
    assert callbacks.select_clicked_country(click=click, selected=[]) == {"countries": [ECUADOR]}
    assert callbacks.select_clicked_country(click=click, selected=[ECUADOR]) == {"countries": []}
    forged = {"points": [{"location": "<script>"}]}
    assert callbacks.select_clicked_country(click=forged, selected=[]) == {"countries": no_update}


def address(written: dict[str, object]) -> dict[str, object]:
    """The address a page stored beside its chrome's links."""
    return {"path": written["path"], "search": written["search"]}
