"""The map explorer's choropleth: a base figure sent once, then value-only updates.

The shapes are not inlined: every choropleth trace points at the app's own GeoJSON URL,
which the browser fetches once and caches, so a figure carries values only. An update
is a list of ``(path, value)`` pairs that :func:`apply` writes into a figure dict and the
callback writes into a ``dash.Patch`` — the same paths, so both stay in step.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd
from plotly import colors as plotly_colors
from plotly.colors import make_colorscale

from dashboard.datasets import Indicator
from dashboard.figures import FONT
from dashboard.locale import Locale

NO_DATA_COLOUR = "#cfd4da"
SELECTED_LINE = "#111827"
# Explicit light-to-dark lists: plotly.js's own "YlGnBu" runs dark-to-light.
SEQUENTIAL = make_colorscale(plotly_colors.sequential.YlGnBu)
DIVERGING = make_colorscale(plotly_colors.diverging.RdBu)  # red = more leaving, blue = more arriving
SMALL_STATE_KM2 = 5000.0
BLOCS = ("CELAC", "EU27")
GEO_OF = {"CELAC": "geo", "EU27": "geo2"}
VIEWS = {
    "CELAC": {"lon": [-118.0, -33.0], "lat": [-56.0, 33.0]},
    "EU27": {"lon": [-25.0, 35.0], "lat": [34.0, 71.5]},
}
ROLES = ("no_data", "data", "small_data", "small_no_data")
HEIGHT = 540

Path = tuple[str | int, ...]
Update = tuple[Path, Any]


def trace_index(bloc: str, role: str) -> int:
    """Position of a trace in the figure: four per bloc, CELAC first."""
    return BLOCS.index(bloc) * len(ROLES) + ROLES.index(role)


def log_scale_allowed(spec: Indicator) -> bool:
    """Counts (people, dollars) may use a log colour scale; shares and net flows may not."""
    return spec.unit in ("persons", "usd") and spec.colour == "sequential"


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


def colour_axis(spec: Indicator, values: pd.Series, log: bool, locale: Locale) -> dict[str, Any]:
    """Sequential for stocks and shares, diverging around 0, or log10 with readable ticks."""
    axis: dict[str, Any] = {
        "colorscale": SEQUENTIAL,
        "cmin": None,
        "cmax": None,
        "cmid": None,
        "colorbar": {
            "thickness": 16,
            "len": 0.75,
            "tickvals": None,
            "ticktext": None,
            "tickfont": {"size": 14},
        },
    }
    finite = values.dropna()
    if spec.colour == "diverging" and len(finite):
        bound = float(finite.abs().max()) or 1.0
        axis.update(colorscale=DIVERGING, cmid=0.0, cmin=-bound, cmax=bound)
    elif log and len(finite):
        low = math.floor(math.log10(max(float(finite[finite > 0].min()) if (finite > 0).any() else 1.0, 1.0)))
        high = math.ceil(math.log10(max(float(finite.max()), 10.0)))
        ticks = list(range(low, high + 1))
        axis.update(cmin=low, cmax=high)
        axis["colorbar"].update(tickvals=ticks, ticktext=[locale.compact(10.0**t) for t in ticks])
    return axis


def colour_values(values: Iterable[float], log: bool) -> list[float | None]:
    """What the colour scale sees: the value, or log10 of it (zeros drawn at the floor)."""
    numbers = [float(v) for v in values]
    if not log:
        return [None if math.isnan(v) else v for v in numbers]
    positive = [v for v in numbers if v > 0]
    floor = math.log10(min(positive)) if positive else 0.0
    return [None if math.isnan(v) else (math.log10(v) if v > 0 else floor) for v in numbers]


def hover_fields(rows: Sequence[dict[str, Any]], unit: str, locale: Locale) -> list[list[str]]:
    """Per country: [bare value, rank, countries ranked, note]; the words live in the template.

    Sending only these short strings keeps a year change to a couple of kilobytes.
    """
    _ = locale.gettext
    zero_note = _("published as 0: treated as not reported")
    out = []
    for row in rows:
        if pd.isna(row["value"]):
            out.append(["", "", "", ""])
            continue
        out.append(
            [
                _bare(float(row["value"]), unit, locale),
                _whole(float(row["rank"]), locale),
                _whole(float(row["n_in_bloc"]), locale),
                zero_note if row["flag"] == "reported_zero" else "",
            ]
        )
    return out


# Formatting is most of the cost of an update: the same values come back as a reader
# scrubs years, so the strings are kept (pure functions of hashable arguments).
@lru_cache(maxsize=16384)
def _bare(value: float, unit: str, locale: Locale) -> str:
    return locale.bare(value, unit)


@lru_cache(maxsize=1024)
def _whole(value: float, locale: Locale) -> str:
    return locale.number(value)


def clear_caches() -> None:
    """Forget the formatted numbers (the benchmark measures the first sight of a year)."""
    _bare.cache_clear()
    _whole.cache_clear()


def hover_template(bloc: str, unit: str, year: int, source: str, locale: Locale) -> str:
    """The words around the hover fields: name, value with unit and year, rank in bloc, note, source."""
    _ = locale.gettext
    prefix, suffix = locale.affixes(unit)
    rank = _("rank {rank} of {n} in {bloc}").format(
        rank="%{customdata[1]}", n="%{customdata[2]}", bloc="CELAC" if bloc == "CELAC" else _("the EU")
    )
    return (
        f"<b>%{{text}}</b><br>{prefix}%{{customdata[0]}}{suffix} · {year}<br>{rank}"
        f"<br><i>%{{customdata[3]}}</i><extra>{source}</extra>"
    )


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
    no_data = "<b>%{text}</b><br>" + _("no data") + tail + "<extra>" + source + "</extra>"
    out: list[Update] = [
        (("layout", "coloraxis"), colour_axis(spec, frame["value"], log, locale)),
        (("layout", "separators"), _separators(locale)),
    ]
    shown = {"both": BLOCS, "celac": ("CELAC",), "eu": ("EU27",)}.get(region, BLOCS)
    for bloc, members in _rows_by_bloc(frame).items():
        visible = bloc in shown
        if "region" not in unchanged:  # panels and visibility move only when the region does
            out += [(("layout", GEO_OF[bloc], *key), value) for key, value in _geo_view(bloc, visible, shown)]
            out += [(("data", trace_index(bloc, role), "visible"), visible) for role in ROLES]
        out.append((("data", trace_index(bloc, "no_data"), "hovertemplate"), no_data))
        i = trace_index(bloc, "data")
        values = [r["value"] for r in members]
        template = hover_template(bloc, spec.unit, year, source, locale)
        out += [
            (("data", i, "z"), colour_values(values, log)),
            (("data", i, "customdata"), hover_fields(members, spec.unit, locale)),
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
                        for r, f in zip(part, hover_fields(part, spec.unit, locale), strict=True)
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


def _separators(locale: Locale) -> str:
    """Plotly's decimal and thousands characters for the locale (axis ticks, colour bar)."""
    sample = locale.number(1234567.5, 1)
    return sample[-2] + sample[1]


def _geo_view(bloc: str, visible: bool, shown: Sequence[str]) -> list[tuple[Path, Any]]:
    """Leaf settings of one map panel: both side by side, or the shown one full width."""
    view = VIEWS[bloc]
    if not visible:  # a hidden panel is parked in a corner so it cannot cover the shown one
        x, y = [0.995, 1.0], [0.995, 1.0]
    elif len(shown) == 2:
        x, y = ([0.0, 0.47] if bloc == "CELAC" else [0.49, 0.93]), [0.0, 1.0]
    else:
        x, y = [0.0, 0.93], [0.0, 1.0]
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
