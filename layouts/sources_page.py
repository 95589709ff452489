"""Sources page: every dataset with edition, licence and citation; every indicator's definition."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import datasets
from dashboard.i18n import translator, unit_label
from dashboard.urls.shared import FilterState
from layouts import ids
from layouts.common import header


def dataset_table(state: FilterState) -> dbc.Table:
    _ = translator(state.lang)
    rows = [
        html.Tr(
            [
                html.Td(src["name"]),
                html.Td(datasets.source_field(src, "edition", state.lang)),
                html.Td(datasets.source_field(src, "licence", state.lang)),
                html.Td(
                    [
                        src["citation"],
                        " ",
                        html.A(_("Website"), href=src["url"], target="_blank", rel="noopener"),
                    ]
                ),
            ],
            id=f"source-row-{key}",
        )
        for key, src in datasets.sources().items()
    ]
    head = html.Thead(
        html.Tr([html.Th(_("Dataset")), html.Th(_("Edition")), html.Th(_("Licence")), html.Th(_("Citation"))])
    )
    return dbc.Table([head, html.Tbody(rows)], striped=True, size="sm", id=ids.SOURCES_DATASETS)


def indicator_table(state: FilterState) -> dbc.Table:
    _ = translator(state.lang)
    sources = datasets.sources()
    rows = []
    for spec in datasets.catalogue().values():
        method = (
            html.Div([html.Em(_("Computed") + ": "), spec.computed_method(state.lang)])
            if spec.computed
            else None
        )
        rows.append(
            html.Tr(
                [
                    html.Td(html.Strong(spec.text("label", state.lang))),
                    html.Td(unit_label(spec.unit, state.lang)),
                    html.Td([spec.text("definition", state.lang), method]),
                    html.Td(sources[spec.source]["name"]),
                    html.Td(f"{spec.years[0]}–{spec.years[-1]}" if spec.years else _("no data")),
                ]
            )
        )
    head = html.Thead(
        html.Tr(
            [
                html.Th(_("Indicator")),
                html.Th(_("Unit")),
                html.Th(_("Definition")),
                html.Th(_("Source")),
                html.Th(_("Years")),
            ]
        )
    )
    return dbc.Table([head, html.Tbody(rows)], striped=True, size="sm", id=ids.SOURCES_INDICATORS)


def layout(state: FilterState) -> html.Div:
    _ = translator(state.lang)
    return html.Div(
        [
            header(
                _("Sources and definitions"),
                _(
                    "Every figure in Puentes comes from these published datasets; nothing is estimated "
                    "or filled in. Missing values are shown as “no data”."
                ),
            ),
            html.H2(_("Datasets"), className="h4"),
            dataset_table(state),
            html.H2(_("Indicators"), className="h4 mt-4"),
            indicator_table(state),
        ]
    )
