"""The "Download for offline" links: the presenter menu's (the default story, in the reader's
language) and the briefing panel's (the basket's views and title, as the PowerPoint's), built by
``dashboard.urls.offline`` and read back by it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from dash.development.base_component import Component

from dashboard import stories, urls
from dashboard.locale import Locale
from dashboard.offline.assets import PLOTLY_LOCALE_NAMES
from dashboard.paths import ROOT
from dashboard.urls import offline as offline_urls
from layouts import briefing as briefing_layout
from layouts import ids
from layouts.graph_config import PLOTLY_LOCALES
from layouts.presenter import start_links

VIEWS = ["/map?indicator=migrant_stock&year=2024", "/corridors?chart=map&direction=eu_celac"]


def find(tree: Any, element_id: str) -> Component:
    if isinstance(tree, Component):
        if getattr(tree, "id", None) == element_id:
            return tree
        tree = getattr(tree, "children", None)
    for child in tree if isinstance(tree, list | tuple) else []:
        try:
            return find(child, element_id)
        except LookupError:
            continue
    raise LookupError(element_id)


def test_plotly_locales_are_the_app_s() -> None:
    assert PLOTLY_LOCALE_NAMES == PLOTLY_LOCALES


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_story_link_reads_back(lang: str) -> None:
    href = offline_urls.story_file(stories.DEFAULT_STORY, lang)
    path, query = href.split("?")
    asked = offline_urls.parse(query)
    assert path == offline_urls.STORY_FILE and asked.story == stories.DEFAULT_STORY
    assert asked.lang == (None if lang == "en" else lang)


def test_the_basket_link_keeps_every_view_past_a_page_query_s_length() -> None:
    countries = "ARG,BRA,CHL,COL,ECU,PER,URY,VEN,BOL"
    many = [f"/map?indicator=migrant_stock&year={2000 + i}&countries={countries}" for i in range(20)]
    href = offline_urls.briefing_file(many, "es", "Título")
    assert len(href) > 2000
    asked = offline_urls.parse(href.split("?", 1)[1])
    assert asked.views == tuple(many) and asked.lang == "es" and asked.title == "Título"
    # the same parameters as the PowerPoint's
    assert href.split("?", 1)[1] == urls.briefing(many, "es", "Título").split("?", 1)[1]


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_the_presenter_menu_offers_the_story_file(lang: str) -> None:
    menu = start_links("/map?present=1", Locale.of(lang))
    link = find(menu, ids.PRESENT_OFFLINE)
    assert link.href == offline_urls.story_file(stories.DEFAULT_STORY, lang)
    assert link.children == Locale.of(lang).gettext("Download for offline")
    assert "go-fullscreen" not in link.className  # a download, not a presentation


def fields(tree: Any) -> list[tuple[str, str]]:
    """(name, value) of every named field in ``tree``, in order, as a form submits them."""
    if isinstance(tree, Component):
        named = [(tree.name, getattr(tree, "value", None))] if getattr(tree, "name", None) else []
        return named + fields(getattr(tree, "children", None))
    if isinstance(tree, list | tuple):
        return [pair for item in tree for pair in fields(item)]
    return []


def test_the_briefing_panel_posts_the_basket_to_all_three_downloads() -> None:
    """One form: its fields are the basket's views and language (and the title the reader types);
    each button sends them to its own route (a POST: 20 views are longer than a URL may be)."""
    locale = Locale.of("fr")
    shown = [(v, "t", "s") for v in VIEWS]
    form = find(briefing_layout.contents(shown, VIEWS, "map", locale), ids.BRIEFING_FORM)
    assert form.method == "post"
    assert fields(form) == [("lang", "fr"), ("view", VIEWS[0]), ("view", VIEWS[1]), ("title", None)]
    buttons = {b: find(form, b) for b in (ids.BRIEFING_DOWNLOAD, ids.BRIEFING_PDF, ids.BRIEFING_OFFLINE)}
    assert [b.formAction for b in buttons.values()] == [
        urls.BRIEFING,
        urls.BRIEFING_PDF,
        offline_urls.BRIEFING_FILE,
    ]
    assert all(b.type == "submit" for b in buttons.values())
    assert buttons[ids.BRIEFING_OFFLINE].children == "Télécharger pour hors ligne"


def key_map(path: str) -> dict[str, str]:
    """The ``KEYS`` object of a script: key name -> what it does."""
    text = (ROOT / path).read_text(encoding="utf-8")
    body = re.search(r"var KEYS = \{(.*?)\};", text, re.S)
    assert body, path
    entries = re.findall(r"('[^']*'|\w+):\s*('[^']*'|-?\d)", body[1])
    return {key.strip("'"): value.strip("'") for key, value in entries}


def test_the_file_has_the_live_presenter_s_keys() -> None:
    live = key_map("assets/presenter.js")
    offline_keys = key_map("dashboard/offline/player.js")
    offline_keys.pop("Spacebar")  # old browsers' name of Space
    forward = {"present-next": "1", "present-previous": "-1"}
    assert {k: forward[v] for k, v in live.items()} == offline_keys
