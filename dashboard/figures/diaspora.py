"""Where each CELAC diaspora lives: the split of every origin's emigrants between the USA, the EU,
other CELAC countries and the rest of the world (100 % bars for one year), and one origin over
time (stacked people, the axis labelled by :func:`dashboard.figures.ticks.ticks`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.corridors import DIASPORA_PARTS
from dashboard.figures.corridors import layout_base, message
from dashboard.figures.ticks import YEAR_AXIS, ticks
from dashboard.locale import Locale

PART_COLOURS = {"usa": "#8d6a9f", "eu": "#30638e", "celac": "#00798c", "rest": "#adb5bd"}
AREA_HEIGHT = 360
PERCENT_TICKS = [0, 20, 40, 60, 80, 100]


def part_labels(locale: Locale) -> dict[str, str]:
    """Legend names of the diaspora split."""
    _ = locale.gettext
    return {
        "usa": _("United States"),
        "eu": _("EU"),
        "celac": _("Other CELAC countries"),
        "rest": _("Rest of the world"),
    }


def diaspora_bars(
    table: pd.DataFrame, names: Mapping[str, str], locale: Locale, empty: str = ""
) -> dict[str, Any]:
    """For one year: each origin's emigrants split between the USA, the EU, other CELAC
    countries and the rest of the world (100 % bars, sorted by the share in the USA);
    ``empty`` is said instead when no origin has emigrants recorded."""
    _ = locale.gettext
    rows = table[table["total"] > 0].copy()
    if rows.empty:
        return message([empty or _("no data")], locale, 320)
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
        **layout_base(locale, max(320, 22 * len(rows) + 90)),
        barmode="stack",
        xaxis={
            "range": [0, 100],
            "tickvals": PERCENT_TICKS,
            "ticktext": [f"{locale.number(v)} %" for v in PERCENT_TICKS],
            "side": "top",
            "fixedrange": True,
        },
        yaxis={"fixedrange": True, "automargin": True},
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
    )
    return {"data": traces, "layout": layout}


def diaspora_area(table: pd.DataFrame, locale: Locale, empty: str = "") -> dict[str, Any]:
    """One origin over time: its emigrants by where they live (stacked, people; the axis in the
    reader's compact words, "2 M", "2 mil", never plotly's "2M"); ``empty`` is said instead when
    the origin has no emigrant recorded in any year."""
    _ = locale.gettext
    if not (table["total"] > 0).any():
        return message([empty or _("no data")], locale, AREA_HEIGHT)
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
        **layout_base(locale, AREA_HEIGHT),
        xaxis=dict(YEAR_AXIS),
        yaxis={
            **ticks(table["total"], locale),
            "title": {"text": _("people")},
            "fixedrange": True,
            "gridcolor": "#e9ecef",
            "automargin": True,
        },
        legend={"orientation": "h", "y": -0.15, "x": 0},
        hovermode="x unified",
    )
    return {"data": traces, "layout": layout}
