"""Map page glue: controls -> value-only figure patch and the address bar (the permalink), in one
answer; clicks -> selection; play -> years. A year change is one request: the table follows only
while it is shown and the profile only when what it shows changes (both decided in the browser,
from what the map's answer set), and the address bar is copied in the browser from that answer."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, Patch, State, no_update
from dash.exceptions import PreventUpdate

from callbacks import navigation
from dashboard import transforms
from dashboard.figures.map_colours import log_scale_allowed
from dashboard.urls import presenter
from dashboard.urls.pages import parse_shared
from dashboard.urls.shared import MAX_COUNTRIES, FilterState, same_view, with_selection
from dashboard.views.map import MapView, build
from dashboard.vocabulary import vocabulary
from layouts import ids, map_page, map_profile, map_table
from layouts.common import source_line

# The map's outputs by name; an indicator change redraws them all, a year/region/selection change
# only the ones in ``VALUE_OUTPUTS`` (the rest keep their ``no_update``).
MAP_OUTPUTS = {
    "figure": Output(ids.MAP_GRAPH, "figure"),
    "title": Output(ids.MAP_TITLE, "children"),
    "subtitle": Output(ids.MAP_SUBTITLE, "children"),
    "definition": Output(ids.MAP_DEFINITION, "children"),
    "source": Output(ids.MAP_SOURCE, "children"),
    "year_min": Output(ids.MAP_YEAR, "min"),
    "year_max": Output(ids.MAP_YEAR, "max"),
    "year_step": Output(ids.MAP_YEAR, "step"),
    "year_marks": Output(ids.MAP_YEAR, "marks"),
    "year": Output(ids.MAP_YEAR, "value"),
    "years": Output(ids.MAP_YEARS, "data"),
    "scale_disabled": Output(ids.MAP_SCALE, "disabled"),
    "download": Output(ids.MAP_DOWNLOAD, "href"),
    "query": Output(ids.MAP_QUERY, "data"),
    "address": Output(ids.MAP_ADDRESS, "data"),
    "profile": Output(ids.MAP_PROFILE_QUERY, "data"),
}
# The map page answers at / and at /map: its chrome's links are the same for both; the browser
# writes the address bar's own path into what it stores (COPY_ADDRESS).
MAP_PATH = "/map"
CONTROLS = {
    "indicator": Input(ids.MAP_INDICATOR, "value"),
    "year": Input(ids.MAP_YEAR, "value"),
    "region": Input(ids.MAP_REGION, "value"),
    "log": Input(ids.MAP_SCALE, "value"),
    "countries": Input(ids.MAP_COUNTRIES, "value"),
    "groups": Input(ids.MAP_GROUPS, "value"),
}


def to_patch(changes: list[tuple[tuple[str | int, ...], Any]]) -> Patch:
    """The same (path, value) updates as ``maps.apply``, on a ``dash.Patch``."""
    patch = Patch()
    for path, value in changes:
        target: Any = patch
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return patch


def chosen_state(
    current: FilterState,
    indicator: Any,
    year: Any,
    region: Any,
    log: Any,
    countries: Any,
    groups: Any = None,
) -> FilterState:
    """The shared state with the map's controls (values of the wrong type are ignored)."""
    words = vocabulary()
    return with_selection(
        current,
        words.indicator_years,
        indicator=indicator if isinstance(indicator, str) else None,
        year=year if isinstance(year, int) else None,
        region=region if isinstance(region, str) else None,
        scale="log" if log is True else "linear",
        countries=countries if isinstance(countries, list) else [],
        known_countries=words.members,
        groups=groups if isinstance(groups, list) else [],
        known_groups=words.groups,
    )


def indicator_outputs(view: MapView) -> dict[str, Any]:
    """What an indicator change redraws beyond the values: title, definition, source and slider."""
    slider = map_page.slider_props(view)
    return {
        "title": view.title,
        "definition": map_page.definition(view),
        "source": source_line(
            view.spec.source,
            view.state,
            view.locale,
            view.method,
            denominator_key=view.denominator,
            editions_note=view.editions_note,
        ),
        "year_min": slider["min"],
        "year_max": slider["max"],
        "year_step": slider["step"],
        "year_marks": slider["marks"],
        "year": slider["value"],
        "years": list(view.spec.years),
        "scale_disabled": not log_scale_allowed(view.spec),
    }


def update_map(
    indicator: Any, year: Any, region: Any, log: Any, countries: Any, search: Any, groups: Any = None
) -> dict[str, Any]:
    """Controls -> a value-only figure patch, the subtitle, the CSV link, the page's query and the
    address bar with its chrome's links; the profile's query when what the profile shows changes
    (indicator or selection). An indicator change also redraws title, definition, source line and
    year slider."""
    current = parse_shared(search, vocabulary()).state
    state = chosen_state(current, indicator, year, region, log, countries, groups)
    if same_view(state, current, vocabulary().indicator_years):
        raise PreventUpdate  # the controls show what the URL says (e.g. the page was just rendered)
    view = build(state)
    profile_changed = map_profile.profile_key(view) != map_profile.profile_key(build(current))
    values = {
        "figure": to_patch(view.updates(current, presenting=presenting(search))),
        "subtitle": view.subtitle,
        "download": view.csv_href(),
        "query": view.query,
        "address": permalink(view.query, search),
        "profile": view.query if profile_changed else no_update,
    }
    if state.indicator == current.indicator:  # same indicator: only values, subtitle and links change
        return {**dict.fromkeys(MAP_OUTPUTS, no_update), **values}
    return {**indicator_outputs(view), **values}


