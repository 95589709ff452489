"""A corrupt, partial or re-shaped data/ is refused with one clear line naming the file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from app import create_app
from dashboard import datasets
from dashboard.errors import DataValidationError
from dashboard.etl import write
from dashboard.settings import Settings


@pytest.fixture
def data_copy(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("PUENTES_DATA_DIR", str(data_dir))  # restored after the test
    target = tmp_path / "data"
    shutil.copytree(data_dir, target)
    yield target
    datasets.clear_caches()


def test_committed_data_verifies(data_dir: Path) -> None:
    manifest = datasets.verify(data_dir)
    assert set(datasets.REQUIRED_COLUMNS) <= set(manifest["files"])


def test_every_hand_curated_file_the_app_loads_is_in_the_manifest(data_dir: Path) -> None:
    listed = set(datasets.verify(data_dir)["files"])
    dialogue = ("themes.toml", "programmes.toml", "events.toml", "claims.toml")
    on_disk = {f"dialogue/{name}" for name in dialogue}
    on_disk |= {f"stories/{path.name}" for path in (data_dir / "stories").glob("*.yaml")}
    assert on_disk and on_disk <= listed


@pytest.mark.parametrize("name", ["dialogue/claims.toml", "stories/eu-celac-migration.yaml"])
def test_a_truncated_hand_curated_file_is_named(data_copy: Path, name: str) -> None:
    target = data_copy / name
    target.write_bytes(target.read_bytes()[:300])
    with pytest.raises(DataValidationError, match=rf"{name}.*differs from manifest"):
        datasets.verify(data_copy)


def test_a_story_outside_the_manifest_is_refused(data_copy: Path) -> None:
    story = data_copy / "stories" / "eu-celac-migration.yaml"
    (data_copy / "stories" / "added.yaml").write_bytes(story.read_bytes())
    with pytest.raises(DataValidationError, match=r"added\.yaml.*not listed in manifest"):
        datasets.verify(data_copy)


def test_the_manifest_is_refreshed_after_a_hand_edit(data_copy: Path) -> None:
    path = data_copy / "dialogue" / "themes.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"themes\.toml.*differs.*python -m dashboard\.etl\.write"):
        datasets.verify(data_copy)
    before = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
    write.refresh_manifest(data_copy)
    after = datasets.verify(data_copy)
    assert after["files"]["dialogue/themes.toml"] != before["files"]["dialogue/themes.toml"]
    changed = {name for name in before["files"] if before["files"][name] != after["files"][name]}
    assert changed == {"dialogue/themes.toml"}


def rehash(folder: Path, name: str) -> None:
    """Make the manifest agree with a file written below (as a faulty ETL run would)."""
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["files"][name]["sha256"] = write.sha256(folder / name)
    path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(datasets.REQUIRED_COLUMNS))
def test_an_empty_table_is_refused(data_copy: Path, name: str) -> None:
    path = data_copy / name
    if name.endswith(".parquet"):
        pd.read_parquet(path).head(0).to_parquet(path, index=False)
    else:
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    rehash(data_copy, name)
    with pytest.raises(DataValidationError, match=rf"{name}: has no rows"):
        datasets.verify(data_copy)


@pytest.mark.parametrize(
    ("name", "key"),
    [("geometry.geojson", "features"), ("world.geojson", "features"), ("catalogue.json", "indicators")],
)
def test_an_empty_document_is_refused(data_copy: Path, name: str, key: str) -> None:
    path = data_copy / name
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document[key]
    document[key] = type(document[key])()
    path.write_text(json.dumps(document), encoding="utf-8")
    rehash(data_copy, name)
    with pytest.raises(DataValidationError, match=rf"{name}: is empty"):
        datasets.verify(data_copy)


def test_the_app_refuses_to_start_on_an_empty_indicators_table(data_copy: Path) -> None:
    path = data_copy / "indicators.parquet"
    pd.read_parquet(path).head(0).to_parquet(path, index=False)
    rehash(data_copy, "indicators.parquet")
    with pytest.raises(DataValidationError, match=r"indicators\.parquet: has no rows"):
        create_app(Settings(data_dir=data_copy))


def test_a_truncated_file_is_named(data_copy: Path) -> None:
    target = data_copy / "indicators.parquet"
    target.write_bytes(target.read_bytes()[:1000])
    with pytest.raises(DataValidationError, match=r"indicators\.parquet.*differs from manifest"):
        datasets.verify(data_copy)


def test_a_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "geometry.geojson").unlink()
    with pytest.raises(DataValidationError, match=r"geometry\.geojson.*missing"):
        datasets.verify(data_copy)


def test_a_reshaped_table_names_its_missing_columns(data_copy: Path) -> None:
    path = data_copy / "corridors.parquet"
    pd.read_parquet(path).rename(columns={"migrant_stock": "stock"}).to_parquet(path)
    with pytest.raises(DataValidationError, match=r"corridors\.parquet.*migrant_stock"):
        datasets.read("corridors.parquet", data_copy)


def test_the_app_refuses_to_start_on_corrupt_data(data_copy: Path) -> None:
    (data_copy / "countries.csv").write_text("garbage\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"countries\.csv"):
        create_app(Settings(data_dir=data_copy))


def test_a_flagged_zero_with_a_value_is_refused(data_copy: Path) -> None:
    """The rule of issue 13, enforced where the app reads the table: a reported_zero is no data."""
    path = data_copy / "indicators.parquet"
    frame = pd.read_parquet(path)
    flagged = frame["flag"] == "reported_zero"
    assert flagged.any() and frame.loc[flagged, "value"].isna().all()
    frame.loc[flagged, "value"] = frame.loc[flagged, "published"]
    frame.to_parquet(path)
    with pytest.raises(
        DataValidationError, match=r"indicators\.parquet.*reported_zero row\(s\) carry a value"
    ):
        datasets.indicator_values(data_copy)


def test_an_indicators_table_without_the_published_number_is_refused(data_copy: Path) -> None:
    path = data_copy / "indicators.parquet"
    pd.read_parquet(path).drop(columns="published").to_parquet(path)
    with pytest.raises(DataValidationError, match=r"indicators\.parquet.*published"):
        datasets.indicator_values(data_copy)
