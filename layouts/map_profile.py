"""The map page's country profile: the chosen countries' chart over time and the first one's key
figures."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.views import filters
from dashboard.views.map import MapView
from layouts import ids
from layouts.graph_config import graph_config


def cards(view: MapView) -> list[Any]:
    """Key figures of the first selected country, each with unit, year and source."""
    _ = view.locale.gettext
    figures = view.key_figures()
    if not figures:
        return []
    name = filters.country_names(list(view.state.countries[:1]), view.locale)[0]
    tiles = [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.Div(f.label, className="kf-label"),
                        html.Div(f.value, className="kf-value"),
                        html.Div(f"{f.year if f.year else '–'} · {f.source}", className="kf-meta"),
                    ]
                )
            ),
            xs=12,
            sm=6,
            xl=3,
            className="mb-2",
        )
        for f in figures
    ]
    return [html.H3(_("Key figures: {country}").format(country=name), className="h5 mt-2"), dbc.Row(tiles)]


def profile_key(view: MapView) -> str:
    """What the profile depends on: indicator and selected countries."""
    return view.spec.id + ":" + ",".join(view.state.countries)


def profile_chart(view: MapView) -> Any:
    """The profile chart once a country is chosen; nothing before (an empty chart says nothing
    and costs the first paint a second Plotly render)."""
    if not view.state.countries:
        return None
    return dcc.Graph(id=ids.MAP_PROFILE, figure=view.profile(), config=graph_config(view.locale))


def profile_hint(view: MapView) -> str:
    _ = view.locale.gettext
    if view.state.countries:
        return _("Up to 6 countries. Click a country on the map to add or remove it.")
    return _("Click a country on the map, or pick up to 6 here, to see its profile.")
