"""The dialogue timeline: which events a filter keeps, how each is drawn and described.
Pure: frames from :mod:`dashboard.dialogue` in, frames and figure dicts out."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import dialogue
from dashboard.figures import FONT
from dashboard.locale import Locale

FIRST_YEAR, LAST_YEAR = 2005, 2020
NO_THEME_COLOUR = "#6c757d"
ROMAN = dict(zip("123456789", ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"), strict=True))
# Lanes from top to bottom: the dialogue itself, then the wider framework.
LANES = ("hlm", "dialogue", "summit", "meeting", "forum", "conference", "seminar", "policy", "programme")


def lane_labels(locale: Locale) -> dict[str, str]:
    _ = locale.gettext
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
    events: pd.DataFrame,
    themes: Collection[str] = (),
    years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR),
    countries: Collection[str] = (),
    groups: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Events in the lanes whose start year is in ``years``, that carry any of ``themes`` (none =
    every theme) and that concern any of ``countries`` (none = all): held there, under its EU
    presidency, naming it or a sub-regional group it belongs to (``groups``: data/groups.csv).
    Events of the whole EU or CELAC side are not a country's own and are left out by a country."""
    rows = events[events["kind"].isin(LANES)]
    start = rows["date"].dt.year
    keep = (start >= years[0]) & (start <= years[1])
    if themes:
        wanted = set(themes)
        keep &= rows["themes"].map(lambda ts: bool(wanted.intersection(ts)))
    if countries:
        chosen = set(countries)
        members = dialogue.group_members(groups) if groups is not None else {}
        keep &= pd.Series(
            [
                bool(chosen.intersection(dialogue.places(r["countries"], r["groups"], members, r["country"],
                                                         r["presidency"])))
                for r in records(rows)
            ],
            index=rows.index,
            dtype=bool,
        )  # fmt: skip
    return rows[keep]


# CLDR patterns per precision: "25 September 2009", "25 de septiembre de 2009", "février 2010", "2008".
DATE_SKELETONS = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}


def span_label(start: pd.Timestamp, end: Any, precision: str, locale: Locale) -> str:
    """One period in the reader's language, as precise as ``precision``: "25–26 September 2009",
    "février 2010", "2011 – 2013"."""
    skeleton = DATE_SKELETONS[precision]
    text = locale.date_skeleton(skeleton, start.date())
    if pd.notna(end) and end != start:
        last = locale.date_skeleton(skeleton, end.date())
        same_month = precision == "day" and (start.year, start.month) == (end.year, end.month)
        # The four locales write the day first: "25–26 September 2009", "25–26 de septiembre de 2009".
        text = f"{start.day}–{last}" if same_month else f"{text} – {last}"
    return text


def stated_dates(row: Mapping[str, Any], locale: Locale) -> list[str]:
    """Each date a source states for the event on its own (a disputed event keeps them all), in
    source order without repeats: ["2008", "June 2009"]; empty when no source dates itself."""
    out: list[str] = []
    for source in row.get("sources") or ():
        if source.get("date_start"):
            start = pd.Timestamp(source["date_start"])
            end = pd.Timestamp(source.get("date_end") or source["date_start"])
            label = span_label(start, end, source.get("precision") or row["precision"], locale)
            out += [] if label in out else [label]
    return out


