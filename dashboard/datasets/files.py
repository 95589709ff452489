"""Reading one file of data/, and checking the folder against ``manifest.json``.

Every problem raises :class:`DataValidationError` naming the file, so that a corrupt or partial
data/ stops the server with one clear line (:func:`verify` runs at start-up).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.datasets import swap
from dashboard.datasets.registry import folder, forget_handed, hand_over, take
from dashboard.errors import DataValidationError

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
    "protection_corridors.parquet": ["origin", "asylum", "year", "refugees", "asylum_seekers", "oip"],
    "region_stock.parquet": [
        "region",
        "m49",
        "iso3",
        "name_en",
        "name_es",
        "name_pt",
        "name_fr",
        "year",
        "migrant_stock",
    ],
}
JSON_FILES = ("catalogue.json", "geometry.geojson", "world.geojson")


def read(name: str, data_dir: Path) -> Any:
    """A table (parquet, csv: checked for its required columns) or a JSON document of ``data_dir``;
    the one :func:`verify` just read, if it has not been asked for since (read once at start)."""
    handed = take(f"file:{name}", data_dir)
    return handed if handed is not None else _read(name, data_dir)


def _read(name: str, data_dir: Path) -> Any:
    path = data_dir / name
    try:
        if name.endswith(".parquet"):
            frame = pd.read_parquet(path)
        elif name.endswith(".csv"):
            frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
        else:
            document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError(str(path), "file not found; run `make data`") from None
    except Exception as exc:  # noqa: BLE001 - any reader failure means a corrupt file
        raise DataValidationError(str(path), f"cannot be read ({type(exc).__name__})") from None
    if not name.endswith((".parquet", ".csv")):
        return _not_empty(document, path)
    missing = [c for c in REQUIRED_COLUMNS.get(name, []) if c not in frame.columns]
    if missing:
        raise DataValidationError(str(path), f"missing column(s) {missing}")
    if frame.empty:
        raise DataValidationError(str(path), "has no rows (an empty table is never served)")
    return frame


CONTENT_KEYS = ("features", "indicators", "files")  # what a geojson, the catalogue, the manifest hold


def _not_empty(document: Any, path: Path) -> Any:
    """A JSON document with content: shapes in a FeatureCollection, indicators in the catalogue."""
    content = document
    if isinstance(document, dict):
        content = next((document[key] for key in CONTENT_KEYS if key in document), document)
    if not content:
        raise DataValidationError(str(path), "is empty (an empty document is never served)")
    return document


def read_bytes(path: Path) -> bytes:
    """A file's bytes as stored (served to browsers as is, or hashed)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataValidationError(str(path), "file not found") from None


def read_text(path: Path) -> str:
    """A hand-curated text file (TOML, YAML) of data/."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataValidationError(str(path), "file not found") from None


def verify(data_dir: Path | None = None) -> dict[str, Any]:
    """Check every file the app loads against ``manifest.json`` (listed, present, same hash,
    readable with its columns): the tables and documents the ETL writes, and the hand-curated
    dialogue and story files (:func:`dashboard.datasets.texts.hand_curated`). A data refresh killed
    in the middle of its swap is undone first (:func:`dashboard.datasets.swap.recover`)."""
    from dashboard.datasets import texts  # texts reads through this module

    where = folder(data_dir)
    forget_handed()
    swap.recover(where)
    manifest = _read("manifest.json", where)
    listed = manifest.get("files", {})
    for path in texts.hand_curated(where):
        if not path.exists():
            raise DataValidationError(str(path), "file not found")
        if path.relative_to(where).as_posix() not in listed:
            raise DataValidationError(
                str(path), "not listed in manifest.json; run `python -m dashboard.etl.write`"
            )
    for name, info in listed.items():
        path = where / name
        if not path.exists():
            raise DataValidationError(str(path), "listed in manifest.json but missing")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != info["sha256"]:
            hint = "; after a hand edit run `python -m dashboard.etl.write`" if "/" in name else ""
            raise DataValidationError(
                str(path), f"content differs from manifest.json (corrupt or partial){hint}"
            )
    for name in [*REQUIRED_COLUMNS, *JSON_FILES]:
        if name not in manifest.get("files", {}):
            raise DataValidationError(str(where / name), "not listed in manifest.json")
        hand_over(f"file:{name}", where, _read(name, where))  # the loaders take it instead of reading again
    # Parsed here: a broken file is named before any worker; the loaders keep what was parsed.
    hand_over("texts:dialogue", where, texts.dialogue_documents(where))
    hand_over("texts:stories", where, texts.story_documents(where))
    return dict(manifest)
