"""Which layout a URL shows: parse the shared state, pick the page, wrap it with the navbar."""

from __future__ import annotations

from collections.abc import Callable

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from dashboard import stories, urls
from dashboard.locale import Locale
from dashboard.urls import presenter as presenter_urls
from dashboard.urls.pages import page_query, parse_shared
from dashboard.urls.shared import FilterState, Parsed
from dashboard.vocabulary import vocabulary
from layouts import (
    a11y,
    briefing,
    corridors_page,
    dialogue_page,
    embed_page,
    ids,
    map_page,
    presenter,
    programmes_page,
    sources_page,
)
from layouts.common import PAGE_PATHS, href, navbar, notice, page_titles, skip_link

# Pages without parameters of their own: layout(state, presenting).
PAGES: dict[str, Callable[[FilterState, bool], Component]] = {
    "map": map_page.layout,
    "sources": sources_page.layout,
}
# Pages with parameters of their own: layout(state, search).
OWN_PARAMETERS = {"corridors": corridors_page, "dialogue": dialogue_page, "programmes": programmes_page}
PAGE_KEYS = urls.PAGE_KEYS


def shell() -> html.Div:
    """The static app layout: location, navbar slot (the page's ``<header>``: skip link and
    navbar, or the presenter's bar), page slot (its ``<main>``, where the skip link goes)."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.APP_SEARCH, storage_type="memory"),
            dcc.Store(id=ids.APP_HEAD, storage_type="memory"),  # the document's title (callbacks/head.py)
            dcc.Store(id=ids.APP_ROUTE, storage_type="memory"),
            dcc.Store(id=ids.APP_DRAWN, storage_type="memory"),
            html.Header(id=ids.NAVBAR),
            dbc.Container(id=ids.PAGE, fluid=True, className="page", tag="main"),
            briefing.store(),
            briefing.panel(),
        ],
        id=ids.FRAME,
    )


def parse_url(search: object) -> Parsed:
    """Shared state from the query string, checked against the loaded data's vocabulary."""
    return parse_shared(search, vocabulary())


def render(pathname: str | None, search: str | None) -> tuple[Component, Component]:
    """Navbar (or the presenter's bar) and page body for a URL. Never raises for bad input."""
    shown = presenter_urls.parse(search, stories.stories())
    if not shown.presenter.active or urls.embedded_page(pathname) is not None:
        return page_view(pathname, search)
    locale = Locale.of(parse_url(search).state.lang)
    story = stories.stories().get(shown.presenter.story or "")
    if story is not None:
        # A story's step shows the step's own view, whatever else the link says (a link edited or
        # cut by hand must not put one indicator under another's title on the projector).
        pathname, search = urls.split(presenter_urls.step_href(story, shown.presenter.step, locale.lang))
    _top, body = page_view(pathname, search, presenting=True)
    return (
        presenter.bar(shown.presenter, pathname or "/", search or "", locale),  # no links to skip
        html.Div(
            [notice(shown.notices, locale, ids.PRESENT_NOTICE), fit_charts(body)], className="presenting"
        ),
    )


def fit_charts(body: Component) -> Component:
    """Presenter mode: every chart takes the size its box gets on the stage (assets/02-puentes.css
    gives the boxes the room the screen leaves) instead of its figure's fixed height, and keeps it
    when a callback sends a new figure (``responsive=True`` drops the figure's height and width)."""
    for element in body._traverse():  # Dash's own walk over the tree
        if isinstance(element, dcc.Graph):
            style = dict(getattr(element, "style", None) or {})
            style.pop("height", None)
            element.responsive = True  # type: ignore[attr-defined]  # Dash sets props dynamically
            element.style = style  # type: ignore[attr-defined]
    return body


def page_view(
    pathname: str | None, search: str | None, presenting: bool = False
) -> tuple[Component, Component]:
    """Navbar and page body for a URL (``presenting``: for the presenter's stage)."""
    parsed = parse_url(search)
    key = urls.page_key(pathname)
    state = parsed.state
    locale = Locale.of(state.lang)
    embedded = urls.embedded_page(pathname)
    if embedded is not None:  # /embed/<page>: the chart alone, no navbar
        return html.Div(), embed_page.layout(embedded, state, search or "", locale)
    if key is None:  # the server answers this page with HTTP 404 (server/not_found.py)
        return top(navbar("", state, locale), locale), not_found(pathname or "/", state, locale)
    own = OWN_PARAMETERS.get(key)
    if own is not None:
        text = search or ""
        bar = navbar(key, state, locale, lambda s: page_query(key, s, text, vocabulary()))
        body = html.Div([notice(parsed.notices, locale), own.layout(state, text)], className="page-body")
        return top(bar, locale), a11y.dropdowns(body, locale)
    body = html.Div([notice(parsed.notices, locale), PAGES[key](state, presenting)], className="page-body")
    return top(navbar(key, state, locale), locale), a11y.dropdowns(body, locale)


def top(bar: Component, locale: Locale) -> html.Div:
    """What the page's ``<header>`` holds: the skip link (the first tab stop), then the bar."""
    return html.Div([skip_link(locale), bar])


def not_found(pathname: str, state: FilterState, locale: Locale) -> Component:
    """What a mistyped or outdated link shows: what went wrong, and every page to go on from."""
    _ = locale.gettext
    titles = page_titles(locale)
    return html.Div(
        [
            html.H1(_("Page not found"), className="page-title"),
            html.P(
                _("Puentes has no page at {path}. The link may be mistyped or out of date.").format(
                    path=pathname
                )
            ),
            html.P(_("Go on from one of the pages:")),
            html.Ul([html.Li(dcc.Link(titles[page], href=href(page, state))) for page in PAGE_PATHS]),
        ],
        id=ids.NOT_FOUND,
    )


def warm() -> None:
    """Render every page once at start-up so that the first visitor does not pay for lazy
    imports (plotly validators, CLDR data) and cold caches."""
    for page in PAGE_KEYS:
        render(f"/{page}", "")
