"""The dialogue timeline: events 2005–2020 from the five seeds, filterable by theme, years and
country (all in the URL); a click opens the event's card with its sources and links to the map and
corridors of that year. Below it, the documents' figures checked against Puentes' data."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import datasets, dialogue, timeline, transforms
from dashboard.i18n import translator
from dashboard.urls.corridors import corridor_year
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.dialogue import query as dialogue_query
from dashboard.urls.pages import parse_dialogue
from dashboard.urls.shared import FilterState
from dashboard.vocabulary import vocabulary
from layouts import claims_panel, ids
from layouts.common import filter_column, header, href, notice
from layouts.exports import export_bar

SPAN = (timeline.FIRST_YEAR, timeline.LAST_YEAR)

CONFIG: Any = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def theme_options(lang: str) -> list[dict[str, str]]:
    themes = dialogue.themes()
    return [
        {"label": label, "value": i} for i, label in zip(themes["id"], themes[f"label_{lang}"], strict=True)
    ]


def place_options(codes: set[str], lang: str) -> list[dict[str, str]]:
    """The 60 members and ``codes`` as dropdown options, by name in the reader's language."""
    table = datasets.countries()
    extra = sorted(c for c in codes if c in table.index and table.loc[c, "bloc"] not in ("CELAC", "EU27"))
    names = transforms.country_names(table, extra, lang)
    options = transforms.country_options(table, lang) + [
        {"label": n, "value": c} for c, n in zip(extra, names, strict=True)
    ]
    return sorted(options, key=lambda o: o["label"])


def events(state: FilterState, page: DialogueState) -> pd.DataFrame:
    """The events the timeline shows for the filters."""
    return timeline.select(
        dialogue.events(), page.themes, (page.start, page.end), state.countries, datasets.groups()
    )


def timeline_figure(state: FilterState, page: DialogueState) -> dict[str, Any]:
    """The timeline for the filters, with every lane of the unfiltered timeline (a steady height)."""
    kinds = set(timeline.select(dialogue.events())["kind"])
    return timeline.figure(events(state, page), dialogue.themes(), state.lang, kinds)


def event_places() -> set[str]:
    """Every country an event on the timeline concerns (the country filter's choices)."""
    rows = timeline.records(timeline.select(dialogue.events()))
    members = dialogue.group_members(datasets.groups())
    return {
        code
        for r in rows
        for code in dialogue.places(r["countries"], r["groups"], members, r["country"], r["presidency"])
    }


def year_for(state: FilterState, year: int) -> FilterState:
    """The shared state at ``year``: the indicator's latest year not after it (or its first)."""
    years = transforms.years_by_indicator(datasets.catalogue()).get(state.indicator, ())
    earlier = [y for y in years if y <= year]
    return replace(state, year=earlier[-1] if earlier else (years[0] if years else None))


