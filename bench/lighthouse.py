"""Lighthouse scores of every page (``make lighthouse``): performance, accessibility, best practices
and SEO, with the cumulative layout shift (CLS), largest contentful paint (LCP) and total blocking
time (TBT), for /map, /corridors, /dialogue, /programmes, /sources and an embed on desktop, and /map
on a phone (Lighthouse's mobile emulation), against gunicorn serving the committed data.

Lighthouse is an npm package, not a Python one; it drives the system Chromium and never downloads a
browser. Install it once, beside this script (``bench/node_modules/`` is git-ignored)::

    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix bench --no-save --no-package-lock lighthouse@12

(Lighthouse 12 runs on Node 18.16+; 13 needs Node 22.) Then ``make lighthouse`` or
``.venv/bin/python bench/lighthouse.py``. ``LIGHTHOUSE`` names another ``lighthouse`` executable,
``CHROME_PATH`` another Chromium (default ``/usr/bin/chromium``), ``--port`` (or
``BENCH_PORT_BASE``) the server's port. Targets (issues 17 and 18): performance >= 0.95 on every
desktop page and embed, CLS <= 0.05, mobile /map performance >= 0.85; accessibility and SEO >= 0.95.
Prints one table and writes it to ``bench/results/lighthouse.txt`` with the date, commit and load
average (Lighthouse's performance score simulates a slow machine and network from a trace taken on
this one: on a busy shared machine it is noisy; the JSON reports stay in ``bench/out/``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
HOST = "127.0.0.1"
RESULTS = BENCH / "results" / "lighthouse.txt"
LOGS = BENCH / "out"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# (label, path, form factor)
RUNS = (
    ("/map", "/map", "desktop"),
    ("/corridors", "/corridors", "desktop"),
    ("/dialogue", "/dialogue", "desktop"),
    ("/programmes", "/programmes", "desktop"),
    ("/sources", "/sources", "desktop"),
    ("embed /map", "/embed/map?indicator=migrant_stock&year=2024", "desktop"),
    ("/map (mobile)", "/map", "mobile"),
)
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


def lighthouse_command() -> str:
    """The ``lighthouse`` executable: $LIGHTHOUSE, bench/node_modules, or one on PATH."""
    for candidate in (os.environ.get("LIGHTHOUSE"), str(BENCH / "node_modules" / ".bin" / "lighthouse")):
        if candidate and Path(candidate).exists():
            return candidate
    found = shutil.which("lighthouse")
    if found:
        return found
    sys.exit(
        "lighthouse not found: install it with\n"
        "  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix bench --no-save --no-package-lock lighthouse@12"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(port: int, log: Path) -> Iterator[str]:
    """Puentes' gunicorn (gunicorn.conf.py, the committed data) on loopback, stopped on exit."""
    env = os.environ | {"HOST": HOST, "PORT": str(port), "WORKERS": "2", "THREADS": "4"}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    with log.open("wb") as out:
        process = subprocess.Popen(
            [gunicorn, "-c", "gunicorn.conf.py", "app:create_server()"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"gunicorn did not start; see {log}")
                time.sleep(0.3)
        yield f"http://{HOST}:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def audit(command: str, url: str, form: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run; its JSON report is kept in ``report``."""
    args = [
        command,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=60000",
    ]
    if form == "desktop":
        args.append("--preset=desktop")
    env = os.environ | {"CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0 or not report.exists():
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:] or ["failed"]}
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def scores(result: dict[str, Any]) -> dict[str, float | None]:
    if "error" in result:
        return {}
    out: dict[str, float | None] = {c: result["categories"][c]["score"] for c in CATEGORIES}
    audits = result["audits"]
    for key, name in (
        ("cumulative-layout-shift", "cls"),
        ("largest-contentful-paint", "lcp"),
        ("total-blocking-time", "tbt"),
    ):
        out[name] = audits.get(key, {}).get("numericValue")
    out["cpu"] = result.get("environment", {}).get("benchmarkIndex")
    return out


