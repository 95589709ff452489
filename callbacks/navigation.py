"""Navbar links follow the address bar: when a page rewrites the URL (a control changed), the
page links keep the new shared filters, the language links and "Present" the whole view. The
links are built in Python (:mod:`dashboard.urls.chrome`), as at first paint; the browser copies them."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update

from dashboard import urls
from dashboard.urls.chrome import NavbarLinks, navbar_links
from dashboard.urls.pages import page_query, parse_shared
from dashboard.urls.shared import FilterState
from dashboard.vocabulary import vocabulary
from layouts import ids
from layouts.common import PAGE_PATHS


def links_for(pathname: str, search: str) -> NavbarLinks:
    """The navbar's links for an address, built as the server builds them at first paint."""
    words = vocabulary()
    state = parse_shared(search, words).state
    page = urls.page_key(pathname) or ""

    def own_query(shown: FilterState) -> str:
        return page_query(page, shown, search, words)

    return navbar_links(page, PAGE_PATHS, state, own_query)


def follow_the_url(search: Any, pathname: Any, pages: Any, languages: Any, presenting: Any) -> dict[str, Any]:
    """The hrefs of the navbar's page, language and "present" links (given by their IDs)."""
    links = links_for(
        pathname if isinstance(pathname, str) else "/", search if isinstance(search, str) else ""
    )
    return {
        "pages": [links.pages.get(_key(i, "page"), no_update) for i in _ids(pages)],
        "languages": [links.languages.get(_key(i, "lang"), no_update) for i in _ids(languages)],
        "present": [links.present for _ in _ids(presenting)],
    }


def _ids(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _key(component_id: Any, key: str) -> Any:
    return component_id.get(key) if isinstance(component_id, dict) else None


def register(app: Dash) -> None:
    """Bind the navbar-follows-the-URL callback to ``app``."""
    app.callback(
        output={
            "pages": Output(ids.nav_link_all(), "href"),
            "languages": Output(ids.language_link_all(), "href"),
            "present": Output(ids.present_link_all(), "href"),
        },
        inputs={"search": Input(ids.URL, "search")},
        state={
            "pathname": State(ids.URL, "pathname"),
            "pages": State(ids.nav_link_all(), "id"),
            "languages": State(ids.language_link_all(), "id"),
            "presenting": State(ids.present_link_all(), "id"),
        },
        prevent_initial_call=True,
    )(follow_the_url)
