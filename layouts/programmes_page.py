"""Programme results: a map of the countries each programme or component reached; per programme,
who ran it, when, its budget and key figures; every result with its places and sources.
Filterable by programme, component, theme and country (the shared ``countries``), all in the URL."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import datasets, dialogue, programmes, timeline, transforms, urls
from dashboard.figures.programmes import programme_map
from dashboard.i18n import format_number, translator
from dashboard.urls.pages import parse_programmes
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.vocabulary import vocabulary
from layouts import ids
from layouts.common import filter_column, header, notice
from layouts.dialogue_page import place_options, theme_options
from layouts.map_page import GRAPH_CONFIG


def reach_rows() -> pd.DataFrame:
    return programmes.reach(
        dialogue.programmes(), dialogue.components(), dialogue.results(), datasets.groups()
    )


def selected(state: FilterState, page: ProgrammeState) -> pd.DataFrame:
    """The programme, component and result rows the filters keep."""
    return programmes.select(reach_rows(), page.programme, page.component, page.themes, state.countries)


def programme_options(lang: str) -> list[dict[str, str]]:
    _ = translator(lang)
    table = dialogue.programmes()
    return [{"label": _("All programmes"), "value": "all"}] + [
        {"label": dialogue.text(row, lang), "value": row["id"]} for row in timeline.records(table)
    ]


def component_options(programme: str, lang: str) -> list[dict[str, str]]:
    """The components of one programme, or of every programme named "Programme — component"."""
    names = programme_names(lang)
    table = dialogue.components()
    rows = table[table["programme"] == programme] if programme else table
    return [
        {
            "label": dialogue.text(row, lang)
            if programme
            else f"{names[row['programme']]} — {dialogue.text(row, lang)}",
            "value": row["id"],
        }
        for row in timeline.records(rows)
    ]


def programme_names(lang: str) -> dict[str, str]:
    return {row["id"]: dialogue.text(row, lang) for row in timeline.records(dialogue.programmes())}


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


def group_names(codes: Any, lang: str) -> list[str]:
    """Names of group codes: data/groups.csv, then the seed-only groups of themes.toml."""
    table, extra = datasets.groups(), dialogue.groups().set_index("id")
    out = []
    for code in codes:
        if code in table.index:
            out.append(str(table.loc[code].get(f"name_{lang}") or table.loc[code, "name_en"]))
        elif code in extra.index:
            out.append(dialogue.text(extra.loc[code], lang, "label"))
        else:
            out.append(str(code))
    return out


def places(row: dict[str, Any], lang: str) -> str:
    codes = list(row["countries"])
    names = transforms.country_names(datasets.countries(), codes, lang) if codes else []
    return ", ".join([*names, *group_names(row["groups"], lang)])


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


def panels(state: FilterState, page: ProgrammeState) -> list[Any]:
    """What the filters change, in order: map figure, map caption, countries table, cards and results."""
    rows = selected(state, page)
    lang = state.lang
    return [map_figure(rows, lang), map_caption(rows, lang), reached_table(rows, lang), body(rows, lang)]


def body(rows: pd.DataFrame, lang: str) -> list[Any]:
    """Cards of the programmes the filters keep and the table of their matching results."""
    _ = translator(lang)
    kept = dialogue.programmes()
    kept = kept[kept["id"].isin(set(rows["programme"]))]
    results = dialogue.results()
    results = results[results["id"].isin(set(rows.loc[rows["level"] == "result", "id"]))]
    if kept.empty:
        return [html.P(_("No programme matches these filters."), className="text-muted")]
    cards = dbc.Row(
        [
            dbc.Col(programme_card(row, results, lang), lg=6, className="mb-3")
            for row in timeline.records(kept)
        ]
    )
    names = programme_names(lang)
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
    table = (
        dbc.Table([head, html.Tbody(lines)], size="sm", hover=True, responsive=True)
        if lines
        else html.P(_("No result matches these filters."), className="text-muted")
    )
    return [cards, html.H2(_("Every result"), className="h5"), table]


def map_figure(rows: pd.DataFrame, lang: str) -> dict[str, Any]:
    reached = programmes.reached(rows)
    return programme_map(
        reached,
        programme_names(lang),
        datasets.countries(),
        (urls.GEOMETRY, urls.WORLD_GEOMETRY),
        lang,
    )


def map_caption(rows: pd.DataFrame, lang: str) -> str:
    """How many countries the map shows, and the region-wide groups it cannot draw."""
    _ = translator(lang)
    text = _("{count} countries named by the selected programmes, components and results.").format(
        count=format_number(len(programmes.reached(rows)), lang)
    )
    regions = programmes.regions(rows)
    if regions:
        text += " " + _("Region-wide, not drawn: {groups}.").format(
            groups=", ".join(group_names(regions, lang))
        )
    return text


def reached_table(rows: pd.DataFrame, lang: str) -> Any:
    """The map as a list (readable without hover): each country reached and by which programmes."""
    _ = translator(lang)
    reached = programmes.reached(rows)
    if reached.empty:
        return html.P(_("No country-level places for this selection"), className="text-muted")
    names = programme_names(lang)
    codes = list(reached.index)
    countries = dict(zip(codes, transforms.country_names(datasets.countries(), codes, lang), strict=True))
    lines = [
        html.Tr(
            [
                html.Td(countries[code]),
                html.Td(", ".join(names.get(p, p) for p in row["programmes"]), className="small"),
                html.Td(format_number(row["items"], lang), className="text-end"),
            ]
        )
        for code, row in sorted(reached.iterrows(), key=lambda item: countries[item[0]])
    ]
    head = html.Thead(
        html.Tr([html.Th(_("Country")), html.Th(_("Programmes")), html.Th(_("Results or actions"))])
    )
    return dbc.Table([head, html.Tbody(lines)], size="sm", className="small")


def controls(state: FilterState, page: ProgrammeState) -> dbc.Row:
    _ = translator(state.lang)
    codes = {code for places_ in reach_rows()["places"] for code in places_}
    return dbc.Row(
        [
            filter_column(
                _("Programme"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_FILTER,
                    options=programme_options(state.lang),
                    value=page.programme or "all",
                    clearable=False,
                ),
            ),
            filter_column(
                _("Component or action"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_COMPONENT,
                    options=component_options(page.programme, state.lang),
                    value=page.component or None,
                    placeholder=_("All components"),
                ),
            ),
            filter_column(
                _("Themes"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_THEMES,
                    options=theme_options(state.lang),
                    value=list(page.themes),
                    multi=True,
                    placeholder=_("All themes"),
                ),
            ),
            filter_column(
                _("Countries"),
                dcc.Dropdown(
                    id=ids.PROGRAMMES_COUNTRIES,
                    options=place_options(codes | set(state.countries), state.lang),
                    value=list(state.countries),
                    multi=True,
                    placeholder=_("All countries"),
                ),
            ),
        ],
        className="g-3 mb-3 page-controls",
    )


def layout(state: FilterState, search: str = "") -> html.Div:
    _ = translator(state.lang)
    page, problems = parse_programmes(search, vocabulary())
    figure, caption, reached, results = panels(state, page)
    return html.Div(
        [
            notice(problems, state.lang, element_id=ids.PROGRAMMES_NOTICE),
            header(
                _("Programme results"),
                _(
                    "The EU-CELAC migration project, MIEUX, EUROsociAL+ and ECLAC: what they did, "
                    "where, and with which results."
                ),
            ),
            controls(state, page),
            html.H2(_("Where the programmes worked"), className="h5"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dcc.Graph(
                                id=ids.PROGRAMMES_MAP,
                                figure=figure,
                                config=GRAPH_CONFIG,
                                style={"height": "520px"},
                            ),
                            html.P(
                                caption,
                                id=ids.PROGRAMMES_MAP_CAPTION,
                                className="small text-muted",
                            ),
                        ],
                        xl=7,
                    ),
                    dbc.Col(
                        html.Div(
                            reached,
                            id=ids.PROGRAMMES_REACHED,
                            style={"maxHeight": "560px", "overflowY": "auto"},
                        ),
                        xl=5,
                    ),
                ],
                className="g-3 mb-3",
            ),
            html.Div(results, id=ids.PROGRAMMES_BODY),
            html.P(
                _(
                    "Every figure is as the source document states it; "
                    "the file it comes from is named beside it."
                ),
                className="small text-muted",
            ),
        ]
    )
