"""Under gunicorn, renders run in one process of their own: one browser for the whole server (not
one per worker), started again if it dies, gone when gunicorn stops; the workers' threads only
wait for it."""

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
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import rendering
from dashboard.paths import ROOT

pytestmark = pytest.mark.skipif(rendering.browser_path() is None, reason="no Chromium to draw images")
PNG = b"\x89PNG\r\n\x1a\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def processes() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            found[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), command)
    return found


def ancestors(pid: int, table: dict[int, tuple[int, str]]) -> list[int]:
    chain = []
    while pid in table and pid > 1:
        pid = table[pid][0]
        chain.append(pid)
    return chain


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    env = os.environ | {"HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "2", "THREADS": "4"}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    log = (tmp_path_factory.mktemp("render") / "gunicorn.log").open("w+")
    server = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "app:create_server()"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if get(f"{base}/readyz")[0] == 200:
                break
        except OSError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.5)
    yield base, server
    server.terminate()
    server.wait(timeout=30)


def render_processes(server: subprocess.Popen[bytes]) -> tuple[list[int], list[int], list[int]]:
    """(workers, render processes, Chromium processes) under this gunicorn."""
    table = processes()
    mine = [pid for pid in table if server.pid in ancestors(pid, table)]
    renders = [pid for pid in mine if "dashboard.renders.process serve" in table[pid][1]]
    workers = [
        pid for pid in mine if table[pid][0] == server.pid and "dashboard.renders" not in table[pid][1]
    ]
    browsers = [pid for pid in mine if "chrom" in table[pid][1].split(" ")[0]]
    return workers, renders, browsers


def test_one_browser_for_the_whole_server_not_one_per_worker(
    served: tuple[str, subprocess.Popen[bytes]],
) -> None:
    base, server = served
    for year in (1990, 2000, 2010, 2020):  # several requests: both workers draw some
        status, body, _headers = get(f"{base}/export/map.png?year={year}")
        assert status == 200 and body.startswith(PNG)
    workers, renders, browsers = render_processes(server)
    assert len(workers) == 2 and len(renders) == 1 and browsers
    table = processes()
    for browser in browsers:
        assert renders[0] in ancestors(browser, table)  # every Chromium is the render process's
        assert not set(workers) & set(ancestors(browser, table))


def test_the_browser_draws_only_when_pages_leave_a_core_idle(
    served: tuple[str, subprocess.Popen[bytes]],
) -> None:
    """Chromium runs in a session of its own: its processes are ``SCHED_IDLE`` and, where Linux groups
    a session's CPU time (autogroup), that group has the lowest priority, not a share equal to the
    whole server's."""
    base, server = served
    assert get(f"{base}/export/map.png?year=2015")[0] == 200
    workers, renders, browsers = render_processes(server)
    assert browsers
    for pid in [*renders, *browsers]:
        assert os.sched_getscheduler(pid) == os.SCHED_IDLE, pid
    with contextlib.suppress(FileNotFoundError):  # kernels built without autogroup scheduling
        for pid in browsers:
            assert Path(f"/proc/{pid}/autogroup").read_text().split()[-1] == "19", pid
    for pid in workers:
        assert os.sched_getscheduler(pid) == os.SCHED_OTHER, pid


def test_a_killed_render_process_is_started_again(served: tuple[str, subprocess.Popen[bytes]]) -> None:
    base, server = served
    _workers, [render], _browsers = render_processes(server)
    os.kill(render, signal.SIGKILL)
    deadline, answers = time.monotonic() + 30, []
    while time.monotonic() < deadline:
        status, body, headers = get(f"{base}/export/corridors.png?year=2015")
        answers.append(status)
        if status == 200:
            assert body.startswith(PNG)
            break
        assert status == 503 and headers["Retry-After"].isdigit()  # meanwhile: "try again in…"
        time.sleep(1)
    assert answers[-1] == 200, answers
    assert get(f"{base}/map")[0] == 200  # the pages never noticed


def test_the_render_process_ends_with_gunicorn() -> None:
    port = free_port()
    env = os.environ | {"HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "1", "THREADS": "2"}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "app:create_server()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while not render_processes(server)[1]:
        assert server.poll() is None and time.monotonic() < deadline, "no render process"
        time.sleep(0.5)
    table = processes()
    mine = [pid for pid in table if server.pid in ancestors(pid, table)]  # workers, renders, browsers
    assert len(mine) >= 3
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    time.sleep(3)
    alive = processes()
    assert not [pid for pid in mine if pid in alive]
