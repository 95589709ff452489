"""Callback bodies and query strings are bounded to what the app can produce (issue 16): the
largest body the app can send (the briefing panel's, with a full basket) passes, one byte over
:data:`MAX_REQUEST_BYTES` is a 413 with one log line, and an over-long query string is a 414."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from dash import Dash

from dashboard import briefing, urls
from dashboard.urls import corridors
from dashboard.urls.corridors import CorridorState
from dashboard.urls.query import MAX_QUERY_LENGTH
from dashboard.urls.shared import MAX_COUNTRIES, MAX_GROUPS, FilterState
from dashboard.vocabulary import vocabulary
from layouts import ids
from server.security import MAX_QUERY_BYTES, MAX_REQUEST_BYTES

CALLBACK = "/_dash-update-component"


def longest_written_view() -> str:
    """The longest basket view the app's builders write: the corridors page with every
    parameter at its longest (custom origins and destinations of 40 codes each)."""
    words = vocabulary()
    codes = sorted(words.countries)
    members = sorted(words.members)
    indicator = max(words.indicator_years, key=len)
    shared = FilterState(
        indicator=indicator,
        year=max(words.indicator_years[indicator]),
        region="celac",
        countries=tuple(members[:MAX_COUNTRIES]),
        lang="pt",
        scale="log",
        groups=tuple(sorted(words.groups, key=len)[-MAX_GROUPS:]),
    )
    state = CorridorState(
        direction="custom",
        origins=tuple(codes[: corridors.MAX_CORRIDOR_CODES]),
        destinations=tuple(codes[-corridors.MAX_CORRIDOR_CODES :]),
        year=max(words.corridor_years),
        sex="female",
        base=min(words.corridor_years),
        focus=codes[0],
        side="origin",
    )
    chart = max(urls.CHARTS["corridors"], key=len)
    return urls.chart_view("/corridors", corridors.query(shared, state), chart)


def briefing_body(basket: list[str], search: str, title: str) -> bytes:
    """The body the browser sends for the briefing panel's list (the basket and the address). The
    deck's ``title`` is in no callback body: the panel's form POSTs it with the download."""
    body: dict[str, Any] = {
        "output": "..briefing-list.children..",
        "outputs": [{"id": ids.BRIEFING_LIST, "property": "children"}],
        "inputs": [
            {"id": ids.BRIEFING_PANEL, "property": "is_open", "value": True},
            {"id": ids.BRIEFING_BASKET, "property": "data", "value": basket},
        ],
        "changedPropIds": [f"{ids.BRIEFING_BASKET}.data"],
        "state": [
            {"id": ids.URL, "property": "pathname", "value": "/corridors"},
            {"id": ids.URL, "property": "search", "value": search},
        ],
    }
    return json.dumps(body, ensure_ascii=False).encode("utf-8")  # as the browser's JSON.stringify


def largest_bodies() -> tuple[bytes, bytes]:
    """The briefing body with the longest views the builders write, and with every value at the
    longest the app reads (views and address of MAX_QUERY_LENGTH, a title of 4-byte characters)."""
    written = longest_written_view()
    title = "\U0001f30d" * briefing.TITLE_MAX
    realistic = briefing_body([written] * briefing.MAX_VIEWS, "?" + written.partition("?")[2], title)
    read_max = "/corridors?" + "a" * MAX_QUERY_LENGTH
    ceiling = briefing_body([read_max] * briefing.MAX_VIEWS, "?" + "a" * MAX_QUERY_LENGTH, title)
    return realistic, ceiling


def test_the_bound_is_a_margin_above_the_largest_body_the_app_sends(server_app: Dash) -> None:
    realistic, ceiling = largest_bodies()
    assert "..briefing-list.children.." in server_app.callback_map
    assert len(realistic) < len(ceiling) < MAX_REQUEST_BYTES / 2  # the margin stated in security.py
    assert len(ceiling) > MAX_REQUEST_BYTES / 4
    client = server_app.server.test_client()
    for body in (realistic, ceiling):
        response = client.post(CALLBACK, data=body, content_type="application/json")
        assert response.status_code == 200, response.get_data(as_text=True)


def test_one_byte_over_the_bound_is_a_413_and_one_log_line(
    server_app: Dash, caplog: pytest.LogCaptureFixture
) -> None:
    _realistic, ceiling = largest_bodies()
    padded = ceiling[:-1] + b" " * (MAX_REQUEST_BYTES - len(ceiling)) + b"}"
    assert len(padded) == MAX_REQUEST_BYTES
    client = server_app.server.test_client()
    assert client.post(CALLBACK, data=padded, content_type="application/json").status_code == 200
    with caplog.at_level(logging.INFO):
        response = client.post(CALLBACK, data=padded + b" ", content_type="application/json")
    assert response.status_code == 413
    text = response.get_data(as_text=True)
    size = MAX_REQUEST_BYTES + 1
    assert text == f"413 Request Entity Too Large: a body of {size} bytes (at most {MAX_REQUEST_BYTES})\n"
    lines = [r.getMessage() for r in caplog.records if r.name == server_app.server.logger.name]
    assert lines == [f"rejected POST {CALLBACK} 413: {text[4:].strip()}"]


def test_a_query_string_past_the_bound_is_a_414(server_app: Dash, caplog: pytest.LogCaptureFixture) -> None:
    client = server_app.server.test_client()
    assert client.get("/map?countries=VEN&x=" + "a" * (MAX_QUERY_BYTES - 20)).status_code == 200
    with caplog.at_level(logging.INFO):
        response = client.get("/map?x=" + "a" * MAX_QUERY_BYTES)
    assert response.status_code == 414
    assert response.get_data(as_text=True).startswith("414 URI Too Long: a query string of ")
    lines = [r.getMessage() for r in caplog.records if r.name == server_app.server.logger.name]
    assert len(lines) == 1 and lines[0].startswith("rejected GET /map 414: URI Too Long")


def test_the_measured_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    realistic, ceiling = largest_bodies()
    with capsys.disabled():
        print(
            f"\nlongest written view {len(longest_written_view())} chars; briefing body: "
            f"{len(realistic)} bytes written, {len(ceiling)} bytes read at most; bound {MAX_REQUEST_BYTES}"
        )
