"""Corridors page: direction, year, sex and base-year controls (:mod:`layouts.corridors_controls`);
flow diagram and linked map; the corridors over time; ranked table with CSV
(:mod:`layouts.corridors_table`); where each CELAC diaspora lives; remittance corridors; caveats.
Each chart has its export bar."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from dashboard.locale import Locale
from dashboard.urls.pages import parse_corridors
from dashboard.urls.shared import FilterState
from dashboard.views import filters, series
from dashboard.views.corridors import CorridorView, build, names
from dashboard.vocabulary import vocabulary
from layouts import ids
from layouts.common import header, notice, source_line
from layouts.corridors_controls import controls, focus_controls
from layouts.corridors_table import table_caption, table_columns, table_data
from layouts.exports import export_bar
from layouts.graph_config import graph_config, sized_graph


def graph(element_id: str, figure: dict[str, Any], config: Any) -> html.Div:
    """A chart whose box is as tall as its figure says (so ``responsive`` keeps that height)."""
    return sized_graph(element_id, figure, config, figure["layout"]["height"])


def flows_heading(view: CorridorView) -> str | list[Any]:
    """The flow diagram's heading naming what was chosen; for a long list the names below it."""
    note = view.names_note()
    if not note:
        return view.heading()
    return [view.heading(), html.Small(note, className="d-block text-muted fw-normal small mt-1")]


def diaspora_title(view: CorridorView) -> str:
    _ = view.locale.gettext
    return _("Emigrants from {country} by where they live, 1990–{year}").format(
        country=names(view.locale)[view.diaspora_origin()], year=filters.corridor_years()[-1]
    )


def diaspora_heading(view: CorridorView) -> str:
    _ = view.locale.gettext
    return _("Where each CELAC diaspora lives, {year}").format(year=view.year)


def notes(locale: Locale) -> html.Ul:
    """The caveats of the corridor data, always on the page."""
    _ = locale.gettext
    items = [
        _(
            "UN DESA counts migrants by country of birth (or citizenship where birthplace is not "
            "recorded), at mid-year, from censuses, registers and surveys, interpolated and "
            "projected by UN DESA; the 2024 edition revises earlier years."
        ),
        _(
            "Part of each destination's migrants is published only as “Other” origins: they count "
            "in totals and the CSV but cannot be placed on the map of origins."
        ),
        _(
            "Remittance corridors are World Bank/KNOMAD model estimates for 2021 (US$ millions), "
            "not observed flows, and cover one year only."
        ),
    ]
    return html.Ul([html.Li(text) for text in items], className="small text-muted", id=ids.CORRIDORS_NOTES)


def trend_panel(view: CorridorView) -> html.Div:
    """The chosen corridors over every year (the ``trend`` chart), with its export bar."""
    return html.Div(
        [
            html.H2(series.trend_title(view), className="h5 mt-3", id=ids.CORRIDORS_TREND_TITLE),
            export_bar("corridors-trend", view.query, view.locale),
            graph(ids.CORRIDORS_TREND, series.trend_figure(view), graph_config(view.locale)),
        ],
        className="page-details",
    )


def table(view: CorridorView) -> Any:
    """The ranked corridors, sortable, every row at once (the box scrolls)."""
    return dash_table.DataTable(  # type: ignore[attr-defined]
        id=ids.CORRIDORS_TABLE,
        columns=table_columns(view),
        data=table_data(view),
        sort_action="native",
        page_action="none",
        style_as_list_view=True,
        style_table={"maxHeight": "480px", "overflowY": "auto"},
        fixed_rows={"headers": True},
        style_cell={
            "fontFamily": "inherit",
            "fontSize": "1rem",
            "padding": "6px",
            "minWidth": "80px",
        },
        style_header={"fontWeight": "600"},
        style_cell_conditional=[
            {"if": {"column_id": c}, "textAlign": "left"} for c in ("origin_name", "destination_name")
        ],
    )


def layout(state: FilterState, search: str = "") -> html.Div:
    corridor, problems = parse_corridors(search, vocabulary())
    view = build(state, corridor)
    locale = view.locale
    _ = locale.gettext
    return html.Div(
        [
            notice(problems, locale, element_id=ids.CORRIDORS_NOTICE),
            dcc.Store(id=ids.CORRIDORS_STATE, data={"query": view.query, "redraw": []}),
            header(
                _("Migration corridors"),
                _(
                    "Who lives where: international migrants by country of birth and of residence "
                    "(UN DESA), and the money they send home (KNOMAD)."
                ),
            ),
            controls(view),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2(flows_heading(view), className="h5", id=ids.CORRIDORS_SUBTITLE),
                            export_bar("corridors-flows", view.query, view.locale),
                            graph(ids.CORRIDORS_FLOWS, view.flows_figure(), graph_config(view.locale)),
                        ],
                        xl=7,
                    ),
                    dbc.Col(
                        [
                            html.H2(view.focus_title(), className="h5", id=ids.CORRIDORS_FOCUS_TITLE),
                            focus_controls(view),
                            export_bar("corridors-map", view.query, view.locale),
                            graph(ids.CORRIDORS_MAP, view.focus_figure(), graph_config(view.locale)),
                            html.P(
                                _(
                                    "Click a country to switch between where migrants come from "
                                    "and where emigrants live."
                                ),
                                className="small text-muted hint",
                            ),
                        ],
                        xl=5,
                    ),
                ],
                className="g-4 page-main",
            ),
            # What follows, but for the source line, is left out while presenting (``page-details``).
            trend_panel(view),
            html.H2(_("Ranked corridors"), className="h5 mt-3 page-details"),
            html.P(table_caption(view), id=ids.CORRIDORS_CAPTION, className="small page-details"),
            html.A(
                _("Download CSV"),
                id=ids.CORRIDORS_DOWNLOAD,
                href=view.csv_href(),
                className="btn btn-outline-primary btn-sm mb-2 page-details export-link",
                download="puentes-corridors.csv",
            ),
            html.Div(table(view), className="page-details"),
            source_line("undesa_ims2024", state, locale, element_id=ids.CORRIDORS_SOURCE),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2(
                                diaspora_heading(view), className="h5", id=ids.CORRIDORS_DIASPORA_HEADING
                            ),
                            export_bar("corridors-diaspora", view.query, view.locale),
                            graph(ids.CORRIDORS_DIASPORA, view.diaspora_figure(), graph_config(view.locale)),
                        ],
                        xl=7,
                    ),
                    dbc.Col(
                        [
                            html.H2(diaspora_title(view), className="h5", id=ids.CORRIDORS_DIASPORA_TITLE),
                            graph(
                                ids.CORRIDORS_DIASPORA_TIME,
                                view.diaspora_area_figure(),
                                graph_config(view.locale),
                            ),
                        ],
                        xl=5,
                    ),
                ],
                className="g-4 mt-2 page-details",
            ),
            html.Div(
                [
                    source_line("undesa_ims2024", state, locale, element_id=ids.CORRIDORS_DIASPORA_SOURCE),
                    html.H2(
                        _("Remittances sent back along these corridors (2021 model estimates)"),
                        className="h5 mt-3",
                    ),
                    export_bar("corridors-remittances", view.query, view.locale),
                    graph(ids.CORRIDORS_REMITTANCES, view.remittance_figure(), graph_config(view.locale)),
                    source_line("knomad_brm2021", state, locale, element_id=ids.CORRIDORS_REMITTANCE_SOURCE),
                    notes(locale),
                ],
                className="page-details",
            ),
        ]
    )
