"""Figure builders: plain data in, plotly figures (or figure dicts and value updates) out."""

from __future__ import annotations

from dashboard.locale import Locale

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def land_geo(projection: dict[str, object], **extra: object) -> dict[str, object]:
    """A geo subplot for choropleths on the app's own shapes: pale land behind them, no borders,
    coastlines or frame of plotly's own, transparent background."""
    return {
        "projection": projection,
        **extra,
        "showland": True,
        "landcolor": "#eef0f2",
        "showcountries": False,
        "showcoastlines": False,
        "showframe": False,
        "bgcolor": "rgba(0,0,0,0)",
    }


def separators(locale: Locale) -> str:
    """Plotly's decimal and thousands characters for the locale (axis ticks, colour bar)."""
    sample = locale.number(1234567.5, 1)
    return sample[-2] + sample[1]
