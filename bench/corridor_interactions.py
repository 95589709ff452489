"""Corridors benchmark: bytes and server time per interaction, beside a naive callback.

Run: ``make bench`` (or ``.venv/bin/python bench/corridor_interactions.py``). Target (issue
#4): p95 <= 30 ms per corridor callback (the whole Dash request: dispatch, JSON and gzip
included). The naive baseline is the same page re-sending every panel on every change (no
``no_update`` for panels whose inputs did not change). The geometry line is what the page's
two GeoJSON files cost once per page load (gzip).
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from callbacks.corridors import CONTROLS, PANELS, panel_values  # noqa: E402
from dashboard.urls.corridors import CorridorState  # noqa: E402
from dashboard.urls.corridors import parse as parse_corridors  # noqa: E402
from dashboard.urls.shared import FilterState  # noqa: E402
from dashboard.views.corridors import build  # noqa: E402
from dashboard.vocabulary import vocabulary  # noqa: E402
from layouts import ids  # noqa: E402

ROUNDS = 5
# (control that changed, its new value): what an adviser does on the page, in order.
SCRIPT: list[tuple[str, Any]] = [
    ("year", 2010),
    ("year", 2024),
    ("sex", "female"),
    ("sex", "total"),
    ("direction", "eu_celac"),
    ("direction", "celac_world"),
    ("direction", "celac_eu"),
    ("base", 1990),
    ("focus", "ITA"),
    ("side", "origin"),
    ("map", "ECU"),
    ("map", "USA"),
    ("origins", ["ECU", "COL"]),
    ("destinations", ["ESP", "ITA"]),
    ("direction", "celac_celac"),
]


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def panel_body(app: Any, first_output: str, data: Any) -> dict[str, Any]:
    key = next(k for k in app.callback_map if k.lstrip(".").startswith(first_output))
    outputs = [
        {"id": o.split(".")[0], "property": o.split(".")[1].split("@")[0]}
        for o in key.strip(".").split("...")
    ]
    return {
        "output": key,
        # A callback with named (or several) outputs has a "..a.b...c.d.." key and gets a list.
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": [{"id": ids.CORRIDORS_STATE, "property": "data", "value": data}],
        "state": [],
        "changedPropIds": [f"{ids.CORRIDORS_STATE}.data"],
    }


def post(client: Any, body: dict[str, Any]) -> tuple[int, float, Any]:
    """One callback request as the browser sends it: (bytes on the wire, server ms, JSON or None)."""
    start = time.perf_counter()
    response = client.post("/_dash-update-component", json=body, headers={"Accept-Encoding": "gzip"})
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code in (200, 204), response.status_code
    data = response.data
    if response.status_code == 204:
        return len(data), elapsed, None
    text = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return len(data), elapsed, json.loads(text)


def request_body(
    app: Any, controls: dict[str, Any], clicked: str | None, changed: str, search: str
) -> dict[str, Any]:
    key = next(k for k in app.callback_map if f"{ids.CORRIDORS_STATE}.data" in k)
    spec = app.callback_map[key]
    outputs = [
        {"id": o.split(".")[0], "property": o.split(".")[1].split("@")[0]}
        for o in key.strip(".").split("...")
    ]
    values = {CONTROLS[k]: v for k, v in controls.items()}
    values[ids.CORRIDORS_MAP] = {"points": [{"location": clicked}]} if clicked else None
    return {
        "output": key,
        "outputs": outputs,
        "inputs": [
            {"id": i["id"], "property": i["property"], "value": values[i["id"]]} for i in spec["inputs"]
        ],
        "state": [
            {"id": ids.URL, "property": "pathname", "value": "/corridors"},
            {"id": ids.URL, "property": "search", "value": search},
        ],
        "changedPropIds": [changed],
    }


def controls_for(state: CorridorState, view_state: CorridorState) -> dict[str, Any]:
    return {
        "direction": state.direction,
        "origins": list(state.origins),
        "destinations": list(state.destinations),
        "year": view_state.year,
        "sex": state.sex,
        "base": view_state.base,
        "focus": view_state.focus,
        "side": view_state.side,
    }


def main() -> int:
    app = create_app()
    client = app.server.test_client()
    ours_bytes: list[int] = []
    ours_ms: list[float] = []
    naive_bytes: list[int] = []
    naive_ms: list[float] = []
    for _ in range(ROUNDS):
        search = ""
        for control, value in SCRIPT:
            before, _n = parse_corridors(search, *_parse_args())
            view = build(FilterState(), before)
            controls = controls_for(before, view.state)
            clicked = None
            if control == "map":
                clicked, changed = value, f"{ids.CORRIDORS_MAP}.clickData"
            else:
                controls[control] = value
                changed = f"{CONTROLS[control]}.value"
            body = request_body(app, controls, clicked, changed, search)
            size, ms, payload = post(client, body)
            ours_ms.append(ms)
            total = size
            if payload is not None:
                search = payload["response"][ids.URL]["search"]
                data = payload["response"][ids.CORRIDORS_STATE]["data"]
                for items in PANELS.values():
                    first, prop = next(iter(items.values()))
                    size, ms, _p = post(client, panel_body(app, f"{first}.{prop}", data))
                    ours_ms.append(ms)
                    total += size
            ours_bytes.append(total)
            # naive: every panel rebuilt and sent for the same new state
            start = time.perf_counter()
            new_state, _n = parse_corridors(search, *_parse_args())
            new = build(FilterState(), new_state)
            everything = [v for panel in PANELS for v in panel_values(new, panel).values()]
            text = json.dumps(everything, default=_plain)
            naive_bytes.append(len(gzip.compress(text.encode())))
            naive_ms.append((time.perf_counter() - start) * 1000)
    geometry = sum(
        len(client.get(url, headers={"Accept-Encoding": "gzip"}).data)
        for url in ("/geometry/members.geojson", "/geometry/world.geojson")
    )
    print(f"Corridors page, {len(SCRIPT)} interactions x {ROUNDS} rounds (Flask test client, 1 process)")
    print("load average (1, 5, 15 min) at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("Puentes: one state callback + one callback per panel (unchanged panels answer 204)")
    print(f"{'':34}{'Puentes':>14}{'naive':>14}")
    median_bytes = statistics.median(ours_bytes), statistics.median(naive_bytes)
    print(f"{'bytes per interaction, median':34}{median_bytes[0]:>14,.0f}{median_bytes[1]:>14,.0f}")
    print(f"{'bytes per interaction, max':34}{max(ours_bytes):>14,}{max(naive_bytes):>14,}")
    median_ms = statistics.median(ours_ms), statistics.median(naive_ms)
    print(f"{'server ms per callback, p50':34}{median_ms[0]:>14.1f}{median_ms[1]:>14.1f}")
    print(f"{'server ms per callback, p95':34}{p95(ours_ms):>14.1f}{p95(naive_ms):>14.1f}   (target <= 30)")
    print(f"{'geometry once per page load (gzip)':34}{geometry:>14,}")
    print("(naive server ms excludes Dash dispatch and the HTTP round trip, so it flatters the naive side)")
    return 0


def _parse_args() -> tuple[Any, Any]:
    from dashboard import datasets

    return datasets.corridor_years(), vocabulary().countries


def _plain(value: Any) -> Any:
    return str(value)


if __name__ == "__main__":
    raise SystemExit(main())
