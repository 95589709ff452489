"""Navbar links follow the address bar: when a page rewrites the URL (a control changed), the
page links keep the new shared filters, the language links and "Present" the whole view. The
links are built in Python (:mod:`dashboard.urls.chrome`), as at first paint; the browser copies them."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update

from callbacks.exports import export_hrefs
from callbacks.shell import document_head
from dashboard import urls
from dashboard.urls.chrome import NavbarLinks, navbar_links
from dashboard.urls.pages import page_query, parse_shared
from dashboard.urls.presenter import keep_presenter
from dashboard.urls.query import text_of
from dashboard.urls.shared import FilterState
from dashboard.vocabulary import vocabulary
from layouts import ids
from layouts.common import PAGE_PATHS
from layouts.exports import BARS


def links_for(pathname: str, search: str) -> NavbarLinks:
    """The navbar's links for an address, built as the server builds them at first paint."""
    words = vocabulary()
    state = parse_shared(search, words).state
    page = urls.page_key(pathname) or ""

    def own_query(shown: FilterState) -> str:
        return page_query(page, shown, search, words)

    return navbar_links(page, PAGE_PATHS, state, own_query)


def written(pathname: Any, search: str) -> dict[str, Any]:
    """What a page's callback stores (``app-search``) when it rewrites the address bar: the address,
    so that routing leaves the page alone, and every link of the chrome for it, built here in
    Python as at first paint. The browser copies them into the navbar and the export bars: no
    request of their own, no JavaScript twin of the URL rules."""
    path = pathname if isinstance(pathname, str) else "/"
    links = links_for(path, search)
    page = urls.page_key(path) or ""
    bars = {bar: export_hrefs(bar, search) for bar, spec in BARS.items() if spec.page == page}
    return {
        "path": pathname,
        "search": search,
        "links": {"pages": links.pages, "languages": links.languages, "present": links.present, "bars": bars},
        **document_head(path, search),  # the document's title and language (callbacks/shell.py)
    }


def address_for(query: str, search: Any, pathname: str) -> Any:
    """The address bar for a page now showing ``query`` (presenter parameters kept) with every link
    of the chrome for it (:func:`written`); no_update when the bar already says it."""
    address = keep_presenter(query, search if isinstance(search, str) else "")
    if text_of(address) == text_of(search):
        return no_update
    return written(pathname, address)


def settle_address(drawn: Any, pathname: Any, search: Any) -> dict[str, Any]:
    """A page drawn for an address that is not its own (a hand-edited or outdated link, a
    presenter's step showing its own view) puts its own in the address bar, which every later
    change is computed from; nothing when the bar already says it (the usual case)."""
    address = address_for(drawn, search, pathname) if isinstance(drawn, str) else None
    if not isinstance(address, dict):
        return {"search": no_update, "written": no_update}
    return {"search": address["search"], "written": address}


# settle_address's first test, in the browser: a page drawn for its own address (the usual case)
# costs no request.
SETTLE = """function(drawn, search) {
    return drawn === (search || '') ? window.dash_clientside.no_update : drawn;
}"""


def settle_address_of(app: Dash, drawn: str) -> None:
    """Bind :func:`settle_address` to a page's ``drawn`` store (the query it was drawn for, never
    updated). Dash calls the browser's part once, when the page is drawn (its output is outside
    the page); it passes the query on (``app-drawn``) only when the address bar's text differs."""
    app.clientside_callback(
        SETTLE,
        Output(ids.APP_DRAWN, "data"),
        Input(drawn, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    app.callback(
        output={
            "search": Output(ids.URL, "search", allow_duplicate=True),
            "written": Output(ids.APP_SEARCH, "data", allow_duplicate=True),
        },
        inputs={"drawn": Input(ids.APP_DRAWN, "data")},
        state={"pathname": State(ids.URL, "pathname"), "search": State(ids.URL, "search")},
        prevent_initial_call=True,
    )(settle_address)


def copy_address(address: Any, pathname: Any) -> dict[str, Any]:
    """The address bar and what the page stores with it (routing leaves the page alone, the chrome
    copies its links), from a page's answer; the same in the browser (:data:`COPY_ADDRESS`)."""
    if not isinstance(address, dict):
        return {"search": no_update, "written": no_update}
    return {"search": address["search"], "written": {**address, "path": pathname}}


COPY_ADDRESS = """function(address, pathname) {
    const none = window.dash_clientside.no_update;
    if (!address) { return [none, none]; }
    return [address.search, Object.assign({}, address, {path: pathname})];
}"""


def copy_address_from(app: Dash, store: str) -> None:
    """Copy the address a page's callback stored (:func:`written`) into the address bar, in the
    browser: the page's answer carries it, no second request. Dash calls this when the page is
    drawn too (its outputs are outside the page); the store is empty then."""
    app.clientside_callback(
        COPY_ADDRESS,
        Output(ids.URL, "search"),
        Output(ids.APP_SEARCH, "data"),
        Input(store, "data"),
        State(ids.URL, "pathname"),
        prevent_initial_call=True,
    )


def follow_the_url(written: Any, pages: Any, languages: Any, presenting: Any) -> dict[str, Any]:
    """The hrefs of the navbar's page, language and "present" links (given by their IDs), copied
    from what the page stored (:func:`written`); the same in the browser (:data:`COPY_NAVBAR`)."""
    links = written.get("links") if isinstance(written, dict) else None
    if not isinstance(links, dict):
        return {"pages": no_update, "languages": no_update, "present": no_update}
    return {
        "pages": [links["pages"].get(_key(i, "page"), no_update) for i in _ids(pages)],
        "languages": [links["languages"].get(_key(i, "lang"), no_update) for i in _ids(languages)],
        "present": [links["present"] for _ in _ids(presenting)],
    }


# follow_the_url, run in the browser on the strings Python made.
COPY_NAVBAR = """function(written, pages, languages, presenting) {
    const none = window.dash_clientside.no_update;
    const links = (written || {}).links;
    if (!links) { return [none, none, none]; }
    return [
        pages.map((id) => links.pages[id.page] || none),
        languages.map((id) => links.languages[id.lang] || none),
        presenting.map(() => links.present),
    ];
}"""


def _ids(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _key(component_id: Any, key: str) -> Any:
    return component_id.get(key) if isinstance(component_id, dict) else None


def register(app: Dash) -> None:
    """Bind the navbar-follows-the-URL callback to ``app``."""
    app.clientside_callback(
        COPY_NAVBAR,
        Output(ids.nav_link_all(), "href"),
        Output(ids.language_link_all(), "href"),
        Output(ids.present_link_all(), "href"),
        Input(ids.APP_SEARCH, "data"),
        State(ids.nav_link_all(), "id"),
        State(ids.language_link_all(), "id"),
        State(ids.present_link_all(), "id"),
        prevent_initial_call=True,
    )
