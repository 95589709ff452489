"""Values written on the map itself while presenting: one text trace per bloc panel.

Which countries get a label is the view's decision (:mod:`dashboard.views.map_labels`); this
module writes them: the country's short name over its value ("Germany" / "16.8m", "Spain" /
"18.3 %": two short lines fit the narrow panels of a projector) in the reader's locale, at its
label point (``lon``/``lat``, inside its largest polygon, so small Caribbean states have one
too), beside a small marker. Dark text with a white halo (``textfont.shadow``) reads on light and
dark fills alike. The traces are in every map figure, empty unless presenting, so their positions
(and the patches that write them) never move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from dashboard.locale import Locale

FONT_SIZE = 18
TEXT_COLOUR = "#111827"
HALO = ", ".join(
    [*(f"{x}px {y}px 1px white" for x in (-2, 0, 2) for y in (-2, 0, 2) if x or y), "0 0 4px white"]
)
# Where a label may go, in order of preference.
POSITIONS = (
    "middle right",
    "middle left",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
    "top center",
    "bottom center",
)
# Rough size of the panels' pixels in degrees on a 1280×720 projector (both panels side by side,
# measured on screenshots, a little rounded up): labels kept inside their panel and off each
# other there are so on any bigger screen.
DEGREES_PER_PX = {"CELAC": 0.3, "EU27": 0.14}
CHAR_PX = 0.56 * FONT_SIZE  # the average width of a character of the app's font
LINE_PX = 1.3 * FONT_SIZE
MARKER_PX = 8
DOT_PX = 14  # a small state's marker (``maps``: 12 px and its outline)
# A label with no room beside its country is tried this many steps of this many pixels away, in
# these directions (west first: the Pacific and the Atlantic are empty), on the side facing away.
STEPS = 8
STEP_PX = 24
AWAY = (
    ((-1, 0), "middle left"),
    ((-1, -1), "bottom left"),
    ((0, -1), "bottom center"),
    ((1, -1), "bottom right"),
    ((1, 0), "middle right"),
    ((-1, 1), "top left"),
    ((0, 1), "top center"),
    ((1, 1), "top right"),
)
NAME_CHARS = 14  # a longer name is written on two lines ("Dominican" / "Republic")

Box = tuple[float, float, float, float]  # west, south, east, north, in degrees
Segment = tuple[tuple[float, float], tuple[float, float]]  # a leader line, country to label


def empty_traces(bloc: str, geo: str) -> dict[str, dict[str, Any]]:
    """The label traces of a bloc's panel (``leaders``: lines from a country to a label moved off
    a crowd; ``labels``), with no labels: a figure not presented keeps them so."""
    common = {"type": "scattergeo", "geo": geo, "lon": [], "lat": [], "hoverinfo": "skip", "visible": False}
    marker = {"size": MARKER_PX, "color": TEXT_COLOUR, "line": {"color": "white", "width": 1.5}}
    return {
        "labels": {
            **common,
            "mode": "text+markers",
            "name": f"{bloc}-labels",
            "text": [],
            "textposition": [],
            "marker": marker,
            "textfont": {"size": FONT_SIZE, "color": TEXT_COLOUR, "weight": 600, "shadow": HALO},
        },
        "leaders": {
            **common,
            "mode": "lines+markers",
            "name": f"{bloc}-leaders",
            "line": {"color": TEXT_COLOUR, "width": 1.5},
            "marker": {**marker, "size": []},
        },
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
    """The label's lines: the name (on two lines if long) over the value."""
    return "<br>".join([*name_lines(name), value_text(value, unit, locale)])


def name_lines(name: str) -> list[str]:
    """A long name cut at the space or hyphen nearest its middle (the hyphen stays on the first
    line): "Antigua &" / "Barbuda", "Saint-Christophe-" / "et-Niévès"."""
    cuts = [i for i, c in enumerate(name) if c in " -"]
    if len(name) <= NAME_CHARS or not cuts:
        return [name]
    cut = min(cuts, key=lambda i: abs(len(name) / 2 - i))
    keep = cut + 1 if name[cut] == "-" else cut
    return [name[:keep], name[cut + 1 :]]


def fields(
    bloc: str,
    rows: Sequence[dict[str, Any]],
    unit: str,
    locale: Locale,
    view: dict[str, list[float]],
    dots: Sequence[tuple[float, float]] = (),
) -> dict[str, dict[str, Any]]:
    """Both label traces' changing fields (``{"labels": …, "leaders": …}``) for the rows to label,
    in priority order: each label beside its country where there is room inside the panel
    (``view``'s ``lon`` and ``lat`` ranges) and off the labels placed before it, else moved a
    little away with a leader line back to the country. ``dots`` are the small states' markers,
    which a label must not cover either."""
    texts = [label_text(str(r["name"]), float(r["value"]), unit, locale) for r in rows]
    points = [(float(r["lon"]), float(r["lat"])) for r in rows]
    places = place(bloc, points, texts, view, dots)
    moved = [(point, spot) for point, spot in zip(points, places, strict=True) if spot.moved]
    ends = [end for point, spot in moved for end in (point, spot.anchor, (None, None))]
    return {
        "labels": {
            "lon": [spot.anchor[0] for spot in places],
            "lat": [spot.anchor[1] for spot in places],
            "text": texts,
            "textposition": [spot.where for spot in places],
            "marker.size": [0 if spot.moved else MARKER_PX for spot in places],
            "visible": bool(rows),
        },
        "leaders": {
            "lon": [end[0] for end in ends],
            "lat": [end[1] for end in ends],
            "marker.size": [MARKER_PX, 0, 0] * len(moved),
            "visible": bool(moved),
        },
    }


