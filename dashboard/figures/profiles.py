"""The country-profile chart: an indicator over time, countries against their bloc."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from dashboard.figures import FONT
from dashboard.figures.maps import _separators
from dashboard.i18n import format_value, translator, unit_label
from dashboard.loading import Indicator
from dashboard.profiles import Line

PALETTE = ("#0b6e99", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f")


def profile_figure(lines: Sequence[Line], spec: Indicator, lang: str) -> go.Figure:
    """Solid lines for countries, dashed for bloc aggregates (right axis when the indicator is a count)."""
    _ = translator(lang)
    counts = spec.unit in ("persons", "usd")
    fig = go.Figure()
    for i, line in enumerate(lines):
        values = line.values.dropna().sort_index()
        on_right = line.is_aggregate and counts
        name = line.name + (" (" + _("right axis") + ")" if on_right else "")
        fig.add_trace(
            go.Scatter(
                x=list(values.index),
                y=list(values.to_numpy()),
                name=name,
                mode="lines+markers",
                line={
                    "width": 3,
                    "dash": "dash" if line.is_aggregate else "solid",
                    "color": "#475569" if line.is_aggregate else PALETTE[i % len(PALETTE)],
                },
                marker={"size": 6},
                yaxis="y2" if on_right else "y",
                customdata=[format_value(v, spec.unit, lang) for v in values.to_numpy()],
                hovertemplate="<b>" + line.name + "</b> · %{x}<br>%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(
        height=380,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        paper_bgcolor="white",
        plot_bgcolor="white",
        font={"family": FONT, "size": 14},
        separators=_separators(lang),
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.18, "x": 0},
        yaxis={
            "title": {"text": unit_label(spec.unit, lang)},
            "gridcolor": "#e5e7eb",
            "rangemode": "tozero" if spec.colour == "sequential" else "normal",
        },
        xaxis={"gridcolor": "#f1f5f9"},
    )
    if counts and any(line.is_aggregate for line in lines):
        fig.update_layout(
            yaxis2={"overlaying": "y", "side": "right", "showgrid": False, "rangemode": "tozero"}
        )
    return fig
