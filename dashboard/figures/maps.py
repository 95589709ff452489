"""The map explorer's choropleth: a base figure sent once, then value-only updates.

The shapes are not inlined: every choropleth trace points at the app's own GeoJSON URL,
which the browser fetches once and caches, so a figure carries values only. An update
is a list of ``(path, value)`` pairs that :func:`apply` writes into a figure dict and the
callback writes into a ``dash.Patch`` — the same paths, so both stay in step. Colours are in
:mod:`dashboard.figures.map_colours`, hover fields and words in :mod:`dashboard.figures.map_hover`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from dashboard import readings
from dashboard.datasets import Indicator
from dashboard.figures import FONT, map_labels, separators
from dashboard.figures.map_colours import NO_DATA_COLOUR, colour_axis, colour_values, log_scale_allowed
from dashboard.figures.map_hover import hover_fields, hover_template
from dashboard.locale import Locale

SELECTED_LINE = "#111827"
SMALL_STATE_KM2 = 5000.0
BLOCS = ("CELAC", "EU27")
GEO_OF = {"CELAC": "geo", "EU27": "geo2"}
VIEWS = {
    "CELAC": {"lon": [-118.0, -33.0], "lat": [-56.0, 33.0]},
    "EU27": {"lon": [-25.0, 35.0], "lat": [34.0, 71.5]},
}
ROLES = ("no_data", "data", "small_data", "small_no_data")
HEIGHT = 540
# The colour bar: across, under the map, whatever the region, so that a bloc takes the whole width
# (on a phone the map is as wide as the screen; beside it, a bar would take a fifth of it). One
# place for every region: plotly.js redrawing a bar turned from upright to across keeps the old
# bar's ticks and the margin they took (the CELAC map squeezed under a stray axis).
UNDER_THE_MAP = {
    "orientation": "h",
    "x": 0.5,
    "xanchor": "center",
    "y": 0.0,
    "yanchor": "top",
    "len": 0.8,
    "thickness": 14,
}
LABEL_PARTS = ("leaders", "labels")  # the lines under the labels' halos

Path = tuple[str | int, ...]
Update = tuple[Path, Any]


def trace_index(bloc: str, role: str) -> int:
    """Position of a trace in the figure: four per bloc, CELAC first."""
    return BLOCS.index(bloc) * len(ROLES) + ROLES.index(role)


def label_index(bloc: str, part: str = "labels") -> int:
    """Position of a bloc's label traces (``labels``, ``leaders``): after every bloc's four, so
    drawn over them."""
    return len(BLOCS) * len(ROLES) + BLOCS.index(bloc) * len(LABEL_PARTS) + LABEL_PARTS.index(part)


def shown_blocs(region: str) -> tuple[str, ...]:
    """The blocs a region shows ("both", "celac", "eu"; anything else shows both)."""
    return {"both": BLOCS, "celac": ("CELAC",), "eu": ("EU27",)}.get(region, BLOCS)


def base_figure(frame: pd.DataFrame, geometry_url: str) -> dict[str, Any]:
    """Traces with fixed locations, names and positions for both blocs; no values yet."""
    traces: list[dict[str, Any]] = []
    for bloc, members in _rows_by_bloc(frame).items():
        small = [r for r in members if r["area_km2"] < SMALL_STATE_KM2]
        geo = GEO_OF[bloc]
        line = {"color": "white", "width": 0.6}
        common = {
            "type": "choropleth",
            "geojson": geometry_url,
            "geo": geo,
            "locations": [r["iso3"] for r in members],
            "text": [r["name"] for r in members],
        }
        traces.append(
            {
                **common,
                "z": [0] * len(members),
                "showscale": False,
                "marker": {"line": line},
                "colorscale": [[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
                "name": f"{bloc}-no-data",
            }
        )
        traces.append({**common, "coloraxis": "coloraxis", "marker": {"line": dict(line)}, "name": bloc})
        for role in ("small_data", "small_no_data"):
            traces.append(
                {
                    "type": "scattergeo",
                    "geo": geo,
                    "mode": "markers",
                    "name": f"{bloc}-{role}",
                    "lon": [r["lon"] for r in small],
                    "lat": [r["lat"] for r in small],
                    "marker": {"size": 12, "line": {"color": "#334155", "width": 1}},
                }
            )
    traces += [map_labels.empty_traces(bloc, GEO_OF[bloc])[part] for bloc in BLOCS for part in LABEL_PARTS]
    layout = {
        "geo": _geo_layout(),
        "geo2": _geo_layout(),
        "showlegend": False,
        "margin": {"l": 0, "r": 0, "t": 4, "b": 0},
        "paper_bgcolor": "white",
        "font": {"family": FONT, "size": 15},
        "hoverlabel": {"font": {"family": FONT, "size": 15}},
        "uirevision": "map",
    }
    return {"data": traces, "layout": layout}


def _geo_layout() -> dict[str, Any]:
    return {
        "projection": {"type": "natural earth"},
        "showland": True,
        "landcolor": "#eef0f2",
        "showcountries": False,
        "showcoastlines": False,
        "showframe": False,
        "showocean": False,
        "bgcolor": "rgba(0,0,0,0)",
    }


def _rows_by_bloc(frame: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Plain rows per bloc in ISO3 order: one pandas pass, then Python lists (fast for 60 rows)."""
    ordered = frame if frame["iso3"].is_monotonic_increasing else frame.sort_values("iso3")
    columns = list(ordered.columns)
    rows = [
        dict(zip(columns, values, strict=True))
        for values in zip(*(ordered[c].tolist() for c in columns), strict=True)
    ]
    return {bloc: [r for r in rows if r["bloc"] == bloc] for bloc in BLOCS}


