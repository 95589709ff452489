"""Country profiles: time series of the selected countries, their blocs and the chosen groups, and
key figures side by side.

What a reader sees of each number follows :mod:`dashboard.readings`: a flagged zero is a gap in
a line and "no data" in a key figure, and an aggregate carries how many members it covers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dashboard import readings
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
SERIES_COLUMNS = ["value", "flag", "n_reporting", "n_members"]

Series = Mapping[tuple[str, str], pd.DataFrame]


@dataclass(frozen=True)
class Line:
    """One line of the profile chart: real values by year (NaN = no data, drawn as a gap) and,
    for an aggregate, how many of its members report each year and who they are."""

    code: str
    name: str
    values: pd.Series
    is_aggregate: bool
    n_reporting: pd.Series | None = None
    n_members: pd.Series | None = None
    members: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class KeyFigure:
    """A card: the latest year of one indicator for one country or group, with unit, year and
    source; ``note`` says why there is no data, or how many members an aggregate covers."""

    indicator: str
    label: str
    value: str
    year: int | None
    source: str
    note: str = ""


@dataclass(frozen=True)
class KeyFigures:
    """One column of key figures: a selected country or a chosen group."""

    code: str
    name: str
    is_aggregate: bool
    figures: tuple[KeyFigure, ...]


class SeriesTable(Mapping[tuple[str, str], pd.DataFrame]):
    """(indicator, ISO3 or group code) -> ``value, flag, n_reporting, n_members`` by year.

    Built once from the long tables (one sort and one index of positions); each series is cut
    out when asked for, so the first profile does not wait for a thousand small frames.
    """

    def __init__(self, rows: pd.DataFrame) -> None:
        self._rows = rows.sort_values(["indicator", "code", "year"]).reset_index(drop=True)
        found: dict[Any, Any] = self._rows.groupby(["indicator", "code"], sort=False).indices
        self._at = {(str(key[0]), str(key[1])): positions for key, positions in found.items()}

    def __getitem__(self, key: tuple[str, str]) -> pd.DataFrame:
        return self._rows.iloc[self._at[key]].set_index("year")[SERIES_COLUMNS]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


def series_frames(values: pd.DataFrame, aggregates: pd.DataFrame) -> SeriesTable:
    """Every country's and group's series (see :class:`SeriesTable`).

    ``value`` is what a reader may see (:func:`dashboard.readings.real_values`): NaN for a
    flagged zero, whose row stays so that the chart and the key figure can say "no data" for it.
    """
    countries = pd.DataFrame(
        {
            "indicator": values["indicator"],
            "code": values["iso3"],
            "year": values["year"],
            "value": readings.real_values(values["value"].to_numpy(), values["flag"].fillna("").to_numpy()),
            "flag": values["flag"].fillna(""),
            "n_reporting": np.nan,
            "n_members": np.nan,
        }
    )
    groups = aggregates.rename(columns={"group": "code"}).assign(flag=aggregates["flag"].fillna(""))
    columns = ["indicator", "code", "year", *SERIES_COLUMNS]
    return SeriesTable(pd.concat([countries[columns], groups[columns]], ignore_index=True))


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=SERIES_COLUMNS, dtype=float)


def group_members(
    groups: pd.DataFrame, countries: pd.DataFrame, code: str, locale: Locale
) -> tuple[str, ...]:
    """Names of a group's members in the reader's language, in the group's order."""
    names = countries[f"name_{locale.lang}"]
    return tuple(str(names.get(c, c)) for c in str(groups.loc[code, "members"]).split())


def lines(
    series: Series,
    countries: pd.DataFrame,
    groups: pd.DataFrame,
    spec: Indicator,
    selected: Sequence[str],
    locale: Locale,
    compared: Sequence[str] = (),
) -> list[Line]:
    """The selected countries' series, then the aggregate of each bloc they belong to, then the
    chosen groups (``compared``), each group once."""
    out: list[Line] = []
    codes: list[str] = []
    for code in selected:
        if code not in countries.index:
            continue
        rows = series.get((spec.id, code), _empty())
        out.append(
            Line(code, str(countries.loc[code, f"name_{locale.lang}"]), rows["value"].astype(float), False)
        )
        bloc = str(countries.loc[code, "bloc"])
        if bloc in BLOC_OF and bloc not in codes:
            codes.append(bloc)
    codes += [g for g in compared if g not in codes]
    for code in codes:
        if code not in groups.index:
            continue
        rows = series.get((spec.id, code), _empty())
        out.append(
            Line(
                code,
                str(groups.loc[code, f"name_{locale.lang}"]),
                rows["value"].astype(float),
                True,
                rows["n_reporting"].astype(float),
                rows["n_members"].astype(float),
                group_members(groups, countries, code, locale),
            )
        )
    return out


def key_figure(spec: Indicator, rows: pd.DataFrame, source: str, locale: Locale) -> KeyFigure:
    """The latest year the source covers for one country or group: its value, or "no data" and
    why (with the last real value, if any); an aggregate says how many members it covers."""
    _ = locale.gettext
    label = spec.text("label", locale)
    if rows.empty:
        return KeyFigure(spec.id, label, _("no data"), None, source, readings.gaps(spec, locale))
    if rows["n_members"].notna().any():  # an aggregate: its latest year with a value
        rows = rows[rows["value"].notna()]
        if rows.empty:
            return KeyFigure(spec.id, label, _("no data"), None, source)
    year = int(rows.index.max())
    latest = rows.iloc[-1]
    value: float = latest["value"]
    if not readings.is_real(value, latest["flag"]):
        why = readings.why_no_data(latest["flag"], readings.gaps(spec, locale), locale)
        earlier = rows[rows["value"].notna()]
        if len(earlier):
            last = int(earlier.index[-1])
            shown = locale.value(earlier["value"].iloc[-1], spec.unit)
            before = _("last value {value} in {year}").format(value=shown, year=last)
            why = "; ".join(t for t in (why, before) if t)
        return KeyFigure(spec.id, label, _("no data"), year, source, why)
    note = ""
    if pd.notna(latest["n_members"]):
        note = readings.coverage(latest["n_reporting"], latest["n_members"], locale)
    return KeyFigure(spec.id, label, locale.value(value, spec.unit), year, source, note)


def key_figures(
    series: Series,
    catalogue: Mapping[str, Indicator],
    sources: Mapping[str, Mapping[str, Any]],
    code: str,
    locale: Locale,
) -> list[KeyFigure]:
    """The key indicators for one country or group (see :func:`key_figure`)."""
    return [
        key_figure(
            catalogue[indicator],
            series.get((indicator, code), _empty()),
            str(sources[catalogue[indicator].source]["name"]),
            locale,
        )
        for indicator in KEY_INDICATORS
    ]


def key_figure_columns(
    series: Series,
    catalogue: Mapping[str, Indicator],
    sources: Mapping[str, Mapping[str, Any]],
    countries: pd.DataFrame,
    groups: pd.DataFrame,
    selected: Sequence[str],
    compared: Sequence[str],
    locale: Locale,
) -> list[KeyFigures]:
    """Key figures of every selected country, then of every chosen group, side by side."""
    out = []
    for code in selected:
        if code in countries.index:
            name = str(countries.loc[code, f"name_{locale.lang}"])
            out.append(
                KeyFigures(code, name, False, tuple(key_figures(series, catalogue, sources, code, locale)))
            )
    for code in compared:
        if code in groups.index:
            name = str(groups.loc[code, f"name_{locale.lang}"])
            out.append(
                KeyFigures(code, name, True, tuple(key_figures(series, catalogue, sources, code, locale)))
            )
    return out
