"""The presenter's URL parameters (``?present=1&story=<id>&step=<n>``) and the links between steps.

Presenter mode shows one view at a time with large type and no controls, either one view alone
(no story), a step of a story (``data/stories``), or a view of the reader's briefing basket
(``story=basket``, whose views only the browser knows). Bad values give notices, never errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dashboard.i18n import DEFAULT_LANGUAGE
from dashboard.urls.query import Notice, build, is_number, pairs, read

if TYPE_CHECKING:
    from dashboard.stories import Story

PRESENTER_KEYS = ("present", "story", "step")
BASKET = "basket"  # the reader's briefing basket, kept in the browser: its steps are known there
BASKET_MAX = 20


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


def parse(search: object, known: Mapping[str, Story]) -> ParsedPresenter:
    """Presenter mode from a query string; unknown stories and steps fall back with a notice."""
    values = read(search, truncate=True)
    present = values.last("present")
    if present is None:
        return ParsedPresenter(Presenter())
    notices: list[Notice] = []
    if present != "1":
        notices.append(Notice("present", present))
    story_id = values.last("story")
    if story_id is None:
        return ParsedPresenter(Presenter(active=True), tuple(notices))
    given = values.last("step")
    step_text = "1" if given is None else given
    if story_id == BASKET:
        step = int(step_text) if is_number(step_text) and len(step_text) < 3 else 0
        if not 1 <= step <= BASKET_MAX:
            return ParsedPresenter(
                Presenter(active=True, story=BASKET), (*notices, Notice("step", step_text))
            )
        return ParsedPresenter(Presenter(active=True, story=BASKET, step=step), tuple(notices))
    story = known.get(story_id)
    if story is None:
        notices.append(Notice("story", story_id))
        return ParsedPresenter(Presenter(active=True), tuple(notices))
    step = int(step_text) if is_number(step_text) and len(step_text) < 4 else 0
    if not 1 <= step <= len(story.steps):
        notices.append(Notice("step", step_text))
        step = 1
    return ParsedPresenter(Presenter(active=True, story=story.id, step=step), tuple(notices))


def sets_reserved(query: str) -> bool:
    """True when a story step's query sets ``lang`` or a presenter parameter (it must not)."""
    return any(key in ("lang", *PRESENTER_KEYS) for key, _ in pairs(query))


def step_href(story: Story, step: int, lang: str) -> str:
    """The URL of a story's step (1-based) in presenter mode, in ``lang``."""
    shown = story.steps[step - 1]
    params = pairs(shown.query)
    if lang != DEFAULT_LANGUAGE:
        params.append(("lang", lang))
    params += [("present", "1"), ("story", story.id), ("step", str(step))]
    return f"/{shown.page}{build(params)}"


def basket_step_href(views: list[tuple[str, str]], step: int, lang: str) -> str:
    """The URL of the basket's view ``step`` (1-based; (path, query) pairs) in presenter mode."""
    path, query = views[step - 1]
    params = [(k, v) for k, v in pairs(query) if k not in ("lang", *PRESENTER_KEYS)]
    if lang != DEFAULT_LANGUAGE:
        params.append(("lang", lang))
    params += [("present", "1"), ("story", BASKET), ("step", str(step))]
    return f"{path}{build(params)}"


def without_presenter(search: object) -> str:
    """The query string without the presenter's parameters (what Esc goes back to)."""
    return build((k, v) for k, v in pairs(search, blanks=True) if k not in PRESENTER_KEYS)


def with_presenter(search: object) -> str:
    """The same view in presenter mode, one view, no story."""
    return build([*pairs(without_presenter(search)), ("present", "1")])


def keep_presenter(new_query: str, old_search: object) -> str:
    """``new_query`` (a page rewriting its URL) keeping the presenter parameters of the old one."""
    kept = [(k, v) for k, v in pairs(old_search) if k in PRESENTER_KEYS]
    if not kept:
        return new_query
    return build([*pairs(new_query), *kept])