@dataclass(frozen=True)
class Spot:
    """Where a label goes: the point its text is set against, and on which side."""

    anchor: tuple[float, float]
    where: str
    moved: bool = False


def place(
    bloc: str,
    points: Sequence[tuple[float, float]],
    texts: Sequence[str],
    view: dict[str, list[float]],
    dots: Sequence[tuple[float, float]] = (),
) -> list[Spot]:
    """A spot for each label, in order: the first of :data:`POSITIONS` beside its country whose
    box stays inside the panel and overlaps no marker and no label placed before it; else the
    nearest free spot a few steps away (:data:`AWAY`), joined by a leader line; else the spot
    running least out of the panel that covers fewest markers, labels and leader lines."""
    scale = DEGREES_PER_PX[bloc]
    markers = [_box(p, MARKER_PX, MARKER_PX, "middle center", scale) for p in points]
    small = [_box(p, DOT_PX, DOT_PX, "middle center", scale) for p in dots if p not in points]
    labels: list[Box] = []
    leaders: list[Segment] = []
    out = []
    for i, (point, text) in enumerate(zip(points, texts, strict=True)):
        lines = text.split("<br>")
        width, height = max(len(line) for line in lines) * CHAR_PX, len(lines) * LINE_PX
        others = [b for j, b in enumerate(markers) if j != i] + small + labels
        step = STEP_PX * scale
        beside = [Spot(point, where) for where in POSITIONS]
        away = [
            Spot((point[0] + dx * n * step, point[1] + dy * n * step), where, True)
            for n in range(1, STEPS + 1)
            for (dx, dy), where in AWAY
        ]

        cost = partial(
            _cost,
            point=point,
            size=(width, height),
            scale=scale,
            avoid=others,
            leaders=leaders,
            labels=labels,
            view=view,
        )
        spot = min([*beside, *away], key=cost)  # the first free one, else the least covering
        labels.append(_box(spot.anchor, width, height, spot.where, scale))
        if spot.moved:
            leaders.append((point, spot.anchor))
        out.append(spot)
    return out


def positions(
    bloc: str, points: Sequence[tuple[float, float]], texts: Sequence[str], view: dict[str, list[float]]
) -> list[str]:
    """The side of each label's spot (see :func:`place`)."""
    return [spot.where for spot in place(bloc, points, texts, view)]


def _box(point: tuple[float, float], width: float, height: float, where: str, scale: float) -> Box:
    """The box a text of ``width``×``height`` px takes at ``where`` of a point, in degrees."""
    lon, lat = point
    w, h, gap = width * scale, height * scale, MARKER_PX * scale / 2
    vertical, horizontal = where.split()
    west = {"right": lon + gap, "left": lon - gap - w, "center": lon - w / 2}[horizontal]
    south = {"top": lat + gap, "bottom": lat - gap - h, "middle": lat - h / 2}[vertical]
    return (west, south, west + w, south + h)


def _cost(
    spot: Spot,
    point: tuple[float, float],
    size: tuple[float, float],
    scale: float,
    avoid: Sequence[Box],
    leaders: Sequence[Segment],
    labels: Sequence[Box],
    view: dict[str, list[float]],
) -> tuple[float, int]:
    """How far a spot's label runs out of the panel, and how much it covers: boxes to ``avoid``,
    leader lines already drawn, and (a moved label) the labels its own leader line would cross."""
    box = _box(spot.anchor, size[0], size[1], spot.where, scale)
    crossed = sum(_crosses(line, box) for line in leaders)
    if spot.moved:
        crossed += sum(_crosses((spot.anchor, point), b) for b in labels)
    return _overflow(box, view), sum(_overlap(box, b) for b in avoid) + crossed


def _crosses(line: Segment, box: Box, samples: int = 16) -> bool:
    """True when a leader line runs through a box (checked at a few points along it)."""
    (x0, y0), (x1, y1) = line
    return any(
        box[0] < x0 + (x1 - x0) * k / samples < box[2] and box[1] < y0 + (y1 - y0) * k / samples < box[3]
        for k in range(1, samples)
    )


def _overflow(box: Box, view: dict[str, list[float]]) -> float:
    """How far (degrees, rounded) a box runs out of the panel; 0 inside."""
    (west, east), (south, north) = view["lon"], view["lat"]
    out = max(0.0, west - box[0]) + max(0.0, box[2] - east)
    return round(out + max(0.0, south - box[1]) + max(0.0, box[3] - north), 1)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
