"""Sources page: every dataset with edition, licence and citation; every indicator's definition."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views import sources as sources_view
from layouts import ids
from layouts.common import header


def dataset_table(locale: Locale) -> dbc.Table:
    _ = locale.gettext
    rows = [
        html.Tr(
            [
                html.Td(src.name),
                html.Td(src.edition),
                html.Td(src.licence),
                html.Td(
                    [
                        src.citation,
                        " ",
                        html.A(_("Website"), href=src.url, target="_blank", rel="noopener"),
                    ]
                ),
            ],
            id=f"source-row-{src.key}",
        )
        for src in sources_view.sources(locale)
    ]
    head = html.Thead(
        html.Tr([html.Th(_("Dataset")), html.Th(_("Edition")), html.Th(_("Licence")), html.Th(_("Citation"))])
    )
    return dbc.Table([head, html.Tbody(rows)], striped=True, size="sm", id=ids.SOURCES_DATASETS)


def indicator_table(locale: Locale) -> dbc.Table:
    _ = locale.gettext
    rows = [
        html.Tr(
            [
                html.Td(html.Strong(entry.label)),
                html.Td(entry.unit),
                html.Td(
                    [
                        entry.definition,
                        html.Div([html.Em(_("Computed") + ": "), entry.method]) if entry.method else None,
                    ]
                ),
                html.Td(entry.source),
                html.Td(entry.years),
            ]
        )
        for entry in sources_view.indicators(locale)
    ]
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


def document_table(locale: Locale) -> dbc.Table:
    """The dialogue's and programmes' source documents: title, then the file name as a detail."""
    _ = locale.gettext
    rows = [
        html.Tr([html.Td(doc.title), html.Td(html.Code(doc.file), className="small")])
        for doc in sources_view.seed_documents(locale)
    ]
    head = html.Thead(html.Tr([html.Th(_("Document")), html.Th(_("File"))]))
    return dbc.Table([head, html.Tbody(rows)], striped=True, size="sm", id=ids.SOURCES_DOCUMENTS)


def layout(state: FilterState, presenting: bool = False) -> html.Div:
    """The sources page in the state's language."""
    locale = Locale.of(state.lang)
    _ = locale.gettext
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
            dataset_table(locale),
            html.H2(_("Indicators"), className="h4 mt-4"),
            indicator_table(locale),
            html.H2(_("Source documents"), className="h4 mt-4"),
            html.P(
                _(
                    "The dialogue timeline and the programme results are taken from these five "
                    "documents; every event and result cites one of them."
                ),
                className="small text-muted",
            ),
            document_table(locale),
        ]
    )
