"""The benchmark (``make bench``): one command, one table — Puentes beside a naive Dash app serving
the same figures from the same data, uncompressed and compressed, measured from outside in one
interleaved run, with the targets of issue 17 beside each figure.

Three servers start on loopback, one after the other (each timed from process start to its first
``200`` on ``/healthz``): Puentes (``gunicorn -c gunicorn.conf.py 'app:create_server()'``, 2 workers
x 4 threads, the committed data) and the naive app of ``bench/naive.py`` without and with
compression (gunicorn, 2 x 4). Then, ``--rounds`` times, for each page (/map, /corridors, /dialogue,
/programmes) and each app in turn (so that a busy moment of the shared machine hits all three):

- a first visit in a fresh headless Chromium (the system one, ``/usr/bin/chromium``; an empty
  cache): the time from navigation start to the page's chart painted (its first shape in the DOM),
  and every request until the network has been quiet for a while;
- ``--changes`` changes of the page's control, as a reader makes them (the year on /map and
  /corridors, the years range on /dialogue, the programme on /programmes), each through Dash
  (``dash_clientside.set_props``): the time until the chart's ``plotly_afterplot`` ("repaint"),
  then every request until the network is quiet — chained callbacks, address bar, favicon and
  anything else the change sets off;
- a repeat visit: the page reloaded with the browser's cache kept.

Bytes are on the wire, headers included, in both directions (``bench/wire.py``: DevTools
``Network.*`` events). Then, in this process, every distinct callback request the browser sent to
Puentes is replayed through Flask's test client with the answer cache emptied before each request
(``server/answers.py``): server time per callback type, Dash's dispatch, JSON and compression
included. Then 1,000 requests to Puentes (pages and the recorded callbacks; 100 to each naive
server, whose callbacks send whole figures) and the RSS of each worker (Puentes' render process and
its Chromium counted apart). If ``bench/callback_times.py`` exists, its own output is appended.

Prints the table and writes it to ``bench/results/bench.txt`` with the date, the commit and the
load average before and after (the machine is shared: read timings with it). Options: ``--rounds``
(default 1), ``--changes`` (default 4), ``--requests`` (default 1000), ``--replays`` (default 10),
``--port-base`` (or ``BENCH_PORT_BASE``: ports N, N+1, N+2; default: free ports).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from browser import fresh_chromium
from wire import Recorder, Request, Tally, fetched_twice, tally

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
HOST = "127.0.0.1"
RESULTS = BENCH / "results" / "bench.txt"
LOGS = BENCH / "out"
QUIET_S = 0.6  # the network is quiet: nothing pending and no event for this long
APPS = ("puentes", "naive", "naive+compress")


@dataclass(frozen=True)
class Page:
    """One page of the benchmark: its path, its chart and control in each app, the control's values."""

    path: str
    graph: dict[str, str]  # app -> the chart's dcc.Graph id
    control: dict[str, str]  # app -> the control's id
    values: tuple[Any, ...]


def naive_ids(page: str, chart: str) -> tuple[str, str]:
    return f"naive-{page}-{chart}", f"naive-{page}-control"


def page(path: str, graph: str, control: str, chart: str, values: tuple[Any, ...]) -> Page:
    naive_graph, naive_control = naive_ids(path.strip("/"), chart)
    graphs = {"puentes": graph, "naive": naive_graph, "naive+compress": naive_graph}
    controls = {"puentes": control, "naive": naive_control, "naive+compress": naive_control}
    return Page(path, graphs, controls, values)


PAGES = (
    page("/map", "map-graph", "map-year", "map", (2010, 2024, 2000, 2020, 1990, 2015)),
    page("/corridors", "corridors-flows", "corridors-year", "flows", (2010, 2024, 2000, 2020, 1990, 2015)),
    page(
        "/dialogue",
        "dialogue-timeline",
        "dialogue-years",
        "timeline",
        ([2008, 2015], [2005, 2020], [2010, 2018], [2006, 2012], [2005, 2020], [2012, 2019]),
    ),
    page(
        "/programmes",
        "programmes-map",
        "programmes-filter",
        "programmes",
        ("eu_celac_project", "all", "mieux", "all", "eu_celac_project", "all"),
    ),
)

