"""Lookups built once from the tables, so that pages index instead of filtering frames."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.datasets.registry import loader
from dashboard.datasets.tables import aggregates, corridors, countries, indicator_values


@loader
def values_by_key(data_dir: Path | None = None) -> dict[tuple[str, int], pd.DataFrame]:
    """(indicator, year) -> ``value, flag`` indexed by ISO3: the map's pre-indexed lookups."""
    frame = indicator_values(data_dir)
    return {
        (str(ind), int(year)): group.set_index("iso3")[["value", "flag"]]  # type: ignore[call-overload]
        for (ind, year), group in frame.groupby(["indicator", "year"], sort=False)
    }


@loader
def series_by_key(data_dir: Path | None = None) -> dict[tuple[str, str], pd.Series]:
    """(indicator, iso3 or group code) -> value by year, countries and aggregates alike.

    A country's flagged zero stays NaN in its series (a gap in a line, not a drop to 0); an
    aggregate's years without a value are left out. Never fill either with 0.
    """
    out: dict[tuple[str, str], pd.Series] = {}
    for (ind, iso3), group in indicator_values(data_dir).groupby(["indicator", "iso3"], sort=False):
        out[(str(ind), str(iso3))] = group.set_index("year")["value"]
    for (ind, code), group in aggregates(data_dir).groupby(["indicator", "group"], sort=False):
        out[(str(ind), str(code))] = group.set_index("year")["value"].dropna()
    return out


@loader
def corridors_by_key(data_dir: Path | None = None) -> dict[tuple[int, str], pd.DataFrame]:
    """(year, sex) -> ``origin, destination, migrant_stock``: the corridor page's lookups."""
    frame = corridors(data_dir)
    return {
        (int(year), str(sex)): group[["origin", "destination", "migrant_stock"]].reset_index(drop=True)  # type: ignore[call-overload]
        for (year, sex), group in frame.groupby(["year", "sex"], sort=True)
    }


@loader
def corridors_by_sex(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """sex -> every year's corridors (the diaspora time series)."""
    frame = corridors(data_dir)
    return {str(sex): group.reset_index(drop=True) for sex, group in frame.groupby("sex", sort=True)}


@loader
def corridor_years(data_dir: Path | None = None) -> tuple[int, ...]:
    """The years with corridor data (UN DESA IMS: 1990, 1995, …, 2024)."""
    return tuple(sorted(int(y) for y in corridors(data_dir)["year"].unique()))


@dataclass(frozen=True, eq=False)
class MemberArrays:
    """The 60 CELAC and EU members in ISO3 order as read-only arrays, and every
    (indicator, year)'s ``value`` (NaN = no data) and ``flag`` ("" = none) aligned to them.

    The map indexes these on every interaction instead of filtering frames. It compares and
    hashes by identity (caches of values computed from it key on the data version instead).
    """

    iso3: np.ndarray
    bloc: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    area_km2: np.ndarray
    names: dict[str, np.ndarray]
    values: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]]


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


@loader
def member_arrays(data_dir: Path | None = None) -> MemberArrays:
    """The members and their values, pre-indexed once (see :class:`MemberArrays`)."""
    return index_members(countries(data_dir), values_by_key(data_dir))


def index_members(table: pd.DataFrame, lookups: dict[tuple[str, int], pd.DataFrame]) -> MemberArrays:
    """:class:`MemberArrays` from the countries table and the (indicator, year) lookups."""
    members = table[table["bloc"].isin(("CELAC", "EU27"))].reset_index(drop=True).sort_values("iso3")
    codes = members["iso3"].to_numpy(dtype=object)
    values = {}
    for key, lookup in lookups.items():
        found = lookup.reindex(codes)
        values[key] = (
            _read_only(found["value"].to_numpy(dtype=float)),
            _read_only(found["flag"].fillna("").to_numpy(dtype=object)),
        )
    return MemberArrays(
        iso3=_read_only(codes),
        bloc=_read_only(members["bloc"].to_numpy(dtype=object)),
        lon=_read_only(members["lon"].to_numpy(dtype=float)),
        lat=_read_only(members["lat"].to_numpy(dtype=float)),
        area_km2=_read_only(members["area_km2"].to_numpy(dtype=float)),
        names={
            column.removeprefix("name_"): _read_only(members[column].to_numpy(dtype=object))
            for column in members.columns
            if column.startswith("name_") and column != "name_source"
        },
        values=values,
    )
