"""What travels with every callback answer and every revalidation (issue 17): a year change on the
map is one small answer with no page-only header, and the favicon and the assets answer 304 to a
browser that has them, whatever encoding it asks for (Chromium sends "gzip, deflate, br, zstd")."""

from __future__ import annotations

import re
from typing import Any

import pytest
from dash import Dash
from flask.testing import FlaskClient

from dashboard import urls
from dashboard.paths import ROOT
from layouts import ids

PAGE_ONLY = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)
# What Chromium sends, what older browsers and proxies send, and nothing at all.
ENCODINGS = ["gzip, deflate, br, zstd", "gzip, deflate, br", "gzip", ""]
# The headers a year change's answer may carry: what HTTP needs, compression and nosniff.
WIRE_HEADERS = {
    "Content-Type",
    "Content-Length",
    "Content-Encoding",
    "Vary",
    "X-Content-Type-Options",
}


def callback_body(app: Dash, output_id: str, values: dict[str, Any], changed: str) -> dict[str, Any]:
    """A callback request as dash-renderer sends it, for the callback that writes ``output_id``."""
    key = next(k for k in app.callback_map if f"..{output_id}." in k or k.startswith(f"{output_id}."))
    spec = app.callback_map[key]
    named = [o.split(".") for o in key.strip(".").split("...")]
    outputs = [{"id": name[0], "property": name[1].split("@")[0]} for name in named]
    return {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in spec["inputs"]],
        "state": [{**s, "value": values.get(f"{s['id']}.{s['property']}")} for s in spec["state"]],
        "changedPropIds": [changed],
    }


MAP_CONTROLS = {
    f"{ids.MAP_INDICATOR}.value": "migrant_stock",
    f"{ids.MAP_YEAR}.value": 2000,
    f"{ids.MAP_REGION}.value": "both",
    f"{ids.MAP_SCALE}.value": False,
    f"{ids.MAP_COUNTRIES}.value": [],
    f"{ids.MAP_GROUPS}.value": [],
    f"{ids.URL}.search": "",
}


def test_a_year_change_is_one_answer_with_the_map_and_the_address(
    client: FlaskClient, server_app: Dash
) -> None:
    body = callback_body(server_app, ids.MAP_GRAPH, MAP_CONTROLS, f"{ids.MAP_YEAR}.value")
    response = client.post(
        "/_dash-update-component", json=body, headers={"Accept-Encoding": "gzip, deflate, br, zstd"}
    )
    assert response.status_code == 200
    assert set(response.headers.keys()) <= WIRE_HEADERS, response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    answer = response.get_json() if "Content-Encoding" not in response.headers else None
    if answer is None:  # compressed: ask again uncompressed to read it
        answer = client.post("/_dash-update-component", json=body).get_json()
    changed = set(answer["response"])
    # the map and the address bar in one answer; nothing for a hidden table or an unchanged profile
    assert {ids.MAP_GRAPH, ids.MAP_SUBTITLE, ids.MAP_ADDRESS} <= changed
    assert ids.MAP_PROFILE_QUERY not in changed and ids.MAP_TABLE_QUERY not in changed
    assert answer["response"][ids.MAP_ADDRESS]["data"]["search"] == "?year=2000"


@pytest.mark.parametrize("status", [200, 204])
def test_no_callback_answer_carries_a_page_only_header(
    client: FlaskClient, server_app: Dash, status: int
) -> None:
    # 204: the controls already show what the address says (Dash's "nothing to update", typed
    # text/html by Dash, which must not make it a page)
    year = 2000 if status == 200 else None
    values = MAP_CONTROLS | {f"{ids.MAP_YEAR}.value": year}
    body = callback_body(server_app, ids.MAP_GRAPH, values, f"{ids.MAP_YEAR}.value")
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == status
    assert [name for name in PAGE_ONLY if name in response.headers] == []
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_page_still_carries_its_policy(client: FlaskClient) -> None:
    response = client.get("/map")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def favicon_url(client: FlaskClient) -> str:
    html = client.get("/map").get_data(as_text=True)
    found = re.search(r'<link rel="icon"[^>]*href="([^"]+)"', html)
    assert found, "the index page links no favicon"
    return found.group(1)


def test_the_favicon_is_small_and_kept_a_year(client: FlaskClient) -> None:
    url = favicon_url(client)
    assert url.startswith("/assets/favicon.ico?m=")  # fingerprinted: a new icon is a new URL
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "ETag" in response.headers
    assert response.get_data() == (ROOT / "assets" / "favicon.ico").read_bytes()
    assert len(response.get_data()) < 2048  # Dash's own icon is 16.6 kB


def revalidated(client: FlaskClient, url: str, encoding: str) -> tuple[int, int]:
    """(status of a first visit, status of a revalidation with the ETag it got), asked with the
    same Accept-Encoding both times, as a browser does."""
    headers = {"Accept-Encoding": encoding} if encoding else {}
    first = client.get(url, headers=headers)
    etag = first.headers.get("ETag")
    assert etag, f"{url} has no validator"
    again = client.get(url, headers={**headers, "If-None-Match": etag})
    if again.status_code == 304:
        assert again.get_data() == b""
        assert [name for name in PAGE_ONLY if name in again.headers] == []
    return first.status_code, again.status_code


def linked(client: FlaskClient, pattern: str) -> str:
    html = client.get("/map").get_data(as_text=True)
    found = re.search(rf'(?:src|href)="({pattern})"', html)
    assert found, pattern
    return found.group(1)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(
    "which",
    ["favicon", "dash favicon", "plotly", "stylesheet", "bundle", "chunk", "outline", "shapes", "world"],
)
def test_static_files_answer_304_to_a_revalidation(client: FlaskClient, which: str, encoding: str) -> None:
    url = {
        "favicon": lambda: favicon_url(client),
        "dash favicon": lambda: "/_favicon.ico?v=1",  # Dash's route, for anyone who asks for it
        "plotly": lambda: linked(client, r"/assets/plotly/plotly-puentes\.min\.js\?m=[0-9.]+"),
        "stylesheet": lambda: linked(client, r"/assets/02-puentes\.css\?m=[0-9.]+"),
        "bundle": lambda: linked(client, r"/_dash-component-suites/dash/dash-renderer/build/[^\"]+\.js"),
        "chunk": lambda: "/_dash-component-suites/dash/dcc/async-graph.js",
        "outline": lambda: urls.TOPOJSON_DIR + "world_110m.json",
        "shapes": lambda: urls.GEOMETRY,
        "world": lambda: urls.WORLD_GEOMETRY,
    }[which]()
    assert revalidated(client, url, encoding) == (200, 304)


def test_a_validator_from_another_encoding_still_matches(client: FlaskClient) -> None:
    """A browser that got the file gzip-encoded and later asks with zstd offered (or the other way
    round) sends the same validator: the content did not change, so the answer is 304."""
    url = linked(client, r"/assets/plotly/plotly-puentes\.min\.js\?m=[0-9.]+")
    etag = client.get(url, headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    again = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd", "If-None-Match": etag})
    assert again.status_code == 304
    assert not re.search(r":(br|gzip|zstd)\"?$", etag)  # Flask-Compress's renamed tags never matched
