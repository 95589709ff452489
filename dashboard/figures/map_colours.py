"""The map's colours: sequential, diverging around 0, or log10 with readable ticks; grey for no data."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd
from plotly import colors as plotly_colors
from plotly.colors import make_colorscale

from dashboard.datasets import Indicator
from dashboard.locale import Locale

NO_DATA_COLOUR = "#cfd4da"
# Explicit light-to-dark lists: plotly.js's own "YlGnBu" runs dark-to-light.
SEQUENTIAL = make_colorscale(plotly_colors.sequential.YlGnBu)
DIVERGING = make_colorscale(plotly_colors.diverging.RdBu)  # red = more leaving, blue = more arriving


def log_scale_allowed(spec: Indicator) -> bool:
    """Counts (people, dollars) may use a log colour scale; shares and net flows may not."""
    return spec.unit in ("persons", "usd") and spec.colour == "sequential"


def colour_axis(spec: Indicator, values: pd.Series, log: bool, locale: Locale) -> dict[str, Any]:
    """Sequential for stocks and shares, diverging around 0, or log10 with readable ticks."""
    axis: dict[str, Any] = {
        "colorscale": SEQUENTIAL,
        "cmin": None,
        "cmax": None,
        "cmid": None,
        "colorbar": {
            "thickness": 16,
            "len": 0.75,
            "tickvals": None,
            "ticktext": None,
            "tickfont": {"size": 14},
        },
    }
    finite = values.dropna()
    if spec.colour == "diverging" and len(finite):
        bound = float(finite.abs().max()) or 1.0
        axis.update(colorscale=DIVERGING, cmid=0.0, cmin=-bound, cmax=bound)
    elif log and len(finite):
        low = math.floor(math.log10(max(float(finite[finite > 0].min()) if (finite > 0).any() else 1.0, 1.0)))
        high = math.ceil(math.log10(max(float(finite.max()), 10.0)))
        ticks = list(range(low, high + 1))
        axis.update(cmin=low, cmax=high)
        axis["colorbar"].update(tickvals=ticks, ticktext=[locale.compact(10.0**t) for t in ticks])
    return axis


def colour_values(values: Iterable[float], log: bool) -> list[float | None]:
    """What the colour scale sees: the value, or log10 of it (zeros drawn at the floor)."""
    numbers = [float(v) for v in values]
    if not log:
        return [None if math.isnan(v) else v for v in numbers]
    positive = [v for v in numbers if v > 0]
    floor = math.log10(min(positive)) if positive else 0.0
    return [None if math.isnan(v) else (math.log10(v) if v > 0 else floor) for v in numbers]
