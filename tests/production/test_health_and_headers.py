"""Probes, security headers, the request size limit and short error bodies (Flask test client)."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re

import pytest
from dash import Dash
from flask.testing import FlaskClient

from server.security import MAX_REQUEST_BYTES, inline_script_hashes

PAGES = ["/", "/map", "/corridors?origins=ECU", "/no-such-page"]
# Not documents: the page-only headers would do nothing there but cost bytes on every answer.
NOT_PAGES = [
    "/healthz",
    "/readyz",
    "/_dash-layout",
    "/_dash-dependencies",
    "/geometry/members.geojson",
    "/download/map.csv",
    "/assets/02-puentes.css",
    "/assets/favicon.ico",
    "/_favicon.ico",
]
PAGE_ONLY = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


def directives(policy: str) -> dict[str, str]:
    return {part.split()[0]: part.partition(" ")[2] for part in policy.split("; ")}


def test_healthz_answers_ok(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_readyz_reports_the_verified_data(client: FlaskClient) -> None:
    response = client.get("/readyz")
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["status"] == "ready"
    assert body["verified_files"] >= 9
    assert min(body["rows"].values()) > 0


@pytest.mark.parametrize("path", PAGES)
def test_every_page_carries_the_security_headers(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code < 500
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    policy = directives(response.headers["Content-Security-Policy"])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


@pytest.mark.parametrize("path", NOT_PAGES)
def test_what_is_not_a_page_carries_nosniff_and_no_page_only_header(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert [name for name in PAGE_ONLY if name in response.headers] == []


@pytest.mark.parametrize("path", ["/embed/map", "/embed/corridors?origins=ECU"])
def test_embeds_may_be_framed_by_any_site(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert "X-Frame-Options" not in response.headers
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "*"
    assert "'unsafe-inline'" not in policy["script-src"]


def test_every_inline_script_of_the_served_page_is_allowed_by_hash(client: FlaskClient) -> None:
    response = client.get("/map")
    html = response.get_data(as_text=True)
    allowed = directives(response.headers["Content-Security-Policy"])["script-src"].split()
    needed = inline_script_hashes(html)
    assert len(needed) >= 2  # the renderer and the clientside callbacks
    assert set(needed) <= set(allowed)


def test_inline_script_hashes_skip_json_sources_and_comments() -> None:
    html = (
        '<script id="c" type="application/json">{"a": 1}</script><!-- <script>x()</script> -->'
        '<script src="/a.js"></script><script>run()</script>'
    )
    digest = base64.b64encode(hashlib.sha256(b"run()").digest()).decode()
    assert inline_script_hashes(html) == [f"'sha256-{digest}'"]


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/nope/x.js",
        "/_dash-component-suites/dash/nope.js",
        "/_dash-component-suites/dash/../../app.py",
        "/assets/../app.py",
        "/assets/nope.css",
    ],
)
def test_unknown_bundles_and_assets_are_404_not_500(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.get_data(as_text=True) == "404 Not Found\n"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/map/%ff%fe", 404),  # no such page: the app's "Page not found", never a 500
        ("/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/download/map.csv?year=%ff&countries=%00", 200),  # defaults, with the notices
    ],
)
def test_mangled_urls_are_served_normally(client: FlaskClient, path: str, status: int) -> None:
    assert client.get(path).status_code == status


def test_a_forged_5mb_callback_body_gets_413(client: FlaskClient) -> None:
    body = json.dumps({"output": "x.y", "inputs": [{"id": "x", "property": "y", "value": "a" * 5_000_000}]})
    assert len(body) > MAX_REQUEST_BYTES
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.get_data(as_text=True).startswith("413 Request Entity Too Large: a body of ")


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2, 3]",
        b"{}",
        json.dumps({"output": "nope.children", "outputs": {"id": "nope", "property": "children"}}).encode(),
    ],
)
def test_a_forged_callback_gets_a_short_4xx_and_no_traceback(client: FlaskClient, body: bytes) -> None:
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    text = response.get_data(as_text=True)
    assert 400 <= response.status_code < 500
    assert len(text) < 100
    assert not re.search(r"Traceback|File \"|Error:", text)


def test_the_app_runs_with_debug_off(server_app: Dash) -> None:
    assert server_app.server.debug is False
    assert server_app.server.config["MAX_CONTENT_LENGTH"] == MAX_REQUEST_BYTES


def test_the_traceback_goes_to_the_log_only_at_debug(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A forged callback is one warning line at the usual levels (tests/production/test_integrity.py);
    its traceback is in the log only at LOG_LEVEL=debug, and never in the answer."""
    body = {"output": "nope.children", "outputs": {"id": "nope", "property": "children"}, "inputs": []}
    with caplog.at_level(logging.DEBUG):
        response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert b"Traceback" not in response.data and b"nope" not in response.data
    assert [r.exc_info is not None for r in caplog.records if "rejected" in r.getMessage()] == [False]
    assert [r.levelno for r in caplog.records if r.exc_info is not None] == [logging.DEBUG]


@pytest.mark.parametrize("path", ["/nope", "/map/nope", "/embed/nope", "/dialog", "/corridors/x/y"])
def test_unknown_paths_answer_404_with_the_app_page(client: FlaskClient, path: str) -> None:
    # The page still loads (it says "Page not found" in the reader's language and links to the
    # pages); only the status tells crawlers, link checkers and probes that the link is wrong.
    response = client.get(path + "?lang=es")
    assert response.status_code == 404
    assert "_dash-renderer" in response.get_data(as_text=True) or "dash_renderer" in response.get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    "path", ["/", "/map", "/corridors/", "/dialogue", "/programmes", "/sources", "/embed/map"]
)
def test_pages_answer_200(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 200
