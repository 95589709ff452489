"""Corridors page: direction, year, sex and base-year controls; flow diagram and linked map;
ranked table with CSV; where each CELAC diaspora lives; remittance corridors; caveats."""

from __future__ import annotations

import math
from typing import Any

import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html

from dashboard.corridor_view import TABLE_ROWS, CorridorView, build, names
from dashboard.locale import Locale
from dashboard.urls.pages import parse_corridors
from dashboard.urls.shared import FilterState
from dashboard.views import filters
from dashboard.vocabulary import vocabulary
from layouts import ids
from layouts.common import header, notice, source_line
from layouts.exports import export_bar
from layouts.map_page import GRAPH_CONFIG

PLAIN_CONFIG: Any = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}


def graph(element_id: str, figure: dict[str, Any], config: Any = PLAIN_CONFIG) -> dcc.Graph:
    """A chart whose box is as tall as its figure says (so ``responsive`` keeps that height)."""
    height = figure["layout"]["height"]
    return dcc.Graph(id=element_id, figure=figure, config=config, style={"height": f"{height}px"})


def code_options(locale: Locale) -> list[dict[str, str]]:
    """Every country of the corridor table, by name; the two pseudo-codes last."""
    return filters.corridor_codes(locale)


def direction_options(locale: Locale) -> list[dict[str, str]]:
    _ = locale.gettext
    return [
        {"label": _("CELAC → EU"), "value": "celac_eu"},
        {"label": _("EU → CELAC"), "value": "eu_celac"},
        {"label": _("Within CELAC"), "value": "celac_celac"},
        {"label": _("CELAC → rest of the world"), "value": "celac_world"},
        {"label": _("Custom"), "value": "custom"},
    ]


def table_columns(view: CorridorView) -> list[dict[str, Any]]:
    _ = view.locale.gettext
    sample = view.locale.number(1234567.5, 1)
    locale = {"group": sample[1], "decimal": sample[-2]}
    count = {"locale": locale, "specifier": ",.0f"}
    return [
        {"name": "#", "id": "rank", "type": "numeric"},
        {"name": _("Origin"), "id": "origin_name"},
        {"name": _("Destination"), "id": "destination_name"},
        {
            "name": _("Migrants, {year}").format(year=view.year),
            "id": "migrant_stock",
            "type": "numeric",
            "format": count,
        },
        {
            "name": _("Migrants, {year}").format(year=view.state.base),
            "id": "base_stock",
            "type": "numeric",
            "format": count,
        },
        {
            "name": _("Growth since {year} (%)").format(year=view.state.base),
            "id": "growth",
            "type": "numeric",
            "format": {"locale": locale, "specifier": ",.1f"},
        },
    ]


def table_data(view: CorridorView) -> list[dict[str, Any]]:
    table = view.ranked().head(TABLE_ROWS)
    columns = ["origin_name", "destination_name", "migrant_stock", "base_stock", "growth"]
    return [
        {
            "rank": rank,
            **{
                c: (None if isinstance(v, float) and math.isnan(v) else v)
                for c, v in zip(columns, row, strict=True)
            },
        }
        for rank, row in enumerate(table[columns].itertuples(index=False, name=None), start=1)
    ]


def table_caption(view: CorridorView) -> str:
    _ = view.locale.gettext
    return _(
        "The {shown} largest of {count} corridors, {total} migrants in all. The CSV has every one."
    ).format(
        shown=min(TABLE_ROWS, len(view.current)),
        count=view.locale.number(len(view.current)),
        total=view.locale.number(view.total()),
    )


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


def code_picker(
    label: str, element_id: str, options: list[dict[str, str]], value: tuple[str, ...], locale: Locale
) -> dbc.Col:
    """A labelled multi-select of countries (the custom origin or destination set)."""
    _ = locale.gettext
    return dbc.Col(
        [
            dbc.Label(label, html_for=element_id),
            dcc.Dropdown(
                id=element_id,
                options=options,
                value=list(value),
                multi=True,
                placeholder=_("As the direction says (choose to customise)"),
            ),
        ],
        md=6,
    )


