"""Write processed tables deterministically and atomically.

``manifest.json`` lists every file the app loads with its hash: the tables written here, and the
hand-curated dialogue and story files already in ``data/`` (hashed where they are; after editing
one, ``python -m dashboard.etl.write [DATA_DIR]`` re-hashes them without the raw sources).

Everything is first written to a staging folder beside ``data/``; only when every
table is written and re-read successfully are the files moved into place, so a
failed run leaves the previous data serving.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.datasets.texts import hand_curated


def _write_one(name: str, content: Any, folder: Path) -> None:
    path = folder / name
    if isinstance(content, pd.DataFrame):
        if name.endswith(".parquet"):
            content.to_parquet(path, index=False, compression="zstd")
        else:
            content.to_csv(path, index=False, lineterminator="\n")
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(
            json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_all(tables: dict[str, Any], out_dir: Path, editions: dict[str, str]) -> dict[str, Any]:
    """Write every table plus ``manifest.json`` (hashes, row counts, editions) atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        manifest: dict[str, Any] = {"editions": editions, "files": {}}
        for name, content in tables.items():
            _write_one(name, content, staging)
            rows = len(content) if isinstance(content, pd.DataFrame) else None
            manifest["files"][name] = {"sha256": sha256(staging / name), "rows": rows}
        manifest["files"].update(hand_curated_entries(out_dir))
        _write_one("manifest.json", manifest, staging)
        for name in [*tables, "manifest.json"]:
            os.replace(staging / name, out_dir / name)
        return manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def hand_curated_entries(out_dir: Path) -> dict[str, dict[str, Any]]:
    """Manifest entries of the hand-curated files present in ``out_dir``, by path in it."""
    return {
        path.relative_to(out_dir).as_posix(): {"sha256": sha256(path), "rows": None}
        for path in hand_curated(out_dir)
        if path.exists()
    }


def refresh_manifest(out_dir: Path) -> dict[str, Any]:
    """Re-hash the hand-curated files into ``out_dir/manifest.json`` (the tables' entries kept),
    replacing the file atomically."""
    path = out_dir / "manifest.json"
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    tables = {name: info for name, info in manifest.get("files", {}).items() if "/" not in name}
    manifest["files"] = {**tables, **hand_curated_entries(out_dir)}
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        _write_one("manifest.json", manifest, staging)
        os.replace(staging / "manifest.json", path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


if __name__ == "__main__":
    import sys

    from dashboard import paths

    where = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.data_dir()
    files = refresh_manifest(where)["files"]
    print(f"{where / 'manifest.json'}: {len(files)} files, hand-curated ones re-hashed")
