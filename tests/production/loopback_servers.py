"""Real servers on loopback for the production tests: gunicorn started as the image starts it
(``gunicorn -c gunicorn.conf.py "app:create_server()"``, settings from the environment).

Ports: consecutive ones from ``PUENTES_TEST_PORT_BASE`` (+ an offset per test module) when it is
set, so parallel runs keep to their own range; free ephemeral ports otherwise.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from dashboard.paths import ROOT

HOST = "127.0.0.1"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def ports(count: int, offset: int) -> list[int]:
    base = os.environ.get("PUENTES_TEST_PORT_BASE")
    if base:
        return [int(base) + offset + i for i in range(count)]
    found = []
    for _ in range(count):
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            found.append(int(sock.getsockname()[1]))
    return found


def start_gunicorn(port: int, log: Path, **env: str) -> subprocess.Popen[bytes]:
    """gunicorn in its own process group (``kill`` takes the master and its workers at once)."""
    environment = os.environ | {"HOST": HOST, "PORT": str(port), "LOG_LEVEL": "warning"} | env
    with log.open("wb") as out:
        return subprocess.Popen(
            [str(GUNICORN), "-c", "gunicorn.conf.py", "app:create_server()"],
            cwd=ROOT,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_ready(port: int, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    """Until ``/readyz`` answers 200; fails with the server's log if it exits or takes too long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on port {port} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn on port {port} not ready in {seconds:.0f} s")


def kill(process: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
    """The whole process group (master and workers); waits for the master."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