def event_card(event_id: str | None, state: FilterState) -> Any:
    """Title, date, place, themes, summary, notes and sources of one event; a hint when none."""
    _ = translator(state.lang)
    events = dialogue.events().set_index("id", drop=False)
    if event_id not in events.index:
        return html.P(_("Click an event to see its details and sources."), className="text-muted")
    row: dict[str, Any] = {str(k): v for k, v in events.loc[event_id].to_dict().items()}
    themes = dialogue.themes().set_index("id")
    year = int(row["date"].year)
    place = ", ".join(
        p
        for p in (
            dialogue.text(row, state.lang, "city"),
            transforms.country_names(datasets.countries(), [row["country"]], state.lang)[0]
            if row["country"]
            else "",
        )
        if p
    )
    facts = [timeline.date_label(row, state.lang)] + ([place] if place else [])
    if row["presidency"]:
        presidency = transforms.country_names(datasets.countries(), [row["presidency"]], state.lang)[0]
        facts.append(_("EU presidency: {country}").format(country=presidency))
    body: list[Any] = [
        html.H3(dialogue.text(row, state.lang), className="h5"),
        html.P(" · ".join(facts), className="text-muted mb-2"),
        html.Div(
            [
                dbc.Badge(
                    themes.loc[t, f"label_{state.lang}"],
                    style={"backgroundColor": themes.loc[t, "colour"]},
                    className="me-1",
                )
                for t in row["themes"]
            ],
            className="mb-2",
        ),
        html.P(dialogue.text(row, state.lang, "summary")),
    ]
    note = dialogue.text(row, state.lang, "note")
    if row["disputed"] or note:
        body.append(
            dbc.Alert(note or _("The sources disagree on this event."), color="warning", className="small")
        )
    sources = []
    for s in row["sources"]:
        source_note = dialogue.text(s["note"], state.lang)
        sources.append(
            html.Li(
                [
                    html.Code(s["file"]),
                    " — ",
                    "; ".join(f"“{e}”" for e in s["evidence"]),
                    f" ({source_note})" if source_note else "",
                ]
            )
        )
    body += [
        html.H4(_("Sources"), className="h6"),
        html.Ul(sources, className="small"),
        html.Div(
            [
                dcc.Link(
                    _("Map in {year}").format(year=year),
                    href=href("map", year_for(state, year)),
                    className="btn btn-outline-primary btn-sm me-2",
                ),
                dcc.Link(
                    _("Corridors in {year}").format(year=year),
                    href=href(
                        "corridors", replace(state, year=corridor_year(str(year), datasets.corridor_years()))
                    ),
                    className="btn btn-outline-primary btn-sm",
                ),
            ]
        ),
    ]
    return dbc.Card(dbc.CardBody(body))


def controls(state: FilterState, page: DialogueState) -> dbc.Row:
    _ = translator(state.lang)
    return dbc.Row(
        [
            filter_column(
                _("Themes"),
                dcc.Dropdown(
                    id=ids.DIALOGUE_THEMES,
                    options=theme_options(state.lang),
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
                    options=place_options(event_places() | set(state.countries), state.lang),
                    value=list(state.countries),
                    multi=True,
                    placeholder=_("All countries"),
                ),
            ),
            dbc.Col(
                [
                    dbc.Label(_("Years"), html_for=ids.DIALOGUE_YEARS),
                    dcc.RangeSlider(
                        id=ids.DIALOGUE_YEARS,
                        min=SPAN[0],
                        max=SPAN[1],
                        step=1,
                        value=[page.start, page.end],
                        marks={y: str(y) for y in range(SPAN[0], SPAN[1] + 1, 3)},
                        tooltip={"placement": "bottom"},
                    ),
                ],
                xl=5,
            ),
        ],
        className="g-3 mb-2 page-controls",
    )


def layout(state: FilterState, search: str = "") -> html.Div:
    _ = translator(state.lang)
    page, problems = parse_dialogue(search, vocabulary())
    figure = timeline_figure(state, page)
    return html.Div(
        [
            notice(problems, state.lang, element_id=ids.DIALOGUE_NOTICE),
            header(
                _("EU–CELAC dialogue on migration"),
                _(
                    "High Level Meetings, summits and related events, 2005–2020, "
                    "from the five source documents."
                ),
            ),
            controls(state, page),
            html.P(
                _(
                    "A country keeps the events held there, under its EU presidency or naming it; "
                    "events of the whole EU or CELAC side are not a single country's."
                ),
                className="small text-muted mb-1",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            export_bar("dialogue-timeline", dialogue_query(state, page, SPAN), state.lang),
                            dcc.Graph(
                                id=ids.DIALOGUE_TIMELINE,
                                figure=figure,
                                config=CONFIG,
                                style={"height": f"{figure['layout']['height']}px"},
                            ),
                        ],
                        xl=8,
                    ),
                    dbc.Col(html.Div(event_card(None, state), id=ids.DIALOGUE_DETAIL), xl=4),
                ],
                className="g-3",
            ),
            html.P(
                _(
                    "Every event cites the source document and the words it rests on; "
                    "where the documents disagree, both statements are kept."
                ),
                className="small text-muted mt-2",
                id=ids.DIALOGUE_BODY,
            ),
            claims_panel.section(state),
        ]
    )
