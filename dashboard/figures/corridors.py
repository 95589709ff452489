"""Corridor figures: the flow diagram, the linked world map, where each diaspora lives, and the
remittance corridors. Plain frames in (already selected by :mod:`dashboard.corridors`),
figure dicts out (no plotly validation on the hot path); every word comes from the translation
layer, every number is formatted for the reader's language.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard.corridors import OTHER_DESTINATIONS, OTHER_ORIGINS
from dashboard.figures import FONT, land_geo, separators
from dashboard.figures.map_colours import SEQUENTIAL
from dashboard.figures.notes import escape as _escape
from dashboard.figures.notes import footnote
from dashboard.figures.ticks import ticks
from dashboard.locale import Locale

BLOC_COLOURS = {"CELAC": "#00798c", "EU27": "#30638e", "partner": "#8d6a9f", "other": "#8d99ae"}
GROUPED_COLOUR = "#adb5bd"
REMITTANCE_HEIGHT = 380
BAR_ROOM = 40  # px a remittance corridor's bar and the label over it take
FOCUS_COLOUR = "#d1495b"
# Nodes are apart by a two-line label (name, total) at least, whatever their flows; a side with
# many nodes makes the diagram taller, so that the flows keep ``FLOWS_ROOM`` px between them.
NODE_PAD, FLOWS_ROOM, LABEL_CHARS = 36, 320, 18
FLOWS_HEIGHT = NODE_PAD * 7 + FLOWS_ROOM  # the default view's (eight nodes a side): first paint's box
MAP_HEIGHT = 420
MESSAGE_WIDTH = 40  # characters a line of a "nothing to draw" message holds (a phone's width)

ATLANTIC = -20  # centre longitude: the map's edge (160° E) splits no large country


def layout_base(locale: Locale, height: int, **extra: Any) -> dict[str, Any]:
    return {
        "font": {"family": FONT, "size": 14},
        "separators": separators(locale),
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        **extra,
    }


def message(lines: Sequence[str], locale: Locale, height: int) -> dict[str, Any]:
    """A chart that draws nothing but says why: no trace, no axes, the words in the middle.

    Used where a panel has no data for the reader's choice (or nothing is chosen), so that an
    empty plot is never taken for a result and no empty trace reaches plotly.js.
    """
    wrapped = [
        "<br>".join(_escape(part) for part in textwrap.wrap(line, MESSAGE_WIDTH)) for line in lines if line
    ]
    annotation = {
        "text": "<br><br>".join(wrapped),
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "align": "center",
        "font": {"size": 16, "color": "#52606d"},
    }
    hidden = {"visible": False, "fixedrange": True}
    return {
        "data": [],
        "layout": layout_base(locale, height, xaxis=hidden, yaxis=hidden, annotations=[annotation]),
    }


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def sankey(
    links: pd.DataFrame, names: Mapping[str, str], blocs: Mapping[str, str], locale: Locale, note: str = ""
) -> dict[str, Any]:
    """Origins on the left, destinations on the right, the remainder as "other" nodes; ``note``
    (e.g. the chosen countries with nothing recorded, which have no node) is written below."""
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
    # On a projector there is no hover: each node says its own total, under its name, so that a
    # label is narrow enough for the origins' and the destinations' labels to pass on a phone.
    shown = [
        node_label(text, locale.compact(totals[node])) for text, node in zip(node_text, nodes, strict=True)
    ]
    trace = {
        "type": "sankey",
        "arrangement": "fixed",
        "valueformat": ",.0f",
        "node": {
            "label": shown,
            "color": colours,
            "pad": NODE_PAD,
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
    side = max(len(sources), len(targets))
    height = max(FLOWS_HEIGHT, NODE_PAD * (side - 1) + FLOWS_ROOM)
    return {"data": [trace], "layout": layout_base(locale, height, **footnote(note, 12))}


def node_label(name: str, total: str) -> str:
    """ "Dominican Republic<br>1.2 million": a long name on two lines of at most
    :data:`LABEL_CHARS`, the total under it."""
    lines = textwrap.wrap(name, LABEL_CHARS) if len(name) > LABEL_CHARS + 4 else [name]
    return "<br>".join([*(_escape(line) for line in lines), total])


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
        **layout_base(locale, MAP_HEIGHT),
        coloraxis={
            "colorscale": SEQUENTIAL,
            "cmin": ticks[0],
            "cmax": ticks[-1],
            # Across, under the world: the map keeps the width (a phone's whole screen).
            "colorbar": {
                "orientation": "h",
                "x": 0.5,
                "xanchor": "center",
                "y": 0.0,
                "yanchor": "top",
                "thickness": 14,
                "len": 0.9,
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


def remittance_bars(
    rows: pd.DataFrame, names: Mapping[str, str], locale: Locale, note: str = ""
) -> dict[str, Any]:
    """The largest remittance corridors, sender → receiver (2021 model estimates), drawn in US$
    with the axis in the reader's compact words ("50 mil M", never plotly's "50B"); ``note``
    (e.g. the receivers the matrix has no estimate for) is written under the bars."""
    _ = locale.gettext
    ordered = rows.iloc[::-1]
    pairs = [
        f"{_escape(names.get(s, s))} → {_escape(names.get(r, r))}"
        for s, r in ordered[["sender", "receiver"]].itertuples(index=False)
    ]
    amounts = [locale.value(v, "usd_millions") for v in ordered["usd_millions"]]
    usd = [float(v) * 1e6 for v in ordered["usd_millions"]]
    traces = [
        dict(
            type="bar",
            orientation="h",
            y=pairs,
            x=usd,
            width=0.45,
            marker={"color": "#edae49"},
            customdata=amounts,
            hovertemplate="%{y}<br>%{customdata} (2021)<extra></extra>",
        )
    ]
    # Each corridor's name and amount written over its bar, from the left edge: the bars keep the
    # width and no amount is cut off, however narrow the screen (a phone's), however short the bar.
    labels = [
        {
            "text": f"{pair} · {amount}",
            "xref": "paper",
            "x": 0,
            "xanchor": "left",
            "yref": "y",
            "y": pair,
            "yanchor": "bottom",
            "yshift": BAR_ROOM * 0.45 / 2,
            "showarrow": False,
            "align": "left",
            "font": {"size": 13},
        }
        for pair, amount in zip(pairs, amounts, strict=True)
    ]
    axis = {"title": {"text": _("US$, 2021 (model estimates)")}, "fixedrange": True, **ticks(usd, locale)}
    under = footnote(note, 62)
    layout = {
        **layout_base(locale, max(REMITTANCE_HEIGHT, BAR_ROOM * len(rows) + 110)),
        "xaxis": axis,
        "yaxis": {"fixedrange": True, "showticklabels": False, "range": [-0.6, len(rows) - 0.1]},
        **under,
        "annotations": [*labels, *under.get("annotations", [])],
    }
    return {"data": traces, "layout": layout}
