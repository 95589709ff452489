"""The map explorer page: indicator and year controls, the choropleth, its source line."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import figures, loading, transforms
from dashboard.i18n import translator, unit_label
from dashboard.state import FilterState
from layouts import ids
from layouts.common import header, source_line

GRAPH_CONFIG: Any = {"topojsonURL": "/assets/topojson/", "displaylogo": False, "responsive": True}


def year_marks(years: tuple[int, ...]) -> dict[int, str]:
    """Slider marks: every year when few, else every fifth plus the last."""
    if len(years) <= 12:
        return {y: str(y) for y in years}
    last = years[-1]
    return {y: str(y) for y in years if (y % 10 == 0 and last - y >= 4) or y == last}


def layout(state: FilterState) -> html.Div:
    _ = translator(state.lang)
    catalogue = loading.catalogue()
    spec = transforms.indicator(catalogue, state.indicator)
    year = transforms.resolve_year(spec, state.year)
    values = transforms.map_values(loading.indicator_values(), loading.countries(), spec, year, state.lang)
    source = loading.sources()[spec.source]["name"]
    figure = figures.choropleth_map(values, loading.geometry(), spec, year, state.lang, source)
    controls = dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(_("Indicator"), html_for=ids.MAP_INDICATOR),
                    dcc.Dropdown(
                        id=ids.MAP_INDICATOR,
                        value=spec.id,
                        clearable=False,
                        searchable=False,
                        options=[
                            {"label": o["label"], "value": o["value"]}
                            for o in transforms.indicator_options(catalogue, state.lang)
                        ],
                    ),
                ],
                md=5,
            ),
            dbc.Col(
                [
                    dbc.Label(_("Year"), html_for=ids.MAP_YEAR),
                    dcc.Slider(
                        id=ids.MAP_YEAR,
                        min=spec.years[0],
                        max=spec.years[-1],
                        step=None,
                        value=year,
                        marks=year_marks(spec.years),
                        included=False,
                    ),
                ],
                md=7,
            ),
        ],
        className="mb-2 g-3",
    )
    return html.Div(
        [
            header(
                spec.text("label", state.lang),
                f"{year} · {unit_label(spec.unit, state.lang)} · {spec.text('definition', state.lang)}",
            ),
            controls,
            dcc.Graph(id=ids.MAP_GRAPH, figure=figure, config=GRAPH_CONFIG, className="map-graph"),
            source_line(spec.source, state, spec.method if spec.computed else "", ids.MAP_SOURCE),
        ]
    )
