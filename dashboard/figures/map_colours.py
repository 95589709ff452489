"""The map's colours: sequential, diverging around 0, or log10; grey for no data. The colour bar's
ticks are written in the reader's locale, never by plotly (whose "60B" is 60 billones in Spanish)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd
from plotly import colors as plotly_colors
from plotly.colors import make_colorscale

from dashboard.datasets import Indicator
from dashboard.figures.ticks import tick_labels, ticks
from dashboard.locale import Locale

NO_DATA_COLOUR = "#cfd4da"
# Explicit light-to-dark lists: plotly.js's own "YlGnBu" runs dark-to-light.
SEQUENTIAL = make_colorscale(plotly_colors.sequential.YlGnBu)
DIVERGING = make_colorscale(plotly_colors.diverging.RdBu)  # red = more leaving, blue = more arriving


def log_scale_allowed(spec: Indicator) -> bool:
    """Counts (people, dollars) may use a log colour scale; shares and net flows may not."""
    return spec.unit in ("persons", "usd") and spec.colour == "sequential"


def colour_axis(spec: Indicator, values: pd.Series, log: bool, locale: Locale) -> dict[str, Any]:
    """Sequential for stocks and shares, diverging around 0, or log10; the colour bar's ticks are
    Puentes' own in the reader's locale (:mod:`dashboard.figures.ticks`: "60 mil M", never "60B")."""
    finite = [float(v) for v in values.dropna()]
    scale, labels = SEQUENTIAL, {}
    bounds: dict[str, float | None] = {"cmin": None, "cmax": None, "cmid": None}
    if spec.colour == "diverging" and finite:
        bound = max(abs(v) for v in finite) or 1.0
        labels = _labelled(-bound, bound, locale)  # symmetric: 0 and the same steps either side
        scale, bounds = DIVERGING, {"cmin": -bound, "cmax": bound, "cmid": 0.0}
    elif log and finite:
        positive = [v for v in finite if v > 0]
        first = math.floor(math.log10(max(min(positive) if positive else 1.0, 1.0)))
        last = math.ceil(math.log10(max(max(finite), 10.0)))
        powers = list(range(first, last + 1))
        labels = {"tickvals": powers, "ticktext": tick_labels([10.0**p for p in powers], locale)}
        bounds = {"cmin": first, "cmax": last, "cmid": None}
    elif finite:
        low, high = min(finite), max(finite)
        labels = _labelled(low, high, locale)
        low, high = labels.get("range", (low, high))  # one value alone: a bar around it
        bounds = {"cmin": low, "cmax": high, "cmid": None}
    return {
        "colorscale": scale,
        **bounds,
        "colorbar": {
            "thickness": 16,
            "len": 0.75,
            "tickvals": labels.get("tickvals"),
            "ticktext": labels.get("ticktext"),
            "tickfont": {"size": 14},
        },
    }


def _labelled(low: float, high: float, locale: Locale) -> dict[str, Any]:
    """Ticks between the data's ends, at least three where the range allows: the colours keep the
    data's own range (a 91 ‰ maximum stays as dark as it is, not paled by a bar stretched to 100)
    and plotly draws no tick outside it."""
    if high <= low:
        return ticks([low, high], locale, zero=False)
    slack = (high - low) * 1e-9
    kept: list[tuple[float, str]] = []
    for count in (5, 6, 8, 10):
        bar = ticks([low, high], locale, count=count, zero=False)
        pairs = zip(bar["tickvals"], bar["ticktext"], strict=True)
        kept = [(value, text) for value, text in pairs if low - slack <= value <= high + slack]
        if len(kept) >= 3:
            break
    return {"tickvals": [v for v, _ in kept], "ticktext": [t for _, t in kept]}


def colour_values(values: Iterable[float], log: bool) -> list[float | None]:
    """What the colour scale sees: the value, or log10 of it (zeros drawn at the floor)."""
    numbers = [float(v) for v in values]
    if not log:
        return [None if math.isnan(v) else v for v in numbers]
    positive = [v for v in numbers if v > 0]
    floor = math.log10(min(positive)) if positive else 0.0
    return [None if math.isnan(v) else (math.log10(v) if v > 0 else floor) for v in numbers]
