"""Settings from the environment: defaults, parsing, and one clear error per bad value."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.paths import ROOT
from dashboard.settings import Settings, SettingsError


def test_defaults_suit_a_laptop() -> None:
    settings = Settings.from_env({})
    assert (settings.host, settings.port, settings.workers, settings.threads) == ("127.0.0.1", 8050, 2, 4)
    assert (settings.log_level, settings.cache_url) == ("info", "")
    assert (settings.render_queue, settings.render_share) == (40, 1.0)


def test_values_come_from_the_environment() -> None:
    env = {
        "HOST": "0.0.0.0",
        "PORT": "9000",
        "WORKERS": "3",
        "THREADS": "8",
        "LOG_LEVEL": "WARNING",
        "CACHE_URL": "redis://cache:6379/0",
    }
    settings = Settings.from_env(env)
    assert (settings.host, settings.port, settings.workers, settings.threads) == ("0.0.0.0", 9000, 3, 8)
    assert (settings.log_level, settings.cache_url) == ("warning", "redis://cache:6379/0")


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"PORT": "http"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"WORKERS": "0"}, "WORKERS"),
        ({"THREADS": "-2"}, "THREADS"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL"),
        ({"CACHE_URL": "memcached://x"}, "CACHE_URL"),
        ({"RENDER_SHARE": "0"}, "RENDER_SHARE"),
        ({"RENDER_SHARE": "1.5"}, "RENDER_SHARE"),
        ({"RENDER_SHARE": "half"}, "RENDER_SHARE"),
    ],
)
def test_a_bad_value_fails_naming_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        Settings.from_env(env)


def gunicorn(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    command = [gunicorn, "-c", "gunicorn.conf.py", "app:create_server()"]
    full = os.environ | {"HOST": "127.0.0.1", "PORT": "1"} | env  # never gets as far as binding
    return subprocess.run(command, cwd=ROOT, env=full, capture_output=True, text=True, timeout=60)


def test_gunicorn_refuses_a_bad_setting_in_one_line() -> None:
    done = gunicorn({"WORKERS": "many"})
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1] == "puentes: WORKERS='many' is not a whole number"


def test_gunicorn_refuses_a_corrupt_data_dir_naming_the_file(data_dir: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(data_dir, tmp_path / "data")
    with (copy / "countries.csv").open("a") as table:
        table.write("XXX,broken\n")
    done = gunicorn({"PUENTES_DATA_DIR": str(copy)})
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("puentes: ") and "countries.csv" in last
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["dialogue/events.toml", "stories/eu-celac-migration.yaml"])
def test_gunicorn_refuses_a_truncated_hand_curated_file_in_one_line(
    name: str, data_dir: Path, tmp_path: Path
) -> None:
    copy = shutil.copytree(data_dir, tmp_path / "data")
    path = copy / name
    path.write_bytes(path.read_bytes()[:200])
    done = gunicorn({"PUENTES_DATA_DIR": str(copy)})
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("puentes: ") and name in last and "manifest.json" in last
    assert "Traceback" not in done.stderr


def test_gunicorn_refuses_an_empty_indicators_table_in_one_line(data_dir: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(data_dir, tmp_path / "data")
    table = copy / "indicators.parquet"
    pd.read_parquet(table).head(0).to_parquet(table, index=False)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["indicators.parquet"]["sha256"] = hashlib.sha256(table.read_bytes()).hexdigest()
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    done = gunicorn({"PUENTES_DATA_DIR": str(copy)})
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("puentes: ") and "indicators.parquet: has no rows" in last
    assert "Traceback" not in done.stderr
