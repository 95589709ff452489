"""The stack of docs/DEPLOY.md on the host: Debian's nginx running ``deploy/nginx.conf``, a
redis-server and three gunicorn replicas on loopback ports, all from one client address.

``deploy/nginx.conf`` is used as shipped, save three obvious edits (``for_the_host``): the
upstream's ``server puentes:8050 … resolve`` becomes three ``server 127.0.0.1:PORT …`` lines,
the ``resolver`` line goes (Docker's DNS; Debian's nginx 1.22 has no ``resolve``), and it listens
on a loopback port. Checked: 200 users from one address get no rejected callback (a conference
room behind one NAT), and a replica killed with SIGKILL in the middle of a load of callbacks and
page GETs costs no failed request (nginx retries them on the others). Bounded: about a minute.
Needs nginx (``make nginx``) and redis-server (``make redis``); skipped without them.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from loopback_servers import HOST, kill, ports, start_gunicorn, wait_ready

from dashboard.paths import ROOT

pytestmark = pytest.mark.server

REPLICAS = 3
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
CATALOGUE = json.loads((ROOT / "data" / "catalogue.json").read_text())
INDICATORS = [entry["id"] for entry in CATALOGUE["indicators"]][:4]
YEARS = (2000, 2010, 2020)
PAGES = ("/map", "/corridors", "/dialogue", "/sources")


def for_the_host(shipped: str, replica_ports: list[int], listen: int) -> str:
    """deploy/nginx.conf with loopback replicas and no Docker resolver; everything else as shipped."""
    server_line = re.compile(r"^(\s*)server puentes:8050( [^;]*?)? resolve;$", re.MULTILINE)
    match = server_line.search(shipped)
    assert match, "deploy/nginx.conf: no `server puentes:8050 … resolve;` line in the upstream"
    indent, parameters = match.group(1), match.group(2) or ""
    servers = "\n".join(f"{indent}server {HOST}:{port}{parameters};" for port in replica_ports)
    text, swapped = server_line.subn(lambda _: servers, shipped)
    text, dropped = re.subn(r"^resolver [^;]*;\n", "", text, flags=re.MULTILINE)
    listen_line = re.compile(r"^(\s*)listen 80;$", re.MULTILINE)
    text, listening = listen_line.subn(rf"\g<1>listen {HOST}:{listen};", text)
    assert (swapped, dropped, listening) == (1, 1, 1), "deploy/nginx.conf changed shape: update for_the_host"
    return text


def nginx_main_conf(folder: Path, site: Path) -> str:
    """The http{} around the site file, as the nginx image's own nginx.conf does, paths in ``folder``."""
    temp = " ".join(
        f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # else workers run as nobody, cannot write temp
    return (
        f"{user}worker_processes 2;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        f"http {{\n  default_type application/octet-stream;\n  access_log {folder / 'access.log'};\n"
        f"  {temp}\n  include {site};\n}}\n"
    )


@dataclass
class Stack:
    port: int
    replicas: list[subprocess.Popen[bytes]]
    folder: Path
    callback: tuple[str, list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]


def redis_server(folder: Path, port: int) -> subprocess.Popen[bytes]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed (make redis)")
    return subprocess.Popen(
        [binary, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def map_callback(port: int) -> tuple[str, list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    """The map controls' callback as /_dash-dependencies declares it: output key, outputs, inputs, state."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", "/_dash-dependencies")
    dependencies = json.loads(connection.getresponse().read())
    connection.close()
    for dependency in dependencies:
        if {"id": "map-indicator", "property": "value"} in dependency["inputs"]:
            key = dependency["output"]
            outputs = []
            for spec in key.strip(".").split("..."):
                component, prop = spec.rsplit(".", 1)
                outputs.append({"id": component, "property": prop.split("@")[0]})
            return key, outputs, dependency["inputs"], dependency["state"]
    raise AssertionError("no callback with map-indicator.value as input in /_dash-dependencies")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if NGINX is None:
        pytest.skip("nginx not installed (make nginx)")
    folder = tmp_path_factory.mktemp("stack")
    proxy_port, redis_port, *replica_ports = ports(2 + REPLICAS, offset=10)
    redis = redis_server(folder, redis_port)
    cache_url = f"redis://{HOST}:{redis_port}/0"
    replicas = [
        start_gunicorn(port, folder / f"gunicorn-{port}.log", WORKERS="1", THREADS="4", CACHE_URL=cache_url)
        for port in replica_ports
    ]
    proxy: subprocess.Popen[bytes] | None = None
    try:
        for port, process in zip(replica_ports, replicas, strict=True):
            wait_ready(port, process)
        site = folder / "puentes.conf"
        shipped = (ROOT / "deploy" / "nginx.conf").read_text()
        site.write_text(for_the_host(shipped, replica_ports, proxy_port))
        main = folder / "nginx.conf"
        main.write_text(nginx_main_conf(folder, site))
        command = [NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(main)]
        subprocess.run([*command, "-t"], check=True, capture_output=True)
        proxy = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL)
        wait_ready(proxy_port, proxy, seconds=10)
        yield Stack(proxy_port, replicas, folder, map_callback(proxy_port))
    finally:
        if proxy is not None:
            proxy.terminate()
            proxy.wait(timeout=10)
        for process in replicas:
            kill(process)
        redis.terminate()
        redis.wait(timeout=10)


def callback_body(stack: Stack, indicator: str, year: int) -> bytes:
    """A change of indicator on the map, as dash-renderer sends it."""
    key, outputs, inputs, state = stack.callback
    previous = next(other for other in INDICATORS if other != indicator)
    values: dict[str, Any] = {
        "map-indicator": indicator,
        "map-year": year,
        "map-region": "both",
        "map-scale": False,
        "map-countries": [],
        "map-groups": [],
    }
    body = {
        "output": key,
        "outputs": outputs,
        "inputs": [spec | {"value": values.get(spec["id"])} for spec in inputs],
        # The address still shows another indicator: a real change, answered with every output.
        "state": [spec | {"value": f"?indicator={previous}&year={year}"} for spec in state],
        "changedPropIds": ["map-indicator.value"],
    }
    return json.dumps(body).encode()


@dataclass
class Tally:
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int) -> None:
        with self.lock:
            self.statuses[kind, status] += 1

    def failed(self, kind: str) -> int:
        return sum(n for (k, status), n in self.statuses.items() if k == kind and status != 200)

    def total(self, kind: str) -> int:
        return sum(n for (k, _), n in self.statuses.items() if k == kind)


class User:
    """One delegate's browser: a kept-alive connection to the proxy, reopened after an error."""

    def __init__(self, stack: Stack, tally: Tally, seed: int) -> None:
        self.stack, self.tally, self.seed = stack, tally, seed
        self.connection = http.client.HTTPConnection(HOST, stack.port, timeout=30)

    def send(self, kind: str, method: str, path: str, body: bytes | None = None) -> None:
        headers = {"Content-Type": "application/json"} if body else {}
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            status = 0  # no answer at all: counted as failed
            print(f"{method} {path}: {error!r}")
            self.connection.close()
        self.tally.add(kind, status)

    def session(self, rounds: int = 0, until: float = 0.0) -> None:
        step = self.seed
        while (step - self.seed < rounds) if rounds else (time.monotonic() < until):
            page = PAGES[step % len(PAGES)]
            self.send("page", "GET", f"{page}?year={YEARS[step % len(YEARS)]}")
            for i in range(3):
                indicator = INDICATORS[(step + i) % len(INDICATORS)]
                body = callback_body(self.stack, indicator, YEARS[(step + i) % len(YEARS)])
                self.send("callback", "POST", "/_dash-update-component", body)
            step += 1
        self.connection.close()


def report(title: str, tally: Tally, seconds: float) -> None:
    counts = ", ".join(f"{kind} {status}: {n}" for (kind, status), n in sorted(tally.statuses.items()))
    total = tally.total("page") + tally.total("callback")
    print(f"\n{title}: {total} requests in {seconds:.1f} s ({counts})")


def test_a_callback_reaches_the_app_through_the_proxy(stack: Stack) -> None:
    connection = http.client.HTTPConnection(HOST, stack.port, timeout=30)
    connection.request(
        "POST", "/_dash-update-component", body=callback_body(stack, INDICATORS[0], 2010),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    response = connection.getresponse()
    answer = json.loads(response.read())
    assert response.status == 200
    assert "map-graph" in answer["response"]


def test_two_hundred_users_behind_one_address_get_no_rejected_callback(stack: Stack) -> None:
    tally = Tally()
    users = [User(stack, tally, seed) for seed in range(200)]
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        for user in users:
            pool.submit(user.session, rounds=2)
    report("200 users from 127.0.0.1", tally, time.monotonic() - start)
    assert tally.total("callback") == 200 * 2 * 3
    assert tally.failed("callback") == 0
    assert tally.failed("page") == 0


def test_a_replica_killed_under_load_costs_no_request(stack: Stack) -> None:
    victim = next(process for process in stack.replicas if process.poll() is None)
    tally = Tally()
    users = [User(stack, tally, seed) for seed in range(40)]
    start = time.monotonic()
    until = start + 12
    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        for user in users:
            pool.submit(user.session, until=until)
        time.sleep(4)
        before = tally.total("page") + tally.total("callback")
        kill(victim)  # SIGKILL to the master and its worker: in-flight requests are cut
        killed_at = time.monotonic() - start
    report(f"40 users, replica {victim.pid} killed at {killed_at:.1f} s after {before} requests", tally,
           time.monotonic() - start)  # fmt: skip
    retried = [
        line for line in (stack.folder / "error.log").read_text().splitlines()
        if "while connecting to upstream" in line or "upstream prematurely closed" in line
        or "while reading response header from upstream" in line
    ]  # fmt: skip
    print(f"nginx retried on another replica after {len(retried)} upstream errors")
    assert victim.poll() is not None
    assert tally.total("callback") > before  # the load went on after the kill
    assert tally.failed("callback") == 0
    assert tally.failed("page") == 0


def test_renders_alone_are_limited_per_address(stack: Stack) -> None:
    """150 export requests at once from one address: beyond nginx's burst, 429 with Retry-After
    (a cheap not-an-export path: the limit is nginx's, before any drawing)."""
    answers: list[tuple[int, str | None]] = []
    bodies: set[str] = set()
    lock = threading.Lock()
    start = threading.Barrier(150)

    def export() -> None:
        connection = http.client.HTTPConnection(HOST, stack.port, timeout=30)
        start.wait()
        connection.request("GET", "/export/not-a-chart.png")
        response = connection.getresponse()
        body = response.read().decode()
        with lock:
            answers.append((response.status, response.getheader("Retry-After")))
            if response.status == 429:
                bodies.add(body)
        connection.close()

    with ThreadPoolExecutor(max_workers=150) as pool:
        for _ in range(150):
            pool.submit(export)
    statuses = Counter(status for status, _ in answers)
    print(f"\n150 exports at once from 127.0.0.1: {dict(statuses)}")
    assert len(answers) == 150 and set(statuses) == {404, 429}
    assert statuses[429] >= 30
    assert all(retry == "10" for status, retry in answers if status == 429)
    (message,) = bodies  # in the app's four languages: nginx knows no reader's
    assert message.count("\n") == 4 and "try again" in message and "réessayez" in message
