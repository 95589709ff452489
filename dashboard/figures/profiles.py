"""The country-profile chart: an indicator over time, countries against their bloc."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from dashboard.datasets import Indicator
from dashboard.figures import FONT, separators
from dashboard.locale import Locale
from dashboard.profiles import Line
from dashboard.timeline import Meeting

PALETTE = ("#0b6e99", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f")
MEETING_COLOUR = "#64748b"
ROW_PX = 15
# Plot width the label layout assumes (the chart's column on a laptop); labels are placed in
# rows so that none overlaps at this width or wider.
PLOT_PX, CHAR_PX, GAP_PX = 560, 6.5, 14


def cluster_label(group: Sequence[Meeting], locale: Locale) -> str:
    """ "HLM IX", "Lima summit", "HLM I–V + summit", "HLM VI–IX + 2 summits"."""
    _ = locale.gettext
    if len(group) == 1:
        return group[0].label
    hlms = [m.number for m in group if m.number]
    summits = len(group) - len(hlms)
    text = (
        _("HLM {number}").format(number=f"{hlms[0]}–{hlms[-1]}" if len(hlms) > 1 else hlms[0]) if hlms else ""
    )
    extra = _("summit") if summits == 1 else _("{count} summits").format(count=summits)
    return " + ".join(t for t in (text, extra if summits else "") if t)


def meeting_clusters(
    meetings: Sequence[Meeting], span: float, locale: Locale
) -> list[tuple[float, str, str]]:
    """Meetings closer than a label's height on the axis share one label: (year, label, hover)."""
    gap = GAP_PX * span / PLOT_PX
    groups: list[list[Meeting]] = []
    for meeting in sorted(meetings, key=lambda m: m.year):
        if groups and meeting.year - groups[-1][-1].year < gap:
            groups[-1].append(meeting)
        else:
            groups.append([meeting])
    return [(g[0].year, cluster_label(g, locale), "<br>".join(m.title for m in g)) for g in groups]


def meeting_marks(meetings: Sequence[Meeting], first: float, last: float, locale: Locale) -> dict[str, Any]:
    """Dotted lines at the meetings within [first, last] and their labels in rows above the plot
    (``shapes``, ``annotations`` and the top ``margin`` they need)."""
    shown = [m for m in meetings if first <= m.year <= last]
    span = max(last - first, 1.0)
    shapes = [
        {"type": "line", "xref": "x", "yref": "paper", "x0": m.year, "x1": m.year, "y0": 0, "y1": 1,
         "line": {"color": MEETING_COLOUR, "width": 1, "dash": "dot"}, "layer": "below"}
        for m in shown
    ]  # fmt: skip
    ends: list[float] = []  # where the last label of each row ends, in years
    annotations = []
    for year, label, hover in meeting_clusters(shown, span, locale):
        width = (len(label) * CHAR_PX + GAP_PX) * span / PLOT_PX
        right = year + width > last + span * 0.05  # would run off the plot: end the label at its line
        start, end = (year - width, year) if right else (year, year + width)
        row = next((i for i, stop in enumerate(ends) if stop < start), len(ends))
        ends[row : row + 1] = [end]
        annotations.append(
            {"x": year, "y": 1, "xref": "x", "yref": "paper", "xanchor": "right" if right else "left",
             "yanchor": "bottom", "yshift": 2 + row * ROW_PX, "text": label, "hovertext": hover,
             "showarrow": False, "font": {"size": 11, "color": MEETING_COLOUR}}
        )  # fmt: skip
    return {"shapes": shapes, "annotations": annotations, "top": 10 + len(ends) * ROW_PX}


def profile_figure(
    lines: Sequence[Line], spec: Indicator, locale: Locale, meetings: Sequence[Meeting] = ()
) -> go.Figure:
    """Solid lines for countries, dashed for bloc aggregates (right axis when the indicator is a
    count); ``meetings`` (see :func:`dashboard.timeline.meetings`) within the years shown are
    dotted lines with short labels above the plot."""
    _ = locale.gettext
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
                customdata=[locale.value(v, spec.unit) for v in values.to_numpy()],
                hovertemplate="<b>" + line.name + "</b> · %{x}<br>%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(
        height=380,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        paper_bgcolor="white",
        plot_bgcolor="white",
        font={"family": FONT, "size": 14},
        separators=separators(locale),
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.18, "x": 0},
        yaxis={
            "title": {"text": locale.unit(spec.unit)},
            "gridcolor": "#e5e7eb",
            "rangemode": "tozero" if spec.colour == "sequential" else "normal",
        },
        xaxis={"gridcolor": "#f1f5f9"},
    )
    years = [float(y) for line in lines for y in line.values.dropna().index]
    if meetings and years:
        marks = meeting_marks(meetings, min(years), max(years), locale)
        if marks["shapes"]:
            fig.update_layout(
                shapes=marks["shapes"], annotations=marks["annotations"], margin={"t": marks["top"]}
            )
    if counts and any(line.is_aggregate for line in lines):
        fig.update_layout(
            yaxis2={"overlaying": "y", "side": "right", "showgrid": False, "rangemode": "tozero"}
        )
    return fig
