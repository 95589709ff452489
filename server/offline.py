"""``GET /offline/story.html?story=<id>&lang=<lang>`` and ``GET /offline/briefing.html?lang=…&view=…``
(the basket's views, as for ``/briefing.pptx``): the presentation as one self-contained HTML file to
carry on a USB stick (:mod:`dashboard.offline.page`); ``GET /offline/step.json?story=<id>&step=<n>``
gives one step's payload (:mod:`dashboard.offline`) for the live presenter to prefetch.

A bad story, step, language or an empty basket gets a short page (JSON for ``step.json``) saying
why, in the reader's language (in all four for a language we do not have), never a traceback.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask, Response, request

from dashboard import datasets, offline, stories, urls
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES
from dashboard.locale import Locale
from dashboard.offline import assets, page
from dashboard.urls import offline as offline_urls
from dashboard.urls.query import is_number
from server.site import site_url

ONE_HOUR = 3600


class Refused(Exception):
    """Why no file can be made: the HTTP status and the message's lines."""

    def __init__(self, status: int, locale: Locale, lines: list[str]) -> None:
        super().__init__(" ".join(lines))
        self.status, self.locale, self.lines = status, locale, lines


def language(given: str | None) -> Locale:
    """The asked language (the default when none is given); an unknown one is refused, saying
    so in each of our languages."""
    code = (given or DEFAULT_LANGUAGE).strip().lower()
    if code in LANGUAGES:
        return Locale.of(code)
    lines = []
    for lang in LANGUAGES:
        _ = Locale.of(lang).gettext
        text = _("Unknown language “{lang}”: use one of {languages}.")
        lines.append(text.format(lang=code[:20], languages=", ".join(LANGUAGES)))
    raise Refused(400, Locale.of(DEFAULT_LANGUAGE), lines)


def story_of(given: str | None, locale: Locale) -> stories.Story:
    known = stories.stories()
    story = known.get(given or "")
    if story is None:
        _ = locale.gettext
        text = _("No story named “{story}”. The stories are: {stories}.")
        raise Refused(404, locale, [text.format(story=(given or "")[:60], stories=", ".join(sorted(known)))])
    return story


def step_of(given: str | None, story: stories.Story, locale: Locale) -> int:
    text = (given or "").strip()
    count = len(story.steps)
    if is_number(text) and len(text) < 4 and 1 <= int(text) <= count:
        return int(text)
    _ = locale.gettext
    message = _("The story “{story}” has no step “{step}”: its steps are 1 to {count}.")
    raise Refused(404, locale, [message.format(story=story.id, step=text[:20], count=count)])


def refusal_page(refused: Refused) -> Response:
    _ = refused.locale.gettext
    title = _("This file cannot be made")
    body = page.message_page(title, refused.lines, refused.locale)
    return Response(body, status=refused.status, mimetype="text/html")


def attachment(text: str, name: str) -> Response:
    response = Response(text, mimetype="text/html")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.cache_control.public = True
    response.cache_control.max_age = ONE_HOUR  # a data update shows within the hour
    return response


def player(text: str, mimetype: str) -> Response:
    """The file's player, for the live presenter (it draws the steps it saved with it)."""
    response = Response(text, mimetype=mimetype)
    response.cache_control.public = True
    response.cache_control.max_age = ONE_HOUR
    return response


def json_answer(payload: dict[str, Any], status: int) -> Response:
    response = Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")
    if status == 200:
        response.cache_control.public = True
        response.cache_control.max_age = ONE_HOUR
    return response


def register(server: Flask) -> None:
    """The offline routes: the story file, the basket's file and one step's payload. The app's
    ``assets/`` folder is the one beside the Flask app's module (``app.py``)."""
    inlined = assets.gather(Path(server.root_path) / "assets")
    shapes: dict[str, Any] = {
        urls.GEOMETRY: datasets.geometry(),
        urls.WORLD_GEOMETRY: datasets.world_geometry(),
    }

    def asked() -> offline_urls.OfflineRequest:
        """The parameters: the query, or the form a POST sends (the basket's panel: 20 views are
        longer than a URL may be)."""
        if request.method == "POST":
            return offline_urls.parse(request.get_data(as_text=True))
        return offline_urls.parse(request.query_string.decode("utf-8", errors="replace"))

    @server.get(offline_urls.STORY_FILE)
    def offline_story() -> Response:
        given = asked()
        try:
            locale = language(given.lang)
            story = story_of(given.story, locale)
        except Refused as refused:
            return refusal_page(refused)
        made = offline.story(story, locale, site_url())
        return attachment(page.html_page(made, shapes, inlined), f"puentes-{story.id}-{locale.lang}.html")

    @server.route(offline_urls.BRIEFING_FILE, methods=["GET", "POST"])
    def offline_briefing() -> Response:
        given = asked()
        try:
            locale = language(given.lang)
        except Refused as refused:
            return refusal_page(refused)
        made = offline.basket(list(given.views), locale, site_url(), given.title)
        if not made.steps:
            _ = locale.gettext
            text = _("No views to put in a briefing: add views with “Add this view” first.")
            return refusal_page(Refused(400, locale, [text]))
        name = f"puentes-briefing-{date.today().isoformat()}-{locale.lang}.html"
        return attachment(page.html_page(made, shapes, inlined), name)

    @server.get(offline_urls.PLAYER_JS)
    def offline_player() -> Response:
        return player(inlined.player_js, "text/javascript")

    @server.get(offline_urls.PLAYER_CSS)
    def offline_player_style() -> Response:
        return player(inlined.player_css, "text/css")

    @server.get(offline_urls.VIEW)
    def offline_view() -> Response:
        given = asked()
        try:
            locale = language(given.lang)
        except Refused as refused:
            return json_answer({"error": " ".join(refused.lines)}, refused.status)
        made = offline.basket(list(given.views[:1]), locale, site_url())
        if not made.steps:
            _ = locale.gettext
            return json_answer({"error": _("This view has no chart to save.")}, 404)
        return json_answer({"lang": locale.lang, **made.steps[0]}, 200)

    @server.get(offline_urls.STEP)
    def offline_step() -> Response:
        given = asked()
        try:
            locale = language(given.lang)
            story = story_of(given.story, locale)
            number = step_of(given.step, story, locale)
        except Refused as refused:
            return json_answer({"error": " ".join(refused.lines)}, refused.status)
        payload = {
            "story": story.id,
            "lang": locale.lang,
            **offline.story_step(story, number, locale, site_url()),
        }
        return json_answer(payload, 200)
