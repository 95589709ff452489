"""The map explorer: indicator, region, scale and year controls; map and table (:mod:`layouts.map_table`);
country profile (:mod:`layouts.map_profile`)."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.figures.map_colours import log_scale_allowed
from dashboard.figures.maps import HEIGHT
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views import filters
from dashboard.views.map import MapView, build
from layouts import a11y, ids
from layouts.common import source_line
from layouts.exports import export_bar
from layouts.graph_config import graph_config
from layouts.map_profile import cards, members, profile_chart, profile_hint, profile_key

DENSE_YEARS = 12


def year_marks(years: tuple[int, ...]) -> dict[int, str]:
    """Slider marks: every year when few, else each decade plus the last year."""
    if len(years) <= DENSE_YEARS:
        return {y: str(y) for y in years}
    last = years[-1]
    return {y: str(y) for y in years if (y % 10 == 0 and last - y >= 4) or y == last}


def slider_props(view: MapView) -> dict[str, Any]:
    """min, max, step, marks and value of the year slider for an indicator's years."""
    years = view.spec.years
    return {
        "min": years[0],
        "max": years[-1],
        "step": None if len(years) <= DENSE_YEARS else 1,
        "marks": year_marks(years),
        "value": view.year,
    }


def indicator_options(locale: Locale) -> list[dict[str, Any]]:
    """Indicators grouped under disabled headings (stocks, shares, flows, refugees, remittances)."""
    _ = locale.gettext
    headings = {
        "stocks": _("Stocks"),
        "shares": _("Shares"),
        "flows": _("Flows"),
        "refugees": _("Refugees and asylum"),
        "remittances": _("Remittances"),
        "population": _("Population and economy"),
    }
    options: list[dict[str, Any]] = []
    group = None
    for option in filters.indicator_options(locale):
        if option["group"] != group:
            group = option["group"]
            options.append({"label": headings[group].upper(), "value": f"group:{group}", "disabled": True})
        options.append({"label": "\u2003" + option["label"], "value": option["value"]})
    return options


def definition(view: MapView) -> list[Any]:
    """Popover body: definition, method where computed, source."""
    _ = view.locale.gettext
    body: list[Any] = [html.P(view.definition)]
    if view.spec.computed:
        body.append(html.P([html.Em(_("Computed") + ": "), view.method], className="small"))
    body.append(html.P(view.source["name"], className="small text-muted mb-0"))
    return body


