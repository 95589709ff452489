"""First load on bad conference Wi-Fi: styled first paint, first chart, requests and bytes, for this
tree and a baseline commit, in headless Chromium throttled to 1.5 Mbps / 300 ms (``make bench``).

For each tree, gunicorn (``gunicorn -c gunicorn.conf.py 'app:create_server()'``) serves on loopback;
the baseline is a temporary ``git worktree`` of ``--baseline`` (default: the commit before the
first-paint work) in /tmp, run with the same venv and removed afterwards. Each page is opened
``--runs`` times, each time in a fresh Chromium profile (an empty cache: a first visit; the HTTP
cache stays on, as in a real first visit, so that the page's own prefetch of the shapes counts),
then once more in the same browser (a warm second visit, cache kept). Chromium's
``Network.emulateNetworkConditions`` adds 300 ms to every request and caps both directions at
187,500 bytes/s.

Measured:
- first paint: ``first-contentful-paint`` of ``performance.getEntriesByType('paint')``, and whether
  the page frame (navbar or presenter bar, with Bootstrap's dark background applied) was in the
  document when it happened — "styled";
- first chart: ``performance.now()`` when the first drawn chart shape appears (a choropleth path,
  a Sankey node, a bar or a line), recorded by a MutationObserver installed before any page script;
- requests and bytes: every request the page made until the network has been quiet for 1.5 s
  after the first chart, from the DevTools ``Network.*`` events (chromedriver's performance log);
  bytes are ``Network.loadingFinished.encodedDataLength``: bytes on the wire, headers included.
  Requests answered from the browser's cache are not counted (there are none on a first visit).

Prints a table (medians of the runs) and writes it to ``bench/results/first_paint.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from browser import fresh_chromium

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
RESULTS = ROOT / "bench" / "results" / "first_paint.txt"
LOGS = ROOT / "bench" / "out"
# The commit this work started from (issue 15, item 4): what "today" means in the table.
BASELINE = "39d1d9e"
LATENCY_MS = 300
BYTES_PER_SECOND = 187_500  # 1.5 Mbit/s
QUIET_SECONDS = 1.5
PAGES = (
    ("/map", "/map"),
    ("/corridors", "/corridors"),
    (
        "presenter step",
        "/map?indicator=migrant_stock&year=2024&region=both&present=1&story=eu-celac-migration&step=1",
    ),
)

# Installed before any page script runs (Page.addScriptToEvaluateOnNewDocument).
MARKS = r"""
window.__bench = {};
(function () {
  const mark = (name, value) => { if (!(name in window.__bench)) window.__bench[name] = value; };
  // the first-paint frame's bar (#first-paint .fp-bar / .fp-present), else the page's own
  const FRAME = '#first-paint .fp-bar, #first-paint .fp-present, nav.navbar, .present-bar';
  const frame = () => document.querySelector(FRAME);
  const styled = (element) => {
    if (!element) return false;
    const colour = getComputedStyle(element).backgroundColor;
    return colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent';
  };
  const CHART = '.js-plotly-plot .choroplethlayer path, .js-plotly-plot .sankey .node-rect, '
    + '.js-plotly-plot .barlayer .point path, .js-plotly-plot .scatterlayer .js-line';
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') {
        mark('fcp', entry.startTime);
        mark('fcp_frame_styled', styled(frame()));
        mark('fcp_text', (document.body ? document.body.innerText : '').trim().slice(0, 60));
      }
    }
  }).observe({type: 'paint', buffered: true});
  new MutationObserver(() => {
    if (styled(frame())) mark('frame', performance.now());
    if (document.querySelector(CHART)) mark('chart', performance.now());
  }).observe(document, {subtree: true, childList: true, attributes: true});
})();
"""


@dataclass
class Visit:
    fcp_ms: float
    styled: bool
    frame_ms: float
    chart_ms: float
    requests: int
    bytes: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(tree: Path, port: int, log: Path) -> Iterator[str]:
    """gunicorn serving ``tree`` on loopback, stopped on exit."""
    env = os.environ | {"HOST": HOST, "PORT": str(port), "WORKERS": "2", "THREADS": "4"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-c", "gunicorn.conf.py", "app:create_server()"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=tree, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"gunicorn for {tree} did not start; see {log}") from None
                time.sleep(0.5)
        yield f"http://{HOST}:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def baseline_tree(commit: str) -> Iterator[Path]:
    """A temporary checkout of ``commit`` sharing this tree's venv, removed afterwards."""
    target = Path(tempfile.mkdtemp(prefix="puentes-baseline-"))
    target.rmdir()
    subprocess.run(
        ["git", "worktree", "add", "--quiet", "--detach", str(target), commit],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        (target / ".venv").symlink_to((ROOT / ".venv").resolve())
        yield target
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(target)], cwd=ROOT, check=False)
        shutil.rmtree(target, ignore_errors=True)


def chromium() -> Any:
    driver = fresh_chromium(1280, 720, performance_log=True)
    driver.set_script_timeout(90)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": BYTES_PER_SECOND,
            "uploadThroughput": BYTES_PER_SECOND,
        },
    )
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": MARKS})
    return driver


def network_events(driver: Any) -> list[dict[str, Any]]:
    events = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"].startswith("Network."):
            events.append(message)
    return events


