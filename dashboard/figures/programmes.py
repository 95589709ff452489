"""The programme map: the countries the chosen programmes, components and results reached.

Shapes come by URL (the members' GeoJSON and the coarser world layer, fetched once and cached
by the browser), never inlined and never from plotly's CDN-backed ``locationmode`` maps.
Small states (OECS members…) also get a marker, as on the map explorer.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import pandas as pd

from dashboard.figures import FONT, land_geo, separators
from dashboard.figures.map_colours import NO_DATA_COLOUR
from dashboard.figures.maps import SMALL_STATE_KM2, VIEWS
from dashboard.locale import Locale

HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"
REACHED_SCALE = [[0.0, "#9ed9c9"], [0.5, "#2a9d8f"], [1.0, "#0b4f6c"]]
WIDE_VIEW = {"lon": [-120.0, 45.0], "lat": [-58.0, 72.0]}
HEIGHT = 520


def view(reached: Collection[str], countries: pd.DataFrame) -> dict[str, list[float]]:
    """Latin America and the Caribbean when every reached country is a CELAC member; else wider."""
    bloc = dict(zip(countries.index, countries["bloc"], strict=True))
    blocs = {bloc.get(code) for code in reached}
    return VIEWS["CELAC"] if blocs <= {"CELAC"} else WIDE_VIEW


def programme_map(
    reached: pd.DataFrame,
    programme_names: Mapping[str, str],
    countries: pd.DataFrame,
    geometry_urls: tuple[str, str],
    locale: Locale,
) -> dict[str, Any]:
    """Members in grey; reached countries coloured by how many programmes name them (the colour
    bar says so); the hover names the programmes and how many results name the country (the count
    the list beside the map shows)."""
    _ = locale.gettext
    names = dict(zip(countries.index, countries[f"name_{locale.lang}"], strict=True))
    members = countries[countries["bloc"].isin(("CELAC", "EU27"))]
    counts = reached["programmes"].map(len) if len(reached) else pd.Series(dtype=float)
    most = int(counts.max()) if len(counts) else 1
    top = max(most, 2)
    hover = [
        [
            str(names.get(code, code)),
            ", ".join(programme_names.get(p, p) for p in row["programmes"]),
            locale.ngettext("{count} result names it", "{count} results name it", int(row["results"])).format(
                count=locale.number(row["results"])
            ),
        ]
        for code, row in zip(
            reached.index, reached[["programmes", "results"]].to_dict("records"), strict=True
        )
    ]
    traces: list[dict[str, Any]] = [
        {
            "type": "choropleth",
            "geojson": geometry_urls[0],
            "locations": list(members["iso3"]),
            "z": [0] * len(members),
            "colorscale": [[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
            "showscale": False,
            "marker": {"line": {"color": "white", "width": 0.5}},
            "text": [str(names.get(c, c)) for c in members["iso3"]],
            "hovertemplate": "%{text}<extra></extra>",
            "name": "members",
        }
    ]
    in_members = reached.index.isin(members["iso3"])
    for url, inside in zip(geometry_urls, (True, False), strict=True):
        mask = in_members == inside
        if not mask.any():
            continue
        traces.append(
            {
                "type": "choropleth",
                "geojson": url,
                "locations": list(reached.index[mask]),
                "z": list(counts[mask]),
                "coloraxis": "coloraxis",
                "marker": {"line": {"color": "#111827", "width": 0.8}},
                "customdata": [h for h, m in zip(hover, mask, strict=True) if m],
                "hovertemplate": HOVER,
                "name": "reached" if inside else "reached-world",
            }
        )
    area = countries["area_km2"].reindex(reached.index)
    small = reached.index[(area < SMALL_STATE_KM2).to_numpy()]
    if len(small):
        traces.append(
            {
                "type": "scattergeo",
                "mode": "markers",
                "lon": list(countries.loc[small, "lon"]),
                "lat": list(countries.loc[small, "lat"]),
                "marker": {
                    "size": 11,
                    "color": list(counts[small]),
                    "coloraxis": "coloraxis",
                    "line": {"color": "#111827", "width": 1},
                },
                "customdata": [h for h, code in zip(hover, reached.index, strict=True) if code in set(small)],
                "hovertemplate": HOVER,
                "name": "reached-small",
            }
        )
    shown = view(reached.index, countries)
    layout: dict[str, Any] = {
        "font": {"family": FONT, "size": 14},
        "separators": separators(locale),
        "height": HEIGHT,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "white",
        "showlegend": False,
        "coloraxis": {
            "showscale": most > 1,  # one colour needs no scale
            "colorscale": REACHED_SCALE,
            "cmin": 1,
            "cmax": top,
            # Below the map, across: the tall map of the Americas keeps the width.
            "colorbar": {
                "title": {"text": _("programmes naming it"), "side": "top"},
                "tickvals": list(range(1, top + 1)),
                "thickness": 14,
                "len": 0.5,
                "orientation": "h",
                "x": 0.5,
                "xanchor": "center",
                "y": 0,
                "yanchor": "top",
            },
        },
        "geo": land_geo(
            {"type": "natural earth"}, lonaxis={"range": shown["lon"]}, lataxis={"range": shown["lat"]}
        ),
        "uirevision": "programme-map",
    }
    if reached.empty:
        layout["annotations"] = [
            {
                "text": _("No country-level places for this selection"),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.95,
                "font": {"size": 16},
                "bgcolor": "white",
            }
        ]
    return {"data": traces, "layout": layout}