def updates(
    frame: pd.DataFrame,
    spec: Indicator,
    year: int,
    locale: Locale,
    source: str,
    region: str,
    log: bool,
    selected: Iterable[str] = (),
    unchanged: frozenset[str] = frozenset(),
) -> list[Update]:
    """Everything that changes with indicator, year, region, scale or selection — values only.

    ``unchanged`` ("region", "selection") leaves out the paths that did not move since the
    figure in the browser was drawn.

    Names and shapes are in the base figure; they change only with the language, which
    renders the page anew.
    """
    _ = locale.gettext
    chosen = set(selected)
    log = log and log_scale_allowed(spec)
    tail = " · " + str(year)
    template = (
        "<b>%{text}</b><br>%{customdata[0]}" + tail + "<br>%{customdata[1]}<extra>" + source + "</extra>"
    )
    # The no-data layer lies under every member: its hover names the year and says why (field 3).
    no_data = (
        "<b>%{text}</b><br>"
        + _("no data")
        + tail
        + "<br><i>%{customdata[3]}</i><extra>"
        + source
        + "</extra>"
    )
    gaps = readings.gaps(spec, locale)
    shown = shown_blocs(region)
    axis = colour_axis(spec, frame["value"], log, locale)
    axis["colorbar"] = {**axis["colorbar"], **UNDER_THE_MAP}
    out: list[Update] = [
        (("layout", "coloraxis"), axis),
        (("layout", "separators"), separators(locale)),
    ]
    for bloc, members in _rows_by_bloc(frame).items():
        visible = bloc in shown
        if "region" not in unchanged:  # panels and visibility move only when the region does
            out += [(("layout", GEO_OF[bloc], *key), value) for key, value in _geo_view(bloc, visible, shown)]
            out += [(("data", trace_index(bloc, role), "visible"), visible) for role in ROLES]
        fields = hover_fields(members, spec.unit, locale, gaps)
        # Each layer carries only what it shows (a year change stays small): the grey layer the
        # reasons of the members without data, the coloured layer the values of the others.
        blank = ["", "", "", ""]
        reasons = [blank if f[0] else f for f in fields]
        fields = [f if f[0] else blank for f in fields]
        out.append((("data", trace_index(bloc, "no_data"), "hovertemplate"), no_data))
        out.append((("data", trace_index(bloc, "no_data"), "customdata"), reasons))
        i = trace_index(bloc, "data")
        values = [r["value"] for r in members]
        template = hover_template(bloc, spec.unit, year, source, locale)
        out += [
            (("data", i, "z"), colour_values(values, log)),
            (("data", i, "customdata"), fields),
            (("data", i, "hovertemplate"), template),
        ]
        if "selection" not in unchanged:  # outlines move only when the selection does
            out += [
                (
                    ("data", i, "marker", "line", "width"),
                    [2.5 if r["iso3"] in chosen else 0.6 for r in members],
                ),
                (
                    ("data", i, "marker", "line", "color"),
                    [SELECTED_LINE if r["iso3"] in chosen else "white" for r in members],
                ),
            ]
        small = [r for r in members if r["area_km2"] < SMALL_STATE_KM2]
        for role in ("small_data", "small_no_data"):
            with_data = role == "small_data"
            part = [r for r in small if pd.notna(r["value"]) == with_data]
            i = trace_index(bloc, role)
            out += [
                (("data", i, "lon"), [r["lon"] for r in part]),
                (("data", i, "lat"), [r["lat"] for r in part]),
                (("data", i, "text"), [r["name"] for r in part]),
                (
                    ("data", i, "customdata"),
                    [
                        [*f, r["iso3"]]
                        for r, f in zip(part, hover_fields(part, spec.unit, locale, gaps), strict=True)
                    ],
                ),
                (("data", i, "hovertemplate"), template if with_data else no_data),
                (
                    ("data", i, "marker", "color"),
                    colour_values([r["value"] for r in part], log) if with_data else NO_DATA_COLOUR,
                ),
                (("data", i, "marker", "coloraxis"), "coloraxis" if with_data else None),
                (("data", i, "marker", "line", "width"), [3 if r["iso3"] in chosen else 1 for r in part]),
            ]
    return out


