"""The dialogue timeline: events 2005–2020 from the five seeds, filterable by theme, years and
country (all in the URL); a click opens the event's card with its sources and links to the map and
corridors of that year. Below it, the documents' figures checked against Puentes' data."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import timeline
from dashboard.locale import Locale
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.dialogue import query as dialogue_query
from dashboard.urls.pages import parse_dialogue
from dashboard.urls.shared import FilterState
from dashboard.views import dialogue as dialogue_view
from dashboard.views.dialogue import DialogueView
from dashboard.vocabulary import vocabulary
from layouts import a11y, claims_panel, ids
from layouts.common import documents_source_line, filter_column, header, href, notice
from layouts.exports import export_bar
from layouts.graph_config import graph_config, sized_graph

SPAN = (timeline.FIRST_YEAR, timeline.LAST_YEAR)


def event_card(event_id: str | None, state: FilterState, locale: Locale) -> Any:
    """Title, date, place, themes, summary, notes and sources of one event; a hint when none."""
    _ = locale.gettext
    shown = dialogue_view.event(event_id, state, locale)
    if shown is None:
        return html.P(_("Click an event to see its details and sources."), className="text-muted hint")
    body: list[Any] = [
        html.H3(shown.title, className="h5"),
        html.P(shown.facts, className="text-muted mb-2"),
        html.Div(
            [
                dbc.Badge(label, style={"backgroundColor": colour}, className="me-1")
                for label, colour in shown.themes
            ],
            className="mb-2",
        ),
        html.P(shown.summary),
    ]
    if shown.warning is not None:
        body.append(dbc.Alert(shown.warning, color="warning", className="small"))
    sources = [
        html.Li(
            [
                html.Strong(s.title),
                " ",
                html.Code(s.file, className="text-muted"),
                " — ",
                s.evidence,
                f" ({s.note})" if s.note else "",
            ]
        )
        for s in shown.sources
    ]
    body += [
        html.H4(_("Sources"), className="h6"),
        html.Ul(sources, className="small"),
        html.Div(
            [
                dcc.Link(
                    shown.map_label,
                    href=href("map", shown.map_state),
                    className="btn btn-outline-primary btn-sm me-2",
                ),
                dcc.Link(
                    shown.corridors_label,
                    href=href("corridors", shown.corridors_state),
                    className="btn btn-outline-primary btn-sm",
                ),
            ]
        ),
    ]
    return dbc.Card(dbc.CardBody(body))


def controls(view: DialogueView) -> dbc.Row:
    state, page = view.state, view.page
    _ = view.locale.gettext
    return dbc.Row(
        [
            filter_column(
                _("Themes"),
                dcc.Dropdown(
                    id=ids.DIALOGUE_THEMES,
                    options=view.theme_options,
                    value=list(page.themes),
                    multi=True,
                    placeholder=_("All themes"),
                ),
                xl=4,
            ),
            filter_column(
                _("Countries"),
                dcc.Dropdown(
                    id=ids.DIALOGUE_COUNTRIES,
                    options=view.place_options,
                    value=list(state.countries),
                    multi=True,
                    placeholder=_("All countries"),
                ),
            ),
            dbc.Col(
                [
                    dbc.Label(_("Years"), html_for=ids.DIALOGUE_YEARS),
                    html.Div(
                        dcc.RangeSlider(
                            id=ids.DIALOGUE_YEARS,
                            min=SPAN[0],
                            max=SPAN[1],
                            step=1,
                            value=[page.start, page.end],
                            marks={y: str(y) for y in range(SPAN[0], SPAN[1] + 1, 3)},
                            tooltip={"placement": "bottom"},
                        ),
                        **a11y.thumbs(_("First year"), _("Last year")),
                    ),
                ],
                xl=5,
            ),
        ],
        className="g-3 mb-2 page-controls",
    )


def event_picker(state: FilterState, page: DialogueState, locale: Locale) -> html.Div:
    """The timeline's events as a list, for a keyboard or a screen reader: choosing one shows its
    card, as a click on its marker does."""
    _ = locale.gettext
    return html.Div(
        [
            dbc.Label(_("Event"), html_for=ids.DIALOGUE_EVENT),
            dcc.Dropdown(
                id=ids.DIALOGUE_EVENT,
                options=dialogue_view.event_options(state, page, locale),
                placeholder=_("Choose an event, or click one on the timeline"),
                clearable=False,
            ),
        ],
        className="mt-2 page-controls",
    )


def layout(state: FilterState, search: str = "") -> html.Div:
    page, problems = parse_dialogue(search, vocabulary())
    view = dialogue_view.build(state, page)
    locale = view.locale
    _ = locale.gettext
    figure = view.figure
    return html.Div(
        [
            notice(problems, locale, element_id=ids.DIALOGUE_NOTICE),
            header(
                _("EU–CELAC dialogue on migration"),
                _(
                    "High Level Meetings, summits and related events, 2005–2020, "
                    "from the five source documents."
                ),
            ),
            controls(view),
            html.P(
                _(
                    "A country keeps the events held there, under its EU presidency or naming it; "
                    "events of the whole EU or CELAC side are not a single country's."
                ),
                className="small text-muted mb-1 page-details",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            export_bar("dialogue-timeline", dialogue_query(state, page, SPAN), locale),
                            sized_graph(
                                ids.DIALOGUE_TIMELINE,
                                figure,
                                graph_config(locale),
                                figure["layout"]["height"],
                            ),
                            event_picker(state, page, locale),
                        ],
                        xl=8,
                    ),
                    dbc.Col(
                        html.Div(event_card(None, state, locale), id=ids.DIALOGUE_DETAIL),
                        xl=4,
                        className="event-detail",
                    ),
                ],
                className="g-3 page-main",
            ),
            documents_source_line(locale),
            html.P(
                _(
                    "Every event cites the source document and the words it rests on; "
                    "where the documents disagree, both statements are kept."
                ),
                className="small text-muted mt-2 page-details",
                id=ids.DIALOGUE_BODY,
            ),
            html.Div(claims_panel.section(state, locale), className="page-details"),
        ]
    )
