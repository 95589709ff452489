"""The processed tables and shapes of data/, as the pipeline wrote them (cached: never mutate)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.datasets.files import read, read_bytes
from dashboard.datasets.registry import folder, loader
from dashboard.errors import DataValidationError

REPORTED_ZERO = "reported_zero"  # the source published 0 for "not reported": value is NaN


@loader
def countries(data_dir: Path | None = None) -> pd.DataFrame:
    """Countries, partners and pseudo-codes, indexed by ISO3."""
    return read("countries.csv", folder(data_dir)).set_index("iso3", drop=False)


@loader
def groups(data_dir: Path | None = None) -> pd.DataFrame:
    """Aggregate groups (CELAC, EU27, sub-regions, organisations), indexed by code."""
    return read("groups.csv", folder(data_dir)).set_index("group", drop=False)


@loader
def member_codes(data_dir: Path | None = None) -> frozenset[str]:
    """ISO3 codes of the 33 CELAC and 27 EU members."""
    table = countries(data_dir)
    return frozenset(table.loc[table["bloc"].isin(("CELAC", "EU27")), "iso3"])


@loader
def indicator_values(data_dir: Path | None = None) -> pd.DataFrame:
    """Long table ``iso3, indicator, year, value, published, flag``, sorted by indicator, year, iso3.

    ``value`` is the real value, NaN where there is none (``flag`` ``reported_zero``: the source
    published 0 meaning "not reported"); ``published`` is the source's number as published.
    """
    frame = read("indicators.parquet", folder(data_dir))
    check_no_data_rule(frame, folder(data_dir) / "indicators.parquet")
    return frame.sort_values(["indicator", "year", "iso3"]).reset_index(drop=True)


def check_no_data_rule(frame: pd.DataFrame, path: Path) -> None:
    """Refuse a table that would show a flagged zero as a value (the one place this is enforced).

    Every row keeps the published number, and no ``reported_zero`` row has a value.
    """
    if "published" not in frame.columns:
        raise DataValidationError(str(path), "missing column(s) ['published']; run `make data`")
    flagged = frame[(frame["flag"] == REPORTED_ZERO) & frame["value"].notna()]
    if len(flagged):
        first = flagged.iloc[0]
        raise DataValidationError(
            str(path),
            f"{len(flagged)} reported_zero row(s) carry a value, e.g. "
            f"{first['iso3']} {first['indicator']} {first['year']}: must be NaN (no data)",
        )


@loader
def aggregates(data_dir: Path | None = None) -> pd.DataFrame:
    """Group values ``group, indicator, year, value, flag, n_reporting, n_members``."""
    return read("aggregates.parquet", folder(data_dir))


@loader
def corridors(data_dir: Path | None = None) -> pd.DataFrame:
    """Bilateral migrant stock ``origin, destination, year, sex, migrant_stock``."""
    return read("corridors.parquet", folder(data_dir))


@loader
def remittance_corridors(data_dir: Path | None = None) -> pd.DataFrame:
    """KNOMAD 2021 ``sender, receiver, year, usd_millions``."""
    return read("remittance_corridors.parquet", folder(data_dir))


@loader
def geometry(data_dir: Path | None = None) -> dict[str, Any]:
    """The simplified GeoJSON FeatureCollection of the 60 members (``id`` = ISO3)."""
    return dict(read("geometry.geojson", folder(data_dir)))


@loader
def geometry_bytes(data_dir: Path | None = None) -> bytes:
    """The GeoJSON file as served to browsers (fetched once and cached by them)."""
    return read_bytes(folder(data_dir) / "geometry.geojson")


@loader
def world_geometry(data_dir: Path | None = None) -> dict[str, Any]:
    """Every other country's coarser shape as a FeatureCollection (inlined into exported images)."""
    return dict(read("world.geojson", folder(data_dir)))


@loader
def world_geometry_bytes(data_dir: Path | None = None) -> bytes:
    """Every other country's coarser shape (corridor maps), as served to browsers."""
    return read_bytes(folder(data_dir) / "world.geojson")