# Installed before any page script runs: when the chart's first shape appears.
MARKS = r"""
window.__bench = {};
(function () {
  const SHAPES = ['.choroplethlayer path', '.sankey .node-rect', '.barlayer .point path',
                  '.scatterlayer .trace', '.scattergeolayer .trace'];
  const chart = () => SHAPES.map(s => '#%(graph)s ' + s).join(', ');
  new MutationObserver(() => {
    if (!('painted' in window.__bench) && document.querySelector(chart())) {
      window.__bench.painted = performance.now();
    }
  }).observe(document, {subtree: true, childList: true});
})();
"""
WAIT_PAINTED = """
const done = arguments[arguments.length - 1];
const check = () => ('painted' in window.__bench) ? done(window.__bench.painted) : setTimeout(check, 20);
check();
"""
# Change the control through Dash, as its component does, and time the chart's next afterplot.
CHANGE = """
const [graph, control, value, done] = arguments;
const gd = document.querySelector('#' + graph + ' .js-plotly-plot');
let finished = false;
const finish = (ms) => { if (!finished) { finished = true; done(ms); } };
const start = performance.now();
gd.once('plotly_afterplot', () => finish(performance.now() - start));
setTimeout(() => finish(null), 20000);
window.dash_clientside.set_props(control, {value: value});
"""


@dataclass
class Visit:
    painted_ms: float
    traffic: Tally
    twice: list[str]
    files: list[Request] = field(default_factory=list)  # the GETs, with their response headers


@dataclass
class Revalidation:
    """Every file of a first visit asked again with its validators, as a browser does once a
    cached copy has expired: how many answered 304, how many came whole again, and the bytes."""

    not_modified: int = 0
    again: int = 0  # answered 200 although the browser had the file and said so
    no_validator: int = 0  # neither ETag nor Last-Modified: the browser can only fetch it again
    down: int = 0
    again_paths: list[str] = field(default_factory=list)


@dataclass
class Runs:
    """Everything measured for one app on one page, over the rounds."""

    first: list[Visit] = field(default_factory=list)
    repeat: list[Visit] = field(default_factory=list)
    repaint_ms: list[float] = field(default_factory=list)
    revalidation: Revalidation | None = None
    missed: int = 0  # changes whose chart did not repaint within 20 s
    changes: list[Tally] = field(default_factory=list)
    last_change: list[Request] = field(default_factory=list)
    encodings: set[str] = field(default_factory=set)


@dataclass
class Server:
    name: str
    base: str
    process: subprocess.Popen[bytes]
    start_s: float
    bodies: list[bytes] = field(default_factory=list)  # callback requests the browser sent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_ok(url: str, process: subprocess.Popen[bytes], log: Path, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{url} never answered 200; see {log}")
        time.sleep(0.02)


