"""Presenter stories: validation, the presenter's URL parameters, links between steps, and
every bundled step showing a view the app knows (a notice on a projector is a failure)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest
import yaml

from dashboard import stories, urls
from dashboard.errors import DataValidationError
from dashboard.urls import presenter as presenter_urls
from dashboard.urls.pages import parse_corridors, parse_shared
from dashboard.urls.presenter import Presenter
from dashboard.vocabulary import vocabulary
from layouts import ids
from layouts.router import render

TEXT = {"en": "a", "es": "b", "pt": "c", "fr": "d"}
STEP = {"page": "map", "query": "indicator=migrant_share", "title": TEXT, "note": TEXT}
ALL = stories.stories()
DEFAULT = ALL[stories.DEFAULT_STORY]


def story(**changes: object) -> dict[str, object]:
    return {"id": "tiny", "title": TEXT, "steps": [STEP]} | changes


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (story(id="Tiny Story"), "equal the file name"),
        (story(steps=[]), "1 to 30"),
        (story(steps=[STEP | {"page": "admin"}]), "page must be one of"),
        (story(steps=[STEP | {"query": "year=2000&lang=es"}]), "must not set lang"),
        (story(steps=[STEP | {"query": "present=1"}]), "must not set lang"),
        (story(steps=[STEP | {"note": {"en": "only English"}}]), "step 1: note needs"),
        (story(title={**TEXT, "fr": " "}), "title needs"),
        ([1, 2], "expected a mapping"),
    ],
)
def test_a_bad_story_names_its_file_and_problem(raw: object, problem: str) -> None:
    with pytest.raises(DataValidationError, match=problem) as error:
        stories.validate(raw, Path("stories/tiny.yaml"))
    assert "tiny.yaml" in str(error.value)


def test_a_story_file_is_read_and_a_broken_one_refused(tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / f"{stories.DEFAULT_STORY}.yaml").write_text(
        yaml.safe_dump(story(id=stories.DEFAULT_STORY)), encoding="utf-8"
    )
    assert list(stories.stories(tmp_path)) == [stories.DEFAULT_STORY]
    (folder / "broken.yaml").write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(DataValidationError, match="invalid YAML"):
        stories.stories.__wrapped__(tmp_path)


@pytest.mark.parametrize(
    ("search", "presenter", "notices"),
    [
        ("", Presenter(), []),
        ("?indicator=gdp", Presenter(), []),
        ("?present=1", Presenter(active=True), []),
        ("?present=yes", Presenter(active=True), ["present"]),
        (f"?present=1&story={stories.DEFAULT_STORY}", Presenter(True, stories.DEFAULT_STORY, 1), []),
        (f"?present=1&story={stories.DEFAULT_STORY}&step=3", Presenter(True, stories.DEFAULT_STORY, 3), []),
        (
            f"?present=1&story={stories.DEFAULT_STORY}&step=0",
            Presenter(True, stories.DEFAULT_STORY, 1),
            ["step"],
        ),
        (
            f"?present=1&story={stories.DEFAULT_STORY}&step=99",
            Presenter(True, stories.DEFAULT_STORY, 1),
            ["step"],
        ),
        (
            f"?present=1&story={stories.DEFAULT_STORY}&step=-1",
            Presenter(True, stories.DEFAULT_STORY, 1),
            ["step"],
        ),
        ("?present=1&story=<script>&step=2", Presenter(active=True), ["story"]),
        ("?present=1&story=basket&step=3", Presenter(True, presenter_urls.BASKET, 3), []),
        ("?present=1&story=basket&step=21", Presenter(True, presenter_urls.BASKET, 1), ["step"]),
        ("?present=1&story=basket&step=x", Presenter(True, presenter_urls.BASKET, 1), ["step"]),
    ],
)
def test_presenter_parameters(search: str, presenter: Presenter, notices: list[str]) -> None:
    parsed = presenter_urls.parse(search, ALL)
    assert parsed.presenter == presenter
    assert [n.parameter for n in parsed.notices] == notices


def test_step_links_keep_the_language_and_walk_the_story() -> None:
    first = presenter_urls.step_href(DEFAULT, 1, "es")
    path, query = first.split("?")
    params = parse_qs(query)
    assert path == "/" + DEFAULT.steps[0].page
    assert params["lang"] == ["es"] and params["present"] == ["1"] and params["step"] == ["1"]
    assert "lang=" not in presenter_urls.step_href(DEFAULT, 1, "en")
    assert presenter_urls.parse(first, ALL).presenter.step == 1


def test_leaving_and_keeping_presenter_mode() -> None:
    search = f"?indicator=gdp&present=1&story={stories.DEFAULT_STORY}&step=2&lang=fr"
    assert presenter_urls.without_presenter(search) == "?indicator=gdp&lang=fr"
    assert presenter_urls.with_presenter("?indicator=gdp&step=4") == "?indicator=gdp&present=1"
    kept = presenter_urls.keep_presenter("?indicator=gdp&year=2000", search)
    assert parse_qs(kept.lstrip("?")) == parse_qs(
        f"indicator=gdp&year=2000&present=1&story={DEFAULT.id}&step=2"
    )
    assert presenter_urls.keep_presenter("?year=2000", "?year=1990") == "?year=2000"


def test_the_default_story_tells_six_to_ten_views() -> None:
    assert 6 <= len(DEFAULT.steps) <= 10


@pytest.mark.parametrize("number", range(1, len(DEFAULT.steps) + 1))
@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr"])
def test_every_step_shows_a_view_the_app_knows(number: int, lang: str) -> None:
    href = presenter_urls.step_href(DEFAULT, number, lang)
    path, query = href.split("?", 1)
    assert parse_shared(query, vocabulary()).notices == ()
    assert urls.page_key(path) is not None
    if urls.page_key(path) == "corridors":
        assert parse_corridors(query, vocabulary())[1] == ()
    bar, body = render(path, "?" + query)
    assert bar.id == ids.PRESENT_BAR
    assert body.className == "presenting"
    assert DEFAULT.steps[number - 1].title[lang] in str(bar)


def test_a_step_opened_on_another_page_shows_the_steps_view() -> None:
    corridor_step = next(i for i, s in enumerate(DEFAULT.steps, 1) if s.page == "corridors")
    _bar, body = render("/map", f"?present=1&story={DEFAULT.id}&step={corridor_step}")
    assert ids.CORRIDORS_FLOWS in str(body) and ids.MAP_GRAPH not in str(body)


def test_basket_steps_link_to_the_kept_views_in_presenter_mode() -> None:
    views = [("/map", "?indicator=gdp&lang=es"), ("/corridors", "?present=1&direction=eu_celac")]
    first = presenter_urls.basket_step_href(views, 1, "fr")
    assert first == "/map?indicator=gdp&lang=fr&present=1&story=basket&step=1"
    second = presenter_urls.basket_step_href(views, 2, "en")
    assert second == "/corridors?direction=eu_celac&present=1&story=basket&step=2"


def test_a_step_link_without_its_query_still_shows_the_steps_view() -> None:
    """The bar's title and the map must agree even when the link lost the step's query."""
    number, step = next((i, s) for i, s in enumerate(DEFAULT.steps, 1) if "asylum_seekers_hosted" in s.query)
    bar, body = render("/map", f"?present=1&story={DEFAULT.id}&step={number}&lang=es")
    assert step.title["es"] in str(bar)
    title = next(c for c in walk(body) if getattr(c, "id", None) == ids.MAP_TITLE)
    assert title.children == "Solicitantes de asilo acogidos"  # the step's indicator, in Spanish


def walk(component: object) -> list[object]:
    children = getattr(component, "children", None)
    found = [component]
    for child in children if isinstance(children, list) else [children]:
        if hasattr(child, "to_plotly_json"):
            found += walk(child)
    return found
