"""The dialogue timeline: events 2005–2020 from the five seeds, filterable by theme and years;
a click opens the event's card with its sources and links to the map and corridors of that year."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import dialogue, loading, timeline, transforms
from dashboard.i18n import translator
from dashboard.state import FilterState, corridor_year
from layouts import ids
from layouts.common import header, href

CONFIG: Any = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def theme_options(lang: str) -> list[dict[str, str]]:
    themes = dialogue.themes()
    return [
        {"label": label, "value": i} for i, label in zip(themes["id"], themes[f"label_{lang}"], strict=True)
    ]


def year_for(state: FilterState, year: int) -> FilterState:
    """The shared state at ``year``: the indicator's latest year not after it (or its first)."""
    years = transforms.years_by_indicator(loading.catalogue()).get(state.indicator, ())
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
            row["city"],
            transforms.country_names(loading.countries(), [row["country"]], state.lang)[0]
            if row["country"]
            else "",
        )
        if p
    )
    facts = [timeline.date_label(row, state.lang)] + ([place] if place else [])
    if row["presidency"]:
        facts.append(_("EU presidency: {country}").format(country=row["presidency"]))
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
    if row["disputed"] or row["note"]:
        body.append(
            dbc.Alert(
                row["note"] or _("The sources disagree on this event."), color="warning", className="small"
            )
        )
    sources = [
        html.Li(
            [
                html.Code(s["file"]),
                " — ",
                "; ".join(f"“{e}”" for e in s["evidence"]),
                f" ({s['note']})" if s.get("note") else "",
            ]
        )
        for s in row["sources"]
    ]
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
                        "corridors", replace(state, year=corridor_year(str(year), loading.corridor_years()))
                    ),
                    className="btn btn-outline-primary btn-sm",
                ),
            ]
        ),
    ]
    return dbc.Card(dbc.CardBody(body))


def layout(state: FilterState) -> html.Div:
    _ = translator(state.lang)
    rows = timeline.select(dialogue.events())
    return html.Div(
        [
            header(
                _("EU–CELAC dialogue on migration"),
                _(
                    "High Level Meetings, summits and related events, 2005–2020, "
                    "from the five source documents."
                ),
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label(_("Themes"), html_for=ids.DIALOGUE_THEMES),
                            dcc.Dropdown(
                                id=ids.DIALOGUE_THEMES,
                                options=theme_options(state.lang),
                                value=[],
                                multi=True,
                                placeholder=_("All themes"),
                            ),
                        ],
                        md=6,
                    ),
                    dbc.Col(
                        [
                            dbc.Label(_("Years"), html_for=ids.DIALOGUE_YEARS),
                            dcc.RangeSlider(
                                id=ids.DIALOGUE_YEARS,
                                min=timeline.FIRST_YEAR,
                                max=timeline.LAST_YEAR,
                                step=1,
                                value=[timeline.FIRST_YEAR, timeline.LAST_YEAR],
                                marks={
                                    y: str(y) for y in range(timeline.FIRST_YEAR, timeline.LAST_YEAR + 1, 3)
                                },
                            ),
                        ],
                        md=6,
                    ),
                ],
                className="g-3 mb-2",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Graph(
                            id=ids.DIALOGUE_TIMELINE,
                            figure=timeline.figure(rows, dialogue.themes(), state.lang),
                            config=CONFIG,
                        ),
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
        ]
    )
