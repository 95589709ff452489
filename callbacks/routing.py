"""Render the page for the URL, unless the page itself wrote that URL (it is already showing it)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from layouts import ids
from layouts.router import render


def render_page(pathname: Any, search: Any, written: Any) -> dict[str, Any]:
    """The navbar and page for the address bar, unless a control just wrote it."""
    address = (
        {"path": written.get("path"), "search": written.get("search")} if isinstance(written, dict) else None
    )
    if address == {"path": pathname, "search": search or ""}:
        raise PreventUpdate  # a control changed the URL; its callback already updated the page
    navbar, page = render(
        pathname if isinstance(pathname, str) else "/", search if isinstance(search, str) else ""
    )
    return {"navbar": navbar, "page": page}


def register(app: Dash) -> None:
    """Bind the routing callback to ``app``."""
    app.callback(
        output={"navbar": Output(ids.NAVBAR, "children"), "page": Output(ids.PAGE, "children")},
        inputs={"pathname": Input(ids.URL, "pathname"), "search": Input(ids.URL, "search")},
        state={"written": State(ids.APP_SEARCH, "data")},
    )(render_page)
