"""Corridors page (first view): the largest CELAC -> EU and EU -> CELAC migrant corridors."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import loading, transforms
from dashboard.i18n import format_number, translator
from dashboard.state import FilterState
from layouts import ids
from layouts.common import header, source_line

CORRIDOR_YEAR = 2024


def corridor_table(
    origins: list[str], destinations: list[str], state: FilterState, caption: str
) -> dbc.Table:
    _ = translator(state.lang)
    countries = loading.countries()
    top = transforms.top_corridors(loading.corridors(), origins, destinations, CORRIDOR_YEAR)
    origin_names = transforms.country_names(countries, top["origin"], state.lang)
    destination_names = transforms.country_names(countries, top["destination"], state.lang)
    rows = [
        html.Tr(
            [
                html.Td(str(i + 1)),
                html.Td(o),
                html.Td(d),
                html.Td(format_number(v, state.lang), className="text-end"),
            ]
        )
        for i, (o, d, v) in enumerate(zip(origin_names, destination_names, top["migrant_stock"], strict=True))
    ]
    head = html.Thead(
        html.Tr(
            [
                html.Th("#"),
                html.Th(_("Origin")),
                html.Th(_("Destination")),
                html.Th(_("Migrants (people)"), className="text-end"),
            ]
        )
    )
    return dbc.Table(
        [html.Caption(caption), head, html.Tbody(rows)],
        striped=True,
        hover=True,
        size="sm",
        className="caption-top",
    )


def layout(state: FilterState) -> html.Div:
    _ = translator(state.lang)
    countries = loading.countries()
    celac = transforms.region_members(countries, "celac")
    eu = transforms.region_members(countries, "eu")
    return html.Div(
        [
            header(
                _("Migration corridors"),
                _("International migrant stock by country of origin and destination, mid-{year}.").format(
                    year=CORRIDOR_YEAR
                ),
            ),
            dbc.Row(
                [
                    dbc.Col(corridor_table(celac, eu, state, _("Largest CELAC → EU corridors")), lg=6),
                    dbc.Col(corridor_table(eu, celac, state, _("Largest EU → CELAC corridors")), lg=6),
                ],
                id=ids.CORRIDORS_TABLE,
            ),
            source_line("undesa_ims2024", state, element_id=ids.CORRIDORS_SOURCE),
        ]
    )
