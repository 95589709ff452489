"""Map explorer benchmark: bytes, server time and browser time per interaction, against a naive baseline.

Run: ``make bench`` (or ``.venv/bin/python bench/map_interactions.py``; ``--no-browser`` skips
Chromium). Targets (issue #3): values-only update <= 5 KB and >= 100x fewer bytes than the naive
callback; server time per callback p95 <= 10 ms (checked against the whole request: Dash
dispatch, JSON and compression included; the callback function alone is printed beside it);
year change -> repainted map <= 250 ms in headless Chromium; first map paint <= 1.5 s cold
(a fresh browser profile, the server already started), with the time of each phase.
Everything runs on loopback and stops by itself. ``BENCH_PORT`` picks the server's port
(default: a free one); ``BENCH_COLD_RUNS`` the number of cold loads (default 5).
"""

from __future__ import annotations

import gc
import gzip
import inspect
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from browser import fresh_chromium
from dash import Dash, Input, Output, dcc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from dashboard import datasets  # noqa: E402
from dashboard.urls.shared import FilterState  # noqa: E402
from dashboard.views import map as map_view  # noqa: E402
from dashboard.views.map import build  # noqa: E402

YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
ROUNDS = 40


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def callback_key(app: Dash, output_id: str) -> str:
    return next(k for k in app.callback_map if f"{output_id}.figure" in k)


def dash_request(
    client: Any, app: Dash, output_id: str, inputs: dict[str, Any], state: dict[str, Any], changed: str
) -> tuple[int, float]:
    """POST one callback request like the browser does; return (gzip bytes on the wire, server ms)."""
    key = callback_key(app, output_id)
    spec = app.callback_map[key]
    outputs = [
        {"id": o.split(".")[0], "property": o.split(".")[1].split("@")[0]}
        for o in key.strip(".").split("...")
    ]
    body = {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [
            {"id": i["id"], "property": i["property"], "value": inputs[f"{i['id']}.{i['property']}"]}
            for i in spec["inputs"]
        ],
        "state": [
            {"id": s["id"], "property": s["property"], "value": state[f"{s['id']}.{s['property']}"]}
            for s in spec["state"]
        ],
        "changedPropIds": [changed],
    }
    start = time.perf_counter()
    response = client.post("/_dash-update-component", json=body, headers={"Accept-Encoding": "gzip"})
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, response.status_code
    return len(response.data), elapsed


def callback_function(app: Dash, output_id: str) -> Callable[..., Any]:
    """The function the app registered, without Dash's dispatch around it."""
    return inspect.unwrap(app.callback_map[callback_key(app, output_id)]["callback"])


def timed(function: Callable[..., Any], *args: Any) -> float:
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def naive_app() -> Dash:
    """The naive way: every interaction rebuilds the whole figure, shapes inlined, from scratch."""
    app = Dash(__name__, compress=True)
    geometry = datasets.geometry()
    app.layout = dcc.Graph(id="naive-graph")

    @app.callback(Output("naive-graph", "figure"), Input("naive-year", "value"), Input("naive-ind", "value"))
    def naive(year: int, indicator: str) -> Any:
        map_view.clear_caches()  # naive: nothing kept between interactions
        view = build(FilterState(indicator=indicator, year=year))
        figure = view.figure()
        for trace in figure["data"]:
            if trace["type"] == "choropleth":
                trace["geojson"] = geometry
        return figure

    return app


