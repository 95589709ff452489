"""The only module that reads data/: cached, checked against the manifest, never mutated.

Every loader takes the data folder as an argument (default: ``paths.data_dir()``)
and returns a frame that callers must not modify in place. :func:`verify` is run
at start-up so that a corrupt or partial data/ stops the server with one clear
line naming the file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dashboard import paths
from dashboard.errors import DataValidationError
from dashboard.i18n import LANGUAGES

REQUIRED_COLUMNS: dict[str, list[str]] = {
    "countries.csv": [
        "iso3",
        "iso2",
        "m49",
        "bloc",
        "subregion",
        "name_en",
        "name_es",
        "name_pt",
        "name_fr",
        "lon",
        "lat",
        "area_km2",
    ],
    "groups.csv": ["group", "kind", "members", "n_members", "name_en", "name_es", "name_pt", "name_fr"],
    "indicators.parquet": ["iso3", "indicator", "year", "value", "flag"],
    "aggregates.parquet": ["group", "indicator", "year", "value", "flag", "n_reporting", "n_members"],
    "corridors.parquet": ["origin", "destination", "year", "sex", "migrant_stock"],
    "remittance_corridors.parquet": ["sender", "receiver", "year", "usd_millions"],
}
JSON_FILES = ("catalogue.json", "geometry.geojson", "world.geojson")


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry, as the app needs it."""

    id: str
    group: str
    unit: str
    source: str
    computed: bool
    colour: str
    coverage: str
    label: dict[str, str]
    definition: dict[str, str]
    method: dict[str, str]
    years: tuple[int, ...]

    def text(self, field: str, lang: str) -> str:
        """Label, definition or method in ``lang``.

        :func:`catalogue` refuses a catalogue.json without text in every language of the app, so
        English only stands in for a language the app does not ship (or a record built by hand).
        """
        values: dict[str, str] = getattr(self, field)
        return values[lang] if lang in values else values.get("en", "")

    def computed_method(self, lang: str) -> str:
        """How a computed indicator is made, in ``lang``; empty for a published one."""
        return self.text("method", lang) if self.computed else ""


_FOLDER: list[Path] = []  # the folder chosen by :func:`use`; empty: ``paths.data_dir()``


def use(data_dir: Path) -> None:
    """Read every table from ``data_dir`` from now on (the app's verified folder); caches start afresh."""
    _FOLDER[:] = [Path(data_dir)]
    clear_caches()


def _folder(data_dir: Path | None) -> Path:
    if data_dir is not None:
        return Path(data_dir)
    return _FOLDER[0] if _FOLDER else paths.data_dir()


def _read(name: str, data_dir: Path) -> Any:
    path = data_dir / name
    try:
        if name.endswith(".parquet"):
            frame = pd.read_parquet(path)
        elif name.endswith(".csv"):
            frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
        else:
            return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError(str(path), "file not found; run `make data`") from None
    except Exception as exc:  # noqa: BLE001 - any reader failure means a corrupt file
        raise DataValidationError(str(path), f"cannot be read ({type(exc).__name__})") from None
    missing = [c for c in REQUIRED_COLUMNS.get(name, []) if c not in frame.columns]
    if missing:
        raise DataValidationError(str(path), f"missing column(s) {missing}")
    return frame


def verify(data_dir: Path | None = None) -> dict[str, Any]:
    """Check every file against ``manifest.json`` (present, same hash, readable columns)."""
    folder = _folder(data_dir)
    manifest = _read("manifest.json", folder)
    for name, info in manifest.get("files", {}).items():
        path = folder / name
        if not path.exists():
            raise DataValidationError(str(path), "listed in manifest.json but missing")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != info["sha256"]:
            raise DataValidationError(str(path), "content differs from manifest.json (corrupt or partial)")
    for name in [*REQUIRED_COLUMNS, *JSON_FILES]:
        if name not in manifest.get("files", {}):
            raise DataValidationError(str(folder / name), "not listed in manifest.json")
        _read(name, folder)
    return dict(manifest)


@cache
def countries(data_dir: Path | None = None) -> pd.DataFrame:
    """Countries, partners and pseudo-codes, indexed by ISO3."""
    return _read("countries.csv", _folder(data_dir)).set_index("iso3", drop=False)


