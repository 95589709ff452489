"""Definitions and methods show in the page's language, never silently in English or Spanish."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from dashboard import loading
from dashboard.map_view import build
from dashboard.state import FilterState
from layouts import map_page, sources_page
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
    for spec in loading.catalogue().values():
        assert spec.definition[lang] in text, (spec.id, lang)
        assert spec.definition["en"] not in text and spec.definition["es"] not in text, spec.id
        if spec.computed:
            assert spec.method[lang] in text and spec.method["en"] not in text, (spec.id, lang)


@pytest.mark.parametrize("lang", ["pt", "fr"])
def test_the_map_shows_a_computed_indicators_method_in_its_language(lang: str) -> None:
    state = dataclasses.replace(FilterState(), lang=lang, indicator="net_migration_rate")
    view = build(state)
    spec = loading.catalogue()["net_migration_rate"]
    assert view.method == spec.method[lang] != spec.method["en"]
    assert spec.definition[lang] in words(map_page.definition(view))
    assert view.method in words(map_page.definition(view))
    assert view.method in words(source_line(spec.source, state, view.method))
    assert set(view.table()["computed_method"]) == {spec.method[lang]}


def test_a_published_indicator_has_no_method_line() -> None:
    view = build(dataclasses.replace(FilterState(), lang="fr", indicator="migrant_stock"))
    assert view.method == ""
