"""The offline presentation files and their steps: ``/offline/story.html?story=<id>&lang=<lang>``,
``/offline/briefing.html?lang=<lang>&title=…&view=/page?query…`` (the basket's views, as for
``/briefing.pptx``) and ``/offline/step.json?story=<id>&step=<n>&lang=<lang>`` (one step's payload,
for the live presenter to prefetch). Built and read here, like every other query string."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from dashboard.i18n import DEFAULT_LANGUAGE
from dashboard.urls.query import build, pairs

OFFLINE: Final = "/offline/"
STORY_FILE: Final = "/offline/story.html"
BRIEFING_FILE: Final = "/offline/briefing.html"
STEP: Final = "/offline/step.json"
VIEW: Final = "/offline/view.json"
# The file's player, for the live presenter to draw saved steps with (assets/presenter.js).
PLAYER_JS: Final = "/offline/player.js"
PLAYER_CSS: Final = "/offline/player.css"


def _lang(lang: str) -> list[tuple[str, str]]:
    return [] if lang == DEFAULT_LANGUAGE else [("lang", lang)]


def story_file(story: str, lang: str) -> str:
    """The story ``story`` as one HTML file, in ``lang``."""
    return STORY_FILE + build([("story", story), *_lang(lang)])


def briefing_file(views: list[str], lang: str, title: str = "") -> str:
    """The basket's ``views`` (``/page?query`` each) as one HTML file, in ``lang``, titled ``title``
    (the same parameters as :func:`dashboard.urls.links.briefing`)."""
    named = [("title", title)] if title.strip() else []
    return BRIEFING_FILE + build([("lang", lang), *named, *(("view", v) for v in views)])


def step(story: str, number: int, lang: str) -> str:
    """Step ``number`` (1-based) of ``story`` as the JSON payload the file holds for it."""
    return STEP + build([("story", story), ("step", str(number)), *_lang(lang)])


@dataclass(frozen=True)
class OfflineRequest:
    """What an offline route was asked for, unchecked: the values as given (None when absent)."""

    story: str | None = None
    step: str | None = None
    lang: str | None = None
    title: str = ""
    views: tuple[str, ...] = ()


def parse(search: object) -> OfflineRequest:
    """The parameters of an offline route's query string; the last value of each key counts, and
    every ``view`` (a basket of twenty views is longer than a page's query may be)."""
    given = pairs(search, blanks=True)
    last = dict(given)
    return OfflineRequest(
        story=last.get("story"),
        step=last.get("step"),
        lang=last.get("lang"),
        title=last.get("title") or "",
        views=tuple(value for key, value in given if key == "view"),
    )


def view(shown: str, lang: str) -> str:
    """One view of the basket (``/page?query``) as the JSON payload its file would hold for it."""
    return VIEW + build([("view", shown), *_lang(lang)])
