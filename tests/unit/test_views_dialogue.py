"""The dialogue view: event cards and filter choices, checked against data/dialogue/*.toml."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from typing import Any

import pytest

from dashboard.locale import Locale
from dashboard.paths import ROOT
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.shared import FilterState
from dashboard.views import dialogue as view

SEEDS = ROOT / "data" / "dialogue"


def toml(name: str) -> dict[str, Any]:
    return tomllib.loads((SEEDS / name).read_text(encoding="utf-8"))


def seed_event(event_id: str) -> dict[str, Any]:
    return next(e for e in toml("events.toml")["event"] if e["id"] == event_id)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_disputed_event_card_carries_its_note_and_every_source(lang: str) -> None:
    seed = seed_event("dialogue_launch_2009")
    shown = view.event("dialogue_launch_2009", replace(FilterState(), lang=lang), Locale.of(lang))
    assert shown is not None
    assert shown.title == seed["title"][lang]
    assert shown.warning == seed["note"][lang]
    assert [s.file for s in shown.sources] == [s["file"] for s in seed["sources"]]
    assert shown.sources[0].evidence == "; ".join(f"“{e}”" for e in seed["sources"][0]["evidence"])
    assert shown.sources[0].note == seed["sources"][0]["note"][lang]
    assert shown.year == int(seed["date_start"][:4])


def test_the_corridors_link_of_an_event_names_a_corridor_year() -> None:
    shown = view.event("dialogue_launch_2009", FilterState(), Locale.of("en"))
    assert shown is not None
    # UN DESA IMS 2024 editions: 1990, 1995, ..., 2020, 2024; 2009 falls back to 2005.
    assert shown.corridors_state.year == 2005


def test_an_unknown_event_has_no_card() -> None:
    assert view.event("no-such-event", FilterState(), Locale.of("en")) is None
    assert view.event(None, FilterState(), Locale.of("en")) is None


def test_theme_choices_are_the_seed_themes_in_order() -> None:
    themes = toml("themes.toml")["theme"]
    assert view.theme_options(Locale.of("fr")) == [
        {"label": t["label"]["fr"], "value": t["id"]} for t in themes
    ]


def test_the_view_keeps_the_page_state_and_offers_every_member() -> None:
    page = DialogueState(themes=(), start=2010, end=2012)
    built = view.build(FilterState(), page)
    assert built.page == page
    values = {o["value"] for o in built.place_options}
    assert {"MEX", "ESP", "BRA", "DEU"} <= values
    assert built.figure["layout"]["height"] > 0


def test_sources_are_shown_by_their_documents_title_with_the_file_as_a_detail() -> None:
    titles = {d["file"]: d["title"]["fr"] for d in toml("themes.toml")["document"]}
    shown = view.event("summit_lima_2008", replace(FilterState(), lang="fr"), Locale.of("fr"))
    assert shown is not None
    assert [(s.title, s.file) for s in shown.sources] == [(titles[s.file], s.file) for s in shown.sources]
    assert shown.facts.startswith("2008 ou juin 2009")  # each seed's reading, see the sources
