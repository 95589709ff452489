"""The whole ETL on the real raw files: reproducible, identical to data/, atomic on failure."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dashboard.etl.run import FILES, main

pytestmark = pytest.mark.raw


@pytest.fixture(scope="module")
def fresh_output(raw_dir: Path, data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("etl") / "data"
    for hand_curated in ("dialogue", "stories"):  # written by hand, listed in the manifest too
        shutil.copytree(data_dir / hand_curated, out / hand_curated)
    assert main(["--raw-dir", str(raw_dir), "--out-dir", str(out)]) == 0
    return out


def test_a_fresh_run_reproduces_the_committed_data(fresh_output: Path, data_dir: Path) -> None:
    fresh = json.loads((fresh_output / "manifest.json").read_text())
    committed = json.loads((data_dir / "manifest.json").read_text())
    assert fresh == committed, "data/ is stale or the ETL is not deterministic: run `make data`"


def test_a_failed_run_leaves_the_previous_data_serving(
    raw_dir: Path, fresh_output: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "raw"
    for key, rel in FILES.items():
        target = broken / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if key == "natural_earth":  # the last input read: everything before it succeeds
            target.write_text('{"type": "FeatureCollection", "feat', encoding="utf-8")
        else:
            target.symlink_to(raw_dir / rel)
    before = {p.name: p.read_bytes() for p in fresh_output.iterdir() if p.is_file()}
    assert main(["--raw-dir", str(broken), "--out-dir", str(fresh_output)]) == 1
    assert "ne_50m_admin_0_countries.geojson" in capsys.readouterr().err
    after = {p.name: p.read_bytes() for p in fresh_output.iterdir() if p.is_file()}
    assert after == before
