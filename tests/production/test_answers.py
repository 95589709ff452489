"""Repeated callback requests are answered from memory with exactly the answer Dash gave the
first time; errors and oversized bodies are always answered afresh."""

from __future__ import annotations

import json
from typing import Any

from dash import Dash
from flask.testing import FlaskClient

from layouts import ids
from server.answers import MAX_BODY, Answers


def routing_body(search: str) -> dict[str, Any]:
    """The page-rendering callback as the browser calls it on a page load."""
    return {
        "output": f"..{ids.NAVBAR}.children...{ids.PAGE}.children...{ids.APP_HEAD}.data..",
        "outputs": [
            {"id": ids.NAVBAR, "property": "children"},
            {"id": ids.PAGE, "property": "children"},
            {"id": ids.APP_HEAD, "property": "data"},
        ],
        "inputs": [{"id": ids.APP_ROUTE, "property": "data", "value": {"path": "/map", "search": search}}],
        "changedPropIds": [f"{ids.APP_ROUTE}.data"],
    }


def post(client: FlaskClient, body: dict[str, Any] | str) -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post("/_dash-update-component", data=data, content_type="application/json")


def test_the_same_request_gets_the_same_answer_from_memory(client: FlaskClient, server_app: Dash) -> None:
    answers: Answers = server_app.server.extensions["puentes_answers"]
    body = routing_body("?indicator=net_migration&year=2001&lang=pt")
    before = len(answers)
    first = post(client, body)
    assert first.status_code == 200 and len(answers) == before + 1
    again = post(client, body)
    assert again.status_code == 200 and len(answers) == before + 1  # kept once, answered twice
    assert again.get_data() == first.get_data()
    assert "Migração líquida" in json.dumps(again.get_json(), ensure_ascii=False)
    assert "Content-Security-Policy" not in again.headers  # a callback answer is not a page
    assert again.headers["X-Content-Type-Options"] == first.headers["X-Content-Type-Options"] == "nosniff"
    other = post(client, routing_body("?indicator=net_migration&year=2002&lang=pt"))
    assert other.get_data() != first.get_data() and len(answers) == before + 2


def test_errors_and_large_bodies_are_not_kept(client: FlaskClient, server_app: Dash) -> None:
    answers: Answers = server_app.server.extensions["puentes_answers"]
    before = len(answers)
    assert post(client, "{not json").status_code == 400
    assert post(client, {"output": "nowhere.children", "inputs": []}).status_code >= 400
    big = routing_body("?countries=" + ",".join(["ESP"] * (MAX_BODY // 4)))
    assert post(client, big).status_code < 500
    assert len(answers) == before


def test_least_recently_used_answers_go_first() -> None:
    answers = Answers(entries=2)
    answers.put(b"a", (b"1", 200, "application/json"))
    answers.put(b"b", (b"2", 200, "application/json"))
    assert answers.get(b"a") is not None  # a is now the most recent
    answers.put(b"c", (b"3", 200, "application/json"))
    assert answers.get(b"b") is None and answers.get(b"a") is not None and len(answers) == 2


def test_the_answers_kept_stay_within_their_bytes() -> None:
    answers = Answers(entries=100, max_bytes=10)
    answers.put(b"a", (b"12345", 200, "application/json"))
    answers.put(b"b", (b"12345", 200, "application/json"))
    assert answers.size == 10 and len(answers) == 2
    answers.put(b"c", (b"123", 200, "application/json"))  # a goes
    assert answers.get(b"a") is None and answers.size == 8
    answers.put(b"c", (b"1", 200, "application/json"))  # replaced, not counted twice
    assert answers.size == 6 and len(answers) == 2