@cache
def groups(data_dir: Path | None = None) -> pd.DataFrame:
    """Aggregate groups (CELAC, EU27, sub-regions, organisations), indexed by code."""
    return _read("groups.csv", _folder(data_dir)).set_index("group", drop=False)


@cache
def indicator_values(data_dir: Path | None = None) -> pd.DataFrame:
    """Long table ``iso3, indicator, year, value, flag``, sorted by indicator, year, iso3."""
    frame = _read("indicators.parquet", _folder(data_dir))
    return frame.sort_values(["indicator", "year", "iso3"]).reset_index(drop=True)


@cache
def aggregates(data_dir: Path | None = None) -> pd.DataFrame:
    """Group values ``group, indicator, year, value, flag, n_reporting, n_members``."""
    return _read("aggregates.parquet", _folder(data_dir))


@cache
def corridors(data_dir: Path | None = None) -> pd.DataFrame:
    """Bilateral migrant stock ``origin, destination, year, sex, migrant_stock``."""
    return _read("corridors.parquet", _folder(data_dir))


@cache
def remittance_corridors(data_dir: Path | None = None) -> pd.DataFrame:
    """KNOMAD 2021 ``sender, receiver, year, usd_millions``."""
    return _read("remittance_corridors.parquet", _folder(data_dir))


@cache
def geometry(data_dir: Path | None = None) -> dict[str, Any]:
    """The simplified GeoJSON FeatureCollection of the 60 members (``id`` = ISO3)."""
    return dict(_read("geometry.geojson", _folder(data_dir)))


@cache
def catalogue(data_dir: Path | None = None) -> dict[str, Indicator]:
    """Indicators by id, in catalogue order."""
    raw = _read("catalogue.json", _folder(data_dir))
    out = {}
    for spec in raw["indicators"]:
        out[spec["id"]] = Indicator(
            id=spec["id"],
            group=spec["group"],
            unit=spec["unit"],
            source=spec["source"],
            computed=bool(spec["computed"]),
            colour=spec["colour"],
            coverage=spec["coverage"],
            label=dict(spec["label"]),
            definition=dict(spec["definition"]),
            method=dict(spec["method"]),
            years=tuple(spec["years"]),
        )
        _check_texts(out[spec["id"]], _folder(data_dir) / "catalogue.json")
    return out


def _check_texts(spec: Indicator, path: Path) -> None:
    """Every reader-facing text in every language of the app (none silently shown in English)."""
    required = ("label", "definition", "method") if spec.computed else ("label", "definition")
    for field in required:
        values = getattr(spec, field)
        if missing := [lang for lang in LANGUAGES if not str(values.get(lang) or "").strip()]:
            raise DataValidationError(str(path), f"indicator {spec.id!r}: {field} has no text in {missing}")


# A source's fields that readers see in their language, each ``{lang: text}`` in catalogue.json
# (a licence code such as CC BY 4.0 is the same text in every language).
SOURCE_TEXTS = ("edition", "licence")


