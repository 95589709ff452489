"""Corridor figures: the flow diagram, the linked world map, where each diaspora lives, and the
remittance corridors. Plain frames in (already selected by :mod:`dashboard.corridors`),
figure dicts out (no plotly validation on the hot path); every word comes from the translation
layer, every number is formatted for the reader's language.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.corridors import DIASPORA_PARTS, OTHER_DESTINATIONS, OTHER_ORIGINS
from dashboard.figures import FONT, land_geo, separators
from dashboard.figures.map_colours import SEQUENTIAL
from dashboard.locale import Locale

BLOC_COLOURS = {"CELAC": "#00798c", "EU27": "#30638e", "partner": "#8d6a9f", "other": "#8d99ae"}
GROUPED_COLOUR = "#adb5bd"
REMITTANCE_HEIGHT = 380
FOCUS_COLOUR = "#d1495b"
PART_COLOURS = {"usa": "#8d6a9f", "eu": "#30638e", "celac": "#00798c", "rest": "#adb5bd"}

ATLANTIC = -20  # centre longitude: the map's edge (160° E) splits no large country


def _layout(locale: Locale, height: int, **extra: Any) -> dict[str, Any]:
    return {
        "font": {"family": FONT, "size": 14},
        "separators": separators(locale),
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        **extra,
    }


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def part_labels(locale: Locale) -> dict[str, str]:
    """Legend names of the diaspora split."""
    _ = locale.gettext
    return {
        "usa": _("United States"),
        "eu": _("EU"),
        "celac": _("Other CELAC countries"),
        "rest": _("Rest of the world"),
    }


def sankey(
    links: pd.DataFrame, names: Mapping[str, str], blocs: Mapping[str, str], locale: Locale
) -> dict[str, Any]:
    """Origins on the left, destinations on the right, the remainder as "other" nodes."""
    _ = locale.gettext
    labels = {OTHER_ORIGINS: _("Other origins"), OTHER_DESTINATIONS: _("Other destinations")}
    sources = list(dict.fromkeys(links["source"]))
    targets = list(dict.fromkeys(links["target"]))
    nodes = [("o", code) for code in sources] + [("d", code) for code in targets]
    index = {node: i for i, node in enumerate(nodes)}
    colours = [
        GROUPED_COLOUR if code.startswith("*") else BLOC_COLOURS.get(blocs.get(code, "other"), "#8d99ae")
        for _side, code in nodes
    ]
    totals = pd.concat(
        [
            links.groupby("source")["value"].sum().rename(lambda c: ("o", c)),
            links.groupby("target")["value"].sum().rename(lambda c: ("d", c)),
        ]
    )
    node_text = [labels.get(code, names.get(code, code)) for _side, code in nodes]
    # On a projector there is no hover: each node says its own total.
    shown = [f"{text} · {locale.compact(totals[node])}" for text, node in zip(node_text, nodes, strict=True)]
    trace = {
        "type": "sankey",
        "arrangement": "fixed",
        "valueformat": ",.0f",
        "node": {
            "label": shown,
            "color": colours,
            "pad": 12,
            "thickness": 18,
            "line": {"width": 0},
            "customdata": [locale.number(totals[node]) for node in nodes],
            "hovertemplate": "<b>%{label}</b><br>%{customdata} " + _("people") + "<extra></extra>",
        },
        "link": {
            "source": [index[("o", s)] for s in links["source"]],
            "target": [index[("d", t)] for t in links["target"]],
            "value": list(links["value"]),
            "color": [_rgba(colours[index[("o", s)]], 0.35) for s in links["source"]],
            "customdata": [
                [node_text[index[("o", s)]], node_text[index[("d", t)]], locale.number(v)]
                for s, t, v in links[["source", "target", "value"]].itertuples(index=False)
            ],
            "hovertemplate": "%{customdata[0]} → %{customdata[1]}<br><b>%{customdata[2]}</b> "
            + _("people")
            + "<extra></extra>",
        },
    }
    return {"data": [trace], "layout": _layout(locale, 480)}


def focus_map(
    values: pd.Series,
    focus: str,
    names: Mapping[str, str],
    member_codes: frozenset[str],
    geometry_urls: tuple[str, str],
    locale: Locale,
) -> dict[str, Any]:
    """World choropleth of one country's corridors (log colour scale), the focus drawn apart.

    Members use the shared member geometry, every other country the coarser world layer;
    both are fetched once by URL, never inlined.
    """
    _ = locale.gettext
    values = values[values > 0]
    total = float(values.sum()) or 1.0
    log = values.map(math.log10)
    low, high = (math.floor(log.min()), math.ceil(log.max())) if len(log) else (0, 1)
    ticks = list(range(low, max(high, low + 1) + 1))
    traces = []
    for url, inside in zip(geometry_urls, (True, False), strict=True):
        part = values[values.index.isin(member_codes) == inside]
        traces.append(
            dict(
                type="choropleth",
                geojson=url,
                locations=list(part.index),
                z=list(log[part.index]),
                coloraxis="coloraxis",
                marker={"line": {"color": "white", "width": 0.4}},
                customdata=[
                    [names.get(code, code), locale.number(v), locale.number(v / total * 100, 1)]
                    for code, v in part.items()
                ],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} "
                + _("people")
                + " (%{customdata[2]} %)<extra></extra>",
                showlegend=False,
            )
        )
    in_members = focus in member_codes
    traces.append(
        dict(
            type="choropleth",
            geojson=geometry_urls[0 if in_members else 1],
            locations=[focus],
            z=[1],
            colorscale=[[0, FOCUS_COLOUR], [1, FOCUS_COLOUR]],
            showscale=False,
            marker={"line": {"color": "#111827", "width": 1.2}},
            hovertemplate="<b>" + names.get(focus, focus) + "</b><extra></extra>",
            showlegend=False,
        )
    )
    layout = dict(
        **_layout(locale, 420),
        coloraxis={
            "colorscale": SEQUENTIAL,
            "cmin": ticks[0],
            "cmax": ticks[-1],
            "colorbar": {
                "thickness": 14,
                "len": 0.8,
                "tickvals": ticks,
                "ticktext": [locale.compact(10.0**t) for t in ticks],
                "title": {"text": _("people"), "side": "top"},
            },
        },
        # Centred on the Atlantic: the Americas and Europe side by side (plotly's default
        # centre follows the data and put the Pacific in the middle).
        geo=land_geo({"type": "natural earth", "rotation": {"lon": ATLANTIC}}),
        uirevision="corridor-map",
    )
    return {"data": traces, "layout": layout}


def diaspora_bars(table: pd.DataFrame, names: Mapping[str, str], locale: Locale) -> dict[str, Any]:
    """For one year: each origin's emigrants split between the USA, the EU, other CELAC
    countries and the rest of the world (100 % bars, sorted by the share in the USA)."""
    _ = locale.gettext
    rows = table[table["total"] > 0].copy()
    rows["order"] = rows["usa"] / rows["total"]
    rows = rows.sort_values("order")
    labels = part_labels(locale)
    traces = [
        dict(
            type="bar",
            name=labels[part],
            orientation="h",
            y=[names.get(code, code) for code in rows["origin"]],
            x=list(rows[part] / rows["total"] * 100),
            marker={"color": PART_COLOURS[part]},
            customdata=[
                [locale.number(v), locale.number(v / t * 100, 1)]
                for v, t in zip(rows[part], rows["total"], strict=True)
            ],
            hovertemplate="%{y} · "
            + labels[part]
            + "<br>%{customdata[1]} % · %{customdata[0]} "
            + _("people")
            + "<extra></extra>",
        )
        for part in DIASPORA_PARTS
    ]
    layout = dict(
        **_layout(locale, max(320, 22 * len(rows) + 90)),
        barmode="stack",
        xaxis={"range": [0, 100], "ticksuffix": " %", "side": "top", "fixedrange": True},
        yaxis={"fixedrange": True, "automargin": True},
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
    )
    return {"data": traces, "layout": layout}


def diaspora_area(table: pd.DataFrame, locale: Locale) -> dict[str, Any]:
    """One origin over time: its emigrants by where they live (stacked, people)."""
    _ = locale.gettext
    labels = part_labels(locale)
    traces = [
        dict(
            type="scatter",
            name=labels[part],
            x=list(table["year"]),
            y=list(table[part]),
            stackgroup="one",
            mode="lines+markers",
            line={"color": PART_COLOURS[part], "width": 1},
            customdata=[locale.number(v) for v in table[part]],
            hovertemplate="%{x} · " + labels[part] + "<br>%{customdata} " + _("people") + "<extra></extra>",
        )
        for part in DIASPORA_PARTS
    ]
    layout = dict(
        **_layout(locale, 360),
        xaxis={"tickvals": list(table["year"]), "fixedrange": True},
        yaxis={
            "title": {"text": _("people")},
            "fixedrange": True,
            "gridcolor": "#e9ecef",
            "automargin": True,
        },
        legend={"orientation": "h", "y": -0.15, "x": 0},
        hovermode="x unified",
    )
    return {"data": traces, "layout": layout}


def remittance_bars(rows: pd.DataFrame, names: Mapping[str, str], locale: Locale) -> dict[str, Any]:
    """The largest remittance corridors, sender → receiver, US$ millions (2021 estimates)."""
    _ = locale.gettext
    ordered = rows.iloc[::-1]
    labels = [
        f"{names.get(s, s)} → {names.get(r, r)}"
        for s, r in ordered[["sender", "receiver"]].itertuples(index=False)
    ]
    traces = [
        dict(
            type="bar",
            orientation="h",
            y=labels,
            x=list(ordered["usd_millions"]),
            marker={"color": "#edae49"},
            text=[locale.number(v, 1) for v in ordered["usd_millions"]],
            textposition="auto",
            hovertemplate="%{y}<br>US$ %{text} " + _("million") + " (2021)<extra></extra>",
        )
    ]
    layout = dict(
        **_layout(locale, REMITTANCE_HEIGHT),
        xaxis={"title": {"text": _("US$ millions, 2021 (model estimates)")}, "fixedrange": True},
        yaxis={"fixedrange": True, "automargin": True},
    )
    return {"data": traces, "layout": layout}
