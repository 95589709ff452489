"""Programme results: per programme, who ran it, when, its budget and key figures; then every
result with its places and sources. Filterable by programme. All from the cited seed data."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import dialogue, loading, timeline, transforms
from dashboard.i18n import format_number, translator
from dashboard.state import FilterState
from layouts import ids
from layouts.common import header


def programme_options(lang: str) -> list[dict[str, str]]:
    _ = translator(lang)
    table = dialogue.programmes()
    return [{"label": _("All programmes"), "value": "all"}] + [
        {"label": dialogue.text(row, lang), "value": row["id"]} for row in timeline.records(table)
    ]


def unit_words(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {
        "people": _("people"),
        "institutions": _("institutions"),
        "countries": _("countries"),
        "activities": _("activities"),
        "pilot_projects": _("pilot projects"),
        "partnerships": _("partnerships"),
        "lines_of_work": _("lines of work"),
        "percent_change": "%",
    }


def value_text(row: dict[str, Any], lang: str) -> str:
    """ "350 people", "+280 %", or "" when the seed states no figure."""
    if pd.isna(row["value"]):
        return ""
    words = unit_words(lang).get(row["unit"], row["unit"])
    number = format_number(row["value"], lang)
    return f"+{number} %" if row["unit"] == "percent_change" else f"{number} {words}"


def places(row: dict[str, Any], lang: str) -> str:
    codes = list(row["countries"])
    names = transforms.country_names(loading.countries(), codes, lang) if codes else []
    return ", ".join([*names, *[g.upper() for g in row["groups"]]])


def programme_card(row: dict[str, Any], results: pd.DataFrame, lang: str) -> dbc.Card:
    _ = translator(lang)
    facts = []
    if row["implementers"]:
        facts.append(_("Implemented by {names}").format(names=", ".join(row["implementers"])))
    if pd.notna(row["date"]):
        facts.append(timeline.date_label(row, lang))
    if pd.notna(row["budget_amount"]):
        facts.append(f"{row['budget_currency']} {format_number(row['budget_amount'], lang)}")
    figures = [
        r for r in timeline.records(results[results["programme"] == row["id"]]) if pd.notna(r["value"])
    ]
    tiles = [
        html.Li([html.Strong(value_text(r, lang)), " — ", dialogue.text(r, lang, "label")]) for r in figures
    ]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(dialogue.text(row, lang), className="h5"),
                html.P(" · ".join(facts), className="text-muted small mb-2"),
                html.P(dialogue.text(row, lang, "summary"), className="small"),
                html.Ul(tiles, className="mb-1"),
                html.P(", ".join(sorted(set(row["files"]))), className="small text-muted mb-0"),
            ]
        ),
        className="h-100",
    )


def body(programme: str, lang: str) -> list[Any]:
    """Cards and the results table for one programme, or all of them."""
    _ = translator(lang)
    programmes = dialogue.programmes()
    results = dialogue.results()
    if programme in set(programmes["id"]):
        programmes = programmes[programmes["id"] == programme]
        results = results[results["programme"] == programme]
    cards = dbc.Row(
        [
            dbc.Col(programme_card(row, results, lang), lg=6, className="mb-3")
            for row in timeline.records(programmes)
        ]
    )
    names = {row["id"]: dialogue.text(row, lang) for row in timeline.records(dialogue.programmes())}
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
    rows = [
        html.Tr(
            [
                html.Td(names[r["programme"]]),
                html.Td(
                    [
                        html.Strong(dialogue.text(r, lang, "label")),
                        html.Br(),
                        html.Span(dialogue.text(r, lang, "summary"), className="small"),
                    ]
                ),
                html.Td(value_text(r, lang), className="text-nowrap"),
                html.Td(places(r, lang), className="small"),
                html.Td(html.Code(", ".join(s["file"] for s in r["sources"])), className="small"),
            ]
        )
        for r in timeline.records(results)
    ]
    return [
        cards,
        html.H2(_("Every result"), className="h5"),
        dbc.Table([head, html.Tbody(rows)], size="sm", hover=True, responsive=True),
    ]


def layout(state: FilterState) -> html.Div:
    _ = translator(state.lang)
    return html.Div(
        [
            header(
                _("Programme results"),
                _(
                    "The EU-CELAC migration project, MIEUX, EUROsociAL+ and ECLAC: what they did, "
                    "where, and with which results."
                ),
            ),
            dbc.Row(
                dbc.Col(
                    [
                        dbc.Label(_("Programme"), html_for=ids.PROGRAMMES_FILTER),
                        dcc.Dropdown(
                            id=ids.PROGRAMMES_FILTER,
                            options=programme_options(state.lang),
                            value="all",
                            clearable=False,
                        ),
                    ],
                    md=6,
                ),
                className="mb-3",
            ),
            html.Div(body("all", state.lang), id=ids.PROGRAMMES_BODY),
            html.P(
                _(
                    "Every figure is as the source document states it; "
                    "the file it comes from is named beside it."
                ),
                className="small text-muted",
            ),
        ]
    )
