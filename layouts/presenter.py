"""Presenter mode: a bar with the story's step, its note and the links ← / → / Esc follow
(assets/presenter.js binds the keys to these links, queues them and retries a step change
that fails); the page itself gets large type and no
controls (assets/02-puentes.css, ``.presenting``)."""

from __future__ import annotations

import json
from typing import Any

from dash import dcc, html

from dashboard import stories
from dashboard.locale import Locale
from dashboard.stories import Story
from dashboard.urls import offline as offline_urls
from dashboard.urls import presenter as presenter_urls
from dashboard.urls.presenter import Presenter
from layouts import ids
from layouts.graph_config import PLOTLY_LOCALES


def _link(text: str, href: str | None, element_id: str, title: str) -> Any:
    if href is None:  # first or last step: the key does nothing, the button says so
        return html.Span(text, id=element_id, className="present-button disabled", title=title)
    return dcc.Link(text, href=href, id=element_id, className="present-button", title=title)


def bar(presenter: Presenter, pathname: str, search: str, locale: Locale) -> html.Div:
    """Story title, step n / N, the step's title and note, previous / next / exit."""
    _ = locale.gettext
    story: Story | None = stories.stories().get(presenter.story or "")
    exit_href = (pathname or "/") + presenter_urls.without_presenter(search)
    exit_link = dcc.Link(
        "✕ " + _("Exit"), href=exit_href, id=ids.PRESENT_EXIT, className="present-button", title=_("Esc")
    )
    saved: dict[str, Any] = {}
    if presenter.story == presenter_urls.BASKET:
        # The basket is in the browser: callbacks/briefing.py fills in the count, the links and
        # the views to save.
        saved = saving(presenter_urls.BASKET, locale)
        here = (pathname or "/") + (search or "")
        heading: list[Any] = [html.Div(_("Your briefing"), className="present-story")]
        steps: list[Any] = [
            dcc.Link("‹", href=here, id=ids.PRESENT_PREVIOUS, className="present-button disabled"),
            html.Span(
                f"{presenter.step} / …",
                className="present-count",
                id=ids.PRESENT_COUNT,
                **to_save("[]"),  # callbacks/briefing.py names the views to save
            ),
            dcc.Link("›", href=here, id=ids.PRESENT_NEXT, className="present-button disabled"),
        ]
    elif story is None:
        heading = [html.Div(_("Presenting this view"), className="present-story")]
        steps = []
    else:
        step = story.steps[presenter.step - 1]
        count = len(story.steps)
        before = (
            presenter_urls.step_href(story, presenter.step - 1, locale.lang) if presenter.step > 1 else None
        )
        after = (
            presenter_urls.step_href(story, presenter.step + 1, locale.lang)
            if presenter.step < count
            else None
        )
        heading = [
            html.Div(story.title[locale.lang], className="present-story"),
            html.H2(step.title[locale.lang], className="present-title", id=ids.PRESENT_TITLE),
            html.P(step.note[locale.lang], className="present-note"),
        ]
        saved = saving(story.id, locale)
        steps = [
            _link("‹", before, ids.PRESENT_PREVIOUS, _("Previous view (←)")),
            html.Span(
                f"{presenter.step} / {count}",
                className="present-count",
                id=ids.PRESENT_COUNT,
                **to_save(saved_steps(story, presenter.step, locale)),
            ),
            _link("›", after, ids.PRESENT_NEXT, _("Next view (→)")),
        ]
    return html.Div(  # in the navbar's <header> slot: the page's banner while presenting
        [
            html.Div(heading, className="present-heading"),
            html.Nav([*steps, exit_link], className="present-nav", title=_("Presenter controls")),
            status(locale),
            saved_note(locale),
        ],
        className="present-bar",
        id=ids.PRESENT_BAR,
        **saved,
    )


def saved_entry(number: int, count: int, address: str, payload: str) -> dict[str, Any]:
    """One step assets/presenter.js saves: its number of ``count``, its address in presenter mode
    and the URL of its payload (the offline file's: ``/offline/step.json`` or ``view.json``)."""
    return {"number": number, "count": count, "address": address, "url": payload}


def saving(kind: str, locale: Locale) -> dict[str, Any]:
    """The bar's attributes for assets/presenter.js: whose steps it saves while the network is up,
    to show if it goes down, and the player that draws them. The steps themselves (the one shown
    and the next) are named on the step counter: :func:`saved_steps`, or callbacks/briefing.py for
    the basket."""
    return {
        "data-story": kind,
        "data-lang": locale.lang,
        "data-plotly-locale": PLOTLY_LOCALES[locale.lang],
        "data-player": offline_urls.PLAYER_JS,
        "data-player-css": offline_urls.PLAYER_CSS,
    }


def to_save(entries: str) -> dict[str, Any]:
    """The step counter's attribute naming the steps to save (JSON of :func:`saved_entry`)."""
    return {"data-saved": entries}


def saved_steps(story: Story, step: int, locale: Locale) -> str:
    """A story's step and the next, to save (JSON, the counter's ``data-saved``)."""
    count = len(story.steps)
    entries = [
        saved_entry(
            n,
            count,
            presenter_urls.step_href(story, n, locale.lang),
            offline_urls.step(story.id, n, locale.lang),
        )
        for n in (step, step + 1)
        if n <= count
    ]
    return json.dumps(entries)


def status(locale: Locale) -> html.Div:
    """What the bar says while a step change cannot reach the server (assets/presenter.js shows
    it and tries again); hidden otherwise."""
    _ = locale.gettext
    return html.Div(
        _("Reconnecting…"),
        id=ids.PRESENT_STATUS,
        className="present-status",
        role="status",
        hidden=True,
    )


def saved_note(locale: Locale) -> html.Span:
    """The words over a step shown from its saved copy while the network is down
    (assets/presenter.js reads them); never shown in place."""
    _ = locale.gettext
    return html.Span(_("No network: a saved copy of this view"), id=ids.PRESENT_SAVED_NOTE, hidden=True)


def start_links(present_href: str, locale: Locale) -> html.Div:
    """Navbar entries: present this view (``present_href``), start the default story, or download
    it as one file for presenting without the network (``/offline/story.html``)."""
    _ = locale.gettext
    story = stories.stories()[stories.DEFAULT_STORY]
    return html.Div(
        [
            dcc.Link(
                "▶ " + _("Present"),
                href=present_href,
                id=ids.present_link(),
                className="present-start go-fullscreen",
                title=_("Show this view full screen, large type, for a projector (Esc leaves)"),
            ),
            dcc.Link(
                _("Story"),
                href=presenter_urls.step_href(story, 1, locale.lang),
                id=ids.PRESENT_STORY,
                className="present-start go-fullscreen",
                title=story.title[locale.lang],
            ),
            html.A(
                _("Download for offline"),
                href=offline_urls.story_file(story.id, locale.lang),
                id=ids.PRESENT_OFFLINE,
                className="present-start",
                download=f"puentes-{story.id}-{locale.lang}.html",
                title=_("The story as one file that plays without the network, from a USB stick"),
            ),
        ],
        className="present-menu",
    )