def presenting(search: Any) -> bool:
    """True when the address asks for presenter mode (the map then writes its values on it)."""
    return presenter.parse(search, {}).presenter.active


def table_query(query: Any, tab: Any, shown: Any) -> Any:
    """The query the table is asked for: only while its tab is open and only when it is not the
    one it shows (a hidden table costs no request); the same in the browser (:data:`SHOW_TABLE`)."""
    if tab != "table" or query == shown:
        return no_update
    return query


SHOW_TABLE = """function(query, tab, shown) {
    if (tab !== 'table' || query === shown) { return window.dash_clientside.no_update; }
    return query;
}"""


def update_table(query: Any, ready: Any) -> dict[str, Any]:
    """The table for the query :func:`table_query` passed on: built the first time the tab opens,
    then only its rows and columns change (sorting stays)."""
    if not isinstance(query, str):
        raise PreventUpdate
    view = build(parse_shared(query, vocabulary()).state)
    if ready is not True:
        return {"table": map_table.table(view), "ready": True}
    rows = Patch()
    rows["props"]["columns"] = map_table.table_columns(view)
    rows["props"]["data"] = map_table.table_data(view)
    return {"table": rows, "ready": no_update}


def update_profile(query: Any, shown: Any) -> dict[str, Any]:
    """Profiles change with the indicator and the selection, not with year or region: the map's
    answer passes the query on only then (:func:`update_map`)."""
    if not isinstance(query, str):
        raise PreventUpdate
    view = build(parse_shared(query, vocabulary()).state)
    key = map_profile.profile_key(view)
    if key == shown:
        raise PreventUpdate
    return {
        "profile": map_profile.profile_chart(view),
        "cards": map_profile.cards(view),
        "members": map_profile.members(view),
        "hint": map_profile.profile_hint(view),
        "key": key,
    }


def permalink(query: str, search: Any) -> Any:
    """The address bar for the map's new query (:func:`callbacks.navigation.address_for`)."""
    return navigation.address_for(query, search, MAP_PATH)


def select_clicked_country(click: Any, selected: Any) -> dict[str, Any]:
    """A click on a country adds it to the selection, or removes it if it was selected."""
    code = transforms.clicked_country(click)
    if code is None:
        return {"countries": no_update}
    return {
        "countries": transforms.toggle(selected if isinstance(selected, list) else [], code, MAX_COUNTRIES)
    }


def register(app: Dash) -> None:
    """Bind the map page callbacks to ``app``."""
    app.callback(
        output=MAP_OUTPUTS,
        inputs=CONTROLS,
        state={"search": State(ids.URL, "search")},
        prevent_initial_call=True,
    )(update_map)
    app.clientside_callback(
        SHOW_TABLE,
        Output(ids.MAP_TABLE_QUERY, "data"),
        Input(ids.MAP_QUERY, "data"),
        Input(ids.MAP_TABS, "active_tab"),
        State(ids.MAP_TABLE_QUERY, "data"),
        prevent_initial_call=True,
    )
    app.callback(
        output={"table": Output(ids.MAP_TABLE_BOX, "children"), "ready": Output(ids.MAP_TABLE_READY, "data")},
        inputs={"query": Input(ids.MAP_TABLE_QUERY, "data")},
        state={"ready": State(ids.MAP_TABLE_READY, "data")},
        prevent_initial_call=True,
    )(update_table)
    app.callback(
        output={
            "profile": Output(ids.MAP_PROFILE_BOX, "children"),
            "cards": Output(ids.MAP_CARDS, "children"),
            "members": Output(ids.MAP_MEMBERS, "children"),
            "hint": Output(ids.MAP_PROFILE_HINT, "children"),
            "key": Output(ids.MAP_PROFILE_KEY, "data"),
        },
        inputs={"query": Input(ids.MAP_PROFILE_QUERY, "data")},
        state={"shown": State(ids.MAP_PROFILE_KEY, "data")},
        prevent_initial_call=True,
    )(update_profile)
    navigation.copy_address_from(app, ids.MAP_ADDRESS)
    navigation.settle_address_of(app, ids.MAP_DRAWN)
    app.callback(
        output={"countries": Output(ids.MAP_COUNTRIES, "value")},
        inputs={"click": Input(ids.MAP_GRAPH, "clickData")},
        state={"selected": State(ids.MAP_COUNTRIES, "value")},
        prevent_initial_call=True,
    )(select_clicked_country)
    register_player(app)


def register_player(app: Dash) -> None:
    """The play button and its timer run in the browser: no server round trip per year."""
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
