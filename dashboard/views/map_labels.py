"""Which countries a presented map writes its values on (the figure writes them:
:mod:`dashboard.figures.map_labels`)."""

from __future__ import annotations

import pandas as pd

from dashboard import readings
from dashboard.figures import maps

# How many countries a presented map labels: the top of each bloc shown, or of the selection.
TOP_PER_BLOC = 3
MAX_LABELS = 6


def presenter_labels(frame: pd.DataFrame, region: str, countries: tuple[str, ...]) -> tuple[str, ...]:
    """Which countries a presented map writes its values on, most important first (ISO3).

    The selected countries when there are any (the highest :data:`MAX_LABELS` of them), else the
    :data:`TOP_PER_BLOC` highest of each bloc the region shows. Only real values count
    (:func:`readings.is_real`): a country without data is never labelled. Equal values are
    taken in ISO3 order, so the same view always labels the same countries.
    """
    shown = maps.shown_blocs(region)
    rows = [
        (str(code), str(bloc), float(value))
        for code, bloc, value, flag in zip(
            frame["iso3"], frame["bloc"], frame["value"], frame["flag"], strict=True
        )
        if bloc in shown and readings.is_real(value, flag)
    ]
    rows.sort(key=lambda row: (-row[2], row[0]))
    if countries:
        return tuple(code for code, _bloc, _value in rows if code in countries)[:MAX_LABELS]
    return tuple(code for bloc in shown for code in [r[0] for r in rows if r[1] == bloc][:TOP_PER_BLOC])