@contextmanager
def serve(name: str, port: int) -> Iterator[Server]:
    """gunicorn serving one app on loopback, timed from process start to its first 200 on /healthz."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    env = os.environ | {"HOST": HOST, "PORT": str(port), "WORKERS": "2", "THREADS": "4"}
    if name == "puentes":
        command, cwd = [gunicorn, "-c", "gunicorn.conf.py", "app:create_server()"], ROOT
    else:
        env["NAIVE_COMPRESS"] = "1" if name == "naive+compress" else "0"
        command = [gunicorn, "--no-control-socket", "--pythonpath", f"{ROOT},{BENCH}"]
        command += ["-b", f"{HOST}:{port}", "-w", "2", "--threads", "4", "naive:create_server()"]
        cwd = BENCH  # not the root: its gunicorn.conf.py is Puentes'
    log = LOGS / f"bench-{name.replace('+', '-')}.log"
    with log.open("wb") as out:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_ok(f"http://{HOST}:{port}/healthz", process, log)
        started = time.monotonic() - start
        yield Server(name, f"http://{HOST}:{port}", process, started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def chromium(graph: str) -> Any:
    driver = fresh_chromium(1280, 720, performance_log=True)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {"maxPostDataSize": 1 << 20})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": MARKS % {"graph": graph}})
    return driver


def settle(recorder: Recorder, limit: float = 30.0) -> None:
    """Wait until nothing is pending and no event came for QUIET_S (at most ``limit`` s)."""
    last = time.monotonic()
    deadline = last + limit
    while time.monotonic() < deadline:
        if recorder.drain():
            last = time.monotonic()
        elif recorder.pending() == 0 and time.monotonic() - last >= QUIET_S:
            return
        time.sleep(0.05)


def visit(driver: Any, recorder: Recorder, load: Any) -> tuple[Visit, list[Request]]:
    recorder.reset()
    load()
    painted = float(driver.execute_async_script(WAIT_PAINTED))
    settle(recorder)
    requests = recorder.wire()
    files = [r for r in requests if r.method == "GET" and r.status == 200]
    return Visit(painted, tally(requests), fetched_twice(requests), files), requests


def run_page(server: Server, spec: Page, changes: int, runs: Runs) -> None:
    """A first visit, ``changes`` changes of the control, a repeat visit: one fresh browser."""
    graph, control = spec.graph[server.name], spec.control[server.name]
    driver = chromium(graph)
    try:
        recorder = Recorder(driver, server.base)
        url = server.base + spec.path
        first, requests = visit(driver, recorder, lambda: driver.get(url))
        runs.first.append(first)
        keep(server, requests)
        if runs.revalidation is None:
            runs.revalidation = revalidate(server, first.files)
        for value in spec.values[:changes]:
            recorder.reset()
            repaint = driver.execute_async_script(CHANGE, graph, control, value)
            settle(recorder)
            requests = recorder.wire()
            keep(server, requests)
            if repaint is None:
                runs.missed += 1
            else:
                runs.repaint_ms.append(float(repaint))
            runs.changes.append(tally(requests))
            runs.last_change = requests
            runs.encodings |= {r.response_headers.get("content-encoding", "none") for r in requests}
            time.sleep(0.1)
        # the reload must start from a painted page with a new document: a fresh mark object
        repeat, requests = visit(driver, recorder, driver.refresh)
        runs.repeat.append(repeat)
        keep(server, requests)
    finally:
        driver.quit()


def revalidate(server: Server, files: list[Request]) -> Revalidation:
    """Ask for each file again with the validators its first answer carried (``If-None-Match``,
    ``If-Modified-Since``) and Chromium's ``Accept-Encoding``; count the bytes of the answers."""
    port = int(server.base.rsplit(":", 1)[1])
    out = Revalidation()
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        for file in files:
            validators = {}
            if "etag" in file.response_headers:
                validators["If-None-Match"] = file.response_headers["etag"]
            if "last-modified" in file.response_headers:
                validators["If-Modified-Since"] = file.response_headers["last-modified"]
            if not validators:
                out.no_validator += 1
            headers = {"Accept-Encoding": "gzip, deflate, br, zstd", **validators}
            connection.request("GET", file.path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            head = sum(len(f"{k}: {v}\r\n") for k, v in response.getheaders()) + 17 + 2
            out.down += head + len(body)
            if response.status == 304:
                out.not_modified += 1
            elif validators:
                out.again += 1
                out.again_paths.append(file.path)
    finally:
        connection.close()
    return out


def keep(server: Server, requests: list[Request]) -> None:
    for request in requests:
        if request.method == "POST" and "_dash-update-component" in request.url and request.post_data:
            server.bodies.append(request.post_data.encode())


# --- server time per callback type, in this process, the answer cache off ------------------------


def callback_name(body: bytes) -> str:
    """A callback type's name: its output ids but the address bar's (the first two, then how many
    more; "url+" when it writes the address bar too), and the page when it reads the address
    bar's path (the routing callback draws every page)."""
    request = json.loads(body)
    parts = [part.split("@")[0] for part in request["output"].strip(".").split("...")]
    names = list(dict.fromkeys(part.rsplit(".", 1)[0] for part in parts))
    own = [n for n in names if n not in ("app-url", "app-search")] or names
    shown = ("url+" if own != names else "") + ", ".join(own[:2])
    shown += f" +{len(own) - 2}" if len(own) > 2 else ""
    paths = [
        item.get("value")
        for item in [*request.get("inputs", []), *request.get("state", [])]
        if isinstance(item, dict) and item.get("property") == "pathname"
    ]
    return shown + (f" {paths[0]}" if paths and "app-page" in names else "")


def server_times(bodies: list[bytes], replays: int) -> dict[str, list[float]]:
    """Each distinct recorded callback request ``replays`` times (round robin), through Flask's
    test client with the answer cache emptied first: ms per request, by callback type. The first
    round is a warm-up (Python's own first calls), not counted."""
    sys.path.insert(0, str(ROOT))
    from app import create_app

    app = create_app()
    client = app.server.test_client()
    answers = app.server.extensions.get("puentes_answers")
    distinct = list(dict.fromkeys(bodies))
    times: dict[str, list[float]] = defaultdict(list)
    headers = {"Accept-Encoding": "gzip, deflate, br, zstd", "Content-Type": "application/json"}
    for round_ in range(replays + 1):
        for body in distinct:
            if answers is not None:
                answers.clear()
            start = time.perf_counter()
            response = client.post("/_dash-update-component", data=body, headers=headers)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code not in (200, 204):
                raise SystemExit(f"callback replay answered {response.status_code}: {body[:200]!r}")
            if round_:
                times[callback_name(body)].append(elapsed)
    return times


# --- memory after 1,000 requests --------------------------------------------------------------------


def hammer(server: Server, count: int, paths: list[str]) -> int:
    """``count`` requests over 8 keep-alive connections: page loads and the recorded callbacks."""
    bodies = list(dict.fromkeys(server.bodies)) or [b""]
    port = int(server.base.rsplit(":", 1)[1])
    errors = 0
    lock = threading.Lock()
    counter = iter(range(count))

    def worker() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        headers = {"Accept-Encoding": "gzip, br, zstd", "Content-Type": "application/json"}
        for i in counter:
            try:
                if i % 3 and bodies[0]:
                    connection.request("POST", "/_dash-update-component", bodies[i % len(bodies)], headers)
                else:
                    connection.request("GET", paths[i % len(paths)], headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    with lock:
                        errors += 1
            except (OSError, http.client.HTTPException):
                with lock:
                    errors += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
        connection.close()

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for future in [pool.submit(worker) for _ in range(8)]:
            future.result()
    return errors


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def memory(server: Server) -> tuple[list[float], float]:
    """RSS (MB) of each worker, and of the render process with its Chromium (Puentes only)."""
    from load import command_of, descendants, worker_pids

    workers = [rss_mb(pid) for pid in worker_pids(server.process.pid)]
    renders = [pid for pid in descendants(server.process.pid) if "dashboard.renders" in command_of(pid)]
    render = sum(rss_mb(pid) for r in renders for pid in [r, *descendants(r)])
    return workers, render


# --- the table ------------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)] if values else float("nan")


def kb(value: float) -> str:
    return f"{value / 1000:,.1f}"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "NOT MET")


class Table:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.header()

    def header(self) -> None:
        self.row("measure", "Puentes", "naive", "naive+comp.", "target (Puentes)", "")
        self.lines.append("-" * 117)

    def row(self, name: str, ours: str, naive: str, naivez: str, target: str = "", ok: str = "") -> None:
        self.lines.append(f"{name:<46}{ours:>15}{naive:>15}{naivez:>15}  {target:<16}{ok}")

    def section(self, title: str) -> None:
        self.lines.append(f"{title}")


def traffic(visits: list[Visit]) -> str:
    """Median bytes (kB, both ways) and requests of some visits."""
    total = median([float(v.traffic.total) for v in visits])
    return f"{kb(total)} ({median([float(v.traffic.requests) for v in visits]):.0f})"


def changes(runs: Runs, what: str) -> float:
    return median([float(getattr(t, what)) for t in runs.changes])


def page_rows(table: Table, spec: Page, runs: dict[str, Runs]) -> None:
    def each(fn: Any) -> list[str]:
        return [fn(runs[app]) for app in APPS]

    table.section(f"{spec.path}  (change: {spec.control['puentes']})")
    table.row(
        "  repaint after a change, ms p50 / p95",
        *each(lambda r: f"{median(r.repaint_ms):.0f} / {p95(r.repaint_ms):.0f}"),
    )
    if any(r.missed for r in runs.values()):
        table.row("  changes not repainted within 20 s", *each(lambda r: str(r.missed)))
    table.row(
        "  first paint (chart drawn), ms median",
        *each(lambda r: f"{median([v.painted_ms for v in r.first]):.0f}"),
    )
    table.row("  first visit, kB both ways (requests)", *each(lambda r: traffic(r.first)))
    twice = sorted({path for v in runs["puentes"].first for path in v.twice})
    table.row(
        "  files fetched twice on a first visit",
        *each(lambda r: str(max(len(v.twice) for v in r.first))),
        "0",
        verdict(not twice),
    )
    repeat = median([float(v.traffic.total) for v in runs["puentes"].repeat])
    table.row(
        "  repeat visit (reload, cache kept), kB (reqs)",
        *each(lambda r: traffic(r.repeat)),
        "<= 60 kB",
        verdict(repeat <= 60_000),
    )

    def revalidated(r: Runs) -> str:
        v = r.revalidation or Revalidation()
        return f"{kb(v.down)} ({v.not_modified}/{v.not_modified + v.again + v.no_validator})"

    ours = runs["puentes"].revalidation or Revalidation()
    table.row(
        "  every file revalidated (expired), kB (304s)",
        *each(revalidated),
        "all 304",
        verdict(ours.again == 0),
    )
    if ours.again_paths or ours.no_validator:
        again = ", ".join(p.split("?")[0] for p in ours.again_paths[:6])
        table.section(f"    Puentes: {ours.no_validator} without a validator; whole again: {again or 'none'}")
    per_change = {app: changes(r, "total") for app, r in runs.items()}
    is_map = spec.path == "/map"
    table.row(
        "  per change, bytes both ways, headers incl.",
        *each(lambda r: f"{changes(r, 'total'):,.0f}"),
        "<= 5,000" if is_map else "",
        verdict(per_change["puentes"] <= 5000) if is_map else "",
    )
    table.row(
        "    of which up / headers (both ways)",
        *each(lambda r: f"{changes(r, 'up'):,.0f} / {changes(r, 'headers'):,.0f}"),
    )
    table.row("    requests per change", *each(lambda r: f"{changes(r, 'requests'):.0f}"))
    ratio = per_change["naive+compress"] / max(per_change["puentes"], 1)
    table.row(
        "    times fewer bytes than naive+comp. (naive)",
        f"{ratio:.1f}x ({per_change['naive'] / max(per_change['puentes'], 1):.1f}x)",
        "",
        "",
        ">= 20x" if is_map else "",
        verdict(ratio >= 20) if is_map else "",
    )
    if twice:
        table.section(f"    fetched twice by Puentes: {', '.join(twice)}")
    seen = "; ".join(f"{app}: {','.join(sorted(runs[app].encodings))}" for app in APPS)
    table.section(f"    encodings seen on a change: {seen}")
    table.section("    Puentes' last change, request by request (bytes up / down, headers up + down):")
    for request in runs["puentes"].last_change:
        what = callback_name(request.post_data.encode()) if request.post_data else request.path[:60]
        head = f"      {request.method:<5}{request.status:>4} {what[:60]:<60}"
        table.section(
            f"{head}{request.up:>7,} /{request.down:>7,}  ({request.up_headers:,} + {request.down_headers:,})"
        )


def build_table(
    pages: list[Page],
    results: dict[tuple[str, str], Runs],
    servers: dict[str, Server],
    times: dict[str, list[float]],
    memory_after: dict[str, tuple[list[float], float]],
    errors: dict[str, int],
) -> list[str]:
    table = Table()
    for spec in pages:
        page_rows(table, spec, {app: results[(spec.path, app)] for app in APPS})
    table.section("Server time per callback type, Puentes, answer cache off (Flask test client, 1 thread)")
    for name, values in sorted(times.items(), key=lambda item: -p95(item[1])):
        label = f"  {name[:35]} (n={len(values)})"
        numbers = f"{median(values):.1f} / {p95(values):.1f}"
        table.row(label, numbers, "", "", "p95 <= 10 ms", verdict(p95(values) <= 10))
    slow = sum(p95(v) > 10 for v in times.values())
    table.row(
        "  callback types over 10 ms at p95", f"{slow} of {len(times)}", "", "", "0", verdict(slow == 0)
    )
    table.section("Process")
    table.row(
        "  start: process -> first 200 on /healthz, s",
        *[f"{servers[app].start_s:.2f}" for app in APPS],
        "<= 1.5 s",
        verdict(servers["puentes"].start_s <= 1.5),
    )
    rss = {app: memory_after[app][0] for app in APPS}
    table.row(
        "  RSS per worker after 1,000 (naive: 100) req., MB",
        *["/".join(f"{v:.0f}" for v in rss[app]) for app in APPS],
        "<= 200 MB",
        verdict(max(rss["puentes"], default=float("inf")) <= 200),
    )
    render = f"{memory_after['puentes'][1]:.0f}"
    table.row("  render process + its Chromium, RSS MB", render, "-", "-", "counted apart")
    table.row("  errors among those requests", *[str(errors[app]) for app in APPS])
    return table.lines


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="visits of each page by each app")
    parser.add_argument("--changes", type=int, default=4, help="control changes per visit (max 6)")
    parser.add_argument("--requests", type=int, default=1000, help="requests before reading RSS")
    parser.add_argument("--replays", type=int, default=10, help="replays of each callback request")
    parser.add_argument("--pages", default="", help="comma-separated paths (default: all four)")
    parser.add_argument(
        "--port-base",
        type=int,
        default=int(os.environ.get("BENCH_PORT_BASE", "0")),
        help="the servers' ports are this and the next two (default: free ports)",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # the finally blocks stop the servers
    LOGS.mkdir(parents=True, exist_ok=True)
    pages = [p for p in PAGES if not args.pages or p.path in args.pages.split(",")]
    started = time.monotonic()
    load_before = os.getloadavg()
    results: dict[tuple[str, str], Runs] = defaultdict(Runs)
    memory_after: dict[str, tuple[list[float], float]] = {}
    errors: dict[str, int] = {}
    with ExitStack() as stack:
        servers: dict[str, Server] = {}
        for offset, name in enumerate(APPS):  # one after the other: each start-up timed alone
            port = args.port_base + offset if args.port_base else free_port()
            servers[name] = stack.enter_context(serve(name, port))
            print(f"  {name} serving after {servers[name].start_s:.2f} s", file=sys.stderr)
        for round_ in range(args.rounds):
            for spec in pages:
                for name in APPS:
                    took = time.monotonic()
                    run_page(servers[name], spec, args.changes, results[(spec.path, name)])
                    runs = results[(spec.path, name)]
                    print(
                        f"  round {round_ + 1} {spec.path:<12}{name:<16}first paint "
                        f"{runs.first[-1].painted_ms:.0f} ms, change {runs.changes[-1].total:,} B "
                        f"({time.monotonic() - took:.0f} s)",
                        file=sys.stderr,
                    )
        paths = [p.path for p in pages] + ["/_dash-layout", "/_dash-dependencies"]
        for name in APPS:
            # the naive callbacks send whole figures (up to 650 kB each, ~0.5 s of JSON): a tenth
            errors[name] = hammer(servers[name], args.requests // (1 if name == "puentes" else 10), paths)
            memory_after[name] = memory(servers[name])
        ours_bodies = servers["puentes"].bodies
    print(f"  browser part done in {time.monotonic() - started:.0f} s; replaying callbacks", file=sys.stderr)
    times = server_times(ours_bodies, args.replays)
    load_after = os.getloadavg()
    lines = header(args, load_before, load_after, time.monotonic() - started)
    lines += build_table(pages, results, servers, times, memory_after, errors)
    extra = BENCH / "callback_times.py"
    if extra.exists():
        done = subprocess.run(
            [sys.executable, str(extra)], cwd=ROOT, capture_output=True, text=True, check=False
        )
        lines += ["", "bench/callback_times.py:", done.stdout.rstrip(), done.stderr.rstrip()[-2000:]]
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


def header(
    args: argparse.Namespace, before: tuple[float, ...], after: tuple[float, ...], took: float
) -> list[str]:
    dirty = git("status", "--porcelain", "--untracked-files=no")
    commit = git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if dirty else "")
    return [
        f"make bench (bench/report.py), {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"commit {commit}",
        f"load average (1/5/15 min) before {'/'.join(f'{x:.2f}' for x in before)}, "
        f"after {'/'.join(f'{x:.2f}' for x in after)}; {os.cpu_count()} cores, shared; took {took:.0f} s",
        f"gunicorn 2 workers x 4 threads each, loopback, headless Chromium 1280x720; {args.rounds} rounds "
        f"interleaved (page by page: Puentes, naive, naive+compression), {args.changes} changes per visit.",
        "Bytes: on the wire, both directions, request and status lines and headers included (DevTools).",
        "Naive: bench/naive.py, the same figures (shapes inlined), plain dcc.Graph + callbacks; "
        "naive+comp. = Dash(compress=True) (Flask-Compress defaults).",
        "",
    ]


if __name__ == "__main__":
    main()
