"""DataFrame in, ``go.Figure`` out. No data loading, no dash import.

Maps use the project's own GeoJSON (never Plotly's CDN ``locationmode`` maps);
the base layer's land outlines come from the locally served topojson.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import translator
from dashboard.loading import Indicator

NO_DATA_COLOUR = "#d4d4d4"
SEQUENTIAL = "YlGnBu"
DIVERGING = "RdBu"
SMALL_STATE_KM2 = 5000.0
# One Atlantic view holding both regions, from Mexico to Finland and Tierra del Fuego.
ATLANTIC_VIEW: dict[str, Any] = {"center": {"lon": -32.0, "lat": 9.0}, "scale": 1.45}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def colour_axis(spec: Indicator, values: pd.Series) -> dict[str, Any]:
    """Sequential scale for stocks and shares; diverging around 0 where the catalogue says so."""
    axis: dict[str, Any] = {"colorscale": SEQUENTIAL, "colorbar": {"thickness": 14, "len": 0.7}}
    if spec.colour == "diverging":
        bound = float(values.abs().max()) if values.notna().any() else 1.0
        axis.update(colorscale=DIVERGING, cmid=0.0, cmin=-bound, cmax=bound)
    return axis


def _hover(frame: pd.DataFrame, year: int, lang: str) -> list[list[str]]:
    """Hover rows: name, value with unit, year, rank within the bloc, data note."""
    _ = translator(lang)
    rows = []
    columns = ("name", "display", "value", "rank", "n_in_bloc", "bloc", "flag")
    for name, display, value, rank, n, bloc, flag in zip(*(frame[c] for c in columns), strict=True):
        bloc_name = "CELAC" if bloc == "CELAC" else _("EU")
        if pd.isna(value):
            position = _("no data")
        else:
            position = _("rank {rank} of {n} in {bloc}").format(rank=int(rank), n=int(n), bloc=bloc_name)
        note = _("published as 0: treated as not reported") if flag == "reported_zero" else ""
        rows.append([str(name), str(display), str(year), position, note])
    return rows


def choropleth_map(
    frame: pd.DataFrame,
    geometry: dict[str, Any],
    spec: Indicator,
    year: int,
    lang: str,
    source: str,
) -> go.Figure:
    """CELAC and EU members coloured by value; no-data grey; small states also as markers."""
    _ = translator(lang)
    template = (
        "<b>%{customdata[0]}</b><br>%{customdata[1]} (%{customdata[2]})<br>"
        "%{customdata[3]}<br><i>%{customdata[4]}</i><extra>" + source + "</extra>"
    )
    has = frame[frame["value"].notna()]
    missing = frame[frame["value"].isna()]
    small = frame[frame["area_km2"] < SMALL_STATE_KM2]
    fig = go.Figure()
    fig.add_trace(
        go.Choropleth(
            geojson=geometry,
            locations=has["iso3"],
            z=has["value"],
            coloraxis="coloraxis",
            customdata=_hover(has, year, lang),
            hovertemplate=template,
            name=spec.text("label", lang),
            marker={"line": {"color": "white", "width": 0.5}},
        )
    )
    fig.add_trace(
        go.Choropleth(
            geojson=geometry,
            locations=missing["iso3"],
            z=[0] * len(missing),
            colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
            showscale=False,
            customdata=_hover(missing, year, lang),
            hovertemplate=template,
            name=_("no data"),
            marker={"line": {"color": "white", "width": 0.5}},
        )
    )
    for part, colour in (
        (small[small["value"].notna()], None),
        (small[small["value"].isna()], NO_DATA_COLOUR),
    ):
        marker: dict[str, Any] = {"size": 10, "line": {"color": "#333", "width": 0.8}}
        marker.update({"color": colour} if colour else {"color": part["value"], "coloraxis": "coloraxis"})
        fig.add_trace(
            go.Scattergeo(
                lon=part["lon"],
                lat=part["lat"],
                mode="markers",
                marker=marker,
                customdata=_hover(part, year, lang),
                hovertemplate=template,
                name=_("small states"),
            )
        )
    fig.update_layout(
        coloraxis=colour_axis(spec, frame["value"]),
        geo={
            "projection": {"type": "natural earth", "scale": ATLANTIC_VIEW["scale"]},
            "center": ATLANTIC_VIEW["center"],
            "showland": True,
            "landcolor": "#f2f2f2",
            "showcountries": False,
            "showcoastlines": False,
            "showframe": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=560,
        showlegend=False,
        font={"family": FONT, "size": 15},
        paper_bgcolor="white",
        hoverlabel={"font": {"family": FONT, "size": 15}},
    )
    return fig
