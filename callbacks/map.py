"""Map page glue: controls -> value-only figure patch; clicks -> selection; play -> years;
the page's query -> the address bar (the permalink)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, Patch, State, no_update
from dash.exceptions import PreventUpdate

from dashboard import datasets, transforms
from dashboard.map_view import build
from dashboard.urls.pages import parse_shared
from dashboard.urls.presenter import keep_presenter
from dashboard.urls.query import text_of
from dashboard.urls.shared import MAX_COUNTRIES, same_view, with_selection
from dashboard.vocabulary import vocabulary
from layouts import ids, map_page
from layouts.common import source_line

OUTPUTS = [
    Output(ids.MAP_GRAPH, "figure"),
    Output(ids.MAP_TITLE, "children"),
    Output(ids.MAP_SUBTITLE, "children"),
    Output(ids.MAP_DEFINITION, "children"),
    Output(ids.MAP_SOURCE, "children"),
    Output(ids.MAP_YEAR, "min"),
    Output(ids.MAP_YEAR, "max"),
    Output(ids.MAP_YEAR, "step"),
    Output(ids.MAP_YEAR, "marks"),
    Output(ids.MAP_YEAR, "value"),
    Output(ids.MAP_YEARS, "data"),
    Output(ids.MAP_SCALE, "disabled"),
    Output(ids.MAP_DOWNLOAD, "href"),
    Output(ids.MAP_QUERY, "data"),
]
CONTROLS = [
    Input(ids.MAP_INDICATOR, "value"),
    Input(ids.MAP_YEAR, "value"),
    Input(ids.MAP_REGION, "value"),
    Input(ids.MAP_SCALE, "value"),
    Input(ids.MAP_COUNTRIES, "value"),
]


def to_patch(changes: list[tuple[tuple[str | int, ...], Any]]) -> Patch:
    """The same (path, value) updates as ``maps.apply``, on a ``dash.Patch``."""
    patch = Patch()
    for path, value in changes:
        target: Any = patch
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return patch


def register(app: Dash) -> None:
    """Attach the map page callbacks to ``app``."""

    @app.callback(*OUTPUTS, *CONTROLS, State(ids.URL, "search"), prevent_initial_call=True)
    def update_map(indicator: Any, year: Any, region: Any, log: Any, countries: Any, search: Any) -> Any:
        current = parse_shared(search, vocabulary()).state
        years = transforms.years_by_indicator(datasets.catalogue())
        state = with_selection(
            current,
            years,
            indicator=indicator if isinstance(indicator, str) else None,
            year=year if isinstance(year, int) else None,
            region=region if isinstance(region, str) else None,
            scale="log" if log is True else "linear",
            countries=countries if isinstance(countries, list) else [],
            known_countries=datasets.member_codes(),
        )
        if same_view(state, current, years):
            raise PreventUpdate  # the controls show what the URL says (e.g. the page was just rendered)
        view = build(state)
        if state.indicator == current.indicator:  # same indicator: only values, subtitle and links change
            same = (no_update,) * 2  # definition, source line
            return (
                to_patch(view.updates(current)),
                no_update,
                view.subtitle,
                *same,
                *(no_update,) * 7,
                view.csv_href(),
                view.query,
            )
        slider = map_page.slider_props(view)
        source = source_line(view.spec.source, state, view.method)
        return (
            to_patch(view.updates(current)),
            view.title,
            view.subtitle,
            map_page.definition(view),
            source,
            slider["min"],
            slider["max"],
            slider["step"],
            slider["marks"],
            slider["value"],
            list(view.spec.years),
            not map_page.log_scale_allowed(view.spec),
            view.csv_href(),
            view.query,
        )

    @app.callback(
        Output(ids.MAP_TABLE_BOX, "children"),
        Output(ids.MAP_TABLE_READY, "data"),
        Input(ids.MAP_QUERY, "data"),
        Input(ids.MAP_TABS, "active_tab"),
        State(ids.MAP_TABLE_READY, "data"),
        prevent_initial_call=True,
    )
    def update_table(query: Any, tab: Any, ready: Any) -> Any:
        """The table follows the map only while it is on screen (no bytes for a hidden tab); it is
        built the first time the tab opens, then only its rows and columns change (sorting stays)."""
        if tab != "table":
            raise PreventUpdate
        view = build(parse_shared(query if isinstance(query, str) else "", vocabulary()).state)
        if ready is not True:
            return map_page.table(view), True
        rows = Patch()
        rows["props"]["columns"] = map_page.table_columns(view)
        rows["props"]["data"] = map_page.table_data(view)
        return rows, no_update

    @app.callback(
        Output(ids.MAP_PROFILE_BOX, "children"),
        Output(ids.MAP_CARDS, "children"),
        Output(ids.MAP_PROFILE_HINT, "children"),
        Output(ids.MAP_PROFILE_KEY, "data"),
        Input(ids.MAP_QUERY, "data"),
        State(ids.MAP_PROFILE_KEY, "data"),
        prevent_initial_call=True,
    )
    def update_profile(query: Any, shown: Any) -> Any:
        """Profiles change with the indicator and the selection, not with year or region."""
        view = build(parse_shared(query if isinstance(query, str) else "", vocabulary()).state)
        key = map_page.profile_key(view)
        if key == shown:
            raise PreventUpdate
        return map_page.profile_chart(view), map_page.cards(view), map_page.profile_hint(view), key

    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.APP_SEARCH, "data"),
        Input(ids.MAP_QUERY, "data"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def write_permalink(query: Any, pathname: Any, search: Any) -> tuple[Any, Any]:
        """Keep the address bar equal to what the page shows."""
        if not isinstance(query, str):
            return no_update, no_update
        address = keep_presenter(query, search if isinstance(search, str) else "")
        if text_of(address) == text_of(search):
            return no_update, no_update
        return address, {"path": pathname, "search": address}

    @app.callback(
        Output(ids.MAP_COUNTRIES, "value"),
        Input(ids.MAP_GRAPH, "clickData"),
        State(ids.MAP_COUNTRIES, "value"),
        prevent_initial_call=True,
    )
    def select_clicked_country(click: Any, selected: Any) -> Any:
        code = transforms.clicked_country(click)
        if code is None:
            return no_update
        return transforms.toggle(selected if isinstance(selected, list) else [], code, MAX_COUNTRIES)

    app.clientside_callback(
        """function(clicks) {
            const playing = (clicks || 0) % 2 === 1;
            return [!playing, playing ? '❚❚' : '▶'];
        }""",
        Output(ids.MAP_TIMER, "disabled"),
        Output(ids.MAP_PLAY, "children"),
        Input(ids.MAP_PLAY, "n_clicks"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        """function(ticks, year, years) {
            if (!years || !years.length) { return window.dash_clientside.no_update; }
            const next = years.find(y => y > year);
            return next === undefined ? years[0] : next;
        }""",
        Output(ids.MAP_YEAR, "value", allow_duplicate=True),
        Input(ids.MAP_TIMER, "n_intervals"),
        State(ids.MAP_YEAR, "value"),
        State(ids.MAP_YEARS, "data"),
        prevent_initial_call=True,
    )
