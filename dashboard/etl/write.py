"""Write processed tables deterministically, and replace data/ with them as a whole.

``manifest.json`` lists every file the app loads with its hash: the tables written here, and the
hand-curated dialogue and story files already in ``data/`` (hashed where they are; after editing
one, ``python -m dashboard.etl.write [DATA_DIR]`` re-hashes them without the raw sources).

:func:`write_all` builds a complete new folder beside ``data/`` (``data.new-<pid>``): the files
of ``data/`` the ETL does not write (the hand-curated dialogue and stories, data/README.md) copied
over, every table written, the manifest last; it checks the folder as a server does at start
(:func:`dashboard.datasets.verify`: hashes, columns, no empty table), then swaps it in for
``data/`` in one step (:mod:`dashboard.datasets.swap`, which also explains what a killed run
leaves and how the next start or run restores the previous data). A failed run leaves ``data/``
as it was, byte for byte; a reader never sees new tables beside old ones.
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

from dashboard.datasets import swap
from dashboard.datasets.files import verify
from dashboard.datasets.texts import hand_curated
from dashboard.errors import DataValidationError


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
    """Write every table plus ``manifest.json`` (hashes, row counts, editions) into a new folder,
    verify it and swap it in for ``out_dir`` as a whole; ``out_dir`` is unchanged on any failure."""
    target = out_dir.resolve()  # a symlinked data/: the folder it points to is replaced
    target.parent.mkdir(parents=True, exist_ok=True)
    swap.remove_leftovers(target)
    new = swap.new_folder(target)
    new.mkdir()
    try:
        produced = {*tables, "manifest.json"}
        if target.exists():
            new.chmod(target.stat().st_mode & 0o7777)
            carry_over(target, new, produced)
        manifest: dict[str, Any] = {"editions": editions, "files": {}}
        for name, content in tables.items():
            _write_one(name, content, new)
            rows = len(content) if isinstance(content, pd.DataFrame) else None
            manifest["files"][name] = {"sha256": sha256(new / name), "rows": rows}
        manifest["files"].update(hand_curated_entries(new))
        _write_one("manifest.json", manifest, new)
        verify(new)
        try:
            swap.swap_in(new, target)
        except OSError as exc:
            raise DataValidationError(str(out_dir), f"cannot be replaced ({exc.strerror})") from None
    except Exception:  # a failure, not a kill: nothing is left behind
        shutil.rmtree(new, ignore_errors=True)
        raise
    return manifest


def carry_over(source: Path, new: Path, produced: set[str]) -> None:
    """Copy into ``new`` every entry of ``source`` the ETL does not write (hand-curated files)."""
    for entry in sorted(source.iterdir()):
        if entry.name in produced or entry.name.startswith(".staging-"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, new / entry.name, symlinks=True)
        else:
            shutil.copy2(entry, new / entry.name, follow_symlinks=False)


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
