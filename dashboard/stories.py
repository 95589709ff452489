"""Presenter stories (``data/stories/*.yaml``) and the presenter's URL parameters.

A story is an ordered list of views; presenter mode (``?present=1&story=<id>&step=<n>``) shows
one at a time with large type and no controls. This module reads and validates the stories,
parses the presenter parameters (bad values give notices, never errors) and builds the links
between steps. The page each step shows is the app's own, from the step's query string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from dashboard import datasets
from dashboard.errors import DataValidationError
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES
from dashboard.state import MAX_QUERY_LENGTH, Notice

PRESENTER_KEYS = ("present", "story", "step")
PAGES = ("map", "corridors", "dialogue", "programmes", "sources")
DEFAULT_STORY = "eu-celac-migration"
BASKET = "basket"  # the reader's briefing basket, kept in the browser: its steps are known there
BASKET_MAX = 20
STORY_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_STEPS = 30


@dataclass(frozen=True)
class Step:
    page: str
    query: str
    title: Mapping[str, str]
    note: Mapping[str, str]


@dataclass(frozen=True)
class Story:
    id: str
    title: Mapping[str, str]
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Presenter:
    """Presenter mode for a URL: off, one view (no story), or step ``step`` (1-based) of a story."""

    active: bool = False
    story: str | None = None
    step: int = 1


@dataclass(frozen=True)
class ParsedPresenter:
    presenter: Presenter
    notices: tuple[Notice, ...] = field(default_factory=tuple)


def _texts(value: Any, where: str, fail: Any) -> dict[str, str]:
    if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip() for lang in LANGUAGES):
        raise fail(f"{where} needs a non-empty text in each of {', '.join(LANGUAGES)}")
    return {lang: str(value[lang]).strip() for lang in LANGUAGES}


def validate(raw: Any, file: Path) -> Story:
    """A story from one parsed YAML document; any problem raises naming the file and the step."""

    def fail(problem: str) -> DataValidationError:
        return DataValidationError(str(file), problem)

    if not isinstance(raw, dict):
        raise fail("expected a mapping with id, title and steps")
    story_id = str(raw.get("id") or "")
    if not STORY_ID.fullmatch(story_id) or story_id != file.stem:
        raise fail(f"id {story_id!r} must be lower-case words joined by '-' and equal the file name")
    steps = raw.get("steps")
    if not isinstance(steps, list) or not 1 <= len(steps) <= MAX_STEPS:
        raise fail(f"steps must be a list of 1 to {MAX_STEPS} views")
    out = []
    for number, step in enumerate(steps, start=1):
        where = f"step {number}"
        if not isinstance(step, dict) or step.get("page") not in PAGES:
            raise fail(f"{where}: page must be one of {', '.join(PAGES)}")
        query = str(step.get("query") or "").lstrip("?")
        if len(query) > MAX_QUERY_LENGTH or any(k in ("lang", *PRESENTER_KEYS) for k, _ in parse_qsl(query)):
            raise fail(f"{where}: the query must not set lang or presenter parameters")
        out.append(
            Step(
                page=str(step["page"]),
                query=query,
                title=_texts(step.get("title"), f"{where}: title", fail),
                note=_texts(step.get("note"), f"{where}: note", fail),
            )
        )
    return Story(id=story_id, title=_texts(raw.get("title"), "title", fail), steps=tuple(out))


@datasets.loader
def stories(data_dir: Path | None = None) -> dict[str, Story]:
    """Every story in ``<data_dir>/stories``, validated, by id (cached: do not mutate)."""
    found = {}
    for file, raw in datasets.story_documents(data_dir).items():
        story = validate(raw, file)
        found[story.id] = story
    if DEFAULT_STORY not in found:
        missing = datasets.stories_folder(data_dir) / f"{DEFAULT_STORY}.yaml"
        raise DataValidationError(str(missing), "the default story is missing")
    return found


def parse_presenter(search: str | None, known: Mapping[str, Story]) -> ParsedPresenter:
    """Presenter mode from a query string; unknown stories and steps fall back with a notice."""
    text = (search or "").lstrip("?")
    values = dict(parse_qsl(text[:MAX_QUERY_LENGTH], keep_blank_values=True))
    present = values.get("present")
    if present is None:
        return ParsedPresenter(Presenter())
    notices: list[Notice] = []
    if present != "1":
        notices.append(Notice("present", present))
    story_id = values.get("story")
    if story_id is None:
        return ParsedPresenter(Presenter(active=True), tuple(notices))
    step_text = values.get("step", "1")
    if story_id == BASKET:
        step = int(step_text) if step_text.isdigit() and len(step_text) < 3 else 0
        if not 1 <= step <= BASKET_MAX:
            return ParsedPresenter(
                Presenter(active=True, story=BASKET), (*notices, Notice("step", step_text))
            )
        return ParsedPresenter(Presenter(active=True, story=BASKET, step=step), tuple(notices))
    story = known.get(story_id)
    if story is None:
        notices.append(Notice("story", story_id))
        return ParsedPresenter(Presenter(active=True), tuple(notices))
    step = int(step_text) if step_text.isdigit() and len(step_text) < 4 else 0
    if not 1 <= step <= len(story.steps):
        notices.append(Notice("step", step_text))
        step = 1
    return ParsedPresenter(Presenter(active=True, story=story.id, step=step), tuple(notices))


def _join(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params, safe=",") if params else ""


def step_href(story: Story, step: int, lang: str) -> str:
    """The URL of a story's step (1-based) in presenter mode, in ``lang``."""
    shown = story.steps[step - 1]
    params = parse_qsl(shown.query)
    if lang != DEFAULT_LANGUAGE:
        params.append(("lang", lang))
    params += [("present", "1"), ("story", story.id), ("step", str(step))]
    return f"/{shown.page}{_join(params)}"


def basket_step_href(views: list[tuple[str, str]], step: int, lang: str) -> str:
    """The URL of the basket's view ``step`` (1-based; (path, query) pairs) in presenter mode."""
    path, query = views[step - 1]
    params = [(k, v) for k, v in parse_qsl(query.lstrip("?")) if k not in ("lang", *PRESENTER_KEYS)]
    if lang != DEFAULT_LANGUAGE:
        params.append(("lang", lang))
    params += [("present", "1"), ("story", BASKET), ("step", str(step))]
    return f"{path}{_join(params)}"


def without_presenter(search: str | None) -> str:
    """The query string without the presenter's parameters (what Esc goes back to)."""
    params = parse_qsl((search or "").lstrip("?"), keep_blank_values=True)
    return _join([(k, v) for k, v in params if k not in PRESENTER_KEYS])


def with_presenter(search: str | None) -> str:
    """The same view in presenter mode, one view, no story."""
    return _join([*parse_qsl(without_presenter(search).lstrip("?")), ("present", "1")])


def keep_presenter(new_query: str, old_search: str | None) -> str:
    """``new_query`` (a page rewriting its URL) keeping the presenter parameters of the old one."""
    kept = [(k, v) for k, v in parse_qsl((old_search or "").lstrip("?")) if k in PRESENTER_KEYS]
    if not kept:
        return new_query
    return _join([*parse_qsl(new_query.lstrip("?")), *kept])
