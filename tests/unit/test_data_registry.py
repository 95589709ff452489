"""The data layer's registry: every loader is cleared and warmed, ``use`` starts every cache
afresh, and the data-version token follows the manifest and the hand-curated files."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import app  # noqa: F401 - imports every module that registers a loader, as the server does
from dashboard import datasets, dialogue, dialogue_schema, stories
from dashboard.datasets import registry
from dashboard.urls.shared import FilterState
from dashboard.views import map as map_view


@pytest.fixture
def restore_folder() -> Iterator[None]:
    """Put back the folder the other tests read (and start their caches afresh)."""
    before = list(registry._FOLDER)
    yield
    registry._FOLDER[:] = before
    datasets.clear()


def copy_of(data_dir: Path, target: Path) -> Path:
    shutil.copytree(data_dir, target)
    return target


def test_every_loader_is_registered_once() -> None:
    names = [loader.name for loader in datasets.loaders()]
    assert len(names) == len(set(names))
    for expected in (
        datasets.countries,
        datasets.catalogue,
        datasets.member_arrays,
        datasets.version,
        dialogue.documents,
        dialogue.events,
        dialogue.claims,
        stories.stories,
    ):
        assert expected in datasets.loaders()


def test_warm_builds_every_loader_and_clear_forgets_them(restore_folder: None) -> None:
    datasets.warm()
    assert [loader.name for loader in datasets.loaders() if loader.cache_info().currsize == 0] == []
    # Warmed for the calls the pages make: no argument and None share one entry.
    assert datasets.countries() is datasets.countries(None)
    map_view.build(FilterState())
    assert map_view.member_frame.cache_info().currsize > 0
    datasets.clear()
    assert [loader.name for loader in datasets.loaders() if loader.cache_info().currsize > 0] == []
    assert map_view.member_frame.cache_info().currsize == 0


def test_clear_caches_is_the_registry_clear() -> None:
    assert datasets.clear_caches is datasets.clear


def test_the_dialogue_files_are_the_ones_the_schema_names() -> None:
    assert tuple(dict.fromkeys(spec[0] for spec in dialogue_schema.SPECS.values())) == datasets.DIALOGUE_FILES


def edit_manifest(folder: Path) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["editions"]["wdi_netm"] = "2025-01-01"
    path.write_text(json.dumps(manifest), encoding="utf-8")


def test_the_token_is_short_and_follows_the_manifest(data_dir: Path, tmp_path: Path) -> None:
    same, edited = copy_of(data_dir, tmp_path / "same"), copy_of(data_dir, tmp_path / "edited")
    edit_manifest(edited)
    token = datasets.version(data_dir)
    assert len(token) == 12 and int(token, 16) >= 0
    assert datasets.version(same) == token  # a digest, not a counter: replicas agree
    assert datasets.version(edited) != token


def test_the_token_follows_the_dialogue_and_the_stories(data_dir: Path, tmp_path: Path) -> None:
    token = datasets.version(data_dir)
    claims, story = copy_of(data_dir, tmp_path / "claims"), copy_of(data_dir, tmp_path / "story")
    with (claims / "dialogue" / "claims.toml").open("a", encoding="utf-8") as file:
        file.write("\n# a curator's note\n")
    (story / "stories" / "another.yaml").write_text("id: another\n", encoding="utf-8")
    assert datasets.version(claims) != token
    assert datasets.version(story) != token


def test_digest_of_a_manifest() -> None:
    assert datasets.digest({"files": {"a": 1}}) != datasets.digest({"files": {"a": 2}})
    assert datasets.digest({"a": 1, "b": 2}) == datasets.digest({"b": 2, "a": 1})
    assert datasets.digest({"a": 1}, {"x.toml": b"1"}) != datasets.digest({"a": 1}, {"x.toml": b"2"})


def test_use_resets_the_token_and_every_cache(data_dir: Path, tmp_path: Path, restore_folder: None) -> None:
    edited = copy_of(data_dir, tmp_path / "edited")
    edit_manifest(edited)
    calls: list[str] = []

    @datasets.derived(maxsize=4)
    def edition() -> str:
        calls.append("computed")
        return str(datasets.manifest()["editions"]["wdi_netm"])

    datasets.use(data_dir)
    before = datasets.version()
    assert edition() == edition() == "2024-02-21" and len(calls) == 1
    events = dialogue.events()
    datasets.use(edited)
    assert datasets.version() == datasets.version(edited) != before
    assert edition() == "2025-01-01" and len(calls) == 2
    assert dialogue.events() is not events  # the dialogue is read again from the new folder
    assert dialogue.events().equals(events)
