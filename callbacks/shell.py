"""The page's shell in the browser.

- The document's title and language follow the view: when a control or a link changes the
  address without reloading, the tab, the bookmark and ``<html lang dir>`` say what the page now
  shows (the server wrote them for the first address: server/first_paint.py).
- The navbar's menu button (narrow screens) opens and closes its entries.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from dashboard.views.head import head
from layouts import ids


def document_head(pathname: Any, search: Any) -> dict[str, dict[str, str]]:
    """Title, language and direction of the page at the address bar's address."""
    shown = head(pathname if isinstance(pathname, str) else "/", search if isinstance(search, str) else "")
    return {"head": {"title": shown.title, "lang": shown.lang, "dir": shown.direction}}


# The browser's half: copy them into the document.
SET_HEAD = """function(shown) {
    if (!shown || !shown.title) { return window.dash_clientside.no_update; }
    document.title = shown.title;
    document.documentElement.lang = shown.lang;
    document.documentElement.dir = shown.dir;
    return window.dash_clientside.no_update;
}"""


# The menu button: open or close the navbar's entries, and say so to a screen reader.
TOGGLE_MENU = """function(clicks, open) {
    const opening = !open;
    return [opening, opening ? 'true' : 'false', opening ? 'navbar-toggler' : 'navbar-toggler collapsed'];
}"""


def register(app: Dash) -> None:
    """Bind the shell's callbacks to ``app`` (the head's runs on no first load: the server wrote it)."""
    app.callback(
        output={"head": Output(ids.APP_HEAD, "data")},
        inputs={"pathname": Input(ids.URL, "pathname"), "search": Input(ids.URL, "search")},
        prevent_initial_call=True,
    )(document_head)
    app.clientside_callback(
        SET_HEAD,
        Output(ids.APP_HEAD, "clear_data"),  # never set (no_update): the work is the side effect
        Input(ids.APP_HEAD, "data"),
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
