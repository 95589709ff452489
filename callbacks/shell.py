"""The page's shell in the browser.

- The document's title and language follow the view: when a control or a link changes the
  address without reloading, the tab, the bookmark and ``<html lang dir>`` say what the page now
  shows (the server wrote them for the first address: server/first_paint.py). They come in the
  answers that already happen: a page's rewrite of the address (``written``,
  callbacks/navigation.py) and the routing's page; no request of their own.
- The navbar's menu button (narrow screens) opens and closes its entries.
"""

from __future__ import annotations

import json
from typing import Any

from dash import Dash, Input, Output, State

from dashboard.views.head import head
from layouts import ids


def document_head(pathname: Any, search: Any) -> dict[str, dict[str, str]]:
    """Title, language and direction of the page at the address bar's address."""
    shown = head(pathname if isinstance(pathname, str) else "/", search if isinstance(search, str) else "")
    return {"head": {"title": shown.title, "lang": shown.lang, "dir": shown.direction}}


# The browser's half: copy them into the document, from the routing's answer (app-head) or from
# what a page wrote with its address (app-search's ``head``), whichever arrived.
SET_HEAD = """function(routed, written) {
    const ctx = window.dash_clientside.callback_context;
    const fromPage = ctx.triggered.length && ctx.triggered[0].prop_id.startsWith(SEARCH + '.');
    const shown = fromPage ? (written || {}).head : routed;
    if (!shown || !shown.title) { return window.dash_clientside.no_update; }
    document.title = shown.title;
    document.documentElement.lang = shown.lang;
    document.documentElement.dir = shown.dir;
    return window.dash_clientside.no_update;
}""".replace("SEARCH", json.dumps(ids.APP_SEARCH))


# The menu button: open or close the navbar's entries, and say so to a screen reader.
TOGGLE_MENU = """function(clicks, open) {
    const opening = !open;
    return [opening, opening ? 'true' : 'false', opening ? 'navbar-toggler' : 'navbar-toggler collapsed'];
}"""


def register(app: Dash) -> None:
    """Bind the shell's callbacks to ``app`` (none on the first load: the server wrote the head)."""
    app.clientside_callback(
        SET_HEAD,
        Output(ids.APP_HEAD, "clear_data"),  # never set (no_update): the work is the side effect
        Input(ids.APP_HEAD, "data"),
        Input(ids.APP_SEARCH, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        TOGGLE_MENU,
        Output(ids.NAVBAR_COLLAPSE, "is_open"),
        Output(ids.NAVBAR_TOGGLER, "aria-expanded"),
        Output(ids.NAVBAR_TOGGLER, "className"),
        Input(ids.NAVBAR_TOGGLER, "n_clicks"),
        State(ids.NAVBAR_COLLAPSE, "is_open"),
        prevent_initial_call=True,
    )