def server_side() -> dict[str, Any]:
    app = create_app()
    client = app.server.test_client()
    naive = naive_app()
    naive_client = naive.server.test_client()
    ours, naive_callback = callback_function(app, "map-graph"), callback_function(naive, "naive-graph")
    samples: dict[str, list[float]] = {}

    def measure(name: str, run: Callable[[int, int], tuple[int, float]]) -> None:
        """ROUNDS year changes after five uncounted ones, each kind in its own loop (so that
        one kind's garbage is not collected during another's requests)."""
        gc.collect()
        for i in range(-5, ROUNDS):
            size, ms = run(YEARS[i % len(YEARS)], YEARS[(i - 1) % len(YEARS)])
            if i >= 0:
                samples.setdefault(f"{name}_ms", []).append(ms)
                samples.setdefault(f"{name}_bytes", []).append(size)

    def inputs(year: int) -> dict[str, Any]:
        return {
            "map-indicator.value": "migrant_stock",
            "map-year.value": year,
            "map-region.value": "both",
            "map-scale.value": False,
            "map-countries.value": [],
        }

    def request(year: int, previous: int) -> tuple[int, float]:
        state = {"app-url.search": f"?year={previous}"}
        return dash_request(client, app, "map-graph", inputs(year), state, "map-year.value")

    def function(year: int, previous: int) -> tuple[int, float]:
        return 0, timed(ours, "migrant_stock", year, "both", False, [], f"?year={previous}")

    def first_sight(run: Callable[[int, int], tuple[int, float]]) -> Callable[[int, int], tuple[int, float]]:
        def cold(year: int, previous: int) -> tuple[int, float]:
            map_view.clear_caches()  # as if no one had asked for this indicator, year and language
            app.server.extensions["puentes_answers"].clear()  # nor sent this request before
            return run(year, previous)

        return cold

    def naive_request(year: int, previous: int) -> tuple[int, float]:
        inputs = {"naive-year.value": year, "naive-ind.value": "migrant_stock"}
        return dash_request(naive_client, naive, "naive-graph", inputs, {}, "naive-year.value")

    def naive_function(year: int, previous: int) -> tuple[int, float]:
        return 0, timed(naive_callback, year, "migrant_stock")

    measure("ours", request)
    measure("ours_fn", function)
    measure("cold", first_sight(request))
    measure("cold_fn", first_sight(function))
    measure("naive", naive_request)
    measure("naive_fn", naive_function)
    geometry = client.get("/geometry/members.geojson", headers={"Accept-Encoding": "gzip"})
    patch_only = json.dumps(build(FilterState(year=2000)).updates(), default=str)
    out: dict[str, Any] = {f"{k}_p50": statistics.median(v) for k, v in samples.items()}
    out |= {f"{k}_p95": p95(v) for k, v in samples.items()}
    return out | {
        "geometry_gzip": len(geometry.data),
        "geometry_raw": len(datasets.geometry_bytes()),
        "patch_raw": len(patch_only),
        "patch_gzip": len(gzip.compress(patch_only.encode())),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Installed before any page script runs: timestamps (ms since navigation start) of the phases
# of a first paint that the resource timings do not show.
PHASE_MARKS = r"""
window.__phases = {};
const mark = (name) => { if (!(name in window.__phases)) window.__phases[name] = performance.now(); };
let plotly;
Object.defineProperty(window, 'Plotly', {
  configurable: true,
  get() { return plotly; },
  set(value) {
    plotly = value;
    mark('plotly_run');
    const react = value && value.react;
    if (react) {
      value.react = function (gd) {
        if (gd && gd.closest && gd.closest('#map-graph')) { mark('map_plot_called'); }
        return react.apply(this, arguments);
      };
    }
  },
});
new MutationObserver(() => {
  const gd = document.querySelector('#map-graph .js-plotly-plot');
  if (gd && gd.on && !gd.__benchHooked) {
    gd.__benchHooked = true;
    gd.on('plotly_afterplot', () => mark('afterplot'));
  }
  if (document.querySelector('#map-graph .choroplethlayer path')) { mark('painted'); }
}).observe(document, {subtree: true, childList: true});
"""
READ_PHASES = """
const nav = performance.getEntriesByType('navigation')[0];
const resources = performance.getEntriesByType('resource');
const end = (test) => { const e = resources.find(r => test(r.name)); return e ? e.responseEnd : null; };
const updates = resources.filter(r => r.name.includes('_dash-update-component'));
return Object.assign({
  html: nav.responseEnd,
  dom_content_loaded: nav.domContentLoadedEventEnd,
  plotly_downloaded: end(n => /plotly[^/]*\\.js/.test(n)),
  layout: Math.max(end(n => n.includes('_dash-layout')), end(n => n.includes('_dash-dependencies'))),
  page_callback: updates.length ? updates[0].responseEnd : null,
  topojson: end(n => n.includes('/topojson/')),
  geometry: end(n => n.includes('/geometry/members.geojson')),
}, window.__phases);
"""
PHASES = [
    ("html", "HTML received"),
    ("plotly_downloaded", "plotly.js downloaded"),
    ("plotly_run", "plotly.js parsed and run (window.Plotly)"),
    ("dom_content_loaded", "DOMContentLoaded (every script run)"),
    ("layout", "Dash layout + dependencies fetched"),
    ("page_callback", "page callback answered (routing)"),
    ("map_plot_called", "map handed to Plotly.react"),
    ("topojson", "land topojson fetched"),
    ("geometry", "member shapes (GeoJSON) fetched"),
    ("painted", "first map painted (choropleth path)"),
    ("afterplot", "first plotly_afterplot"),
]


def chromium() -> Any:
    driver = fresh_chromium(1366, 900)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PHASE_MARKS})
    return driver