def date_label(row: Mapping[str, Any], locale: Locale) -> str:
    """The date in the reader's language, only as precise as the source ("25 September 2009",
    "février 2010", "2008"), or a range; where the sources state different dates, each of them
    ("2008 or June 2009"); a year the source leaves out is said to be inferred; "(≈)" where the
    date is approximate."""
    _ = locale.gettext
    start, precision = row["date"], row["precision"]
    alternatives = stated_dates(row, locale) if row.get("disputed") else []
    if len(alternatives) > 1:
        text = _(" or ").join(alternatives)
    elif row.get("year_inferred") and precision == "day":
        text = _("{day} (year not stated; {year} inferred)").format(
            day=locale.date_skeleton("MMMMd", start.date()), year=start.year
        )
    else:
        text = span_label(start, row["date_end"], precision, locale)
        if row.get("ongoing") and pd.isna(row["date_end"]):
            text = _("{start} – ongoing").format(start=text)
    return text + (" (≈)" if row.get("approximate") else "")


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts with string keys."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def figure(
    rows: pd.DataFrame | Sequence[Mapping[str, Any]],
    themes: pd.DataFrame,
    locale: Locale,
    kinds: Collection[str] = (),
    points: Mapping[str, list[str]] | None = None,
) -> dict[str, Any]:
    """Markers on a date axis, one lane per kind, coloured by the event's first theme. ``kinds``
    keeps lanes even when a filter empties them (a steady chart while filtering). ``rows``: a frame
    or its :func:`records`; ``points``: each event's hover (:func:`point`) by id, if already made."""
    items = records(rows) if isinstance(rows, pd.DataFrame) else rows
    labels = lane_labels(locale)
    colour = dict(zip(themes["id"], themes["colour"], strict=True))
    theme_name = dict(zip(themes["id"], themes[f"label_{locale.lang}"], strict=True))
    lanes = [k for k in LANES if k in {row["kind"] for row in items} | set(kinds)]
    _ = locale.gettext
    colour[""], theme_name[""] = NO_THEME_COLOUR, _("No theme stated")
    by_theme: dict[str, list[Mapping[str, Any]]] = {}
    for row in items:  # one pass, each theme's events in the rows' order
        by_theme.setdefault(row["themes"][0] if row["themes"] else "", []).append(row)
    traces = []
    for theme_id in [*themes["id"], ""]:
        part = by_theme.get(theme_id)
        if not part:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                # HLM numbers on the markers: a projector has no hover.
                "text": [
                    ROMAN.get(row["id"].removeprefix("hlm_"), "") if row["kind"] == "hlm" else ""
                    for row in part
                ],
                "textposition": "top center",
                "textfont": {"size": 14},
                "cliponaxis": False,  # the top lane's numerals stand above the plot, in its margin
                "name": theme_name[theme_id],
                "x": [row["date"].strftime("%Y-%m-%d") for row in part],
                "y": [labels[row["kind"]] for row in part],
                "marker": {"size": 16, "color": colour[theme_id], "line": {"color": "white", "width": 1.5}},
                "customdata": [
                    list(points[row["id"]]) if points is not None else point(row, locale) for row in part
                ],
                "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]} %{customdata[3]}"
                + "<extra></extra>",
            }
        )
    height = 160 + 48 * max(len(lanes), 1)
    empty = [
        {"text": _("No event matches these filters"), "showarrow": False, "xref": "paper", "yref": "paper",
         "x": 0.5, "y": 0.5, "font": {"size": 16, "color": "#6c757d"}}
    ]  # fmt: skip
    return {
        "data": traces,
        "layout": {
            "font": {"family": FONT, "size": 14},
            "height": height,
            "margin": {"l": 10, "r": 10, "t": 30, "b": 40},
            "xaxis": {
                "type": "date",
                "range": [f"{FIRST_YEAR - 1}-07-01", f"{LAST_YEAR}-07-01"],
                "gridcolor": "#e9ecef",
            },
            "yaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": [labels[k] for k in reversed(lanes)],
                "range": [-0.5, max(len(lanes), 1) - 0.5],
                "automargin": True,
                "fixedrange": True,
            },
            "annotations": [] if traces else empty,
            "legend": {"orientation": "h", "y": -0.12, "x": 0},
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "hovermode": "closest",
        },
    }


def point(row: Mapping[str, Any], locale: Locale) -> list[str]:
    """An event's hover on the timeline: id, title, date and city in the reader's language."""
    return [
        row["id"],
        dialogue.text(row, locale),
        date_label(row, locale),
        dialogue.text(row, locale, "city"),
    ]


def clicked_event(click: object) -> str | None:
    """The event id of a timeline click (first customdata field), or None."""
    try:
        value = click["points"][0]["customdata"][0]  # type: ignore[index]
    except (TypeError, KeyError, IndexError):
        return None
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class Meeting:
    """A High Level Meeting or EU–CELAC summit as a marker on a chart with a year axis.

    ``year`` is a decimal year at the middle of the period the source states (a summit known only
    by its year sits mid-year); ``label`` is short ("HLM IX", "Lima summit"), ``title`` the hover;
    ``number`` is an HLM's roman numeral ("" for a summit)."""

    id: str
    year: float
    label: str
    title: str
    number: str = ""


def meetings(events: pd.DataFrame, locale: Locale) -> list[Meeting]:
    """The HLMs and the summits of both sides (EU27 and CELAC), in date order."""
    _ = locale.gettext
    rows = events[
        (events["kind"] == "hlm")
        | ((events["kind"] == "summit") & events["groups"].map(lambda gs: {"EU27", "CELAC"} <= set(gs)))
    ]
    out = []
    for row in records(rows.sort_values("date")):
        start = row["date"]
        days = {"day": 1, "month": start.days_in_month, "year": 365 + start.is_leap_year}[row["precision"]]
        year = start.year + (start.day_of_year - 1 + days / 2) / (365 + start.is_leap_year)
        number = ROMAN.get(row["id"].removeprefix("hlm_"), "") if row["kind"] == "hlm" else ""
        if number:
            label = _("HLM {number}").format(number=number)
        else:
            city = dialogue.text(row, locale, "city")
            label = _("{city} summit").format(city=city) if city else _("Summit")
        title = f"{dialogue.text(row, locale)} · {date_label(row, locale)}"
        out.append(Meeting(row["id"], round(year, 3), label, title, number))
    return out
