"""Cache lifetimes, compression and 304s of the static files (server/static.py): an asset, a Dash
component bundle, a dash_core_components chunk and the member shapes."""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator

import pytest
from dash import Dash
from flask.testing import FlaskClient

from dashboard import urls
from dashboard.paths import ROOT
from server.static import accepted

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

YEAR = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def app() -> Dash:
    from app import create_app

    return create_app()


@pytest.fixture
def client(app: Dash) -> Iterator[FlaskClient]:
    with app.server.test_client() as test_client:
        yield test_client


def linked(client: FlaskClient, pattern: str) -> str:
    """A URL the index page links, as Dash wrote it (with its fingerprint)."""
    html = client.get("/map").get_data(as_text=True)
    found = re.search(rf'(?:src|href)="({pattern})"', html)
    assert found, pattern
    return found.group(1)


def test_a_fingerprinted_asset_is_kept_a_year_and_travels_compressed(client: FlaskClient) -> None:
    url = linked(client, r"/assets/plotly/plotly-puentes\.min\.js\?m=[0-9.]+")
    response = client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == YEAR
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    raw = (ROOT / "assets" / "plotly" / "plotly-puentes.min.js").read_bytes()
    assert gzip.decompress(response.get_data()) == raw
    assert int(response.headers["Content-Length"]) < len(raw) / 2


def test_zstd_is_preferred_when_offered(client: FlaskClient) -> None:
    url = linked(client, r"/assets/01-bootstrap\.min\.css\?m=[0-9.]+")
    response = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert response.headers["Content-Encoding"] == "zstd"
    assert zstd.decompress(response.get_data()) == (ROOT / "assets" / "01-bootstrap.min.css").read_bytes()


def test_an_asset_without_fingerprint_is_kept_a_day_then_revalidated(client: FlaskClient) -> None:
    url = urls.TOPOJSON_DIR + "world_110m.json"
    first = client.get(url, headers={"Accept-Encoding": "zstd"})
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=86400"
    etag = first.headers["ETag"]
    again = client.get(url, headers={"Accept-Encoding": "zstd", "If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""


def test_a_dash_bundle_is_kept_a_year_and_compressed(client: FlaskClient) -> None:
    url = linked(client, r"/_dash-component-suites/dash/dash-renderer/build/dash_renderer\.v[^\"]+\.js")
    plain = client.get(url)
    assert plain.headers["Cache-Control"] == YEAR
    squeezed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert squeezed.headers["Cache-Control"] == YEAR
    assert gzip.decompress(squeezed.get_data()) == plain.get_data()
    assert client.get(url, headers={"If-None-Match": squeezed.headers["ETag"]}).status_code == 304


def test_a_chunk_without_fingerprint_is_revalidated_and_answered_304(client: FlaskClient) -> None:
    url = "/_dash-component-suites/dash/dcc/async-graph.js"
    first = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "no-cache"
    # Flask-Compress used to rename the ETag per encoding ("x:zstd"), which no 304 ever matched.
    again = client.get(
        url, headers={"Accept-Encoding": "gzip, deflate, br, zstd", "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304


def test_the_shapes_keep_their_day_and_travel_compressed(client: FlaskClient) -> None:
    first = client.get(urls.GEOMETRY, headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=86400"
    assert first.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(first.get_data()) == client.get(urls.GEOMETRY).get_data()
    again = client.get(
        urls.GEOMETRY, headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304


def test_the_page_itself_is_not_cached_as_a_static_file(client: FlaskClient) -> None:
    response = client.get("/map", headers={"Accept-Encoding": "gzip"})
    assert "immutable" not in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("gzip, deflate, br, zstd", "zstd"),
        ("gzip, deflate, br", "br"),
        ("gzip, deflate", "gzip"),
        ("deflate", None),
        ("", None),
        ("zstd;q=0, gzip", "gzip"),
        ("identity", None),
    ],
)
def test_the_strongest_accepted_encoding_is_chosen(header: str, chosen: str | None) -> None:
    assert accepted(header) == chosen


def test_warming_compresses_what_the_index_links_before_any_visitor(app: Dash) -> None:
    from server.static import Compressed, warm

    kept: Compressed = app.server.extensions["puentes_static"]
    warm(app)
    plotly = (ROOT / "assets" / "plotly" / "plotly-puentes.min.js").read_bytes()
    bodies = list(kept.kept.values())
    assert any(body.startswith(b"\x28\xb5\x2f\xfd") and zstd.decompress(body) == plotly for body in bodies)
    assert any(body.startswith(b"\x1f\x8b") and gzip.decompress(body) == plotly for body in bodies)