def cold_load(driver: Any, url: str) -> dict[str, float]:
    from selenium.common.exceptions import TimeoutException

    driver.get(url)
    try:
        driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const drawn = () => window.__phases.painted && window.__phases.afterplot;
            const check = () => drawn() ? done() : setTimeout(check, 10);
            check();""")
    except TimeoutException:  # say where it stopped rather than lose the other runs
        print("no map painted within 30 s:", driver.execute_script(READ_PHASES), file=sys.stderr)
        raise
    phases: dict[str, float] = driver.execute_script(READ_PHASES)
    return phases


def browser_side() -> dict[str, Any]:
    port = int(os.environ.get("BENCH_PORT") or free_port())
    cold_runs = int(os.environ.get("BENCH_COLD_RUNS", "5"))
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port)}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "app:create_server()",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:  # ready = every worker booted and answering
            try:
                for _ in range(4):
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=2).read()
                break
            except OSError:
                time.sleep(0.3)
        loads = []
        for run in range(cold_runs):
            driver = chromium()
            try:
                loads.append(cold_load(driver, f"http://127.0.0.1:{port}/map"))
                if run < cold_runs - 1:
                    continue
                time.sleep(1.0)
                repaint, wire = [], []
                for i in range(ROUNDS // 2):
                    year = YEARS[i % (len(YEARS) - 1)]
                    result = driver.execute_async_script(
                        """
                        const [year, done] = [arguments[0], arguments[arguments.length - 1]];
                        const gd = document.querySelector('#map-graph .js-plotly-plot');
                        const before = performance.getEntriesByType('resource').length;
                        const start = performance.now();
                        gd.once('plotly_afterplot', () => {
                            const entries = performance.getEntriesByType('resource').slice(before)
                                .filter(e => e.name.includes('_dash-update-component'));
                            const bytes = entries.reduce((a, e) => a + e.transferSize, 0);
                            done([performance.now() - start, bytes]);
                        });
                        window.dash_clientside.set_props('map-year', {value: year});""",
                        year,
                    )
                    repaint.append(result[0])
                    wire.append(result[1])
                    time.sleep(0.15)
            finally:
                driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)
    phases = {
        key: statistics.median(load[key] for load in loads if load.get(key) is not None)
        for key, _ in PHASES
        if any(load.get(key) is not None for load in loads)
    }
    return {
        "first_paint": phases["painted"],
        "first_paints": [load["painted"] for load in loads],
        "phases": phases,
        "repaint_p50": statistics.median(repaint),
        "repaint_p95": p95(repaint),
        "wire_bytes": statistics.median(wire),
    }


def main() -> int:
    server = server_side()
    print("Map explorer benchmark (loopback, 2 cores)")
    print("load average (1, 5, 15 min) at start: {:.2f} {:.2f} {:.2f}\n".format(*os.getloadavg()))
    print(f"{'measure':<50}{'Puentes':>14}{'naive':>14}{'target':>16}")
    ratio = server["naive_bytes_p50"] / max(server["ours_bytes_p50"], 1)
    rows = [
        (
            "bytes per year change (gzip, on the wire)",
            f"{server['ours_bytes_p50']:,.0f}",
            f"{server['naive_bytes_p50']:,.0f}",
            "<= 5,000; 100x",
        ),
        ("  ratio naive / Puentes", f"{ratio:,.0f}x", "", ">= 100x"),
        (
            "server ms per callback, repeat request, p50",
            f"{server['ours_ms_p50']:.1f}",
            f"{server['naive_ms_p50']:.1f}",
            "",
        ),
        (
            "server ms per callback, repeat request, p95",
            f"{server['ours_ms_p95']:.1f}",
            f"{server['naive_ms_p95']:.1f}",
            "<= 10 (this)",
        ),
        (
            "  callback function alone, p50",
            f"{server['ours_fn_ms_p50']:.1f}",
            f"{server['naive_fn_ms_p50']:.1f}",
            "",
        ),
        (
            "  callback function alone, p95",
            f"{server['ours_fn_ms_p95']:.1f}",
            f"{server['naive_fn_ms_p95']:.1f}",
            "",
        ),
        (
            "  first sight of a year (caches empty), request p95",
            f"{server['cold_ms_p95']:.1f}",
            "",
            "<= 10 (too)",
        ),
        ("  first sight of a year, callback alone, p95", f"{server['cold_fn_ms_p95']:.1f}", "", ""),
        (
            "geometry at first load, bytes (gzip / raw)",
            f"{server['geometry_gzip']:,}",
            f"{server['geometry_raw']:,}",
            "once per load",
        ),
        (
            "value patch alone, bytes (gzip / raw)",
            f"{server['patch_gzip']:,}",
            f"{server['patch_raw']:,}",
            "",
        ),
    ]
    browser = None
    if "--no-browser" not in sys.argv:
        browser = browser_side()
        runs = len(browser["first_paints"])
        rows += [
            (
                f"browser: first map painted, ms (cold, median of {runs})",
                f"{browser['first_paint']:.0f}",
                "",
                "<= 1,500",
            ),
            ("browser: year change -> repainted, ms p50", f"{browser['repaint_p50']:.0f}", "", ""),
            ("browser: year change -> repainted, ms p95", f"{browser['repaint_p95']:.0f}", "", "<= 250"),
            (
                "browser: callback bytes per change (transfer)",
                f"{browser['wire_bytes']:,.0f}",
                "",
                "<= 5,000",
            ),
        ]
    for name, ours, naive, target in rows:
        print(f"{name:<50}{ours:>14}{naive:>14}{target:>16}")
    if browser:
        print("\nFirst paint, cold, by phase (ms since navigation start, median of each):")
        for key, label in PHASES:
            if key in browser["phases"]:
                print(f"  {label:<48}{browser['phases'][key]:>8.0f}")
        print("  every run: " + ", ".join(f"{ms:.0f}" for ms in browser["first_paints"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
