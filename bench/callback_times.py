"""Server time of every callback type with the answer cache off, start to serving, and RSS.

Run: ``.venv/bin/python bench/callback_times.py`` (``--rounds N``, ``--skip-server``). Target
(issue 17): every callback type p95 <= 10 ms, start to serving <= 1.5 s, RSS per worker
<= 200 MB after 1,000 requests (the render process counted apart).

- **Callbacks**: the app is built in this process; the callback answers kept by body
  (``server/answers.py``) are switched off, so each request runs the callback. Each type is
  POSTed to ``/_dash-update-component`` through Flask's test client as dash-renderer sends it
  (outputs and inputs from ``/_dash-dependencies``), cycling through several states so that
  caches of one state's result do not hide the work. p50/p95 are of the whole request
  (Dash's dispatch, JSON and compression included), wall clock and this thread's CPU time (on a
  machine shared with other work the wall clock includes waiting for a core; the CPU time much
  less). The first round is a warm-up, not counted.
- **Start to serving**: gunicorn (``gunicorn.conf.py``, one worker) started on 127.0.0.1:9350,
  timed until ``/map`` answers 200.
- **RSS after 1,000 requests**: the worker's RSS after 1,000 mixed requests (pages and
  callbacks, answer cache on as in production), read from /proc.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORT = int(os.environ.get("PUENTES_BENCH_PORT", "9350"))
PAGES = {
    "page /map": ("/map", ["", "?indicator=migrant_share&year=2020", "?lang=es&countries=MEX,ESP"]),
    "page /corridors": ("/corridors", ["", "?year=2010&direction=eu_celac", "?lang=fr&sex=female"]),
    "page /dialogue": ("/dialogue", ["", "?themes=asylum,remittances", "?lang=pt&from=2005&to=2015"]),
    "page /programmes": ("/programmes", ["", "?programme=mieux", "?lang=es&themes=asylum"]),
    "page /sources": ("/sources", ["", "?lang=es"]),
}
THEMES = [[], ["asylum"], ["remittances", "labour_migration"], ["data_statistics"]]
COUNTRIES = [[], ["MEX"], ["ESP", "COL"]]


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q * len(ordered)) - 1))]


class Callbacks:
    """Request bodies built from the app's ``/_dash-dependencies``."""

    def __init__(self, client: Any) -> None:
        self.client = client
        every = client.get("/_dash-dependencies").get_json()
        self.deps = [d for d in every if not d.get("clientside_function")]  # browser-side: not timed

    def dependency(self, ident: str) -> dict[str, Any]:
        """The server callback with input ``ident``, else the one whose first output is ``ident``."""
        for dep in self.deps:
            if any(i["id"] == ident for i in dep["inputs"]):
                return dep
        return next(d for d in self.deps if d["output"].strip(".").split(".")[0] == ident)

    def body(self, input_id: str, values: dict[str, Any], changed: str) -> dict[str, Any]:
        """The body dash-renderer sends for the callback with input ``input_id``."""
        dep = self.dependency(input_id)
        key = dep["output"]
        outputs = [
            {"id": o.split(".")[0], "property": o.split(".", 1)[1]} for o in key.strip(".").split("...")
        ]

        def item(spec: dict[str, str]) -> dict[str, Any]:
            name = f"{spec['id']}.{spec['property']}"
            return {"id": spec["id"], "property": spec["property"], "value": values.get(name)}

        return {
            "output": key,
            "outputs": outputs if key.startswith("..") else outputs[0],
            "inputs": [item(i) for i in dep["inputs"]],
            "state": [item(s) for s in dep["state"]],
            "changedPropIds": [changed],
        }

    def post(self, body: dict[str, Any]) -> tuple[float, int, Any]:
        elapsed, status, answer, _cpu = self.timed(body)
        return elapsed, status, answer

    def timed(self, body: dict[str, Any]) -> tuple[float, int, Any, float]:
        """(wall ms, status, answer, CPU ms of this thread: what a busy machine inflates least)."""
        start, cpu = time.perf_counter(), time.thread_time()
        response = self.client.post("/_dash-update-component", json=body, headers={"Accept-Encoding": "gzip"})
        elapsed = (time.perf_counter() - start) * 1000
        spent = (time.thread_time() - cpu) * 1000
        data = response.data
        if response.status_code != 200:
            return elapsed, response.status_code, None, spent
        text = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
        return elapsed, 200, json.loads(text), spent


