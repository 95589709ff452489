"""The map page's country profile: the chosen countries' and groups' chart over time, the groups'
members, and the key figures of every selected country and group side by side."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.views.map import MapView
from layouts import a11y, ids
from layouts.exports import export_bar
from layouts.graph_config import graph_config

# Side by side, up to ten columns share the width: values a little smaller than a single card's.
VALUE_STYLE = {"fontSize": "1.1rem"}


def cards(view: MapView) -> list[Any]:
    """Key figures of every selected country and chosen group, side by side: one row per
    indicator (with its source), one column per country or group; each cell the value with its
    unit and year, or "no data" and why, and for a group how many members it covers."""
    _ = view.locale.gettext
    columns = view.key_figures()
    if not columns:
        return []
    header = html.Tr(
        [html.Th(_("Indicator"), scope="col")]
        + [html.Th(c.name, scope="col", className="kf-column") for c in columns]
    )
    rows = []
    for i, first in enumerate(columns[0].figures):
        cells: list[Any] = [html.Th([html.Div(first.label, className="kf-label"),
                                     html.Div(first.source, className="kf-meta")], scope="row")]  # fmt: skip
        for column in columns:
            figure = column.figures[i]
            cells.append(
                html.Td(
                    [
                        html.Div(figure.value, className="kf-value", style=VALUE_STYLE),
                        html.Div(str(figure.year) if figure.year else "–", className="kf-meta"),
                        html.Div(figure.note, className="kf-meta kf-note") if figure.note else None,
                    ],
                    className="kf-cell",
                    # data-* attributes name the cell for readers' tools and tests
                    **{"data-code": column.code, "data-indicator": figure.indicator},  # type: ignore[arg-type]
                )
            )
        rows.append(html.Tr(cells))
    title = _("Key figures: {country}").format(country=", ".join(c.name for c in columns))
    return [
        html.H3(title, className="h5 mt-2"),
        a11y.scroll_box(
            html.Table([html.Thead(header), html.Tbody(rows)], className="table table-sm kf-table"), title
        ),
    ]


def members(view: MapView) -> list[Any]:
    """Each chosen group and its members (what its aggregate sums)."""
    _ = view.locale.gettext
    return [
        html.P([html.Strong(name + ": "), ", ".join(names)], className="small text-muted mb-1")
        for name, names in view.compared()
    ]


def profile_key(view: MapView) -> str:
    """What the profile depends on: indicator, selected countries and chosen groups."""
    return view.spec.id + ":" + ",".join(view.state.countries) + ":" + ",".join(view.state.groups)


def profile_chart(view: MapView) -> Any:
    """The profile chart with its export bar once a country or group is chosen; nothing before
    (an empty chart says nothing and costs the first paint a second Plotly render)."""
    if not view.state.countries and not view.state.groups:
        return None
    return html.Div(
        [
            export_bar("map-profile", view.query, view.locale),
            dcc.Graph(id=ids.MAP_PROFILE, figure=view.profile(), config=graph_config(view.locale)),
        ]
    )


def profile_hint(view: MapView) -> str:
    _ = view.locale.gettext
    if view.state.countries:
        return _("Up to 6 countries. Click a country on the map to add or remove it.")
    return _("Click a country on the map, or pick up to 6 here, to see its profile.")
