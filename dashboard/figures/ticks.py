"""Axis and colour-bar ticks written by Puentes in the reader's locale, never by plotly.

Plotly's own tick labels use the English SI suffixes ("60B", "16M"), which read as 10¹² in
Spanish and Portuguese (*billón*, *bilião*). Every numeric axis and colour bar of a figure that
can show large numbers therefore gets explicit ``tickvals`` and ``ticktext`` from :func:`ticks`:
round values ("nice" steps of 1, 2 or 5 × 10ⁿ) labelled with the CLDR short compact forms of
the locale ("60 mil M", "60 mM", "60 Md", "60bn"), with as many decimals as the step needs and
no more, so that no two labels are the same and none is rounded.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from babel import numbers

from dashboard.locale import Locale

MAX_DECIMALS = 3
# A time axis of years: plotly.js picks as many as the chart's width holds (every five years on a
# laptop, every ten on a phone), written as years (no thousands separator).
YEAR_AXIS: dict[str, Any] = {"tickformat": "d", "fixedrange": True}


def nice_step(span: float, count: int) -> float:
    """The step of 1, 2 or 5 × 10ⁿ that cuts ``span`` into about ``count`` intervals."""
    raw = span / max(count, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 5.0, 10.0):
        if raw <= factor * power:
            return factor * power
    return 10.0 * power  # pragma: no cover - the loop always returns


def tick_values(low: float, high: float, count: int = 5) -> list[float]:
    """Round values from at or below ``low`` to at or above ``high``, about ``count`` steps."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    if high < low:
        low, high = high, low
    if high == low:
        high, low = (high + abs(high) or 1.0), (low - abs(low) if low else 0.0)
    step = nice_step(high - low, count)
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    # round() keeps 0.1 × 3 from becoming 0.30000000000000004 in a label or a tick position.
    digits = max(0, -math.floor(math.log10(step)) + 1)
    return [round(i * step, digits) + 0.0 for i in range(first, last + 1)]


def tick_labels(values: Iterable[float], locale: Locale) -> list[str]:
    """Short compact labels ("1,5 M", "60 mil M") with the fewest decimals that are exact."""
    values = list(values)
    for decimals in range(MAX_DECIMALS + 1):
        labels = [_short(v, locale, decimals) for v in values]
        if len(set(labels)) == len(labels) and labels == [_short(v, locale, decimals + 1) for v in values]:
            return labels
    labels = [_short(v, locale, MAX_DECIMALS) for v in values]
    if len(set(labels)) == len(labels):
        return labels
    # A narrow range across a compact boundary (999,000 to 1,001,000): whole numbers say it.
    decimals = 0 if all(float(v).is_integer() for v in values) else MAX_DECIMALS
    return [locale.number(v, decimals) for v in values]


def _short(value: float, locale: Locale, decimals: int) -> str:
    if value == 0:
        return "0"
    text = numbers.format_compact_decimal(
        value, format_type="short", fraction_digits=decimals, locale=locale.cldr
    )
    return str(text)


def ticks(
    values: Iterable[float | None], locale: Locale, count: int = 5, zero: bool = True
) -> dict[str, Any]:
    """``tickvals``, ``ticktext`` and ``range`` for an axis or colour bar showing ``values``.

    ``zero`` keeps 0 inside the range (bars, stocks); missing values are ignored. An axis with no
    value at all gets no ticks (an empty dict: plotly draws nothing to label).
    """
    finite = [float(v) for v in values if v is not None and math.isfinite(float(v))]
    if not finite:
        return {}
    low, high = min(finite), max(finite)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    tickvals = tick_values(low, high, count)
    labels = tick_labels(tickvals, locale)
    return {"tickvals": tickvals, "ticktext": labels, "range": [tickvals[0], tickvals[-1]]}
