"""The dialogue timeline: which events a filter keeps, how each is drawn and described.
Pure: frames from :mod:`dashboard.dialogue` in, frames and figure dicts out."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import pandas as pd

from dashboard import dialogue
from dashboard.figures import FONT
from dashboard.i18n import translator

FIRST_YEAR, LAST_YEAR = 2005, 2020
NO_THEME_COLOUR = "#6c757d"
ROMAN = dict(zip("123456789", ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"), strict=True))
# Lanes from top to bottom: the dialogue itself, then the wider framework.
LANES = ("hlm", "dialogue", "summit", "meeting", "forum", "conference", "seminar", "policy", "programme")


def lane_labels(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {
        "hlm": _("High Level Meetings"),
        "dialogue": _("Dialogue"),
        "summit": _("Summits"),
        "meeting": _("Meetings"),
        "forum": _("Forums"),
        "conference": _("Conferences"),
        "seminar": _("Seminars"),
        "policy": _("Policy frameworks"),
        "programme": _("Programmes"),
    }


def select(
    events: pd.DataFrame, themes: Collection[str] = (), years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)
) -> pd.DataFrame:
    """Events in the lanes whose start year is in ``years`` and that carry any of ``themes``
    (no themes = every theme)."""
    rows = events[events["kind"].isin(LANES)]
    start = rows["date"].dt.year
    keep = (start >= years[0]) & (start <= years[1])
    if themes:
        wanted = set(themes)
        keep &= rows["themes"].map(lambda ts: bool(wanted.intersection(ts)))
    return rows[keep]


def date_label(row: Mapping[str, Any], lang: str) -> str:
    """ "25 Sep 2009", "Feb 2010", "2008" or a range, as precise as the source."""
    start, end, precision = row["date"], row["date_end"], row["precision"]
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[precision]
    text = start.strftime(fmt)
    if pd.notna(end) and end != start:
        text += " – " + end.strftime(fmt)
    return text + (" (≈)" if row.get("approximate") else "")


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts with string keys."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def figure(rows: pd.DataFrame, themes: pd.DataFrame, lang: str) -> dict[str, Any]:
    """Markers on a date axis, one lane per kind, coloured by the event's first theme."""
    labels = lane_labels(lang)
    colour = dict(zip(themes["id"], themes["colour"], strict=True))
    theme_name = dict(zip(themes["id"], themes[f"label_{lang}"], strict=True))
    lanes = [k for k in LANES if k in set(rows["kind"])]
    _ = translator(lang)
    colour[""], theme_name[""] = NO_THEME_COLOUR, _("No theme stated")
    traces = []
    for theme_id in [*themes["id"], ""]:
        part = rows[rows["themes"].map(lambda ts, t=theme_id: (ts[0] if ts else "") == t)]
        if part.empty:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                # HLM numbers on the markers: a projector has no hover.
                "text": [
                    ROMAN.get(i.removeprefix("hlm_"), "") if k == "hlm" else ""
                    for i, k in zip(part["id"], part["kind"], strict=True)
                ],
                "textposition": "top center",
                "textfont": {"size": 12},
                "name": theme_name[theme_id],
                "x": [d.strftime("%Y-%m-%d") for d in part["date"]],
                "y": [labels[k] for k in part["kind"]],
                "marker": {"size": 16, "color": colour[theme_id], "line": {"color": "white", "width": 1.5}},
                "customdata": [
                    [row["id"], dialogue.text(row, lang), date_label(row, lang), row["city"]]
                    for row in records(part)
                ],
                "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]} %{customdata[3]}"
                + "<extra></extra>",
            }
        )
    height = 160 + 48 * max(len(lanes), 1)
    return {
        "data": traces,
        "layout": {
            "font": {"family": FONT, "size": 14},
            "height": height,
            "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
            "xaxis": {
                "type": "date",
                "range": [f"{FIRST_YEAR - 1}-07-01", f"{LAST_YEAR}-07-01"],
                "gridcolor": "#e9ecef",
            },
            "yaxis": {
                "categoryorder": "array",
                "categoryarray": [labels[k] for k in reversed(lanes)],
                "automargin": True,
                "fixedrange": True,
            },
            "legend": {"orientation": "h", "y": -0.12, "x": 0},
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "hovermode": "closest",
        },
    }


def clicked_event(click: object) -> str | None:
    """The event id of a timeline click (first customdata field), or None."""
    try:
        value = click["points"][0]["customdata"][0]  # type: ignore[index]
    except (TypeError, KeyError, IndexError):
        return None
    return value if isinstance(value, str) else None
