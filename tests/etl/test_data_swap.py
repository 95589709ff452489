"""data/ is replaced as a whole: a refresh killed at any step leaves one complete folder serving.

A kill is simulated by raising a ``BaseException`` (which the writer does not clean up after, as
a killed process would not) at the step named, by patching that step of
:mod:`dashboard.datasets.swap`. The tables written are the committed ones with every indicator
value moved by +1, so that the previous and the new data are told apart.
"""

from __future__ import annotations

import contextlib
import errno
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.datasets import registry, swap
from dashboard.datasets.texts import hand_curated
from dashboard.errors import DataValidationError
from dashboard.etl.write import write_all


class Killed(BaseException):
    """The process dies here: no ``except Exception`` runs."""


@pytest.fixture(autouse=True)
def restore_folder() -> Iterator[None]:
    before = list(registry._FOLDER)
    yield
    registry._FOLDER[:] = before
    datasets.clear()


@pytest.fixture
def data(data_dir: Path, tmp_path: Path) -> Path:
    """A copy of the committed data/, alone in its parent folder."""
    out = tmp_path / "site" / "data"
    shutil.copytree(data_dir, out)
    return out


def committed_tables(folder: Path) -> dict[str, Any]:
    """The tables of ``folder``'s manifest, as the ETL hands them to the writer."""
    tables: dict[str, Any] = {}
    for name in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"]:
        path = folder / name
        if "/" in name:
            continue  # hand-curated: carried over, not written
        if name.endswith(".parquet"):
            tables[name] = pd.read_parquet(path)
        elif name.endswith(".csv"):
            tables[name] = pd.read_csv(path, keep_default_na=False, na_values=[""])
        elif name.endswith(".json"):
            tables[name] = json.loads(path.read_text(encoding="utf-8"))
        else:
            tables[name] = path.read_text(encoding="utf-8")
    return tables


def new_tables(folder: Path) -> dict[str, Any]:
    tables = committed_tables(folder)
    tables["indicators.parquet"] = tables["indicators.parquet"].assign(
        value=lambda f: f["value"] + 1, published=lambda f: f["published"] + 1
    )
    return tables


EDITIONS = {"test": "new"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def served_values(folder: Path) -> pd.Series:
    """What the app's loader serves from ``folder`` after the start-up check."""
    datasets.verify(folder)
    datasets.use(folder)
    return datasets.indicator_values()["published"]


def expected_values(parquet: Path) -> pd.Series:
    frame = pd.read_parquet(parquet).sort_values(["indicator", "year", "iso3"]).reset_index(drop=True)
    return frame["published"]


def beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir())


def test_a_refresh_swaps_in_a_whole_new_folder_with_the_hand_curated_files(data: Path) -> None:
    tables = new_tables(data)
    before = snapshot(data)

    manifest = write_all(tables, data, EDITIONS)

    after = snapshot(data)
    kept = {name: content for name, content in before.items() if name.startswith(("dialogue/", "stories/"))}
    assert kept and all(after[name] == content for name, content in kept.items())
    assert after["README.md"] == before["README.md"]
    loaded = {path.relative_to(data).as_posix() for path in hand_curated(data)}
    assert loaded and loaded <= set(kept) and loaded <= set(manifest["files"])
    assert beside(data) == ["data"]  # no new or old folder left
    new = pd.Series(tables["indicators.parquet"].sort_values(["indicator", "year", "iso3"])["published"])
    pd.testing.assert_series_equal(served_values(data), new.reset_index(drop=True))


def test_the_exchange_is_atomic_on_this_system(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    try:
        swap.exchange(tmp_path / "a", tmp_path / "b")
    except OSError as exc:
        assert exc.errno in swap.NO_EXCHANGE
        pytest.skip(f"no renameat2(RENAME_EXCHANGE) here ({exc}): the two-rename swap is used")
    assert (tmp_path / "b" / "x").read_text() == "a" and not (tmp_path / "a" / "x").exists()


def without_exchange(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a system or filesystem without renameat2: the two-rename swap is used."""

    def unsupported(first: Path, second: Path) -> None:
        raise OSError(errno.ENOSYS, "no renameat2")

    monkeypatch.setattr(swap, "exchange", unsupported)


def test_killed_between_the_two_renames_the_previous_data_serves_again(
    data: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(data)
    without_exchange(monkeypatch)
    park = swap.park

    def park_then_die(target: Path, old: Path) -> None:
        park(target, old)
        raise Killed

    monkeypatch.setattr(swap, "park", park_then_die)
    with pytest.raises(Killed):
        write_all(new_tables(data), data, EDITIONS)
    assert not data.exists()  # the window the recovery rule is for
    assert (data.parent / "data.old").is_dir()

    pd.testing.assert_series_equal(served_values(data), expected_values(data_dir / "indicators.parquet"))
    assert snapshot(data) == before  # every file the previous one: nothing mixed

    monkeypatch.undo()  # the next run cleans up and completes
    write_all(new_tables(data), data, EDITIONS)
    assert beside(data) == ["data"]


@pytest.mark.parametrize("exchange_works", [True, False], ids=["exchange", "two-renames"])
def test_killed_before_the_swap_the_previous_data_serves(
    data: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, exchange_works: bool
) -> None:
    before = snapshot(data)
    if not exchange_works:
        without_exchange(monkeypatch)

    def die(new: Path, target: Path) -> None:
        raise Killed

    monkeypatch.setattr(swap, "swap_in", die)
    with pytest.raises(Killed):
        write_all(new_tables(data), data, EDITIONS)
    assert snapshot(data) == before
    pd.testing.assert_series_equal(served_values(data), expected_values(data_dir / "indicators.parquet"))

    monkeypatch.undo()
    write_all(new_tables(data), data, EDITIONS)
    assert beside(data) == ["data"]  # this process's new folder of the killed run removed


def test_killed_just_after_the_exchange_the_new_data_serves(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exchange = swap.exchange
    done: list[bool] = []

    def exchange_then_die(first: Path, second: Path) -> None:
        exchange(first, second)  # raises OSError where there is no exchange: two renames instead
        done.append(True)
        raise Killed

    tables = new_tables(data)
    monkeypatch.setattr(swap, "exchange", exchange_then_die)
    with contextlib.suppress(Killed):
        write_all(tables, data, EDITIONS)
    assert done or not swap_exchange_works(data.parent)
    new = tables["indicators.parquet"].sort_values(["indicator", "year", "iso3"])["published"]
    pd.testing.assert_series_equal(served_values(data), new.reset_index(drop=True))


def swap_exchange_works(folder: Path) -> bool:
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    try:
        swap.exchange(folder / "a", folder / "b")
    except OSError:
        return False
    finally:
        (folder / "a").rmdir()
        (folder / "b").rmdir()
    return True


def test_a_new_folder_that_fails_the_start_up_check_is_never_swapped_in(data: Path) -> None:
    before = snapshot(data)
    tables = new_tables(data)
    tables["indicators.parquet"] = tables["indicators.parquet"].iloc[0:0]
    with pytest.raises(DataValidationError, match=r"indicators\.parquet: has no rows"):
        write_all(tables, data, EDITIONS)
    assert snapshot(data) == before
    assert beside(data) == ["data"]