@cache
def sources(data_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Dataset descriptions (name, edition, licence, citation, url) by source key.

    ``edition`` and ``licence`` are ``{lang: text}``: show them with :func:`source_field`.
    """
    path = _folder(data_dir) / "catalogue.json"
    raw = _read("catalogue.json", _folder(data_dir))
    out = {key: dict(value) for key, value in raw["sources"].items()}
    for key, source in out.items():
        for field in SOURCE_TEXTS:
            values = source.get(field)
            if not isinstance(values, dict):
                raise DataValidationError(str(path), f"source {key!r}: {field} is not a table of languages")
            if missing := [lang for lang in LANGUAGES if not str(values.get(lang) or "").strip()]:
                raise DataValidationError(str(path), f"source {key!r}: {field} has no text in {missing}")
    return out


def source_field(source: Mapping[str, Any], field: str, lang: str) -> str:
    """A source's ``edition`` or ``licence`` (or any plain field, e.g. ``name``) in ``lang``.

    :func:`sources` refuses a catalogue.json without text in every language of the app, so English
    only stands in for a language the app does not ship.
    """
    value = source[field]
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("en", ""))
    return str(value)


@cache
def manifest(data_dir: Path | None = None) -> dict[str, Any]:
    """The manifest written by the ETL (editions and file hashes)."""
    return dict(_read("manifest.json", _folder(data_dir)))


def clear_caches() -> None:
    """Forget every cached table (used by tests that point at another data folder)."""
    for loader in (
        countries,
        groups,
        indicator_values,
        aggregates,
        corridors,
        remittance_corridors,
        geometry,
        catalogue,
        values_by_key,
        series_by_key,
        geometry_bytes,
        world_geometry_bytes,
        world_geometry,
        corridors_by_key,
        corridors_by_sex,
        corridor_years,
        member_codes,
        member_arrays,
        sources,
        manifest,
    ):
        loader.cache_clear()


@cache
def values_by_key(data_dir: Path | None = None) -> dict[tuple[str, int], pd.DataFrame]:
    """(indicator, year) -> ``value, flag`` indexed by ISO3: the map's pre-indexed lookups."""
    frame = indicator_values(data_dir)
    return {
        (str(ind), int(year)): group.set_index("iso3")[["value", "flag"]]  # type: ignore[call-overload]
        for (ind, year), group in frame.groupby(["indicator", "year"], sort=False)
    }


@cache
def series_by_key(data_dir: Path | None = None) -> dict[tuple[str, str], pd.Series]:
    """(indicator, iso3 or group code) -> value by year, countries and aggregates alike."""
    out: dict[tuple[str, str], pd.Series] = {}
    for (ind, iso3), group in indicator_values(data_dir).groupby(["indicator", "iso3"], sort=False):
        out[(str(ind), str(iso3))] = group.set_index("year")["value"]
    for (ind, code), group in aggregates(data_dir).groupby(["indicator", "group"], sort=False):
        out[(str(ind), str(code))] = group.set_index("year")["value"].dropna()
    return out


@cache
def geometry_bytes(data_dir: Path | None = None) -> bytes:
    """The GeoJSON file as served to browsers (fetched once and cached by them)."""
    return (_folder(data_dir) / "geometry.geojson").read_bytes()


@cache
def corridors_by_key(data_dir: Path | None = None) -> dict[tuple[int, str], pd.DataFrame]:
    """(year, sex) -> ``origin, destination, migrant_stock``: the corridor page's lookups."""
    frame = corridors(data_dir)
    return {
        (int(year), str(sex)): group[["origin", "destination", "migrant_stock"]].reset_index(drop=True)  # type: ignore[call-overload]
        for (year, sex), group in frame.groupby(["year", "sex"], sort=True)
    }


@cache
def corridors_by_sex(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """sex -> every year's corridors (the diaspora time series)."""
    frame = corridors(data_dir)
    return {str(sex): group.reset_index(drop=True) for sex, group in frame.groupby("sex", sort=True)}


@cache
def corridor_years(data_dir: Path | None = None) -> tuple[int, ...]:
    """The years with corridor data (UN DESA IMS: 1990, 1995, …, 2024)."""
    return tuple(sorted(int(y) for y in corridors(data_dir)["year"].unique()))


@cache
def world_geometry(data_dir: Path | None = None) -> dict[str, Any]:
    """Every other country's coarser shape as a FeatureCollection (inlined into exported images)."""
    return dict(_read("world.geojson", _folder(data_dir)))


@cache
def world_geometry_bytes(data_dir: Path | None = None) -> bytes:
    """Every other country's coarser shape (corridor maps), as served to browsers."""
    return (_folder(data_dir) / "world.geojson").read_bytes()


def warm(data_dir: Path | None = None) -> None:
    """Build every cached table and index now (at start-up), not on the first request."""
    for loader in (
        countries,
        groups,
        catalogue,
        sources,
        manifest,
        geometry_bytes,
        world_geometry_bytes,
        member_codes,
        values_by_key,
        member_arrays,
        series_by_key,
        corridors,
        remittance_corridors,
        corridors_by_key,
        corridors_by_sex,
        corridor_years,
    ):
        loader(data_dir)


@cache
def member_codes(data_dir: Path | None = None) -> frozenset[str]:
    """ISO3 codes of the 33 CELAC and 27 EU members."""
    table = countries(data_dir)
    return frozenset(table.loc[table["bloc"].isin(("CELAC", "EU27")), "iso3"])


@dataclass(frozen=True, eq=False)
class MemberArrays:
    """The 60 CELAC and EU members in ISO3 order as read-only arrays, and every
    (indicator, year)'s ``value`` (NaN = no data) and ``flag`` ("" = none) aligned to them.

    The map indexes these on every interaction instead of filtering frames. It compares and
    hashes by identity, so a cache keyed on it forgets its entries with :func:`clear_caches`.
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


@cache
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
