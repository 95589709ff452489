"""The exported images themselves, drawn by kaleido on the system Chromium (skipped without it):
valid PNG at 2x and SVG, with title, subtitle and source line, land on the maps, in the reader's
language, the default view for a bad query, and nothing fetched from the network."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from PIL import Image

from app import create_app
from dashboard import rendering
from dashboard.errors import ExportFailed
from dashboard.paths import ROOT
from dashboard.views import exports

pytestmark = pytest.mark.skipif(rendering.browser_path() is None, reason="no Chromium to draw images")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def client() -> Iterator[FlaskClient]:
    server = create_app().server
    yield server.test_client()
    server.extensions["puentes_exports"].close()


def svg_text(data: bytes) -> tuple[ET.Element, str]:
    root = ET.fromstring(data)
    return root, " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def land_paths(root: ET.Element) -> list[str]:
    return [
        p.get("d") or ""
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "layer land"
        for p in g.iter(f"{SVG}path")
    ]


def test_browser_starts_on_the_first_export_only(client: FlaskClient) -> None:
    renderer = client.application.extensions["puentes_exports"].renderer
    assert not renderer.running  # serving pages never starts Chromium
    assert client.get("/export/dialogue.svg").status_code == 200
    assert renderer.running


@pytest.mark.parametrize(
    ("url", "width"),
    [
        ("/export/map.png?indicator=net_migration_rate&year=2019", 1200),
        ("/export/corridors.png?sex=female", 1100),
        ("/export/corridors.png?chart=map&focus=ECU&side=origin", 1000),
        ("/export/dialogue.png?themes=irregular_migration", 1400),
    ],
)
def test_png_is_at_least_twice_the_chart_size_and_not_blank(
    client: FlaskClient, url: str, width: int
) -> None:
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.headers["Content-Disposition"].startswith('inline; filename="puentes-')
    image = Image.open(io.BytesIO(response.data))
    image.verify()
    image = Image.open(io.BytesIO(response.data)).convert("RGB")
    assert image.width == exports.SCALE * width and image.height >= exports.SCALE * 300
    low, high = image.convert("L").getextrema()
    assert high - low > 150
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 50


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/export/map.svg?indicator=net_migration_rate&year=2019&lang=es",
            ["Tasa de migración neta", "CELAC y UE · 2019 · por 1.000 personas", "Fuente: World Bank"],
        ),
        (
            "/export/map.svg?region=eu",
            ["International migrant stock", "EU · 2024 · people", "Source: UN DESA"],
        ),
        (
            "/export/corridors.svg?lang=fr",
            ["Corridors migratoires", "Source: UN DESA", "licence CC BY 3.0 IGO"],
        ),
        ("/export/corridors.svg?chart=map&lang=pt", ["Espanha, 2024", "Fonte: UN DESA"]),
        ("/export/dialogue.svg?from=2008&to=2015", ["EU–CELAC dialogue on migration", "2008–2015"]),
    ],
)
def test_svg_carries_title_subtitle_and_source(client: FlaskClient, url: str, expected: list[str]) -> None:
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    _root, text = svg_text(response.data)
    for words in expected:
        assert words in text, words


@pytest.mark.parametrize("url", ["/export/map.svg", "/export/corridors.svg?chart=map"])
def test_maps_show_land_from_the_apps_own_topojson(client: FlaskClient, url: str) -> None:
    root, _text = svg_text(client.get(url).data)
    assert any(len(d) > 1000 for d in land_paths(root))


def translated_y(element: ET.Element) -> float:
    """The y of an SVG group's ``translate(x,y)``."""
    shift = (element.get("transform") or "").partition("translate(")[2].partition(")")[0]
    return float(shift.split(",")[1]) if "," in shift else 0.0


@pytest.mark.parametrize("region", ["both", "celac", "eu"])
def test_the_source_line_lies_under_the_colour_bar(client: FlaskClient, region: str) -> None:
    """The map's colour bar lies across under it: its labels and the source line under it do not meet."""
    root, _text = svg_text(client.get(f"/export/map.svg?region={region}").data)
    bar = next(g for g in root.iter(f"{SVG}g") if "colorbar" in (g.get("class") or "").split())
    ticks = [bar_y + float(t.get("y") or 0) for bar_y in [translated_y(bar)] for t in bar.iter(f"{SVG}text")]
    notes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "annotation"]
    source = next(g for g in notes if "".join(g.itertext()).startswith("Source:"))
    top = translated_y(next(g for g in source.iter(f"{SVG}g") if g.get("class") == "cursor-pointer"))
    assert ticks and max(ticks) + 4 < top, (ticks, top)


def test_bad_query_gives_the_default_view(client: FlaskClient) -> None:
    response = client.get("/export/map.svg?indicator=%3Cscript%3E&year=abc&region=mars&lang=xx")
    assert response.status_code == 200
    assert "International migrant stock" in svg_text(response.data)[1]
    assert "<script" not in response.get_data(as_text=True)


OFFLINE = """
import sys
from app import create_app
server = create_app().server
response = server.test_client().get('/export/map.svg')
server.extensions["puentes_exports"].close()
sys.stdout.write(str(response.status_code) + ' ' + str(len(response.data)) + ' ')
sys.stdout.write(str(response.data.count(b'class="layer land"><path d="M')))
"""


@pytest.mark.skipif(
    shutil.which("unshare") is None or subprocess.run(["unshare", "-rn", "true"]).returncode != 0,
    reason="cannot make a network namespace here",
)
def test_export_works_with_no_network_at_all() -> None:
    """In a network namespace with nothing in it, any fetch would fail the export."""
    out = subprocess.run(
        ["unshare", "-rn", sys.executable, "-c", OFFLINE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    status, size, land = out.stdout.split()
    assert status == "200" and int(size) > 100_000 and int(land) >= 1, out.stderr[-2000:]


def test_the_same_image_again_is_a_304(client: FlaskClient) -> None:
    gzip = {"Accept-Encoding": "gzip"}
    first = client.get("/export/dialogue.svg?lang=es", headers=gzip)
    assert first.status_code == 200 and first.headers["Content-Encoding"] == "gzip"
    again = client.get(
        "/export/dialogue.svg?lang=es", headers={"If-None-Match": first.headers["ETag"], **gzip}
    )
    assert again.status_code == 304
    other = client.get("/export/dialogue.svg?lang=fr", headers={"If-None-Match": first.headers["ETag"]})
    assert other.status_code == 200


def test_a_crashed_browser_fails_one_export_cleanly_then_restarts() -> None:
    figure = {"data": [{"type": "bar", "x": [1, 2], "y": [3, 4]}], "layout": {}}
    renderer = rendering.Renderer()
    try:
        assert renderer.render(figure, "png", 300, 200).startswith(b"\x89PNG")
        wrapper = renderer._kaleido.subprocess.pid  # the Chromium this test started, by pid
        for child in Path(f"/proc/{wrapper}/task/{wrapper}/children").read_text().split():
            os.kill(int(child), signal.SIGKILL)
        with pytest.raises(ExportFailed, match="could not be drawn"):
            renderer.render(figure, "png", 300, 200)
        assert not renderer.running
        assert renderer.render(figure, "svg", 300, 200).startswith(b"<svg")
    finally:
        renderer.close()
    assert not renderer.running
