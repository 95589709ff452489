"""Slow clients against gunicorn exposed directly, as ``docker run -p 8050:8050`` exposes it: the
image's command and ``gunicorn.conf.py`` with its defaults (WORKERS=2, THREADS=4), on loopback.

Each attack opens slowloris connections that send one byte every 2 s, of a request head (8 and 32
connections: more than the 2 x 4 request threads) or of a request body; meanwhile ``/healthz``
and the map page must keep answering in under 2 s (``server/worker.py`` reads requests whole in
the worker's main loop, so a slow client holds no thread). Bounded: about 40 s.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback_servers import HOST, kill, ports, start_gunicorn, wait_ready

pytestmark = pytest.mark.server

ATTACK_SECONDS = 10.0
PROBES = ("/healthz", "/map")
HEAD = b"GET /map HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Padding: "
BODY_HEAD = (
    b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    b"Content-Length: 100000\r\n\r\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """gunicorn started as the Dockerfile's CMD starts it, with the image's WORKERS and THREADS."""
    folder: Path = tmp_path_factory.mktemp("slow")
    (port,) = ports(1, offset=30)
    process = start_gunicorn(port, folder / "gunicorn.log", WORKERS="2", THREADS="4")
    try:
        wait_ready(port, process)
        yield port
    finally:
        kill(process)


def trickle(port: int, count: int, what: str, stop: threading.Event) -> None:
    """``count`` connections, each sending one more byte every 2 s until ``stop``."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection((HOST, port), timeout=5)
        if what == "body":
            sock.sendall(BODY_HEAD)  # a whole head at once, then the body one byte at a time
        sockets.append(sock)
    sent = 0
    while not stop.is_set():
        byte = HEAD[sent : sent + 1] if what == "head" and sent < len(HEAD) else b"a"
        for sock in sockets:
            with contextlib.suppress(OSError):  # closed by the server: that is allowed
                sock.send(byte)
        sent += 1
        stop.wait(2)
    for sock in sockets:
        sock.close()


def timed_get(port: int, path: str) -> float:
    """Seconds for a whole answer (5 s if none): a fresh connection each time, as a new visitor."""
    start = time.monotonic()
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        assert response.status == 200
        return time.monotonic() - start
    except (TimeoutError, OSError):
        return 5.0
    finally:
        connection.close()


@pytest.mark.parametrize(("count", "what"), [(8, "head"), (32, "head"), (8, "body")])
def test_slow_clients_do_not_stop_the_server(server: int, count: int, what: str) -> None:
    assert max(timed_get(server, path) for path in PROBES) < 2  # warm, before the attack
    stop = threading.Event()
    attack = threading.Thread(target=trickle, args=(server, count, what, stop))
    attack.start()
    latencies: dict[str, list[float]] = {path: [] for path in PROBES}
    try:
        time.sleep(2.5)  # every slow connection has sent its first bytes
        until = time.monotonic() + ATTACK_SECONDS - 2.5
        while time.monotonic() < until:
            for path in PROBES:
                latencies[path].append(timed_get(server, path))
            time.sleep(0.3)
    finally:
        stop.set()
        attack.join()
    summary = ", ".join(
        f"{path}: {len(values)} GETs, {sum(v >= 2 for v in values)} over 2 s, max {max(values) * 1000:.0f} ms"
        for path, values in latencies.items()
    )
    print(f"\n{count} slow connections ({what} byte by byte every 2 s): {summary}")
    assert all(value < 2 for values in latencies.values() for value in values), summary


def test_a_request_trickled_byte_by_byte_is_still_answered(server: int) -> None:
    """Slow is not refused: a whole request sent one byte at a time gets its answer."""
    request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    with socket.create_connection((HOST, server), timeout=10) as sock:
        for byte in request:
            sock.send(bytes([byte]))
            time.sleep(0.01)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ") and b'"ok"' in body