def cases(cb: Callbacks) -> Iterator[tuple[str, dict[str, Any]]]:
    """(callback type, body): one round of every type, several states each."""
    for name, (path, searches) in PAGES.items():
        for search in searches:
            values = {"app-route.data": {"path": path, "search": search, "own": False}}
            yield name, cb.body("app-route", values, "app-route.data")
    for n, (indicator, year) in enumerate(
        [("migrant_stock", 2020), ("migrant_stock", 2010), ("migrant_share", 2015), ("refugees_hosted", 2024)]
    ):
        values = {
            "map-indicator.value": indicator,
            "map-year.value": year,
            "map-region.value": "all",
            "map-scale.value": False,
            "map-countries.value": COUNTRIES[n % 3],
            "map-groups.value": [],
            "app-url.search": "?year=2000" if n % 2 else "",
        }
        yield "map year/indicator", cb.body("map-indicator", values, "map-year.value")
        query = f"?indicator={indicator}&year={year}" + ("&countries=MEX,ESP" if n % 2 else "")
        yield (
            "map table",
            cb.body("map-table-query", {"map-table-query.data": query}, "map-table-query.data"),
        )
        yield (
            "map profile",
            cb.body("map-profile-query", {"map-profile-query.data": query}, "map-profile-query.data"),
        )
    yield from corridor_cases(cb)
    for n, themes in enumerate(THEMES):
        values = {
            "dialogue-themes.value": themes,
            "dialogue-years.value": [2000 + n, 2020],
            "dialogue-countries.value": COUNTRIES[n % 3],
            "app-url.pathname": "/dialogue",
            "app-url.search": "",
        }
        yield "dialogue filter", cb.body("dialogue-themes", values, "dialogue-themes.value")
    for n, (programme, themes) in enumerate(
        [
            ("mieux", []),
            ("", ["asylum"]),
            ("eurosocial_plus", []),
            ("", []),
            ("eclac_celade_2012", ["remittances"]),
        ]
    ):
        values = {
            "programmes-filter.value": programme,
            "programmes-component.value": None,
            "programmes-themes.value": themes,
            "programmes-countries.value": COUNTRIES[n % 3],
            "app-url.pathname": "/programmes",
            "app-url.search": "?programme=eu_celac_project" if n == 3 else "",
        }
        yield "programmes filter", cb.body("programmes-filter", values, "programmes-filter.value")
    for n, basket in enumerate([["/map?year=2010"], ["/corridors", "/dialogue?themes=asylum"]]):
        values = {
            "briefing-panel.is_open": True,
            "briefing-basket.data": basket,
            "app-url.pathname": "/map",
            "app-url.search": "?lang=es" if n else "",
        }
        yield "briefing list", cb.body("briefing-panel", values, "briefing-panel.is_open")


def corridor_cases(cb: Callbacks) -> Iterator[tuple[str, dict[str, Any]]]:
    controls = [
        ("celac_eu", 2024, "total", 1990, ""),
        ("eu_celac", 2010, "female", 1990, "ESP"),
        ("celac_world", 2020, "total", 2000, ""),
    ]
    for direction, year, sex, base, focus in controls:
        values = {
            "corridors-direction.value": direction,
            "corridors-origins.value": [],
            "corridors-destinations.value": [],
            "corridors-year.value": year,
            "corridors-sex.value": sex,
            "corridors-base.value": base,
            "corridors-focus.value": focus or None,
            "corridors-side.value": "destination",
            "corridors-map.clickData": None,
            "app-url.pathname": "/corridors",
            "app-url.search": "",
        }
        yield "corridors state", cb.body("corridors-direction", values, "corridors-year.value")
        query = f"?direction={direction}&year={year}&sex={sex}&base={base}" + (
            f"&focus={focus}" if focus else ""
        )
        for dep in cb.deps:
            if [i["id"] for i in dep["inputs"]] == ["corridors-state"]:
                first = dep["output"].strip(".").split("...")[0].split(".")[0]
                outputs = [
                    {"id": o.split(".")[0], "property": o.split(".", 1)[1]}
                    for o in dep["output"].strip(".").split("...")
                ]
                panels = ["flows", "table", "map", "diaspora", "diaspora_time", "remittances", "trend"]
                body = {
                    "output": dep["output"],
                    "outputs": outputs if dep["output"].startswith("..") else outputs[0],
                    "inputs": [
                        {
                            "id": "corridors-state",
                            "property": "data",
                            "value": {"query": query, "redraw": panels},
                        }
                    ],
                    "state": [],
                    "changedPropIds": ["corridors-state.data"],
                }
                yield f"corridors panel {first.removeprefix('corridors-')}", body


