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


def test_a_card_states_who_ran_the_programme_and_its_budget_without_inventing_a_currency() -> None:
    seed = seeds()["programme"][0]  # EU-CELAC migration project: IOM, FIIAPP; "3 million", no currency
    assert (seed["budget"]["amount"], seed["budget"]["currency"]) == (3_000_000, "")
    cards = view.build(FilterState(), ProgrammeState()).cards
    card = next(c for c in cards if c.title == seed["title"]["en"])
    assert "Implemented by IOM, FIIAPP" in card.facts
    assert "Budget: 3,000,000 (currency not stated)" in card.facts and "EUR" not in card.facts
    es = view.build(FilterState(lang="es"), ProgrammeState()).cards[0]
    assert "Presupuesto: 3.000.000 (moneda no indicada)" in es.facts
    titles = {d["file"]: d["title"]["en"] for d in documents()}
    files = sorted({s["file"] for s in seed["sources"]})
    assert card.files == tuple((titles[f], f) for f in files)


def documents() -> list[dict[str, Any]]:
    return tomllib.loads((ROOT / "data" / "dialogue" / "themes.toml").read_text(encoding="utf-8"))["document"]


def named(result: dict[str, Any], code: str) -> bool:
    return code in result["countries"]


def test_the_countries_list_counts_the_results_the_table_lists() -> None:
    """Issue 13: /programmes?programme=mieux&component=mieux_peru_3&countries=PER said Peru had 3
    "results or actions" while "Every result" listed 2. Both now count results, and say so."""
    seed_results = seeds()["result"]
    peru_3 = [r for r in seed_results if r["component"] == "mieux_peru_3" and named(r, "PER")]
    built = view.build(
        FilterState(countries=("PER",)), ProgrammeState(programme="mieux", component="mieux_peru_3")
    )
    assert len(built.results) == len(peru_3) == 2
    assert [(r.country, r.results) for r in built.reached] == [("Peru", "2 results")]
    everything = view.build(FilterState(), ProgrammeState())
    for code, name in (("PER", "Peru"), ("MEX", "Mexico"), ("CRI", "Costa Rica")):
        expected = sum(named(r, code) for r in seed_results)
        listed = sum(name in r.where.split(", ") for r in everything.results)
        row = next(r for r in everything.reached if r.country == name)
        assert row.results == f"{expected} result{'s' * (expected != 1)}" and listed == expected
    assert (
        "the list counts the results" in everything.caption
        and "colour counts the programmes" in everything.caption
    )


def test_groups_are_named_whole_in_the_caption_not_drawn_as_members() -> None:
    built = view.build(FilterState(), ProgrammeState(programme="eu_celac_project"))
    assert "OECS" in built.caption.split("not drawn: ")[1]
    assert "Saint Lucia" not in {r.country for r in built.reached}


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
