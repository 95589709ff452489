"""The export renderer draws with the assets folder it is given (the app's, in every layout) and
names what it lacks: at start (one log line), in ``/readyz`` (without failing it) and per export."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest
from flask import Flask

from dashboard import paths, rendering
from dashboard.errors import ExportFailed
from dashboard.renders import Exports
from server import health

BUNDLE = "assets/plotly/plotly-puentes.min.js"
WORLD = "assets/topojson/world_110m.json"
MANIFEST: dict[str, object] = {"files": {"indicators.parquet": "sha"}, "editions": {}}


def assets_copy(folder: Path) -> Path:
    """A copy of the two files kaleido loads, in a folder laid out like the image's ``/app/assets``."""
    for name in (BUNDLE, WORLD):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths.ROOT / name, folder / name)
    return folder / "assets"


def test_the_renderer_draws_with_the_folder_it_is_given(tmp_path: Path) -> None:
    assets = assets_copy(tmp_path / "app")
    renderer = rendering.Renderer(browser=sys.executable, assets=str(assets))
    assert renderer.assets == assets
    assert renderer._plotly_js == assets / "plotly" / "plotly-puentes.min.js"
    assert renderer._topojson == (assets / "topojson").as_uri() + "/"
    assert renderer.missing() == []


def test_a_relative_folder_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assets_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    renderer = rendering.Renderer(browser=sys.executable, assets="assets")
    assert renderer.assets == tmp_path / "assets" and renderer._topojson.startswith("file:///")


def test_without_a_folder_it_is_the_checkouts() -> None:
    assert paths.assets_dir() == paths.ROOT / "assets"
    assert rendering.Renderer().assets == paths.ROOT / "assets"


def test_missing_files_and_browser_are_named(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    renderer = rendering.Renderer(browser="/nonexistent/chromium", assets=tmp_path / "assets")
    assert renderer.missing() == [BUNDLE, WORLD, "Chromium"]
    shutil.copytree(paths.ROOT / "assets" / "topojson", tmp_path / "assets" / "topojson")
    assert renderer.missing() == [BUNDLE, "Chromium"]


def test_an_export_without_the_bundle_fails_naming_it(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    renderer = rendering.Renderer(browser=sys.executable, assets=tmp_path / "assets")
    with pytest.raises(ExportFailed, match=f"the server lacks {BUNDLE}, {WORLD}$"):
        renderer.render({"data": [], "layout": {}}, "png", 100, 100)
    assert not renderer.running  # no browser was started for nothing
    renderer.close()


def probed(renderer: rendering.Renderer | None) -> Flask:
    server = Flask(__name__)
    if renderer is not None:
        server.extensions[health.EXPORTS] = Exports(renderer, threads=4)
    health.register(server, MANIFEST)
    return server


def test_readyz_reports_exports_beside_readiness_and_start_logs_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "assets").mkdir()
    renderer = rendering.Renderer(browser="/nonexistent/chromium", assets=tmp_path / "assets")
    with caplog.at_level(logging.WARNING, logger=health.__name__):
        server = probed(renderer)
    [line] = [record.getMessage() for record in caplog.records]
    assert line == (
        f"puentes: exports will answer 503, pages are served: missing {BUNDLE}, {WORLD} (assets folder "
        f"{tmp_path / 'assets'}); Chromium (run `make browsers` or set BROWSER_PATH)"
    )
    response = server.test_client().get(health.READYZ)
    body = response.get_json()
    assert response.status_code == 200 and body["status"] == "ready"  # the pages still work
    assert body["exports"] == {"status": "not available", "missing": [BUNDLE, WORLD, "Chromium"]}


def test_readyz_says_exports_are_ready_when_nothing_is_missing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    renderer = rendering.Renderer(browser=sys.executable, assets=assets_copy(tmp_path))
    with caplog.at_level(logging.WARNING, logger=health.__name__):
        server = probed(renderer)
    assert caplog.records == []
    body = server.test_client().get(health.READYZ).get_json()
    assert body["exports"] == {"status": "ready", "missing": []}


def test_readyz_without_a_renderer_has_no_exports_entry() -> None:
    body = probed(None).test_client().get(health.READYZ).get_json()
    assert "exports" not in body and body["status"] == "ready"
