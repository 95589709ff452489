"""Corridors page glue: controls and map clicks -> the page's state -> the panels whose inputs
changed (the others get ``no_update``) and the address bar (the permalink)."""

from __future__ import annotations

from functools import partial
from typing import Any

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from callbacks.navigation import written
from dashboard import transforms
from dashboard.urls.corridors import with_controls as with_corridor_controls
from dashboard.urls.pages import parse_corridors, parse_shared
from dashboard.urls.presenter import keep_presenter
from dashboard.views import series
from dashboard.views.corridors import CorridorView, build
from dashboard.vocabulary import vocabulary
from layouts import corridors_page as page
from layouts import corridors_table, ids
from layouts.corridors_controls import placeholder

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
# Each panel's outputs by name: a panel is redrawn only when its inputs changed.
PANELS: dict[str, dict[str, tuple[str, str]]] = {
    "flows": {"subtitle": (ids.CORRIDORS_SUBTITLE, "children"), "figure": (ids.CORRIDORS_FLOWS, "figure")},
    "table": {
        "caption": (ids.CORRIDORS_CAPTION, "children"),
        "download": (ids.CORRIDORS_DOWNLOAD, "href"),
        "columns": (ids.CORRIDORS_TABLE, "columns"),
        "data": (ids.CORRIDORS_TABLE, "data"),
    },
    "map": {"title": (ids.CORRIDORS_FOCUS_TITLE, "children"), "figure": (ids.CORRIDORS_MAP, "figure")},
    "diaspora": {
        "heading": (ids.CORRIDORS_DIASPORA_HEADING, "children"),
        "figure": (ids.CORRIDORS_DIASPORA, "figure"),
    },
    "diaspora_time": {
        "title": (ids.CORRIDORS_DIASPORA_TITLE, "children"),
        "figure": (ids.CORRIDORS_DIASPORA_TIME, "figure"),
    },
    "remittances": {"figure": (ids.CORRIDORS_REMITTANCES, "figure")},
    "trend": {"title": (ids.CORRIDORS_TREND_TITLE, "children"), "figure": (ids.CORRIDORS_TREND, "figure")},
}
# The controls the page's state writes back (a map click or a swap changes them).
SHOWN = ("direction", "origins", "destinations", "focus", "side")
# The country pickers, whose placeholder says what an empty choice means in the new state.
PICKERS = ("origins", "destinations")


def panel_values(view: CorridorView, panel: str) -> dict[str, Any]:
    """The outputs of one panel, keyed as in :data:`PANELS`."""
    if panel == "flows":
        return {"subtitle": page.flows_heading(view), "figure": view.flows_figure()}
    if panel == "table":
        return {
            "caption": corridors_table.table_caption(view),
            "download": view.csv_href(),
            "columns": corridors_table.table_columns(view),
            "data": corridors_table.table_data(view),
        }
    if panel == "map":
        return {"title": view.focus_title(), "figure": view.focus_figure()}
    if panel == "diaspora":
        return {"heading": page.diaspora_heading(view), "figure": view.diaspora_figure()}
    if panel == "diaspora_time":
        return {"title": page.diaspora_title(view), "figure": view.diaspora_area_figure()}
    if panel == "trend":
        return {"title": series.trend_title(view), "figure": series.trend_figure(view)}
    return {"figure": view.remittance_figure()}


def changed_control(triggered: Any) -> str:
    """The name of the control whose change fired the callback; ``"map"`` for a map click."""
    return next((name for name, i in CONTROLS.items() if i == triggered), "map")


def update_corridors(
    direction: Any,
    origins: Any,
    destinations: Any,
    year: Any,
    sex: Any,
    base: Any,
    focus: Any,
    side: Any,
    clicked: Any,
    pathname: Any,
    search: Any,
) -> dict[str, Any]:
    """A control change or a map click -> the page's state (query and the panels to redraw), the
    address bar, and the controls the new state changed."""
    values = {"direction": direction, "origins": origins, "destinations": destinations, "year": year}
    values |= {"sex": sex, "base": base, "focus": focus, "side": side}
    values["clicked"] = transforms.clicked_country(clicked)
    changed = changed_control(ctx.triggered_id)
    words = vocabulary()
    shared = parse_shared(search, words).state
    before = parse_corridors(search, words)[0]
    after = with_corridor_controls(before, changed, values, words.corridor_years, words.countries)
    old, new = build(shared, before), build(shared, after)
    if new.query == old.query and changed != "map":
        raise PreventUpdate  # the controls show what the URL says
    redraw = [name for name, key in new.panel_keys().items() if old.panel_keys()[name] != key]
    address = keep_presenter(new.query, search if isinstance(search, str) else "")
    return {
        "search": address,
        "written": written(pathname, address),
        "state": {"query": new.query, "redraw": redraw},
        "direction": new.state.direction,
        "origins": list(after.origins),
        "destinations": list(after.destinations),
        "focus": new.state.focus,
        "side": new.state.side,
        **{f"{name}_placeholder": placeholder(new) for name in PICKERS},
    }


def redraw_panel(panel: str, data: Any) -> dict[str, Any]:
    """One panel's outputs, if the page's state says it changed."""
    if not isinstance(data, dict) or panel not in (data.get("redraw") or []):
        raise PreventUpdate
    query = data.get("query")
    query = query if isinstance(query, str) else ""
    words = vocabulary()
    return panel_values(build(parse_shared(query, words).state, parse_corridors(query, words)[0]), panel)


def register(app: Dash) -> None:
    """Bind the corridors page callbacks to ``app``: one small callback turns a control change
    into the page's state; one callback per panel redraws it only if its inputs changed."""
    app.callback(
        output={
            "search": Output(ids.URL, "search", allow_duplicate=True),
            "written": Output(ids.APP_SEARCH, "data", allow_duplicate=True),
            "state": Output(ids.CORRIDORS_STATE, "data"),
            **{name: Output(CONTROLS[name], "value", allow_duplicate=True) for name in SHOWN},
            **{f"{name}_placeholder": Output(CONTROLS[name], "placeholder") for name in PICKERS},
        },
        inputs={
            **{name: Input(i, "value") for name, i in CONTROLS.items()},
            "clicked": Input(ids.CORRIDORS_MAP, "clickData"),
        },
        state={"pathname": State(ids.URL, "pathname"), "search": State(ids.URL, "search")},
        prevent_initial_call=True,
    )(update_corridors)
    for panel, outputs in PANELS.items():
        app.callback(
            output={name: Output(i, prop) for name, (i, prop) in outputs.items()},
            inputs={"data": Input(ids.CORRIDORS_STATE, "data")},
            prevent_initial_call=True,
        )(partial(redraw_panel, panel))
