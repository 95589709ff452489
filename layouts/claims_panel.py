"""The dialogue page's "What the documents say vs. what the data say": each figure the seeds
state about migration beside Puentes' own value(s) for the same measure, the difference, and
why the two may differ (edition, definition, year)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import claims, datasets, dialogue, transforms
from dashboard.i18n import format_number, translator
from dashboard.urls.shared import FilterState
from layouts import ids
from layouts.common import href


def checks() -> list[tuple[dict[str, Any], claims.Check]]:
    """Every claim with Puentes' values, computed from data/ once per loaded data folder."""
    return computed(datasets.member_arrays())


# Keyed on ``datasets.member_arrays()``, which compares by identity (as in dashboard.map_view):
# when the loaders are cleared (another data folder), the old entry is never hit again.
@lru_cache(maxsize=2)
def computed(members: datasets.MemberArrays) -> list[tuple[dict[str, Any], claims.Check]]:
    rows = [{str(k): v for k, v in row.items()} for row in dialogue.claims().to_dict("records")]
    return [
        (
            row,
            claims.check(
                row,
                indicators=datasets.indicator_values(),
                aggregates=datasets.aggregates(),
                corridors=datasets.corridors(),
                groups=datasets.groups(),
                catalogue=datasets.catalogue(),
            ),
        )
        for row in rows
    ]


def place_names(codes: Any, lang: str) -> str:
    table = datasets.groups()
    names = [
        str(table.loc[c].get(f"name_{lang}") or table.loc[c, "name_en"])
        if c in table.index
        else transforms.country_names(datasets.countries(), [c], lang)[0]
        for c in codes
    ]
    return ", ".join(names)


def measure(row: dict[str, Any], lang: str) -> str:
    """What Puentes computes for the claim, in words."""
    _ = translator(lang)
    if row["compare_kind"] == "corridor":
        return _(
            "Emigrants born in {origin} living in {destination}, as a share of all emigrants born there"
        ).format(
            origin=place_names(row["compare_origin"], lang),
            destination=place_names(row["compare_destination"], lang),
        )
    spec = datasets.catalogue()[row["compare_indicator"]]
    what = f"{spec.text('label', lang)}, {place_names(row['compare_geography'], lang)}"
    method = row["compare_method"]
    if method == "annual_growth":
        return what + " — " + _("average growth a year (compound)")
    if method == "percent_change":
        return what + " — " + _("change between the two years")
    return what


def parts_text(value: claims.Value, lang: str) -> str:
    """The inputs of a computed value: "5,804,693 → 8,304,032 people" or "22,069,899 of 33,216,456"."""
    _ = translator(lang)
    if len(value.parts) != 2:
        return ""
    first, second = (claims.format_amount(p, value.parts_unit, lang) for p in value.parts)
    if value.base is None:
        return _("{part} of {whole}").format(part=first, whole=second)
    return f"{value.base}: {first} → {value.year}: {second}"


def source_text(key: str, lang: str) -> str:
    _ = translator(lang)
    src = datasets.sources()[key]
    return f"{_('Source')}: {src['name']} · {_('edition')} {datasets.source_field(src, 'edition', lang)}"


def puentes_side(row: dict[str, Any], check: claims.Check, state: FilterState) -> list[Any]:
    _ = translator(state.lang)
    if not check.values:
        return [html.P(_("Puentes has no comparable measure."), className="mb-1")]
    items = []
    for value in check.values:
        lines: list[Any] = [
            html.Strong(claims.format_amount(value.value, value.unit, state.lang), className="fs-5"),
            html.Span(f" · {claims.years_text(value)}", className="text-muted"),
        ]
        if detail := parts_text(value, state.lang):
            lines += [html.Br(), html.Span(detail, className="small text-muted")]
        if check.comparable:
            lines += [html.Br(), html.Span(claims.difference_text(row, value, state.lang), className="small")]
        items.append(html.Li(lines, className="mb-1"))
    sources = sorted({value.source for value in check.values})
    return [
        html.P(measure(row, state.lang), className="small mb-1"),
        html.Ul(items, className="list-unstyled mb-1"),
        html.P(
            [
                *(source_text(key, state.lang) for key in sources),
                " · ",
                dcc.Link(_("All sources"), href=href("sources", state)),
            ],
            className="small text-muted mb-0",
        ),
    ]


def claim_card(row: dict[str, Any], check: claims.Check, state: FilterState) -> dbc.Card:
    _ = translator(state.lang)
    lang = state.lang
    years = (
        str(row["year_start"])
        if row["year_start"] == row["year_end"]
        else f"{row['year_start']}–{row['year_end']}"
    )
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
                [html.Strong(_("Why not comparable") + ": "), dialogue.text(row, lang, "reason")],
                className="mb-1",
            )
        )
    why.append(
        html.P(
            [
                html.Strong(_("Why the figures may differ") + ": "),
                dialogue.text(row, lang, "definition_note"),
            ],
            className="mb-0",
        )
    )
    return dbc.Card(
        [
            dbc.CardHeader(html.H3([dialogue.text(row, lang), badge], className="h6 mb-0")),
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
                                    html.Strong(claims.claim_text(row, lang), className="fs-5"),
                                    html.Span(f" · {years}", className="text-muted"),
                                    html.P(dialogue.text(row, lang, "summary"), className="small mb-1"),
                                    html.Ul(evidence, className="small text-muted mb-0 ps-3"),
                                ],
                                md=5,
                            ),
                            dbc.Col(
                                [
                                    html.H4(side, className="h6 text-uppercase text-muted small mb-1"),
                                    *puentes_side(row, check, state),
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


def section(state: FilterState) -> html.Section:
    """Every claim, two cards a row on a wide screen."""
    _ = translator(state.lang)
    found = checks()
    return html.Section(
        [
            html.H2(_("What the documents say vs. what the data say"), className="h4 mt-4"),
            html.P(
                _(
                    "The source documents quote figures about migration itself. Before quoting one, "
                    "compare it with Puentes' own data for the same measure: the edition, the definition "
                    "and the year often differ. {count} figures, each with the document it comes from."
                ).format(count=format_number(len(found), state.lang)),
                className="small",
            ),
            dbc.Row([dbc.Col(claim_card(row, check, state), xl=6, className="mb-3") for row, check in found]),
        ],
        id=ids.DIALOGUE_CLAIMS,
    )
