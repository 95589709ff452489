"""Map explorer benchmark: bytes, server time and browser time per interaction, against a naive baseline.

Run: ``make bench`` (or ``.venv/bin/python bench/map_interactions.py``). Targets (issue #3):
values-only update <= 5 KB and >= 100x fewer bytes than the naive callback; server p95 <= 10 ms;
year change -> repainted map <= 250 ms in headless Chromium; first map paint <= 1.5 s cold.
Everything runs on loopback and stops by itself.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from dash import Dash, Input, Output, dcc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from dashboard import loading  # noqa: E402
from dashboard.map_view import build  # noqa: E402
from dashboard.state import FilterState  # noqa: E402

YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
ROUNDS = 40


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def dash_request(
    client: Any, app: Dash, output_id: str, inputs: dict[str, Any], state: dict[str, Any], changed: str
) -> tuple[int, float]:
    """POST one callback request like the browser does; return (gzip bytes on the wire, server ms)."""
    key = next(k for k in app.callback_map if f"{output_id}.figure" in k)
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


def naive_app() -> Dash:
    """The naive way: every interaction rebuilds the whole figure with the shapes inlined."""
    app = Dash(__name__, compress=True)
    geometry = loading.geometry()
    app.layout = dcc.Graph(id="naive-graph")

    @app.callback(Output("naive-graph", "figure"), Input("naive-year", "value"), Input("naive-ind", "value"))
    def naive(year: int, indicator: str) -> Any:
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
    ours_bytes, ours_ms, naive_bytes, naive_ms = [], [], [], []
    for i in range(-5, ROUNDS):  # five warm-up rounds, not counted
        year, previous = YEARS[i % len(YEARS)], YEARS[(i - 1) % len(YEARS)]
        inputs = {
            "map-indicator.value": "migrant_stock",
            "map-year.value": year,
            "map-region.value": "both",
            "map-scale.value": False,
            "map-countries.value": [],
        }
        size, ms = dash_request(
            client, app, "map-graph", inputs, {"app-url.search": f"?year={previous}"}, "map-year.value"
        )
        naive_size, naive_time = dash_request(
            naive_client,
            naive,
            "naive-graph",
            {"naive-year.value": year, "naive-ind.value": "migrant_stock"},
            {},
            "naive-year.value",
        )
        if i >= 0:
            ours_bytes.append(size)
            ours_ms.append(ms)
            naive_bytes.append(naive_size)
            naive_ms.append(naive_time)
    geometry = client.get("/geometry/members.geojson", headers={"Accept-Encoding": "gzip"})
    patch_only = json.dumps(build(FilterState(year=2000)).updates(), default=str)
    return {
        "ours_bytes": statistics.median(ours_bytes),
        "naive_bytes": statistics.median(naive_bytes),
        "ours_p50": statistics.median(ours_ms),
        "ours_p95": p95(ours_ms),
        "naive_p50": statistics.median(naive_ms),
        "naive_p95": p95(naive_ms),
        "geometry_gzip": len(geometry.data),
        "geometry_raw": len(loading.geometry_bytes()),
        "patch_raw": len(patch_only),
        "patch_gzip": len(gzip.compress(patch_only.encode())),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def browser_side() -> dict[str, Any]:
    from selenium import webdriver

    port = free_port()
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
            "app:server",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    options = webdriver.ChromeOptions()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
    ):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:  # ready = every worker booted and answering
            try:
                for _ in range(4):
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=2).read()
                break
            except OSError:
                time.sleep(0.3)
        driver = webdriver.Chrome(options=options)
        driver.set_script_timeout(20)
        try:
            driver.get(f"http://127.0.0.1:{port}/map")
            first_paint = driver.execute_async_script("""
                const done = arguments[arguments.length - 1];
                const check = () => {
                    const gd = document.querySelector('#map-graph .js-plotly-plot');
                    if (gd && gd.querySelector('.choroplethlayer path')) { done(performance.now()); }
                    else { setTimeout(check, 10); }
                };
                check();""")
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
                        done([performance.now() - start, entries.reduce((a, e) => a + e.transferSize, 0)]);
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
    return {
        "first_paint": first_paint,
        "repaint_p50": statistics.median(repaint),
        "repaint_p95": p95(repaint),
        "wire_bytes": statistics.median(wire),
    }


def main() -> int:
    server = server_side()
    print("Map explorer benchmark (loopback, 2 cores)\n")
    print(f"{'measure':<46}{'Puentes':>14}{'naive':>14}{'target':>16}")
    ratio = server["naive_bytes"] / max(server["ours_bytes"], 1)
    rows = [
        (
            "bytes per year change (gzip, on the wire)",
            f"{server['ours_bytes']:,.0f}",
            f"{server['naive_bytes']:,.0f}",
            "<= 5,000; 100x",
        ),
        ("  ratio naive / Puentes", f"{ratio:,.0f}x", "", ">= 100x"),
        ("server ms per callback, p50", f"{server['ours_p50']:.1f}", f"{server['naive_p50']:.1f}", ""),
        ("server ms per callback, p95", f"{server['ours_p95']:.1f}", f"{server['naive_p95']:.1f}", "<= 10"),
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
    if "--no-browser" not in sys.argv:
        browser = browser_side()
        rows += [
            ("browser: first map painted, ms (cold)", f"{browser['first_paint']:.0f}", "", "<= 1,500"),
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
        print(f"{name:<46}{ours:>14}{naive:>14}{target:>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
