"""Render the page for the URL, unless the page itself wrote that URL (it is already showing it)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from layouts import ids
from layouts.router import render


def register(app: Dash) -> None:
    """Attach the routing callback to ``app``."""

    @app.callback(
        Output(ids.NAVBAR, "children"),
        Output(ids.PAGE, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.APP_SEARCH, "data"),
    )
    def render_page(pathname: Any, search: Any, written: Any) -> tuple[Any, Any]:
        if isinstance(written, dict) and written == {"path": pathname, "search": search or ""}:
            raise PreventUpdate  # a control changed the URL; its callback already updated the page
        return render(
            pathname if isinstance(pathname, str) else "/", search if isinstance(search, str) else ""
        )
