"""Words written on a chart beside its plot: a note under it or over it, wrapped to the width of
a phone's screen (plotly does not wrap), every name shown as it is."""

from __future__ import annotations

import textwrap
from typing import Any

NOTE_WIDTH = 42  # characters a line of a note holds: 14 px type across a 375 px phone
HEADNOTE_WIDTH = 34  # the same beside a value axis's labels (about 70 px)
MODEBAR = 26  # px over a headnote kept for plotly's toolbar (top right; always shown on a phone)


def escape(text: str) -> str:
    """Plotly reads a few HTML tags in text: show country names as they are."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def footnote(note: str, below: int) -> dict[str, Any]:
    """Layout entries writing ``note`` under the plot, ``below`` pixels down (nothing if "")."""
    if not note:
        return {}
    lines = textwrap.wrap(note, NOTE_WIDTH)
    text = {
        "text": "<br>".join(escape(line) for line in lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "yshift": -below,
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
        "font": {"size": 14, "color": "#52606d"},
    }
    return {"annotations": [text], "margin": {"l": 10, "r": 10, "t": 10, "b": below + 18 * len(lines) + 10}}


def headnote(note: str) -> dict[str, Any]:
    """Layout entries writing ``note`` over the plot (where a legend that wraps on a narrow screen
    cannot run into it), from the plot's left edge: after the axis labels, so in shorter lines
    (:data:`HEADNOTE_WIDTH`), under the toolbar's row; nothing if "". An annotation, not the
    layout's title, which an exported image replaces with the chart's own."""
    if not note:
        return {}
    lines = textwrap.wrap(note, HEADNOTE_WIDTH)
    text = {
        "text": "<br>".join(escape(line) for line in lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 1,
        "yshift": 8,
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",
        "showarrow": False,
        "font": {"size": 14, "color": "#52606d"},
    }
    return {"annotations": [text], "margin": {"l": 10, "r": 10, "t": 18 * len(lines) + 20 + MODEBAR, "b": 10}}