def time_callbacks(rounds: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    from app import create_app

    app = create_app()
    app.server.extensions["puentes_answers"].enabled = False
    cb = Callbacks(app.server.test_client())
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    statuses: dict[str, set[int]] = {}
    answered: dict[str, int] = {}
    for n in range(rounds + 1):
        for kind, body in cases(cb):
            elapsed, status, _answer, spent = cb.timed(body)
            statuses.setdefault(kind, set()).add(status)
            answered[kind] = answered.get(kind, 0) + (status == 200)
            if n:  # the first round warms the caches built once per data version
                times.setdefault(kind, []).append(elapsed)
                cpu.setdefault(kind, []).append(spent)
    for kind, seen in statuses.items():
        if seen - {200, 204} or not answered[kind]:
            print(f"!! {kind}: statuses {sorted(seen)}")
    return times, cpu


def free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def get(path: str) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10) as response:
        response.read()
        return int(response.status)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    pids = []
    for pid in children:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"gunicorn" in cmdline:  # the render process and its browser are counted apart
            pids.append(int(pid))
    return pids


def time_server(requests: int) -> tuple[float, float, float]:
    """(seconds from start to serving, worker RSS MB at start, after ``requests`` requests)."""
    if not free(PORT):
        raise SystemExit(f"port {PORT} is taken")
    env = {**os.environ, "PORT": str(PORT), "HOST": "127.0.0.1", "WORKERS": "1", "LOG_LEVEL": "warning"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "app:create_server()"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                if get("/map") == 200:
                    break
            except OSError:
                time.sleep(0.02)
            if time.perf_counter() - start > 60 or process.poll() is not None:
                raise SystemExit("gunicorn did not start")
        started = time.perf_counter() - start
        time.sleep(1)
        workers = worker_pids(process.pid)
        before = max(rss_mb(p) for p in workers)
        from app import create_app  # bodies from the same dependencies the server serves

        cb = Callbacks(create_app().server.test_client())
        bodies = [body for _kind, body in cases(cb)]
        paths = ["/map", "/corridors", "/dialogue", "/programmes", "/sources", "/_dash-layout"]
        for n in range(requests):
            if n % 4 == 0:
                get(paths[(n // 4) % len(paths)])
            else:
                data = json.dumps(bodies[n % len(bodies)]).encode()
                request = urllib.request.Request(
                    f"http://127.0.0.1:{PORT}/_dash-update-component",
                    data=data,
                    headers={"Content-Type": "application/json"},
                )
                try:
                    with urllib.request.urlopen(request, timeout=10) as response:
                        response.read()
                except urllib.error.HTTPError:
                    pass
        after = max(rss_mb(p) for p in worker_pids(process.pid))
        return started, before, after
    finally:
        process.terminate()
        process.wait(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--skip-server", action="store_true")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    times, cpu = time_callbacks(args.rounds)
    width = max(len(k) for k in times)
    head = (
        f"{'callback type':<{width}}  {'n':>4}  {'p50 ms':>7}  {'p95 ms':>7}  {'cpu p50':>7}  {'cpu p95':>7}"
    )
    print(head)
    over = 0
    for kind, values in times.items():
        p95 = quantile(values, 0.95)
        over += p95 > 10
        flag = "  > 10 ms" if p95 > 10 else ""
        spent = cpu[kind]
        print(
            f"{kind:<{width}}  {len(values):>4}  {statistics.median(values):>7.1f}  {p95:>7.1f}"
            f"  {statistics.median(spent):>7.1f}  {quantile(spent, 0.95):>7.1f}{flag}"
        )
    print(f"callback types over 10 ms p95 (wall): {over} of {len(times)}")
    if not args.skip_server:
        started, before, after = time_server(args.requests)
        print(f"start to serving (gunicorn, 1 worker, until /map answers): {started:.2f} s")
        print(f"worker RSS: {before:.0f} MB after start, {after:.0f} MB after {args.requests} requests")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