def layout(state: FilterState, presenting: bool = False) -> html.Div:
    view = build(state)
    locale = view.locale
    _ = locale.gettext
    region_options = [
        {"label": _("CELAC and EU"), "value": "both"},
        {"label": "CELAC", "value": "celac"},
        {"label": _("EU"), "value": "eu"},
    ]
    controls = dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(_("Indicator"), html_for=ids.MAP_INDICATOR),
                    dbc.InputGroup(
                        [
                            html.Div(
                                dcc.Dropdown(
                                    id=ids.MAP_INDICATOR,
                                    value=view.spec.id,
                                    clearable=False,
                                    options=indicator_options(locale),
                                    searchable=True,
                                ),
                                className="flex-grow-1",
                            ),
                            dbc.Button(
                                "?", id=ids.MAP_INFO, color="secondary", outline=True, title=_("Definition")
                            ),
                        ],
                        className="flex-nowrap",
                    ),
                    dbc.Popover(
                        [
                            dbc.PopoverHeader(_("Definition")),
                            dbc.PopoverBody(definition(view), id=ids.MAP_DEFINITION),
                        ],
                        target=ids.MAP_INFO,
                        trigger="legacy",
                        placement="bottom",
                    ),
                ],
                lg=5,
            ),
            dbc.Col(
                [
                    dbc.Label(_("Region"), html_for=ids.MAP_REGION),
                    dbc.RadioItems(
                        id=ids.MAP_REGION,
                        options=region_options,
                        value=state.region,
                        inline=True,
                        className="btn-group",
                        inputClassName="btn-check",
                        labelClassName="btn btn-outline-primary",
                        labelCheckedClassName="active",
                    ),
                ],
                lg=4,
            ),
            dbc.Col(
                [
                    dbc.Label(_("Colour scale"), html_for=ids.MAP_SCALE),
                    dbc.Switch(
                        id=ids.MAP_SCALE,
                        label=_("Logarithmic"),
                        value=view.log,
                        disabled=not log_scale_allowed(view.spec),
                    ),
                ],
                lg=3,
            ),
        ],
        className="g-3 mb-2 align-items-end page-controls",
    )
    slider = slider_props(view)
    year_row = dbc.Row(
        [
            dbc.Col(
                dbc.Button(
                    "▶",
                    id=ids.MAP_PLAY,
                    color="primary",
                    outline=True,
                    n_clicks=0,
                    title=_("Play the years / pause"),
                ),
                width="auto",
            ),
            dbc.Col(
                html.Div(  # named, and stepped through the data years by the keyboard (layouts/a11y.py)
                    dcc.Slider(id=ids.MAP_YEAR, included=False, className=a11y.YEAR_STEPS, **slider),
                    **a11y.thumbs(_("Year"), years_store=ids.MAP_YEARS),
                )
            ),
        ],
        className="g-3 mb-2 align-items-center page-controls",
    )
    graph = dcc.Graph(
        id=ids.MAP_GRAPH,
        figure=view.figure(presenting=presenting),  # presented: the values that matter written on it
        config=graph_config(locale),
        className="map-graph",
        style={"height": f"{HEIGHT}px"},  # the figure fills it (presenter mode makes it fit the screen)
    )
    map_tab = html.Div([export_bar("map", view.query, locale), graph])
    table_tab = html.Div(
        [
            html.A(
                _("Download CSV"),
                id=ids.MAP_DOWNLOAD,
                href=view.csv_href(),
                className="btn btn-outline-primary btn-sm my-2 export-link",
                download="puentes-map.csv",
            ),
            # Filled when the tab is first opened: the table's code and rows are not the first paint's.
            html.Div(id=ids.MAP_TABLE_BOX),
            dcc.Store(id=ids.MAP_TABLE_READY, data=False),
            dcc.Store(id=ids.MAP_TABLE_QUERY),
        ]
    )
    return html.Div(
        [
            html.Header(
                [
                    html.H1(view.title, id=ids.MAP_TITLE, className="page-title"),
                    html.P(view.subtitle, id=ids.MAP_SUBTITLE, className="lead"),
                ],
                className="mb-2",
            ),
            controls,
            year_row,
            dcc.Interval(id=ids.MAP_TIMER, interval=1200, disabled=True),
            dcc.Store(id=ids.MAP_YEARS, data=list(view.spec.years)),
            dcc.Store(id=ids.MAP_QUERY, data=view.query),
            dcc.Store(id=ids.MAP_PROFILE_KEY, data=profile_key(view)),
            dcc.Store(id=ids.MAP_PROFILE_QUERY),
            dcc.Store(id=ids.MAP_ADDRESS),
            dcc.Store(id=ids.MAP_DRAWN, data=view.query),
            dbc.Tabs(
                [
                    dbc.Tab(map_tab, label=_("Map"), tab_id="map"),
                    dbc.Tab(table_tab, label=_("Table"), tab_id="table"),
                ],
                id=ids.MAP_TABS,
                active_tab="map",
            ),
            html.Div(
                source_line(
                    view.spec.source,
                    state,
                    locale,
                    view.method,
                    denominator_key=view.denominator,
                    editions_note=view.editions_note,
                ),
                id=ids.MAP_SOURCE,
            ),
            html.Section(
                [
                    html.H2(_("Country profile"), className="h4 mt-4"),
                    html.Div(
                        [
                            dbc.Label(_("Countries"), html_for=ids.MAP_COUNTRIES),
                            dcc.Dropdown(
                                id=ids.MAP_COUNTRIES,
                                multi=True,
                                value=list(state.countries),
                                options=filters.country_options(locale),
                                placeholder=_("Choose countries to compare"),
                            ),
                            dbc.Label(_("Groups"), html_for=ids.MAP_GROUPS, className="mt-2"),
                            dcc.Dropdown(
                                id=ids.MAP_GROUPS,
                                multi=True,
                                value=list(state.groups),
                                options=filters.group_options(locale),
                                placeholder=_("Compare with groups (blocs, sub-regions, organisations)"),
                            ),
                        ],
                        className="page-controls",
                    ),
                    html.P(
                        profile_hint(view), id=ids.MAP_PROFILE_HINT, className="text-muted small mt-1 hint"
                    ),
                    html.Div(profile_chart(view), id=ids.MAP_PROFILE_BOX),
                    html.Div(members(view), id=ids.MAP_MEMBERS),
                    html.Div(cards(view), id=ids.MAP_CARDS),
                ],
                className="profile",
            ),
        ],
        className="map-page",
    )
