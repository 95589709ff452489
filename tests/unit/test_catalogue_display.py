"""Definitions, methods, editions, licences and event notes show in the page's language, never silently
in English or Spanish."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from dashboard import datasets, dialogue
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views import claims as claims_view
from dashboard.views import exports
from dashboard.views.map import build
from layouts import dialogue_page, map_page, sources_page
from layouts.common import source_line


def words(component: Any) -> str:
    """Every string in a component tree, joined."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)
        elif hasattr(node, "children"):
            walk(node.children)

    walk(component)
    return " ".join(found)


@pytest.mark.parametrize("lang", ["pt", "fr"])
def test_the_sources_page_shows_definitions_and_methods_in_its_language(lang: str) -> None:
    text = words(sources_page.layout(dataclasses.replace(FilterState(), lang=lang)))
    for spec in datasets.catalogue().values():
        assert spec.definition[lang] in text, (spec.id, lang)
        assert spec.definition["en"] not in text and spec.definition["es"] not in text, spec.id
        if spec.computed:
            assert spec.method[lang] in text and spec.method["en"] not in text, (spec.id, lang)


@pytest.mark.parametrize("lang", ["pt", "fr"])
def test_the_map_shows_a_computed_indicators_method_in_its_language(lang: str) -> None:
    state = dataclasses.replace(FilterState(), lang=lang, indicator="net_migration_rate")
    view = build(state)
    spec = datasets.catalogue()["net_migration_rate"]
    assert view.method == spec.method[lang] != spec.method["en"]
    assert spec.definition[lang] in words(map_page.definition(view))
    assert view.method in words(map_page.definition(view))
    assert view.method in words(source_line(spec.source, state, Locale.of(lang), view.method))
    assert set(view.table()["computed_method"]) == {spec.method[lang]}


def test_a_published_indicator_has_no_method_line() -> None:
    view = build(dataclasses.replace(FilterState(), lang="fr", indicator="migrant_stock"))
    assert view.method == ""


# English words of the shipped editions and licences that a Portuguese or French reader must not see.
ENGLISH = (
    "release",
    "package",
    "corrected",
    "June",
    "annual",
    "update",
    "values",
    "December",
    "shipped",
    "Public domain",
)


@pytest.mark.parametrize("lang", ["pt", "fr"])
def test_a_source_line_shows_edition_and_licence_in_its_language(lang: str) -> None:
    state = dataclasses.replace(FilterState(), lang=lang)
    for key, src in datasets.sources().items():
        edition, licence = (
            datasets.source_field(src, field, Locale.of(lang)) for field in ("edition", "licence")
        )
        for text in (
            words(source_line(key, state, Locale.of(lang))),
            exports.source_text(key, Locale.of(lang)),
        ):
            assert edition in text and licence in text, (key, lang)
            assert not [word for word in ENGLISH if word in text], (key, lang, text)
    assert "WDI du 2024-02-21" in exports.source_text("wdi_netm", Locale.of("fr"))
    assert "Domínio público" in words(
        source_line("natural_earth", dataclasses.replace(state, lang="pt"), Locale.of("pt"))
    )


@pytest.mark.parametrize("lang", ["pt", "fr"])
def test_the_sources_page_map_csv_and_claims_show_editions_in_their_language(lang: str) -> None:
    rows = sources_page.dataset_table(Locale.of(lang)).children[1].children
    for row, src in zip(rows, datasets.sources().values(), strict=True):
        edition, licence = (words(cell) for cell in row.children[1:3])  # name and citation as published
        assert (edition, licence) == tuple(
            datasets.source_field(src, f, Locale.of(lang)) for f in ("edition", "licence")
        )
        assert not [word for word in ENGLISH if word in f"{edition} {licence}"], row.id
    table = build(dataclasses.replace(FilterState(), lang=lang, indicator="net_migration")).table()
    assert set(table["edition"]) == {datasets.sources()["wdi_netm"]["edition"][lang]}
    assert "release" not in claims_view.source_text("wdi_netm", Locale.of(lang))


def test_english_is_the_fallback_only_for_a_language_the_app_does_not_ship() -> None:
    src = datasets.sources()["knomad_brm2021"]
    assert datasets.source_field(src, "edition", Locale.of("es")) == "diciembre de 2022"
    assert datasets.source_field(src, "edition", Locale.of("de")) == "December 2022"
    published = datasets.source_field(src, "name", Locale.of("fr"))
    assert published == src["name"]  # published names are not translated


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_an_event_card_shows_its_note_and_source_notes_in_its_language(lang: str) -> None:
    row = dialogue.events().set_index("id").loc["dialogue_launch_2009"]
    text = words(
        dialogue_page.event_card(
            "dialogue_launch_2009", dataclasses.replace(FilterState(), lang=lang), Locale.of(lang)
        )
    )
    assert row[f"note_{lang}"] in text and row["note_en"] not in text
    for source in row["sources"]:
        assert f"({source['note'][lang]})" in text and source["note"]["en"] not in text
    brussels = {"es": "Bruselas", "pt": "Bruxelas", "fr": "Bruxelles"}[lang]
    card = words(
        dialogue_page.event_card("hlm_1", dataclasses.replace(FilterState(), lang=lang), Locale.of(lang))
    )
    assert f"{brussels}, " in card and "Brussels, " not in card  # the evidence quotes stay verbatim
