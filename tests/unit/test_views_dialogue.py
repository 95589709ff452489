"""The dialogue view: event cards and filter choices, checked against data/dialogue/*.toml."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from typing import Any

import pytest

from dashboard import dialogue
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


# UN DESA IMS 2024 estimates (the default indicator and the corridors): 1990, 1995, ..., 2020, 2024.
UN_DESA_YEARS = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)


@pytest.mark.parametrize(
    ("year", "nearest"),
    [(2009, 2010), (2012, 2010), (2013, 2015), (2014, 2015), (2005, 2005), (2007, 2005), (2022, 2020),
     (2023, 2024), (1980, 1990), (2030, 2024)],
)  # fmt: skip
def test_the_nearest_year_with_data_not_the_previous_one(year: int, nearest: int) -> None:
    assert view.nearest_year(UN_DESA_YEARS, year) == nearest  # a tie (2022) takes the earlier
    assert view.nearest_year((), year) is None


@pytest.mark.parametrize(
    ("event_id", "label_en", "label_es", "opens"),
    [
        ("hlm_1", "Map in 2010 (nearest year with data to 2009)",
         "Mapa en 2010 (año con datos más cercano a 2009)", 2010),
        ("hlm_9", "Map in 2015 (nearest year with data to 2014)",
         "Mapa en 2015 (año con datos más cercano a 2014)", 2015),
        ("hlm_2", "Map in 2010", "Mapa en 2010", 2010),
    ],
)  # fmt: skip
def test_an_events_links_open_the_year_they_name(
    event_id: str, label_en: str, label_es: str, opens: int
) -> None:
    for lang, label in (("en", label_en), ("es", label_es)):
        shown = view.event(event_id, replace(FilterState(), lang=lang), Locale.of(lang))
        assert shown is not None
        assert shown.map_label == label and shown.map_state.year == opens
        assert shown.corridors_state.year == opens
        assert shown.corridors_label.endswith(label.split(" ", 2)[2])  # same year words


def test_every_events_link_label_names_the_year_it_opens() -> None:
    for event_id in dialogue.events()["id"]:
        shown = view.event(event_id, FilterState(), Locale.of("en"))
        assert shown is not None
        for label, state in (
            (shown.map_label, shown.map_state),
            (shown.corridors_label, shown.corridors_state),
        ):
            assert label.split(" (")[0].endswith(f" in {state.year}"), (event_id, label)
            assert state.year in UN_DESA_YEARS
            assert abs(state.year - shown.year) == min(abs(y - shown.year) for y in UN_DESA_YEARS)


def test_an_annual_indicator_opens_the_events_own_year() -> None:
    state = FilterState(indicator="remittances_received")
    shown = view.event("hlm_1", state, Locale.of("en"))
    assert shown is not None and (shown.map_label, shown.map_state.year) == ("Map in 2009", 2009)


def test_sources_are_shown_by_their_documents_title_with_the_file_as_a_detail() -> None:
    titles = {d["file"]: d["title"]["fr"] for d in toml("themes.toml")["document"]}
    shown = view.event("summit_lima_2008", replace(FilterState(), lang="fr"), Locale.of("fr"))
    assert shown is not None
    assert [(s.title, s.file) for s in shown.sources] == [(titles[s.file], s.file) for s in shown.sources]
    assert shown.facts.startswith("2008 ou juin 2009")  # each seed's reading, see the sources


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