def traffic(events: list[dict[str, Any]], base: str) -> tuple[int, int]:
    """Requests that went to the server and their bytes on the wire (headers included)."""
    sent: set[str] = set()
    cached: set[str] = set()
    size: dict[str, int] = {}
    for event in events:
        params = event["params"]
        request_id = params.get("requestId", "")
        if event["method"] == "Network.requestWillBeSent" and params["request"]["url"].startswith(base):
            sent.add(request_id)
        elif event["method"] == "Network.requestServedFromCache" or (
            event["method"] == "Network.responseReceived"
            and (params["response"].get("fromDiskCache") or params["response"].get("fromPrefetchCache"))
        ):
            cached.add(request_id)
        elif event["method"] == "Network.loadingFinished":
            size[request_id] = int(params.get("encodedDataLength", 0))
    counted = sent - cached
    return len(counted), sum(size.get(request_id, 0) for request_id in counted)


def visit(driver: Any, base: str, path: str) -> Visit:
    network_events(driver)  # drop what came before
    driver.get(base + path)
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const check = () => (window.__bench && window.__bench.chart) ? done() : setTimeout(check, 20);
        check();""")
    events = network_events(driver)
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < QUIET_SECONDS:
        time.sleep(0.25)
        more = network_events(driver)
        if any(e["method"] == "Network.requestWillBeSent" for e in more):
            quiet_since = time.monotonic()
        events += more
    marks: dict[str, Any] = driver.execute_script("return window.__bench;")
    requests, size = traffic(events, base)
    return Visit(
        fcp_ms=float(marks.get("fcp", float("nan"))),
        styled=bool(marks.get("fcp_frame_styled")),
        frame_ms=float(marks.get("frame", float("nan"))),
        chart_ms=float(marks["chart"]),
        requests=requests,
        bytes=size,
    )


def measure(base: str, path: str) -> tuple[Visit, Visit]:
    """A first visit (fresh profile) and a warm second visit (same browser) of one page."""
    driver = chromium()
    try:
        first = visit(driver, base, path)
        driver.get("about:blank")
        second = visit(driver, base, path)
        return first, second
    finally:
        driver.quit()


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def summary(visits: list[Visit]) -> dict[str, Any]:
    return {
        "fcp": median([v.fcp_ms for v in visits]),
        "styled": f"{sum(v.styled for v in visits)}/{len(visits)}",
        "frame": median([v.frame_ms for v in visits]),
        "chart": median([v.chart_ms for v in visits]),
        "requests": median([float(v.requests) for v in visits]),
        "kb": median([v.bytes / 1000 for v in visits]),
    }


def row(label: str, tree: str, s: dict[str, Any]) -> str:
    return (
        f"{label:<16}{tree:<10}{s['fcp']:>9.0f}{s['styled']:>8}{s['frame']:>9.0f}"
        f"{s['chart']:>10.0f}{s['requests']:>7.0f}{s['kb']:>9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=BASELINE, help="commit to compare with (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="first visits per page and tree")
    parser.add_argument("--port", type=int, default=0, help="baseline's port, this tree's the next one")
    args = parser.parse_args()
    # A kill stops the servers and removes the baseline checkout (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    LOGS.mkdir(parents=True, exist_ok=True)
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    load_before = os.getloadavg()
    visits: dict[tuple[str, str], list[tuple[Visit, Visit]]] = defaultdict(list)
    with ExitStack() as stack:
        baseline = stack.enter_context(baseline_tree(args.baseline))
        bases = {}
        for offset, (tree_name, tree) in enumerate((("baseline", baseline), ("now", ROOT))):
            port = args.port + offset if args.port else free_port()
            log = LOGS / f"first-paint-{tree_name}.log"
            bases[tree_name] = stack.enter_context(server(tree, port, log))
        # Both servers up, the runs interleaved: a busy moment of the shared machine hits both.
        for run in range(args.runs):
            for label, path in PAGES:
                for tree_name, base in bases.items():
                    first, second = measure(base, path)
                    visits[(label, tree_name)].append((first, second))
                    print(f"  run {run + 1} {tree_name:<9}{label:<16}{first}", file=sys.stderr)
    results = {
        key: (summary([first for first, _ in pairs]), summary([second for _, second in pairs]))
        for key, pairs in visits.items()
    }
    load_after = os.getloadavg()
    header = (
        f"{'page':<16}{'tree':<10}{'FCP ms':>9}{'styled':>8}{'frame ms':>9}"
        f"{'chart ms':>10}{'reqs':>7}{'kB':>9}"
    )
    lines = [
        f"First load at {BYTES_PER_SECOND * 8 / 1e6:.1f} Mbit/s, {LATENCY_MS} ms added latency "
        f"(Chromium network emulation), gunicorn 2 workers x 4 threads on loopback, 1280x720.",
        f"baseline = {args.baseline}, now = {head}{' + uncommitted changes' if dirty else ''}; "
        f"medians of {args.runs} runs.",
        f"load average (1/5/15 min) before {'/'.join(f'{x:.2f}' for x in load_before)}, "
        f"after {'/'.join(f'{x:.2f}' for x in load_after)} (2 cores, shared).",
        "FCP = first-contentful-paint; styled = runs whose first paint already showed the dark navbar /"
        " presenter bar; frame = that bar drawn; chart = first chart shape in the DOM;"
        " reqs / kB = requests to the server and bytes on the wire, headers included"
        " (Network.loadingFinished.encodedDataLength), until 1.5 s of network quiet after the chart.",
        "",
        "First visit (fresh profile, empty cache)",
        header,
    ]
    for label, _path in PAGES:
        for tree_name in ("baseline", "now"):
            lines.append(row(label, tree_name, results[(label, tree_name)][0]))
    lines += ["", "Warm second visit (same browser, cache kept)", header]
    for label, _path in PAGES:
        for tree_name in ("baseline", "now"):
            lines.append(row(label, tree_name, results[(label, tree_name)][1]))
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
