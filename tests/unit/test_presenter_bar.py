"""The presenter bar carries what assets/presenter.js needs in every mode: the step counter and a
hidden "reconnecting" line in the presenter's language."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dashboard import stories
from dashboard.locale import Locale
from dashboard.urls import presenter as presenter_urls
from dashboard.urls.presenter import Presenter
from layouts import ids, presenter


def _find(component: Any, element_id: str) -> Any:
    if getattr(component, "id", None) == element_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        found = _find(child, element_id) if child is not None and not isinstance(child, str) else None
        if found is not None:
            return found
    return None


@pytest.mark.parametrize(
    ("story", "lang", "words"),
    [
        (stories.DEFAULT_STORY, "en", "Reconnecting…"),
        (stories.DEFAULT_STORY, "fr", "Reconnexion…"),
        (presenter_urls.BASKET, "es", "Reconectando…"),
        (None, "pt", "A restabelecer a ligação…"),
    ],
)
def test_the_bar_has_a_hidden_reconnecting_line(story: str | None, lang: str, words: str) -> None:
    shown = Presenter(active=True, story=story, step=1)
    bar = presenter.bar(shown, "/map", f"?present=1&lang={lang}", Locale.of(lang))
    status = _find(bar, ids.PRESENT_STATUS)
    assert status is not None and status.children == words and status.hidden is True
    assert status.role == "status"  # a screen reader says it when it shows
    if story is not None:
        assert _find(bar, ids.PRESENT_COUNT) is not None


def test_a_story_step_names_the_saved_copies_of_itself_and_the_next() -> None:
    story = stories.stories()[stories.DEFAULT_STORY]
    last = len(story.steps)
    for step, wanted in ((1, [1, 2]), (last, [last])):
        bar = presenter.bar(Presenter(active=True, story=story.id, step=step), "/map", "", Locale.of("fr"))
        saved = json.loads(_find(bar, ids.PRESENT_COUNT).to_plotly_json()["props"]["data-saved"])
        assert [s["url"] for s in saved] == [
            f"/offline/step.json?story={story.id}&step={n}&lang=fr" for n in wanted
        ]
        assert [s["address"] for s in saved] == [presenter_urls.step_href(story, n, "fr") for n in wanted]
        assert [(s["number"], s["count"]) for s in saved] == [(n, last) for n in wanted]
        assert _find(bar, ids.PRESENT_SAVED_NOTE).children == "Pas de réseau : copie enregistrée de cette vue"
    in_basket = Presenter(active=True, story=presenter_urls.BASKET, step=1)
    basket = presenter.bar(in_basket, "/map", "", Locale.of("en"))
    # The basket's views are the browser's: callbacks/briefing.py names them.
    assert _find(basket, ids.PRESENT_COUNT).to_plotly_json()["props"]["data-saved"] == "[]"
    # Presenting one view alone: nothing to save, no counter.
    alone = presenter.bar(Presenter(active=True), "/map", "", Locale.of("en"))
    assert _find(alone, ids.PRESENT_COUNT) is None
