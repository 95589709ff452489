"""A corridor over time: one line per corridor (origin → destination), people, every year the
source has; the axis in the reader's compact words (:func:`dashboard.figures.ticks.ticks`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from dashboard.figures.corridors import layout_base
from dashboard.figures.notes import headnote
from dashboard.figures.ticks import YEAR_AXIS, ticks
from dashboard.locale import Locale

HEIGHT = 400
# Distinct, colour-blind-safe (Okabe–Ito and Tol), one per line of the cap.
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#882255", "#332288")


def trend_lines(
    lines: Mapping[tuple[str, str], np.ndarray],
    years: Sequence[int],
    names: Mapping[str, str],
    locale: Locale,
    note: str = "",
) -> dict[str, Any]:
    """One line per corridor in ``lines`` (its stock in each of ``years``, NaN = no row), in order;
    ``note`` (e.g. "the 8 largest of 24 corridors") is written over the plot."""
    _ = locale.gettext
    people = _("people")
    traces = []
    for i, ((origin, destination), values) in enumerate(lines.items()):
        label = f"{names.get(origin, origin)} → {names.get(destination, destination)}"
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": label,
                "x": list(years),
                "y": [None if np.isnan(v) else float(v) for v in values],
                "line": {"color": COLOURS[i % len(COLOURS)], "width": 2},
                "customdata": [_("no data") if np.isnan(v) else locale.number(float(v)) for v in values],
                "hovertemplate": label + " · %{x}<br>%{customdata} " + people + "<extra></extra>",
            }
        )
    every = [v for values in lines.values() for v in values]
    layout = dict(
        **layout_base(locale, HEIGHT),
        xaxis=dict(YEAR_AXIS),
        yaxis={
            **ticks(every, locale),
            "title": {"text": people},
            "fixedrange": True,
            "gridcolor": "#e9ecef",
            "automargin": True,
        },
        legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
        hovermode="closest",
    )
    if note:  # over the plot: the legend under it takes a row a corridor on a phone
        extra = headnote(note)
        layout["annotations"] = extra["annotations"]
        layout["margin"] = extra["margin"]
        layout["height"] = HEIGHT + extra["margin"]["t"]
    return {"data": traces, "layout": layout}
