"""Lookups built once from the tables, so that pages index instead of filtering frames."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from dashboard.datasets.registry import loader
from dashboard.datasets.tables import aggregates, corridors, countries, indicator_values

K = TypeVar("K")
V = TypeVar("V")


class Lookups(Mapping[K, V]):
    """A read-only mapping from a group key to its rows of a frame, each made when asked for
    (not kept): only the rows' positions are held, so a worker does not keep one small frame per
    key (hundreds of them, tens of MB) that the pages never read."""

    def __init__(
        self, parts: Sequence[tuple[pd.DataFrame, dict[K, np.ndarray]]], make: Callable[[pd.DataFrame], V]
    ):
        self._parts = parts  # (frame, key -> positions); a key of a later part wins
        self._make = make

    def _find(self, key: object) -> tuple[pd.DataFrame, np.ndarray] | None:
        for frame, positions in reversed(self._parts):
            found = positions.get(key)  # type: ignore[call-overload]
            if found is not None:
                return frame, found
        return None

    def __getitem__(self, key: K) -> V:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return self._make(found[0].take(found[1]))

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None

    def __iter__(self) -> Iterator[K]:
        return iter(dict.fromkeys(key for _frame, positions in self._parts for key in positions))

    def __len__(self) -> int:
        return sum(1 for _key in self)


def positions(frame: pd.DataFrame, columns: list[str], kind: Callable[[Any], Any]) -> dict[Any, np.ndarray]:
    """Group key (its parts converted by ``kind``, e.g. ``(str, int)``) -> the rows' positions, in
    the frame's order; keys in order of first appearance."""
    found: dict[Any, Any] = frame.groupby(columns, sort=False).indices
    ordered = sorted(found.items(), key=lambda item: int(item[1][0]))
    return {kind(key): np.asarray(rows, dtype=np.intp) for key, rows in ordered}


@loader
def values_by_key(data_dir: Path | None = None) -> Mapping[tuple[str, int], pd.DataFrame]:
    """(indicator, year) -> ``value, flag`` indexed by ISO3 (each made when asked for)."""
    frame = indicator_values(data_dir)
    return Lookups(
        [(frame, positions(frame, ["indicator", "year"], lambda k: (str(k[0]), int(k[1]))))],
        lambda group: group.set_index("iso3")[["value", "flag"]],  # type: ignore[call-overload,no-any-return]
    )


@loader
def series_by_key(data_dir: Path | None = None) -> Mapping[tuple[str, str], pd.Series]:
    """(indicator, iso3 or group code) -> value by year, countries and aggregates alike (each made
    when asked for).

    A country's flagged zero stays NaN in its series (a gap in a line, not a drop to 0); an
    aggregate's years without a value are left out. Never fill either with 0.
    """
    values, groups = indicator_values(data_dir), aggregates(data_dir)
    pair = lambda k: (str(k[0]), str(k[1]))  # noqa: E731
    countries_part = (values, positions(values, ["indicator", "iso3"], pair))
    groups_part = (groups, positions(groups, ["indicator", "group"], pair))

    def series(rows: pd.DataFrame) -> pd.Series:
        found = rows.set_index("year")["value"]
        return found.dropna() if "group" in rows.columns else found

    return Lookups([countries_part, groups_part], series)


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
    table = countries(data_dir)
    frame = indicator_values(data_dir)
    members = _members(table)
    slot = {code: i for i, code in enumerate(members["iso3"].to_numpy(dtype=object))}
    where = np.array([slot.get(code, -1) for code in frame["iso3"].to_numpy(dtype=object)], dtype=np.intp)
    value = frame["value"].to_numpy(dtype=float)
    flag = frame["flag"].to_numpy(dtype=object)
    values = {}
    for key, rows in positions(frame, ["indicator", "year"], lambda k: (str(k[0]), int(k[1]))).items():
        mine = rows[where[rows] >= 0]
        found = np.full(len(slot), np.nan)
        flags = np.full(len(slot), "", dtype=object)
        found[where[mine]] = value[mine]
        flags[where[mine]] = [f if isinstance(f, str) else "" for f in flag[mine]]
        values[key] = (_read_only(found), _read_only(flags))
    return _arrays(members, values)


def _members(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["bloc"].isin(("CELAC", "EU27"))].reset_index(drop=True).sort_values("iso3")


def index_members(table: pd.DataFrame, lookups: Mapping[tuple[str, int], pd.DataFrame]) -> MemberArrays:
    """:class:`MemberArrays` from the countries table and the (indicator, year) lookups."""
    members = _members(table)
    codes = members["iso3"].to_numpy(dtype=object)
    values = {}
    for key, lookup in lookups.items():
        found = lookup.reindex(codes)
        values[key] = (
            _read_only(found["value"].to_numpy(dtype=float)),
            _read_only(found["flag"].fillna("").to_numpy(dtype=object)),
        )
    return _arrays(members, values)


def _arrays(
    members: pd.DataFrame, values: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]]
) -> MemberArrays:
    return MemberArrays(
        iso3=_read_only(members["iso3"].to_numpy(dtype=object)),
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
