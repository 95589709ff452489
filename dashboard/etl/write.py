"""Write processed tables deterministically and atomically.

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
        _write_one("manifest.json", manifest, staging)
        for name in [*tables, "manifest.json"]:
            os.replace(staging / name, out_dir / name)
        return manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)
