"""Presenter stories (``data/stories/*.yaml``): the records and their validation.

A story is an ordered list of views; presenter mode (``?present=1&story=<id>&step=<n>``, read
and linked by :mod:`dashboard.urls.presenter`) shows one at a time with large type and no
controls. The page each step shows is the app's own, from the step's query string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dashboard import datasets
from dashboard.errors import DataValidationError
from dashboard.i18n import LANGUAGES
from dashboard.urls.presenter import sets_reserved
from dashboard.urls.query import MAX_QUERY_LENGTH, text_of

PAGES = ("map", "corridors", "dialogue", "programmes", "sources")
DEFAULT_STORY = "eu-celac-migration"
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
        query = text_of(str(step.get("query") or ""))
        if len(query) > MAX_QUERY_LENGTH or sets_reserved(query):
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
