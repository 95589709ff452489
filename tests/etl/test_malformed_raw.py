"""The ETL on a malformed raw file: one line naming the file and what is wrong, data/ untouched.

Each case copies the raw folder as links, breaks one file the way a download or a copy breaks it
(cut at half its bytes, cut at a line, emptied, overwritten with noise, re-encoded, a column
dropped) and runs ``python -m dashboard.etl``'s main on a copy of the committed data/.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard.etl.run import FILES, main

pytestmark = pytest.mark.raw

Breaker = Callable[[bytes], bytes]


def half(data: bytes) -> bytes:
    """Cut at half the bytes: a partial download, usually in the middle of a line."""
    return data[: len(data) // 2]


def half_at_a_line(data: bytes) -> bytes:
    """Cut at the last line end before the middle: every row left is whole."""
    cut = half(data)
    return cut[: cut.rindex(b"\n") + 1]


def noise(data: bytes) -> bytes:
    return random.Random(16).randbytes(4096)


def latin_1(data: bytes) -> bytes:
    return data.decode("utf-8").encode("latin-1")


def without_column(name: str) -> Breaker:
    def drop(data: bytes) -> bytes:
        lines = data.decode("utf-8").split("\n")
        at = lines[0].split(",").index(name)
        rows = [line.split(",") for line in lines]
        return "\n".join(",".join(f for i, f in enumerate(row) if i != at) for row in rows).encode("utf-8")

    return drop


TOTALS = "totals"
CASES = [
    # (raw file, how it is broken, what the message says)
    (TOTALS, half, "ends in the middle of a row"),
    (TOTALS, half_at_a_line, "no total for"),
    (TOTALS, lambda data: b"", "is empty (0 bytes)"),
    (TOTALS, noise, "is not utf-8 text"),
    (TOTALS, latin_1, "is not utf-8 text"),
    (TOTALS, without_column("migrant_stock"), "missing column(s) ['migrant_stock']"),
    ("bilateral", half, "ends in the middle of a row"),
    ("locations", without_column("iso3"), "missing column(s) ['iso3']"),
    ("remit_paid", half, "ends in the middle of a row"),
    ("gdp", half, "ends in the middle of a row"),  # as published, gdp.csv has no final line end
    ("netm", half, "cannot be parsed"),
    ("knomad", half, "cannot be parsed"),
    ("undesa2020", noise, "cannot be parsed"),
    ("natural_earth", half, "cannot be read as GeoJSON"),
]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and beside it (a stray staging folder counts), with its bytes."""
    return {
        path.relative_to(folder.parent).as_posix(): path.read_bytes()
        for path in sorted(folder.parent.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def data_copy(data_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out" / "data"
    shutil.copytree(data_dir, out)
    return out


@pytest.mark.parametrize(("key", "breaker", "problem"), CASES, ids=[f"{k}-{b.__name__}" for k, b, _ in CASES])
def test_a_malformed_raw_file_is_named_in_one_line_and_data_is_left_as_it_was(
    key: str,
    breaker: Breaker,
    problem: str,
    raw_dir: Path,
    data_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    raw = tmp_path / "raw"
    for name, rel in FILES.items():
        target = raw / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if name == key:
            target.write_bytes(breaker((raw_dir / rel).read_bytes()))
        else:
            target.symlink_to(raw_dir / rel)
    before = snapshot(data_copy)

    assert main(["--raw-dir", str(raw), "--out-dir", str(data_copy)]) == 1

    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert f": {FILES[key]}: " in lines[0]  # by its path in the raw folder
    assert problem.lower() in lines[0].lower()
    assert snapshot(data_copy) == before
