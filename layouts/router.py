"""Which layout a URL shows: parse the shared state, pick the page, wrap it with the navbar."""

from __future__ import annotations

from collections.abc import Callable

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from dashboard import loading, transforms
from dashboard.i18n import translator
from dashboard.state import FilterState, Parsed, parse
from layouts import (
    briefing,
    corridors_page,
    dialogue_page,
    embed_page,
    ids,
    map_page,
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
    years = transforms.years_by_indicator(loading.catalogue())
    return parse(search, years, frozenset(loading.countries()["iso3"]))


def page_key(pathname: str | None) -> str | None:
    """``/map`` -> ``map``; ``/`` -> ``map``; unknown paths -> None."""
    key = (pathname or "/").strip("/").split("/")[0] or "map"
    return key if key in PAGE_KEYS else None


def render(pathname: str | None, search: str | None) -> tuple[Component, Component]:
    """Navbar and page body for a URL. Never raises for bad input."""
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
