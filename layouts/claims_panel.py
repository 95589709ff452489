"""The dialogue page's "What the documents say vs. what the data say": each figure the seeds
state about migration beside Puentes' own value(s) for the same measure, the difference, and
why the two may differ (edition, definition, year)."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import claims, dialogue
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views import claims as claims_view
from layouts import ids
from layouts.common import href


def puentes_side(row: dict[str, Any], check: claims.Check, state: FilterState, locale: Locale) -> list[Any]:
    _ = locale.gettext
    if not check.values:
        return [html.P(_("Puentes has no comparable measure."), className="mb-1")]
    items = []
    for value in check.values:
        lines: list[Any] = [
            html.Strong(claims.format_amount(value.value, value.unit, locale), className="fs-5"),
            html.Span(f" · {claims.years_text(value)}", className="text-muted"),
        ]
        if detail := claims_view.parts_text(value, locale):
            lines += [html.Br(), html.Span(detail, className="small text-muted")]
        if check.comparable:
            lines += [html.Br(), html.Span(claims.difference_text(row, value, locale), className="small")]
        items.append(html.Li(lines, className="mb-1"))
    sources = sorted({value.source for value in check.values})
    return [
        html.P(claims_view.measure(row, locale), className="small mb-1"),
        html.Ul(items, className="list-unstyled mb-1"),
        html.P(
            [
                *(claims_view.source_text(key, locale) for key in sources),
                " · ",
                dcc.Link(_("All sources"), href=href("sources", state)),
            ],
            className="small text-muted mb-0",
        ),
    ]


def claim_card(row: dict[str, Any], check: claims.Check, state: FilterState, locale: Locale) -> dbc.Card:
    _ = locale.gettext
    years = claims_view.years_text(row)
    evidence = [
        html.Li([html.Code(s["file"]), " — ", "; ".join(f"“{e}”" for e in s["evidence"])])
        for s in row["sources"]
    ]
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
                            dbc.Col(
                                [
                                    html.H4(
                                        _("The document says"),
                                        className="h6 text-uppercase text-muted small mb-1",
                                    ),
                                    html.Strong(claims.claim_text(row, locale), className="fs-5"),
                                    html.Span(f" · {years}", className="text-muted"),
                                    html.P(dialogue.text(row, locale, "summary"), className="small mb-1"),
                                    html.Ul(evidence, className="small text-muted mb-0 ps-3"),
                                ],
                                md=5,
                            ),
                            dbc.Col(
                                [
                                    html.H4(side, className="h6 text-uppercase text-muted small mb-1"),
                                    *puentes_side(row, check, state, locale),
                                ],
                                md=7,
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
                    "and the year often differ. {count} figures, each with the document it comes from."
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
