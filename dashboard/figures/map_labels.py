"""Values written on the map itself while presenting: one text trace per bloc panel.

Which countries get a label is the view's decision (:func:`dashboard.views.map.presenter_labels`);
this module writes them: the country's short name and its value ("Germany · 16.8m",
"Spain · 18.3 %") in the reader's locale, at its label point (``lon``/``lat``, inside its largest
polygon, so small Caribbean states have one too), beside a small marker. Dark text with a white
halo (``textfont.shadow``) reads on light and dark fills alike. The traces are in every map
figure, empty unless presenting, so their positions (and the patches that write them) never move.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard.locale import Locale

FONT_SIZE = 18
TEXT_COLOUR = "#111827"
HALO = ", ".join(f"{x}px {y}px 2px white" for x in (-1, 0, 1) for y in (-1, 0, 1) if x or y)
# Where a label may go, in order of preference, and the share of its box on each side of the point.
POSITIONS = ("middle right", "middle left", "top center", "bottom center")
# Rough size of the panels' pixels in degrees (both panels side by side at 1280×720, the
# smallest a presenter meets): enough to keep two labels from being written over each other.
DEGREES_PER_PX = {"CELAC": 0.18, "EU27": 0.11}
CHAR_PX = 0.56 * FONT_SIZE  # the average width of a character of the app's font
LINE_PX = 1.3 * FONT_SIZE
MARKER_PX = 8

Box = tuple[float, float, float, float]  # west, south, east, north, in degrees


def empty_trace(bloc: str, geo: str) -> dict[str, Any]:
    """The label trace of a bloc's panel, with no labels (a figure not presented keeps it so)."""
    return {
        "type": "scattergeo",
        "geo": geo,
        "mode": "text+markers",
        "name": f"{bloc}-labels",
        "lon": [],
        "lat": [],
        "text": [],
        "textposition": [],
        "hoverinfo": "skip",
        "visible": False,
        "marker": {"size": MARKER_PX, "color": TEXT_COLOUR, "line": {"color": "white", "width": 1.5}},
        "textfont": {"size": FONT_SIZE, "color": TEXT_COLOUR, "weight": 600, "shadow": HALO},
    }


def value_text(value: float, unit: str, locale: Locale) -> str:
    """A label's number: short for people and money (16.8m, 2 M, US$ 60bn), one decimal for
    rates (18.3 %, 5.2 ‰), with the unit's symbol; the people the subtitle already names."""
    if unit in ("percent", "per_1000"):
        prefix, suffix = locale.affixes(unit)
        return prefix + locale.bare(value, unit) + suffix
    if unit in ("usd", "usd_millions"):
        return "US$ " + locale.short(value * (1e6 if unit == "usd_millions" else 1))
    return locale.short(value)


def label_text(name: str, value: float, unit: str, locale: Locale) -> str:
    return f"{name} · {value_text(value, unit, locale)}"


def fields(
    bloc: str, rows: Sequence[dict[str, Any]], unit: str, locale: Locale, lon_range: Sequence[float]
) -> dict[str, Any]:
    """The label trace's changing fields for the rows to label (in priority order): points,
    texts and a position for each that keeps it inside the panel (``lon_range``) and off the
    labels placed before it."""
    texts = [label_text(str(r["name"]), float(r["value"]), unit, locale) for r in rows]
    points = [(float(r["lon"]), float(r["lat"])) for r in rows]
    return {
        "lon": [p[0] for p in points],
        "lat": [p[1] for p in points],
        "text": texts,
        "textposition": positions(bloc, points, texts, lon_range),
        "visible": bool(rows),
    }


def positions(
    bloc: str, points: Sequence[tuple[float, float]], texts: Sequence[str], lon_range: Sequence[float]
) -> list[str]:
    """A position for each label: the first of :data:`POSITIONS` whose box stays inside the panel
    and overlaps no marker and no label placed before it (else the first inside the panel)."""
    scale = DEGREES_PER_PX[bloc]
    markers = [_box(p, MARKER_PX, MARKER_PX, "middle center", scale) for p in points]
    placed: list[Box] = []
    out = []
    for i, (point, text) in enumerate(zip(points, texts, strict=True)):
        width = len(text) * CHAR_PX
        others = [b for j, b in enumerate(markers) if j != i] + placed
        boxes = {where: _box(point, width, LINE_PX, where, scale) for where in POSITIONS}
        inside = [w for w in POSITIONS if lon_range[0] <= boxes[w][0] and boxes[w][2] <= lon_range[1]]
        inside = inside or list(POSITIONS)
        free = [w for w in inside if not any(_overlap(boxes[w], b) for b in others)]
        where = (free or inside)[0]
        placed.append(boxes[where])
        out.append(where)
    return out


def _box(point: tuple[float, float], width: float, height: float, where: str, scale: float) -> Box:
    """The box a text of ``width``×``height`` px takes at ``where`` of a point, in degrees."""
    lon, lat = point
    w, h, gap = width * scale, height * scale, MARKER_PX * scale / 2
    vertical, horizontal = where.split()
    west = {"right": lon + gap, "left": lon - gap - w, "center": lon - w / 2}[horizontal]
    south = {"top": lat + gap, "bottom": lat - gap - h, "middle": lat - h / 2}[vertical]
    return (west, south, west + w, south + h)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
