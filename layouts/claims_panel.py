"""The dialogue page's "What the documents say vs. what the data say": each figure the seeds
state about migration beside Puentes' own value(s) for the same measure, the difference, and
why the two may differ (edition, definition, year)."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import claim_words, claims, dialogue
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views import claims as claims_view
from layouts import ids
from layouts.common import href


def value_item(row: dict[str, Any], check: claims.Check, value: claims.Value, locale: Locale) -> html.Li:
    """One of Puentes' values: amount and years, its inputs, coverage, why it is missing, how far the
    document is from it and what its years include beside the document's."""
    lines: list[Any] = [
        html.Strong(claim_words.format_amount(value.value, value.unit, locale), className="fs-5"),
        html.Span(f" · {claim_words.years_text(value)}", className="text-muted"),
    ]
    details = [
        claims_view.parts_text(value, locale),
        claims_view.coverage_text(value, locale),
        claim_words.why_text(value, locale),
    ]
    lines += [item for d in details if d for item in (html.Br(), html.Span(d, className="small text-muted"))]
    if check.comparable:
        lines += [html.Br(), html.Span(claim_words.difference_text(row, value, locale), className="small")]
    if bracket := claim_words.bracket_text(row, value, locale):
        lines += [html.Br(), html.Span(bracket, className="small fst-italic claim-bracket")]
    return html.Li(lines, className="mb-2")


def where_heading(value: claims.Value, locale: Locale) -> html.P:
    """What a group of values covers; a region also names its areas without figures."""
    _ = locale.gettext
    parts: list[Any] = [html.Strong(claims_view.where_text(value, locale))]
    if value.coverage and value.coverage[0] < value.coverage[1]:
        region = value.where[0].removeprefix("region:")
        missing = claims_view.missing_areas(region, value.year, locale)
        parts += [
            html.Br(),
            html.Span(_("No figures: {areas}.").format(areas=missing), className="text-muted"),
        ]
    return html.P(parts, className="small mb-1 mt-2")


def puentes_side(row: dict[str, Any], check: claims.Check, state: FilterState, locale: Locale) -> list[Any]:
    _ = locale.gettext
    if not check.values:
        return [html.P(_("Puentes has no comparable measure."), className="mb-1")]
    groups: dict[tuple[str, ...], list[claims.Value]] = {}
    for value in check.values:
        groups.setdefault(value.where, []).append(value)
    blocks: list[Any] = []
    for where, values in groups.items():
        if where:
            blocks.append(where_heading(values[0], locale))
        items = [value_item(row, check, value, locale) for value in values]
        blocks.append(html.Ul(items, className="list-unstyled mb-1"))
    origin = str(row.get("compare_context_origin") or "")
    place = claims_view.context_place(row, locale)
    if context := claim_words.context_text(
        row, check.context, claims_view.place_names([origin], locale) if origin else "", place, locale
    ):
        blocks.append(html.P(context, className="small fst-italic claim-context mb-1"))
    sources = sorted({value.source for value in check.values})
    return [
        html.P(claims_view.measure(row, locale), className="small mb-1"),
        *blocks,
        html.P(
            [
                *(claims_view.source_text(key, locale) for key in sources),
                " · ",
                dcc.Link(_("All sources"), href=href("sources", state)),
            ],
            className="small text-muted mb-0",
        ),
    ]


def document_side(row: dict[str, Any], locale: Locale) -> list[Any]:
    """Only the document's words: its figure as stated, and its sentence(s) with the document (title,
    then file name) they are in."""
    _ = locale.gettext
    quotes = [
        html.Blockquote(
            [
                html.P(f"“{sentence}”", className="mb-0", lang="en"),
                html.Footer(
                    [
                        html.Cite(dialogue.document_title(source["file"], locale)),
                        " · ",
                        html.Code(source["file"]),
                    ],
                    className="blockquote-footer mt-0 mb-1",
                ),
            ],
            className="small mb-1 claim-quote",
        )
        for source in row["sources"]
        for sentence in source["evidence"]
    ]
    return [
        html.H4(_("The document says"), className="h6 text-uppercase text-muted small mb-1"),
        html.Strong(claim_words.claim_text(row, locale), className="fs-5"),
        html.Span(f" · {claims_view.years_text(row)}", className="text-muted"),
        html.Div(quotes, className="mt-1 claim-document-words"),
        html.H4(_("Puentes' reading"), className="h6 text-uppercase text-muted small mb-1 mt-2"),
        html.P(dialogue.text(row, locale, "summary"), className="small mb-0 claim-reading"),
    ]


def claim_card(row: dict[str, Any], check: claims.Check, state: FilterState, locale: Locale) -> dbc.Card:
    _ = locale.gettext
    badge = (
        dbc.Badge(_("Comparable"), color="success", className="ms-2")
        if check.comparable
        else dbc.Badge(_("Not comparable"), color="secondary", className="ms-2")
    )
    side = _("Puentes' data") if check.comparable or not check.values else _("Puentes' closest measure")
    why: list[Any] = []
    if not check.comparable:
        why.append(
            html.P(
                [html.Strong(_("Why not comparable") + ": "), dialogue.text(row, locale, "reason")],
                className="mb-1",
            )
        )
    why.append(
        html.P(
            [
                html.Strong(_("Why the figures may differ") + ": "),
                dialogue.text(row, locale, "definition_note"),
            ],
            className="mb-0",
        )
    )
    return dbc.Card(
        [
            dbc.CardHeader(html.H3([dialogue.text(row, locale), badge], className="h6 mb-0")),
            dbc.CardBody(
                [
                    dbc.Row(
                        [
                            dbc.Col(document_side(row, locale), md=5, className="claim-document"),
                            dbc.Col(
                                [
                                    html.H4(side, className="h6 text-uppercase text-muted small mb-1"),
                                    *puentes_side(row, check, state, locale),
                                ],
                                md=7,
                                className="claim-puentes",
                            ),
                        ],
                        className="g-3",
                    ),
                    html.Div(why, className="small text-muted border-top pt-2 mt-2"),
                ]
            ),
        ],
        className="h-100",
        id=ids.claim_card(str(row["id"])),
    )


def section(state: FilterState, locale: Locale) -> html.Section:
    """Every claim, two cards a row on a wide screen."""
    _ = locale.gettext
    found = claims_view.checks()
    return html.Section(
        [
            html.H2(_("What the documents say vs. what the data say"), className="h4 mt-4"),
            html.P(
                _(
                    "The source documents quote figures about migration itself. Before quoting one, "
                    "compare it with Puentes' own data for the same measure: the edition, the definition "
                    "and the year often differ."
                )
                + " "
                + locale.ngettext(
                    "{count} figure, each with the document it comes from.",
                    "{count} figures, each with the document it comes from.",
                    len(found),
                ).format(count=locale.number(len(found))),
                className="small",
            ),
            dbc.Row(
                [
                    dbc.Col(claim_card(row, check, state, locale), xl=6, className="mb-3")
                    for row, check in found
                ]
            ),
        ],
        id=ids.DIALOGUE_CLAIMS,
    )
