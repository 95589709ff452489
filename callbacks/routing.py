"""Render the page for the URL; write control changes back into the URL (the permalink)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update
from dash.development.base_component import Component

from dashboard import loading, transforms
from dashboard.state import to_query, with_selection
from layouts import ids
from layouts.router import parse_url, render


def register(app: Dash) -> None:
    """Attach the routing callbacks to ``app``."""

    @app.callback(
        Output(ids.NAVBAR, "children"),
        Output(ids.PAGE, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    def render_page(pathname: str | None, search: str | None) -> tuple[Component, Component]:
        return render(pathname, search)

    @app.callback(
        Output(ids.URL, "search"),
        Input(ids.MAP_INDICATOR, "value"),
        Input(ids.MAP_YEAR, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def map_controls(indicator: str | None, year: int | None, search: str | None) -> Any:
        years = transforms.years_by_indicator(loading.catalogue())
        query = to_query(with_selection(parse_url(search).state, indicator, year, years))
        return query if query != (search or "") else no_update
