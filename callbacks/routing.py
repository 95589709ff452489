"""Render the page for the URL, unless the page itself wrote that URL (it is already showing it).

The browser decides which (:data:`ROUTE`, the same rule as :func:`route`): a control that rewrites
the address bar costs no request to learn that the page is already drawn. Not while presenting:
there every change of address is a request, by which assets/presenter.js tells that the network
is down (and shows its saved steps)."""

from __future__ import annotations

import json
from typing import Any

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from callbacks.shell import document_head
from layouts import ids
from layouts.router import render


def route(pathname: Any, search: Any, written: Any, presenting: bool = False) -> Any:
    """The address to render, or no_update when a control just wrote it (``written``: what the
    page stored with it, :func:`callbacks.navigation.written`); its callback updated the page.
    While presenting, the page's own address is passed on too, marked ``own`` (not rendered)."""
    address = {"path": pathname, "search": search or ""}
    wrote = written if isinstance(written, dict) else {}
    own = {"path": wrote.get("path"), "search": wrote.get("search")} == address
    if own and not presenting:
        return no_update
    return {**address, "own": own}


# route, run in the browser; presenting = the presenter's bar is on screen.
ROUTE = """function(pathname, search, written) {
    const wrote = written || {};
    const presenting = !!document.getElementById(BAR);
    const own = wrote.path === pathname && wrote.search === (search || '');
    if (own && !presenting) { return window.dash_clientside.no_update; }
    return {path: pathname, search: search || '', own: own};
}""".replace("BAR", json.dumps(ids.PRESENT_BAR))


def render_page(route: Any) -> dict[str, Any]:
    """The navbar and page for the address :func:`route` passed on; nothing for the page's own
    address (asked while presenting only so that the presenter learns the server answers)."""
    if not isinstance(route, dict) or route.get("own") is True:
        raise PreventUpdate
    pathname, search = route.get("path"), route.get("search")
    navbar, page = render(
        pathname if isinstance(pathname, str) else "/", search if isinstance(search, str) else ""
    )
    return {"navbar": navbar, "page": page, **document_head(pathname, search)}


def register(app: Dash) -> None:
    """Bind the routing callbacks to ``app``: the address to render (in the browser, on load and
    on every change of the address bar), then the page for it."""
    app.clientside_callback(
        ROUTE,
        Output(ids.APP_ROUTE, "data"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.APP_SEARCH, "data"),
    )
    app.callback(
        output={
            "navbar": Output(ids.NAVBAR, "children"),
            "page": Output(ids.PAGE, "children"),
            "head": Output(ids.APP_HEAD, "data"),  # the document's title and language (shell.py)
        },
        inputs={"route": Input(ids.APP_ROUTE, "data")},
        prevent_initial_call=True,
    )(render_page)
