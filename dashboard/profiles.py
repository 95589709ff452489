"""Country profiles: time series of the selected countries and their blocs, and key figures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.datasets import Indicator
from dashboard.locale import Locale

KEY_INDICATORS = (
    "migrant_stock",
    "migrant_share",
    "emigrant_stock",
    "emigrant_share",
    "net_migration_rate",
    "refugees_hosted",
    "remittances_received",
    "remittances_gdp",
)
BLOC_OF = {"CELAC": "CELAC", "EU27": "EU27"}


@dataclass(frozen=True)
class Line:
    """One line of the profile chart."""

    code: str
    name: str
    values: pd.Series
    is_aggregate: bool


@dataclass(frozen=True)
class KeyFigure:
    """A card: the latest value of one indicator for one country, with unit, year and source."""

    indicator: str
    label: str
    value: str
    year: int | None
    source: str


def lines(
    series: Mapping[tuple[str, str], pd.Series],
    countries: pd.DataFrame,
    groups: pd.DataFrame,
    spec: Indicator,
    selected: Sequence[str],
    locale: Locale,
) -> list[Line]:
    """The selected countries' series, then the aggregate of each bloc they belong to."""
    out: list[Line] = []
    blocs: list[str] = []
    for code in selected:
        if code not in countries.index:
            continue
        values = series.get((spec.id, code), pd.Series(dtype=float))
        out.append(Line(code, str(countries.loc[code, f"name_{locale.lang}"]), values, False))
        bloc = str(countries.loc[code, "bloc"])
        if bloc in BLOC_OF and bloc not in blocs:
            blocs.append(bloc)
    for bloc in blocs:
        values = series.get((spec.id, bloc), pd.Series(dtype=float))
        out.append(Line(bloc, str(groups.loc[bloc, f"name_{locale.lang}"]), values, True))
    return out


def key_figures(
    series: Mapping[tuple[str, str], pd.Series],
    catalogue: Mapping[str, Indicator],
    sources: Mapping[str, Mapping[str, Any]],
    code: str,
    locale: Locale,
) -> list[KeyFigure]:
    """Latest value of each key indicator for one country; "no data" where there is none."""
    out = []
    for indicator in KEY_INDICATORS:
        spec = catalogue[indicator]
        values = series.get((indicator, code), pd.Series(dtype=float)).dropna()
        year = int(values.index.max()) if len(values) else None
        value = float(values.loc[year]) if year is not None else None
        out.append(
            KeyFigure(
                indicator,
                spec.text("label", locale),
                locale.value(value, spec.unit),
                year,
                sources[spec.source]["name"],
            )
        )
    return out
