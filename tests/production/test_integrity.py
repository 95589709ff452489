"""What the server never opens or writes whatever the environment says: no MCP endpoint, no
gunicorn control socket, and one short log line (never a traceback) per rejected request."""

from __future__ import annotations

import pytest

from app import create_app


def test_mcp_stays_off_even_when_the_environment_enables_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASH_MCP_ENABLED", "true")  # Dash reads it when the app is built
    client = create_app().server.test_client()
    assert client.get("/_mcp").status_code == 404
    initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}
    answer = client.post("/_mcp", json=initialize)
    assert answer.status_code in (404, 405)
    assert b"jsonrpc" not in answer.data