def shifts(result: dict[str, Any]) -> str:
    """The elements that moved most (Lighthouse's layout-shifts audit), with their share of CLS."""
    items = result.get("audits", {}).get("layout-shifts", {}).get("details", {}).get("items", [])
    return ", ".join(f"{i['node'].get('selector', '?')} {i['score']:.3f}" for i in items[:3] if "node" in i)


def mark(value: float | None, ok: bool) -> str:
    return "" if value is None or ok else "*"


def row(label: str, form: str, s: dict[str, float | None], error: str = "") -> str:
    if error:
        return f"{label:<16}{form:<9}error: {error}"

    def score(key: str, target: float) -> str:
        value = s.get(key)
        return "n/a" if value is None else f"{value:.2f}{mark(value, value >= target)}"

    performance_target = 0.85 if form == "mobile" else 0.95
    cls, lcp, tbt, cpu = s.get("cls"), s.get("lcp"), s.get("tbt"), s.get("cpu")
    return (
        f"{label:<16}{form:<9}{score('performance', performance_target):>7}"
        f"{score('accessibility', 0.95):>8}{score('best-practices', 0):>8}{score('seo', 0.95):>8}"
        f"{'n/a' if cls is None else f'{cls:.3f}{mark(cls, cls <= 0.05)}':>9}"
        f"{'n/a' if lcp is None else f'{lcp / 1000:.2f}':>8}{'n/a' if tbt is None else f'{tbt:.0f}':>8}"
        f"{'n/a' if cpu is None else f'{cpu:.0f}':>7}"
    )


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    base = int(os.environ.get("BENCH_PORT_BASE", "0"))
    parser.add_argument("--port", type=int, default=base + 3 if base else 0, help="the server's port")
    parser.add_argument("--only", default="", help="comma-separated labels to run (default: all)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    command = lighthouse_command()
    LOGS.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    lines, notes = [], []
    with server(args.port or free_port(), LOGS / "lighthouse-gunicorn.log") as url:
        for label, path, form in RUNS:
            if args.only and label not in args.only.split(","):
                continue
            name = label.replace("/", "").replace(" ", "-").replace("(", "").replace(")", "")
            report = LOGS / f"lighthouse-{name or 'root'}.json"
            for _attempt in range(3):  # a trace without a navigation start (NO_NAVSTART) is a flake
                report.unlink(missing_ok=True)
                result = audit(command, url + path, form, report)
                if "error" not in result:
                    break
            error = "; ".join(result.get("error", []))
            lines.append(row(label, form, scores(result), error))
            if "error" not in result and shifts(result):
                notes.append(f"  {label:<16}{shifts(result)}")
            print(lines[-1], file=sys.stderr)
    load_after = os.getloadavg()
    dirty = git("status", "--porcelain", "--untracked-files=no")
    version = subprocess.run([command, "--version"], capture_output=True, text=True, check=False).stdout
    head = [
        f"make lighthouse (bench/lighthouse.py), {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"commit {git('rev-parse', '--short', 'HEAD')}{' + uncommitted changes' if dirty else ''}; "
        f"Lighthouse {version.strip()}, Chromium {os.environ.get('CHROME_PATH', '/usr/bin/chromium')}",
        f"load average (1/5/15 min) before {'/'.join(f'{x:.2f}' for x in load_before)}, "
        f"after {'/'.join(f'{x:.2f}' for x in load_after)} ({os.cpu_count()} cores, shared)",
        "gunicorn 2 workers x 4 threads on loopback, the committed data. * = below target "
        "(performance >= 0.95 desktop / 0.85 mobile, accessibility and SEO >= 0.95, CLS <= 0.05).",
        "LCP in s, TBT in ms (Lighthouse's simulated throttling); CPU = Lighthouse's benchmarkIndex of"
        " this machine during the run (higher is faster).",
        "",
        f"{'page':<16}{'form':<9}{'perf':>7}{'a11y':>8}{'b.p.':>8}{'SEO':>8}"
        f"{'CLS':>9}{'LCP s':>8}{'TBT ms':>8}{'CPU':>7}",
    ]
    if notes:
        notes.insert(0, "\nLargest layout shifts (element, its score):")
    text = "\n".join(head + lines + notes) + "\n"
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
