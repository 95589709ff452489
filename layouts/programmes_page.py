"""Programme results: a map of the countries each programme or component reached; per programme,
who ran it, when, its budget and key figures; every result with its places and sources.
Filterable by programme, component, theme and country (the shared ``countries``), all in the URL."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.locale import Locale
from dashboard.urls.pages import parse_programmes
from dashboard.urls.programmes import query as programmes_query
from dashboard.urls.shared import FilterState
from dashboard.views import programmes as programmes_view
from dashboard.views.dialogue import theme_options
from dashboard.views.programmes import Citation, ProgrammeCard, ProgrammesView
from dashboard.vocabulary import vocabulary
from layouts import a11y, ids
from layouts.common import documents_source_line, filter_column, header, notice
from layouts.exports import export_bar
from layouts.graph_config import graph_config, sized_graph


def component_options(programme: str, locale: Locale) -> list[dict[str, str]]:
    """The component filter's choices for ``programme`` (the callback refreshes them)."""
    return programmes_view.component_options(programme, locale)


def cited(citations: tuple[Citation, ...]) -> list[Any]:
    """Each source as its document's title, with the seed file name as a detail."""
    out: list[Any] = []
    for title, file in citations:
        out += [html.Br()] if out else []
        out += [title, " ", html.Code(file, className="text-muted")]
    return out


def programme_card(card: ProgrammeCard) -> dbc.Card:
    tiles = [html.Li([html.Strong(value), " — ", label]) for value, label in card.figures]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(card.title, className="h5"),
                html.P(card.facts, className="text-muted small mb-2"),
                html.P(card.summary, className="small"),
                html.Ul(tiles, className="mb-1"),
                html.P(cited(card.files), className="small text-muted mb-0"),
            ]
        ),
        className="h-100",
    )


def panels(view: ProgrammesView) -> list[Any]:
    """What the filters change, in order: map figure, map caption, countries table, cards and results."""
    return [view.figure, view.caption, reached_table(view), body(view)]


def body(view: ProgrammesView) -> list[Any]:
    """Cards of the programmes the filters keep and the table of their matching results."""
    _ = view.locale.gettext
    if not view.cards:
        return [html.P(_("No programme matches these filters."), className="text-muted")]
    cards = dbc.Row([dbc.Col(programme_card(card), lg=6, className="mb-3") for card in view.cards])
    head = html.Thead(
        html.Tr(
            [
                html.Th(_("Programme")),
                html.Th(_("Result")),
                html.Th(_("Figure")),
                html.Th(_("Where")),
                html.Th(_("Sources")),
            ]
        )
    )
    lines = [
        html.Tr(
            [
                html.Td(r.programme),
                html.Td([html.Strong(r.label), html.Br(), html.Span(r.summary, className="small")]),
                html.Td(r.figure, className="text-nowrap"),
                html.Td(r.where, className="small"),
                html.Td(cited(r.sources), className="small"),
            ]
        )
        for r in view.results
    ]
    table = (
        a11y.scroll_box(dbc.Table([head, html.Tbody(lines)], size="sm", hover=True), _("Every result"))
        if lines
        else html.P(_("No result matches these filters."), className="text-muted")
    )
    return [cards, html.H2(_("Every result"), className="h5"), table]


def reached_table(view: ProgrammesView) -> Any:
    """The map as a list (readable without hover): each country reached and by which programmes."""
    _ = view.locale.gettext
    if not view.reached:
        return html.P(_("No country-level places for this selection"), className="text-muted")
    lines = [
        html.Tr(
            [
                html.Td(r.country),
                html.Td(r.programmes, className="small"),
                html.Td(r.results, className="text-end text-nowrap"),
            ]
        )
        for r in view.reached
    ]
    head = html.Thead(
        html.Tr([html.Th(_("Country")), html.Th(_("Programmes")), html.Th(_("Results naming it"))])
    )
    return dbc.Table([head, html.Tbody(lines)], size="sm", className="small")


def controls(view: ProgrammesView) -> dbc.Row:
    state, page, locale = view.state, view.page, view.locale
    _ = locale.gettext
    return dbc.Row(
        [
            filter_column(
                _("Programme"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_FILTER,
                    options=programmes_view.programme_options(locale),
                    value=page.programme or "all",
                    clearable=False,
                ),
            ),
            filter_column(
                _("Component or action"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_COMPONENT,
                    options=component_options(page.programme, locale),
                    value=page.component or None,
                    placeholder=_("All components"),
                ),
            ),
            filter_column(
                _("Themes"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_THEMES,
                    options=theme_options(locale),
                    value=list(page.themes),
                    multi=True,
                    placeholder=_("All themes"),
                ),
            ),
            filter_column(
                _("Countries"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_COUNTRIES,
                    options=programmes_view.country_options(state, locale),
                    value=list(state.countries),
                    multi=True,
                    placeholder=_("All countries"),
                ),
            ),
        ],
        className="g-3 mb-3 page-controls",
    )


def layout(state: FilterState, search: str = "") -> html.Div:
    page, problems = parse_programmes(search, vocabulary())
    view = programmes_view.build(state, page)
    _ = view.locale.gettext
    figure, caption, reached, results = panels(view)
    return html.Div(
        [
            notice(problems, view.locale, element_id=ids.PROGRAMMES_NOTICE),
            header(
                _("Programme results"),
                _(
                    "The EU-CELAC migration project, MIEUX, EUROsociAL+ and ECLAC: what they did, "
                    "where, and with which results."
                ),
            ),
            controls(view),
            html.H2(_("Where the programmes worked"), className="h5"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            export_bar("programmes-map", programmes_query(state, page), view.locale),
                            sized_graph(ids.PROGRAMMES_MAP, figure, graph_config(view.locale), 520),
                            html.P(
                                caption,
                                id=ids.PROGRAMMES_MAP_CAPTION,
                                className="small text-muted",
                            ),
                        ],
                        xl=7,
                    ),
                    dbc.Col(
                        a11y.scroll_box(
                            reached,
                            _("Countries reached"),
                            id=ids.PROGRAMMES_REACHED,
                            className=None,
                            style={"maxHeight": "560px", "overflowY": "auto"},
                        ),
                        xl=5,
                    ),
                ],
                className="g-3 mb-3 page-main",
            ),
            documents_source_line(view.locale),
            html.Div(results, id=ids.PROGRAMMES_BODY, className="page-details"),
            html.P(
                _(
                    "Every figure is as the source document states it; "
                    "the file it comes from is named beside it."
                ),
                className="small text-muted page-details",
            ),
        ]
    )
