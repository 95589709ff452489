"""What the server never opens or writes whatever the environment says: no MCP endpoint, no
gunicorn control socket, and one short log line (never a traceback) per rejected request."""

from __future__ import annotations

import json
import logging
import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from dash import Dash
from gunicorn.config import Config

from app import create_app
from dashboard.paths import ROOT


def test_mcp_stays_off_even_when_the_environment_enables_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASH_MCP_ENABLED", "true")  # Dash reads it when the app is built
    client = create_app().server.test_client()
    assert client.get("/_mcp").status_code == 404
    initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}
    answer = client.post("/_mcp", json=initialize)
    assert answer.status_code in (404, 405)
    assert b"jsonrpc" not in answer.data


def test_the_gunicorn_config_turns_the_control_socket_off() -> None:
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    for name, value in settings.items():
        if name in config.settings:
            config.set(name, value)
    assert config.control_socket_disable is True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_gunicorn_serves_without_creating_a_control_socket(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    port = free_port()
    env = os.environ | {"HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(runtime)}
    env |= {"HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "1", "THREADS": "2"}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    command = [gunicorn, "-c", "gunicorn.conf.py", "app:create_server()"]
    log = (tmp_path / "gunicorn.log").open("w+")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    log.seek(0)
    assert "control socket" not in log.read().lower()
    assert list(runtime.iterdir()) == [] and not (tmp_path / ".gunicorn").exists()


FORGED = {
    "output": "no-such-id.children\n\x1b[31mforged line",
    "outputs": {"id": "no-such-id", "property": "children"},
    "inputs": [{"id": "x", "property": "value", "value": 1}],
    "changedPropIds": ["x.value"],
}


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (json.dumps(FORGED).encode(), 400, "KeyError"),
        (b"{not json", 400, "Bad Request"),
        (b"x" * (3 * 1024 * 1024), 413, "Request Entity Too Large"),
    ],
)
def test_a_rejected_callback_is_one_log_line(
    server_app: Dash, caplog: pytest.LogCaptureFixture, body: bytes, status: int, reason: str
) -> None:
    client = server_app.server.test_client()
    with caplog.at_level(logging.INFO):
        answer = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert answer.status_code == status
    records = [r for r in caplog.records if r.name == server_app.server.logger.name]
    assert len(records) == 1
    (record,) = records
    line = record.getMessage()
    assert line.startswith(f"rejected POST /_dash-update-component {status}: {reason}")
    assert record.exc_info is None and "Traceback" not in caplog.text
    assert "\n" not in line and "\x1b" not in line and len(line) < 300