def label_updates(frame: pd.DataFrame, unit: str, locale: Locale, labelled: Sequence[str]) -> list[Update]:
    """The label traces for the countries ``labelled`` (ISO3, in priority order; a bloc with none
    has its trace emptied and hidden). Only a presented map calls this."""
    out: list[Update] = []
    for bloc, members in _rows_by_bloc(frame).items():
        by_code = {r["iso3"]: r for r in members}
        rows = [by_code[code] for code in labelled if code in by_code]
        dots = [(r["lon"], r["lat"]) for r in members if r["area_km2"] < SMALL_STATE_KM2]
        for part, fields in map_labels.fields(bloc, rows, unit, locale, VIEWS[bloc], dots).items():
            index = label_index(bloc, part)
            out += [(("data", index, *key.split(".")), value) for key, value in fields.items()]
    return out


def _geo_view(bloc: str, visible: bool, shown: Sequence[str]) -> list[tuple[Path, Any]]:
    """Leaf settings of one map panel: both side by side, or the shown one full width."""
    view = VIEWS[bloc]
    if not visible:  # a hidden panel is parked in a corner so it cannot cover the shown one
        x, y = [0.995, 1.0], [0.995, 1.0]
    elif len(shown) == 2:
        x, y = ([0.0, 0.47] if bloc == "CELAC" else [0.49, 0.93]), [0.0, 1.0]
    else:  # the colour bar is under it (UNDER_ONE_BLOC)
        x, y = [0.0, 0.99], [0.0, 1.0]
    return [
        (("visible",), visible),
        (("showland",), visible),
        (("domain", "x"), x),
        (("domain", "y"), y),
        (("lonaxis", "range"), view["lon"]),
        (("lataxis", "range"), view["lat"]),
    ]


def apply(figure: dict[str, Any], changes: Iterable[Update]) -> dict[str, Any]:
    """Write updates into a figure dict (in place, creating missing levels) and return it.

    Assignment replaces, exactly as it does on a ``dash.Patch``.
    """
    for path, value in changes:
        target: Any = figure
        for key in path[:-1]:
            target = target[key] if isinstance(key, int) else target.setdefault(key, {})
        target[path[-1]] = value
    return figure
