"""Which layout a URL shows: parse the shared state, pick the page, wrap it with the navbar."""

from __future__ import annotations

from collections.abc import Callable

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from dashboard import datasets, stories, transforms
from dashboard.i18n import translator
from dashboard.state import FilterState, Parsed, parse
from layouts import (
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
from layouts.common import href, navbar, notice

PAGES: dict[str, Callable[[FilterState], Component]] = {
    "map": map_page.layout,
    "sources": sources_page.layout,
}
# Pages with parameters of their own: layout(state, search) and query(state, search).
OWN_PARAMETERS = {"corridors": corridors_page, "dialogue": dialogue_page, "programmes": programmes_page}
PAGE_KEYS = (*PAGES, *OWN_PARAMETERS)


def shell() -> html.Div:
    """The static app layout: location, navbar slot, page slot."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.APP_SEARCH, storage_type="memory"),
            html.Div(id=ids.NAVBAR),
            dbc.Container(id=ids.PAGE, fluid=True, className="page"),
            briefing.store(),
            briefing.panel(),
        ]
    )


def parse_url(search: str | None) -> Parsed:
    """Shared state from the query string, checked against the catalogue and countries."""
    return _parse(search if isinstance(search, str) else "")


@datasets.derived(maxsize=2048)  # keyed on the data version: new data, new entries
def _parse(search: str) -> Parsed:
    years = transforms.years_by_indicator(datasets.catalogue())
    return parse(search, years, frozenset(datasets.countries()["iso3"]))


def page_key(pathname: str | None) -> str | None:
    """``/map`` -> ``map``; ``/`` -> ``map``; unknown paths -> None."""
    key = (pathname or "/").strip("/").split("/")[0] or "map"
    return key if key in PAGE_KEYS else None


def render(pathname: str | None, search: str | None) -> tuple[Component, Component]:
    """Navbar (or the presenter's bar) and page body for a URL. Never raises for bad input."""
    shown = stories.parse_presenter(search, stories.stories())
    if not shown.presenter.active or embed_page.page_of(pathname) is not None:
        return page_view(pathname, search)
    lang = parse_url(search).state.lang
    story = stories.stories().get(shown.presenter.story or "")
    if story is not None:
        # A story's step shows the step's own view, whatever else the link says (a link edited or
        # cut by hand must not put one indicator under another's title on the projector).
        pathname, search = stories.step_href(story, shown.presenter.step, lang).split("?", 1)
    _top, body = page_view(pathname, search)
    return (
        presenter.bar(shown.presenter, pathname or "/", search or "", lang),
        html.Div([notice(shown.notices, lang, ids.PRESENT_NOTICE), body], className="presenting"),
    )


def page_view(pathname: str | None, search: str | None) -> tuple[Component, Component]:
    """Navbar and page body for a URL."""
    parsed = parse_url(search)
    key = page_key(pathname)
    state = parsed.state
    embedded = embed_page.page_of(pathname)
    if embedded is not None:  # /embed/<page>: the chart alone, no navbar
        return html.Div(), embed_page.layout(embedded, state, search or "")
    if key is None:
        _ = translator(state.lang)
        body: Component = html.Div(
            [
                html.H1(_("Page not found"), className="page-title"),
                dcc.Link(_("Go to the map explorer"), href=href("map", state)),
            ]
        )
        return navbar("", state), body
    own = OWN_PARAMETERS.get(key)
    if own is not None:
        text = search or ""
        bar = navbar(key, state, lambda s: own.query(s, text))
        return bar, html.Div([notice(parsed.notices, state.lang), own.layout(state, text)])
    return navbar(key, state), html.Div([notice(parsed.notices, state.lang), PAGES[key](state)])


def warm() -> None:
    """Render every page once at start-up so that the first visitor does not pay for lazy
    imports (plotly validators, CLDR data) and cold caches."""
    for page in PAGE_KEYS:
        render(f"/{page}", "")
