"""Corridors page glue: controls and map clicks -> the page's state -> the panels whose inputs
changed (the others get ``no_update``) and the address bar (the permalink)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard import datasets, transforms
from dashboard.corridor_view import CorridorView, build
from dashboard.urls.corridors import with_controls as with_corridor_controls
from dashboard.urls.pages import parse_corridors, parse_shared
from dashboard.urls.presenter import keep_presenter
from dashboard.vocabulary import vocabulary
from layouts import corridors_page as page
from layouts import ids

CONTROLS = {
    "direction": ids.CORRIDORS_DIRECTION,
    "origins": ids.CORRIDORS_ORIGINS,
    "destinations": ids.CORRIDORS_DESTINATIONS,
    "year": ids.CORRIDORS_YEAR,
    "sex": ids.CORRIDORS_SEX,
    "base": ids.CORRIDORS_BASE,
    "focus": ids.CORRIDORS_FOCUS,
    "side": ids.CORRIDORS_SIDE,
}
PANELS: dict[str, list[tuple[str, str]]] = {
    "flows": [(ids.CORRIDORS_SUBTITLE, "children"), (ids.CORRIDORS_FLOWS, "figure")],
    "table": [
        (ids.CORRIDORS_CAPTION, "children"),
        (ids.CORRIDORS_DOWNLOAD, "href"),
        (ids.CORRIDORS_TABLE, "columns"),
        (ids.CORRIDORS_TABLE, "data"),
    ],
    "map": [(ids.CORRIDORS_FOCUS_TITLE, "children"), (ids.CORRIDORS_MAP, "figure")],
    "diaspora": [(ids.CORRIDORS_DIASPORA_HEADING, "children"), (ids.CORRIDORS_DIASPORA, "figure")],
    "diaspora_time": [(ids.CORRIDORS_DIASPORA_TITLE, "children"), (ids.CORRIDORS_DIASPORA_TIME, "figure")],
    "remittances": [(ids.CORRIDORS_REMITTANCES, "figure")],
}


def panel_values(view: CorridorView, panel: str) -> list[Any]:
    """The outputs of one panel, in :data:`PANELS` order."""
    if panel == "flows":
        return [view.subtitle(), view.flows_figure()]
    if panel == "table":
        return [page.table_caption(view), view.csv_href(), page.table_columns(view), page.table_data(view)]
    if panel == "map":
        return [view.focus_title(), view.focus_figure()]
    if panel == "diaspora":
        return [page.diaspora_heading(view), view.diaspora_figure()]
    if panel == "diaspora_time":
        return [page.diaspora_title(view), view.diaspora_area_figure()]
    return [view.remittance_figure()]


def register(app: Dash) -> None:
    """Attach the corridors page callbacks to ``app``: one small callback turns a control change
    into the page's state; one callback per panel redraws it only if its inputs changed."""
    controls = [
        Output(CONTROLS[k], "value", allow_duplicate=True)
        for k in ("direction", "origins", "destinations", "focus", "side")
    ]

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.APP_SEARCH, "data", allow_duplicate=True),
        Output(ids.CORRIDORS_STATE, "data"),
        *controls,
        *[Input(i, "value") for i in CONTROLS.values()],
        Input(ids.CORRIDORS_MAP, "clickData"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update_corridors(*args: Any) -> Any:
        values = dict(zip([*CONTROLS, "clicked"], args[:-2], strict=True))
        values["clicked"] = transforms.clicked_country(values["clicked"])
        pathname, search = args[-2:]
        changed = next((k for k, i in CONTROLS.items() if i == ctx.triggered_id), "map")
        shared = parse_shared(search, vocabulary()).state
        before = parse_corridors(search if isinstance(search, str) else "", vocabulary())[0]
        after = with_corridor_controls(
            before, changed, values, datasets.corridor_years(), vocabulary().countries
        )
        old, new = build(shared, before), build(shared, after)
        if new.query == old.query and changed != "map":
            raise PreventUpdate  # the controls show what the URL says
        redraw = [name for name, key in new.panel_keys().items() if old.panel_keys()[name] != key]
        state = new.state
        shown = [state.direction, list(after.origins), list(after.destinations), state.focus, state.side]
        address = keep_presenter(new.query, search if isinstance(search, str) else "")
        written = {"path": pathname, "search": address}
        return address, written, {"query": new.query, "redraw": redraw}, *shown

    for name, items in PANELS.items():
        register_panel(app, name, items)


def register_panel(app: Dash, name: str, items: list[tuple[str, str]]) -> None:
    """The callback that redraws one panel when the page's state says it changed."""

    @app.callback(
        *[Output(i, p) for i, p in items], Input(ids.CORRIDORS_STATE, "data"), prevent_initial_call=True
    )
    def redraw(data: Any) -> Any:
        if not isinstance(data, dict) or name not in (data.get("redraw") or []):
            raise PreventUpdate
        query = data.get("query")
        query = query if isinstance(query, str) else ""
        values = panel_values(
            build(parse_shared(query, vocabulary()).state, parse_corridors(query, vocabulary())[0]), name
        )
        return values if len(values) > 1 else values[0]