def controls(view: CorridorView) -> dbc.Row:
    _ = view.locale.gettext
    years = filters.corridor_years()
    state = view.state
    radio = {
        "inline": True,
        "className": "btn-group flex-wrap",
        "inputClassName": "btn-check",
        "labelClassName": "btn btn-outline-primary btn-sm",
        "labelCheckedClassName": "active",
    }
    options = code_options(view.locale)
    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(_("Direction"), html_for=ids.CORRIDORS_DIRECTION),
                    dbc.RadioItems(
                        id=ids.CORRIDORS_DIRECTION,
                        options=direction_options(view.locale),
                        value=state.direction,
                        **radio,
                    ),
                ],
                xl=6,
            ),
            dbc.Col(
                [
                    dbc.Label(_("Sex"), html_for=ids.CORRIDORS_SEX),
                    dbc.RadioItems(
                        id=ids.CORRIDORS_SEX,
                        options=[
                            {"label": _("Both sexes"), "value": "total"},
                            {"label": _("Women"), "value": "female"},
                            {"label": _("Men"), "value": "male"},
                        ],
                        value=state.sex,
                        **radio,
                    ),
                ],
                xl=3,
                md=6,
            ),
            dbc.Col(
                [
                    dbc.Label(_("Growth since"), html_for=ids.CORRIDORS_BASE),
                    dcc.Dropdown(
                        id=ids.CORRIDORS_BASE,
                        options=[{"label": str(y), "value": y} for y in years],
                        value=state.base,
                        clearable=False,
                    ),
                ],
                xl=3,
                md=6,
            ),
            code_picker(_("Origins"), ids.CORRIDORS_ORIGINS, options, state.origins, view.locale),
            code_picker(
                _("Destinations"), ids.CORRIDORS_DESTINATIONS, options, state.destinations, view.locale
            ),
            dbc.Col(
                [
                    dbc.Label(_("Year"), html_for=ids.CORRIDORS_YEAR),
                    dcc.Slider(
                        id=ids.CORRIDORS_YEAR,
                        min=years[0],
                        max=years[-1],
                        step=None,
                        marks={y: str(y) for y in years},
                        value=view.year,
                        included=False,
                        updatemode="mouseup",
                    ),
                ],
                xs=12,
            ),
        ],
        className="g-3 mb-3 align-items-end page-controls",
    )


def focus_controls(view: CorridorView) -> dbc.Row:
    _ = view.locale.gettext
    return dbc.Row(
        [
            dbc.Col(
                dcc.Dropdown(
                    id=ids.CORRIDORS_FOCUS,
                    options=code_options(view.locale)[:-2],
                    value=view.state.focus,
                    clearable=False,
                ),
                md=6,
            ),
            dbc.Col(
                dbc.RadioItems(
                    id=ids.CORRIDORS_SIDE,
                    options=[
                        {"label": _("its migrants' origins"), "value": "destination"},
                        {"label": _("where its emigrants live"), "value": "origin"},
                    ],
                    value=view.state.side,
                    inline=True,
                ),
                md=6,
            ),
        ],
        className="g-2 mb-1 align-items-center page-controls",
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
                            html.H2(view.subtitle(), className="h5", id=ids.CORRIDORS_SUBTITLE),
                            export_bar("corridors-flows", view.query, view.locale),
                            graph(ids.CORRIDORS_FLOWS, view.flows_figure()),
                        ],
                        xl=7,
                    ),
                    dbc.Col(
                        [
                            html.H2(view.focus_title(), className="h5", id=ids.CORRIDORS_FOCUS_TITLE),
                            focus_controls(view),
                            export_bar("corridors-map", view.query, view.locale),
                            graph(ids.CORRIDORS_MAP, view.focus_figure(), GRAPH_CONFIG),
                            html.P(
                                _(
                                    "Click a country to switch between where migrants come from "
                                    "and where emigrants live."
                                ),
                                className="small text-muted",
                            ),
                        ],
                        xl=5,
                    ),
                ],
                className="g-4",
            ),
            html.H2(_("Ranked corridors"), className="h5 mt-3"),
            html.P(table_caption(view), id=ids.CORRIDORS_CAPTION, className="small"),
            html.A(
                _("Download CSV"),
                id=ids.CORRIDORS_DOWNLOAD,
                href=view.csv_href(),
                className="btn btn-outline-primary btn-sm mb-2",
                download="puentes-corridors.csv",
            ),
            dash_table.DataTable(  # type: ignore[attr-defined]
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
            ),
            source_line("undesa_ims2024", state, locale, element_id=ids.CORRIDORS_SOURCE),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2(
                                diaspora_heading(view), className="h5", id=ids.CORRIDORS_DIASPORA_HEADING
                            ),
                            graph(ids.CORRIDORS_DIASPORA, view.diaspora_figure()),
                        ],
                        xl=7,
                    ),
                    dbc.Col(
                        [
                            html.H2(diaspora_title(view), className="h5", id=ids.CORRIDORS_DIASPORA_TITLE),
                            graph(ids.CORRIDORS_DIASPORA_TIME, view.diaspora_area_figure()),
                        ],
                        xl=5,
                    ),
                ],
                className="g-4 mt-2",
            ),
            source_line("undesa_ims2024", state, locale, element_id=ids.CORRIDORS_DIASPORA_SOURCE),
            html.H2(
                _("Remittances sent back along these corridors (2021 model estimates)"), className="h5 mt-3"
            ),
            graph(ids.CORRIDORS_REMITTANCES, view.remittance_figure()),
            source_line("knomad_brm2021", state, locale, element_id=ids.CORRIDORS_REMITTANCE_SOURCE),
            notes(locale),
        ]
    )
