"""Shared fixtures: where the raw sources, seeds and processed data live."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import paths


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """``../shared/data-raw``; tests that need it are skipped with a reason when it is absent."""
    folder = paths.raw_dir()
    if not (folder / "SOURCES.md").exists():
        pytest.skip(f"raw sources not present at {folder} (set PUENTES_RAW_DIR)")
    return folder


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The committed processed tables."""
    return paths.data_dir()
