"""The country-profile chart: an indicator over time, countries against their bloc."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard import readings
from dashboard.datasets import Indicator
from dashboard.figures import FONT, separators
from dashboard.figures.ticks import ticks
from dashboard.locale import Locale
from dashboard.profiles import Line
from dashboard.timeline import Meeting

PALETTE = ("#0b6e99", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f")
GROUP_COLOURS = ("#475569", "#7c2d12", "#4d7c0f", "#6d28d9", "#0f766e", "#9f1239")
MEETING_COLOUR = "#64748b"
LABEL_PX = 14  # meeting labels and notes: the floor of chart text (a presenter's 1280 x 720 box)
ROW_PX = 18
# Plot width the label layout assumes (the chart's column on a laptop); labels are placed in
# rows so that none overlaps at this width or wider.
PLOT_PX, CHAR_PX, GAP_PX = 560, 8.3, 14


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
    several = locale.ngettext("{count} summit", "{count} summits", summits)
    extra = _("summit") if summits == 1 else several.format(count=locale.number(summits))
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
             "showarrow": False, "font": {"size": LABEL_PX, "color": MEETING_COLOUR}}
        )  # fmt: skip
    return {"shapes": shapes, "annotations": annotations, "top": 10 + len(ends) * ROW_PX}


def _points(line: Line, years: Sequence[int]) -> tuple[list[int], list[float | None], list[bool]]:
    """The line's years (every year the indicator has, so a missing one breaks the line), its
    values (None = no data: a gap, never 0) and which points have low coverage."""
    shown = sorted({*years, *(int(y) for y in line.values.index)})
    values = line.values.reindex(shown)
    low = [False] * len(shown)
    if line.n_reporting is not None and line.n_members is not None:
        reporting, members = line.n_reporting.reindex(shown), line.n_members.reindex(shown)
        low = [
            pd.notna(v) and readings.low_coverage(r, m)
            for v, r, m in zip(values.tolist(), reporting.tolist(), members.tolist(), strict=True)
        ]
    return shown, [None if pd.isna(v) else float(v) for v in values.tolist()], low


def _hover_texts(line: Line, years: Sequence[int], spec: Indicator, locale: Locale) -> list[str]:
    """Value with unit per point, and for an aggregate how many members it covers."""
    out = []
    for year in years:
        value = line.values.get(year)
        text = readings.shown(
            None if value is None or pd.isna(value) else float(value), "", spec.unit, locale
        )
        if line.n_reporting is not None and line.n_members is not None and year in line.n_members.index:
            reporting, members = line.n_reporting.get(year), line.n_members.get(year)
            if pd.notna(reporting) and pd.notna(members):
                text += " · " + readings.coverage(int(reporting), int(members), locale)
        out.append(text)
    return out


def profile_figure(
    lines: Sequence[Line], spec: Indicator, locale: Locale, meetings: Sequence[Meeting] = ()
) -> go.Figure:
    """Solid lines for countries, dashed for aggregates; ``meetings`` (see
    :func:`dashboard.timeline.meetings`) within the years shown are dotted lines with labels above.

    No second axis makes unequal values look equal: for counts (people, dollars) the groups' totals
    are drawn on their own panel below, with their own scale, and the chart says so; shares and
    rates share one axis. A missing value (or a flagged zero) is a gap in its line. An aggregate's
    points where fewer than 3 in 4 members report are dotted with hollow markers (the line breaks
    there), and the chart states the threshold.
    """
    _ = locale.gettext
    counts = spec.unit in ("persons", "usd")
    own_panel = (
        counts and any(line.is_aggregate for line in lines) and any(not line.is_aggregate for line in lines)
    )
    fig = go.Figure()
    notes: list[str] = []
    low_shown = False
    drawn: dict[str, list[float]] = {"y": [], "y2": []}
    seen = {True: 0, False: 0}  # countries and groups each take their palette in order
    for line in lines:
        years, values, low = _points(line, spec.years)
        axis = "y2" if own_panel and line.is_aggregate else "y"
        i = seen[line.is_aggregate]
        seen[line.is_aggregate] += 1
        colour = GROUP_COLOURS[i % len(GROUP_COLOURS)] if line.is_aggregate else PALETTE[i % len(PALETTE)]
        texts = _hover_texts(line, years, spec, locale)
        template = "<b>" + line.name + "</b> · %{x}<br>%{customdata}<extra></extra>"
        drawn[axis] += [v for v in values if v is not None]
        full = [None if flag else v for v, flag in zip(values, low, strict=True)]
        fig.add_trace(
            go.Scatter(
                x=years, y=full, name=line.name, mode="lines+markers", connectgaps=False,
                line={"width": 3, "dash": "dash" if line.is_aggregate else "solid", "color": colour},
                marker={"size": 6}, yaxis=axis, legendgroup=line.code, customdata=texts,
                hovertemplate=template,
            )
        )  # fmt: skip
        if any(low):
            low_shown = True
            fig.add_trace(
                go.Scatter(
                    x=years, y=[v if flag else None for v, flag in zip(values, low, strict=True)],
                    name=line.name, mode="lines+markers", connectgaps=False, showlegend=False,
                    line={"width": 2, "dash": "dot", "color": colour},
                    marker={"size": 8, "symbol": "circle-open", "color": colour}, yaxis=axis,
                    legendgroup=line.code, customdata=texts, hovertemplate=template,
                )
            )  # fmt: skip
    if own_panel:
        notes.append(_("Groups (dashed) are totals, drawn below on their own scale"))
    if low_shown:
        notes.append(_("Groups: {note}").format(note=readings.threshold_note(locale)))
    zero = spec.colour == "sequential"
    fig.update_layout(
        height=460 if own_panel else 380,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        paper_bgcolor="white",
        plot_bgcolor="white",
        font={"family": FONT, "size": 14},
        separators=separators(locale),
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0,
                "title": {"text": "<br>".join(notes), "side": "top", "font": {"size": LABEL_PX}}},
        yaxis={"title": {"text": locale.unit(spec.unit)}, "gridcolor": "#e5e7eb",
               "domain": [0.4, 1.0] if own_panel else [0.0, 1.0], **ticks(drawn["y"], locale, zero=zero)},
        xaxis={"gridcolor": "#f1f5f9", "anchor": "y2" if own_panel else "y"},
    )  # fmt: skip
    if own_panel:  # a short panel: three ticks, and no title of its own (the legend's note says
        # what it shows); on a presenter's stage an upright title would run into the upper one's
        fig.update_layout(
            yaxis2={"gridcolor": "#e5e7eb", "domain": [0.0, 0.3], "anchor": "x",
                    **ticks(drawn["y2"], locale, count=3, zero=zero)}
        )  # fmt: skip
    spans = [float(y) for line in lines for y in line.values.dropna().index]
    if meetings and spans:
        marks = meeting_marks(meetings, min(spans), max(spans), locale)
        if marks["shapes"]:
            fig.update_layout(
                shapes=marks["shapes"], annotations=marks["annotations"], margin={"t": marks["top"]}
            )
    return fig
