"""The programmes view: cards, results and choices, checked against data/dialogue/programmes.toml."""

from __future__ import annotations

import tomllib
from typing import Any

from dashboard.locale import Locale
from dashboard.paths import ROOT
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.views import programmes as view


def seeds() -> dict[str, Any]:
    return tomllib.loads((ROOT / "data" / "dialogue" / "programmes.toml").read_text(encoding="utf-8"))


def test_without_filters_every_programme_has_a_card_in_the_seed_order() -> None:
    built = view.build(FilterState(), ProgrammeState())
    assert [c.title for c in built.cards] == [p["title"]["en"] for p in seeds()["programme"]]


def test_a_card_states_who_ran_the_programme_and_its_budget() -> None:
    seed = seeds()["programme"][0]  # EU-CELAC migration project: IOM, FIIAPP; EUR 3 million
    cards = view.build(FilterState(), ProgrammeState()).cards
    card = next(c for c in cards if c.title == seed["title"]["en"])
    assert "Implemented by IOM, FIIAPP" in card.facts
    assert "EUR 3,000,000" in card.facts
    files = sorted({s["file"] for s in seed["sources"]})
    assert all(f in card.files for f in files)


def test_programme_choices_are_all_then_each_seed_programme() -> None:
    options = view.programme_options(Locale.of("en"))
    assert options[0]["value"] == "all"
    assert [o["value"] for o in options[1:]] == [p["id"] for p in seeds()["programme"]]


def test_one_programme_keeps_only_its_card_and_its_results() -> None:
    seed = seeds()["programme"][0]
    built = view.build(FilterState(), ProgrammeState(programme=seed["id"]))
    assert [c.title for c in built.cards] == [seed["title"]["en"]]
    assert {r.programme for r in built.results} <= {seed["title"]["en"]}


def test_value_text_follows_the_unit() -> None:
    assert view.value_text({"value": 350.0, "unit": "people"}, Locale.of("en")) == "350 people"
    assert view.value_text({"value": 280.0, "unit": "percent_change"}, Locale.of("en")) == "+280 %"
    assert view.value_text({"value": float("nan"), "unit": "people"}, Locale.of("en")) == ""
