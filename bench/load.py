"""Load test: gunicorn on 127.0.0.1, 200 concurrent users mixing page loads, map interactions,
CSV downloads and exports (``make load``, part of ``make bench``; never part of ``make test``).

The mixed phase runs once per export share (``--exports 0,2,10``: per cent of the users' actions
that are a chart image or, one in five, a briefing pack of 3-8 views, POSTed). For each it prints
requests/s, p50/p95/p99 per kind, errors, exports shed (503 with ``Retry-After``: the render queue
was full) and the p95 of everything that is not an export beside the 0 % run's (the target: within
2x). Memory: RSS and PSS (pages shared with the master counted once) of each worker and of the
render process with its Chromium, before and after each phase. Also the ratio of map-callback
throughput to a trivial JSON route (``/healthz``), and the load average the run ran under.
Bounded: loopback only, at most ``--duration`` seconds and ``--max-requests`` requests per phase.
A small asyncio HTTP/1.1 client (keep-alive, gzip accepted like a browser) needs no extra package.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
YEARS = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)
INDICATORS = ("migrant_stock", "migrant_share", "net_migration_rate", "refugees_hosted")
PAGES = ("/map", "/corridors", "/dialogue", "/sources")
MIX = (("page", 0.25), ("map_callback", 0.6), ("csv", 0.15))
EXPORTS = ("export", "pack")
PACKS = [0.2]  # of exports, the share that are briefing packs (--packs)


class Http:
    """One keep-alive connection to the server, reopened after an error."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(
        self, method: str, path: str, body: bytes = b"", kind: str = "application/json"
    ) -> tuple[int, int]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(HOST, self.port)
        reader, writer = self.streams
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept-Encoding: gzip\r\n"
        if body:
            head += f"Content-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
        writer.write(head.encode("latin-1") + b"\r\n" + body)
        try:
            status = int((await reader.readline()).split()[1])
            headers: dict[str, str] = {}
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            size = 0
            if headers.get("transfer-encoding") == "chunked":
                while chunk := int((await reader.readline()).strip(), 16):
                    size += len(await reader.readexactly(chunk + 2)) - 2
                await reader.readline()
            else:
                size = len(await reader.readexactly(int(headers.get("content-length", "0"))))
            if headers.get("connection") == "close":
                await self.close()
            return status, size
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            await self.close()
            raise

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


# What the map's controls hold on a first visit; any control the callback reads and this does not
# name is sent empty, as dash-renderer sends a control with no value.
CONTROLS = {
    "map-indicator": "migrant_stock",
    "map-region": "both",
    "map-scale": False,
    "map-countries": [],
    "map-groups": [],
}


def map_callback_body(
    key: str, outputs: list[dict[str, str]], inputs: list[dict[str, str]], rng: random.Random
) -> bytes:
    """A year change on the map (the values-only patch path), as dash-renderer sends it; the
    inputs are the ones ``/_dash-dependencies`` lists for the callback."""
    previous, year = rng.sample(YEARS, 2)
    values = CONTROLS | {"map-year": year}
    body = {
        "output": key,
        "outputs": outputs,
        "inputs": [{"id": i["id"], "property": i["property"], "value": values.get(i["id"])} for i in inputs],
        "state": [{"id": "app-url", "property": "search", "value": f"?year={previous}"}],
        "changedPropIds": ["map-year.value"],
    }
    return json.dumps(body).encode()


def find_map_callback(port: int) -> tuple[str, list[dict[str, str]], list[dict[str, str]]]:
    with urllib.request.urlopen(f"http://{HOST}:{port}/_dash-dependencies", timeout=10) as response:
        dependencies = json.load(response)
    for dependency in dependencies:
        if {"id": "map-indicator", "property": "value"} in dependency["inputs"]:
            key = dependency["output"]
            specs = key.strip(".").split("...")
            outputs = [dict(zip(("id", "property"), s.rsplit(".", 1), strict=True)) for s in specs]
            plain = [{"id": o["id"], "property": o["property"].split("@")[0]} for o in outputs]
            return key, plain, dependency["inputs"]
    raise SystemExit("no map controls callback in /_dash-dependencies")


class Stats:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.shed: dict[str, int] = defaultdict(int)
        self.count = 0

    def add(self, kind: str, seconds: float, status: int) -> None:
        self.count += 1
        if status == 503 and kind in EXPORTS:
            self.shed[kind] += 1  # the render queue is full: "try again in N s", at once
            return
        self.latencies[kind].append(seconds)
        if not 200 <= status < 400:
            self.errors[kind] += 1

    def others(self) -> list[float]:
        """Latencies of every request that is not an export."""
        return [v for kind, values in self.latencies.items() if kind not in EXPORTS for v in values]


async def one(
    http: Http, stats: Stats, kind: str, method: str, path: str, body: bytes = b"", form: bool = False
) -> None:
    start = time.perf_counter()
    try:
        content = "application/x-www-form-urlencoded" if form else "application/json"
        status, _ = await http.request(method, path, body, content)
    except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
        status = 0
    stats.add(kind, time.perf_counter() - start, status)


def view(rng: random.Random) -> str:
    return f"/map?indicator={rng.choice(INDICATORS)}&year={rng.choice(YEARS)}"


async def export(http: Http, stats: Stats, rng: random.Random) -> None:
    """A chart image (one of 2 x 2 x 32 views), or (``--packs``, one time in five) a briefing pack."""
    if rng.random() < PACKS[0]:
        views = [view(rng) for _ in range(rng.randint(3, 8))]
        body = urllib.parse.urlencode([("lang", "en"), *(("view", v) for v in views)]).encode()
        await one(http, stats, "pack", "POST", "/briefing.pptx", body, form=True)
        return
    page, fmt = rng.choice(("map", "corridors")), rng.choice(("png", "svg"))
    await one(http, stats, "export", "GET", f"/export/{page}.{fmt}?{view(rng).split('?')[1]}")


async def user(
    port: int, seed: int, stats: Stats, until: float, limit: int, callback: tuple[str, Any], share: float
) -> None:
    """A delegate: open a page, move the year slider, download a table or an image, think, repeat."""
    rng = random.Random(seed)
    http = Http(port)
    kinds, weights = zip(*MIX, strict=True)
    await asyncio.sleep(rng.uniform(0, 1))  # users arrive over the first second
    while time.monotonic() < until and stats.count < limit:
        kind = rng.choices(kinds, weights)[0]
        if rng.random() < share:
            await export(http, stats, rng)
        elif kind == "page":
            page = rng.choice(PAGES)
            for path in (f"{page}?year={rng.choice(YEARS)}", "/_dash-layout", "/_dash-dependencies"):
                await one(http, stats, "page", "GET", path)
        elif kind == "map_callback":
            await one(http, stats, kind, "POST", "/_dash-update-component", map_callback_body(*callback, rng))
        else:
            query = f"indicator={rng.choice(INDICATORS)}&year={rng.choice(YEARS)}&region=both"
            await one(http, stats, kind, "GET", f"/download/map.csv?{query}")
        await asyncio.sleep(rng.uniform(0.2, 0.8))  # think time
    await http.close()


async def saturate(port: int, kind: str, method: str, make: Any, seconds: float, connections: int) -> float:
    """Requests/s of one kind with ``connections`` clients and no think time."""
    stats = Stats()
    until = time.monotonic() + seconds

    async def loop(seed: int) -> None:
        http, rng = Http(port), random.Random(seed)
        while time.monotonic() < until:
            path, body = make(rng)
            await one(http, stats, kind, method, path, body)
        await http.close()

    start = time.perf_counter()
    await asyncio.gather(*(loop(i) for i in range(connections)))
    failed = stats.errors.get(kind, 0)
    if failed:
        print(f"  {kind}: {failed} errors")
    return (stats.count - failed) / (time.perf_counter() - start)


def children(pid: int) -> list[int]:
    """Every child of ``pid``, whichever of its threads started it (``/proc/*/stat``'s parent)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found.append(int(entry.name))
    return sorted(found)


def worker_pids(master: int) -> list[int]:
    return [pid for pid in children(master) if "dashboard.renders" not in command_of(pid)]


def command_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def descendants(pid: int) -> list[int]:
    found = []
    for child in children(pid):
        found += [child, *descendants(child)]
    return found


def memory_mb(pids: list[int]) -> tuple[float, float]:
    """(RSS, PSS) in MB summed over ``pids``: PSS counts a page shared by n processes as 1/n."""
    rss = pss = 0.0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) / 1024
        except OSError:
            continue
    return rss, pss


def memory(master: int) -> dict[str, tuple[float, float]]:
    """(RSS, PSS) of the master, each worker, and the render process with its browser."""
    out = {"master": memory_mb([master])}
    for pid in worker_pids(master):
        out[f"worker {pid}"] = memory_mb([pid])
    renders = [pid for pid in descendants(master) if "dashboard.renders" in command_of(pid)]
    out["render process + Chromium"] = memory_mb(sorted({p for r in renders for p in [r, *descendants(r)]}))
    return out


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return " / ".join(f"{cuts[q - 1] * 1000:6.1f}" for q in (50, 95, 99))


class Confined:
    """A memory cgroup (v1 or v2) the server runs in, as a container's limit would hold it."""

    def __init__(self, limit_mb: int) -> None:
        name = f"puentes-load-{os.getpid()}"
        v1 = Path("/sys/fs/cgroup/memory")
        self.v1 = v1.is_dir()
        self.path = (v1 if self.v1 else Path("/sys/fs/cgroup")) / name
        self.path.mkdir()
        limit = str(limit_mb * 1024 * 1024)
        (self.path / ("memory.limit_in_bytes" if self.v1 else "memory.max")).write_text(limit)
        self.limit_mb = limit_mb

    def procs(self) -> str:
        return str(self.path / "cgroup.procs")

    def report(self) -> str:
        peak_file = "memory.max_usage_in_bytes" if self.v1 else "memory.peak"
        peak = int((self.path / peak_file).read_text()) / 1024 / 1024
        events = (self.path / ("memory.oom_control" if self.v1 else "memory.events")).read_text()
        kills = next((line.split()[1] for line in events.splitlines() if line.startswith("oom_kill ")), "?")
        return f"memory cgroup {self.limit_mb} MB: peak {peak:.0f} MB, {kills} out-of-memory kills"

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            self.path.rmdir()


def start_server(
    port: int, workers: int, threads: int, log: Path, confined: Confined | None
) -> subprocess.Popen[bytes]:
    env = os.environ | {"HOST": HOST, "PORT": str(port), "WORKERS": str(workers), "THREADS": str(threads)}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with log.open("wb") as out:
        command = [str(gunicorn), "-c", "gunicorn.conf.py", "app:create_server()"]
        if confined is not None:  # the shell joins the cgroup, then becomes gunicorn: all it starts is in
            command = ["sh", "-c", f'echo $$ > {confined.procs()} && exec "$@"', "sh", *command]
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/readyz", timeout=2) as response:
                if response.status == 200 and len(worker_pids(server.pid)) == workers:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"gunicorn not ready in 90 s; see {log}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


async def mixed(
    port: int,
    master: int,
    args: argparse.Namespace,
    callback: tuple[str, Any],
    share: float,
    baseline: float | None,
) -> float:
    """One mixed phase with ``share`` of exports; returns the p95 (s) of the requests that are not exports."""
    before = memory(master)
    stats = Stats()
    until = time.monotonic() + args.duration
    start = time.perf_counter()
    users = [user(port, i, stats, until, args.max_requests, callback, share) for i in range(args.users)]
    print(f"\nMixed load with {share:.0%} exports (load average before: {load_average()})")
    await asyncio.gather(*users)
    elapsed = time.perf_counter() - start
    after = memory(master)
    total_errors = sum(stats.errors.values())
    print(
        f"  {args.users} users for {elapsed:.1f} s, {stats.count} requests, {stats.count / elapsed:.1f} req/s"
    )
    print(f"  {total_errors} errors; exports shed with 503 + Retry-After: {dict(stats.shed) or 0}")
    print(f"  {'kind':<14}{'requests':>9}{'errors':>8}   p50 / p95 / p99 ms")
    for kind, values in sorted(stats.latencies.items()):
        print(f"  {kind:<14}{len(values):>9}{stats.errors.get(kind, 0):>8}   {percentiles(values)}")
    others = stats.others()
    p95 = statistics.quantiles(others, n=100, method="inclusive")[94] if len(others) > 1 else float("nan")
    versus = f", {p95 / baseline:.2f}x the 0 % run (target <= 2)" if baseline else ""
    print(f"  p95 of every non-export request: {p95 * 1000:.1f} ms{versus}")
    print("  memory, RSS / PSS MB, before -> after:")
    for name in sorted(set(before) | set(after)):
        b, a = before.get(name, (0.0, 0.0)), after.get(name, (0.0, 0.0))
        print(f"    {name:<28}{b[0]:7.1f} / {b[1]:7.1f} -> {a[0]:7.1f} / {a[1]:7.1f}")
    return baseline if baseline is not None else p95


async def run(args: argparse.Namespace) -> None:
    port = free_port()
    log = ROOT / "bench" / "out" / "load-gunicorn.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    confined = Confined(args.memory_limit) if args.memory_limit else None
    server = start_server(port, args.workers, args.threads, log, confined)
    try:
        callback = find_map_callback(port)
        pids = worker_pids(server.pid)
        print(f"gunicorn on {HOST}:{port}: {args.workers} workers x {args.threads} threads, pids {pids}")

        def healthz(_: random.Random) -> tuple[str, bytes]:
            return "/healthz", b""

        def map_call(rng: random.Random) -> tuple[str, bytes]:
            return "/_dash-update-component", map_callback_body(*callback, rng)

        await saturate(port, "warm-up", "POST", map_call, 3, 8)
        print(f"\nThroughput, {args.saturate:.0f} s each, {args.connections} connections, no think time:")
        trivial = await saturate(port, "healthz", "GET", healthz, args.saturate, args.connections)
        mapped = await saturate(port, "map_callback", "POST", map_call, args.saturate, args.connections)
        print(f"  /healthz (trivial JSON)   {trivial:8.1f} req/s")
        print(f"  map callback (year patch) {mapped:8.1f} req/s")
        print(f"  ratio map / trivial       {mapped / trivial:8.2f}   (target >= 0.6)")

        baseline: float | None = None
        for share in args.exports:
            baseline = await mixed(port, server.pid, args, callback, share / 100, baseline)
        print(f"\nload average (1, 5, 15 min) at the end: {load_average()}")
        if confined is not None:
            print(confined.report())
    finally:
        server.terminate()
        server.wait(timeout=30)
        if confined is not None:
            time.sleep(3)  # the render process and its browser leave after the master
            confined.remove()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of mixed load (max 600)")
    parser.add_argument("--max-requests", type=int, default=60_000)
    parser.add_argument("--saturate", type=float, default=10.0, help="seconds per throughput probe")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "2")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "4")))
    parser.add_argument("--exports", default="0,2,10", help="per cent of actions that are exports, per phase")
    parser.add_argument("--memory-limit", type=int, default=0, help="MB: run the server in a memory cgroup")
    parser.add_argument("--packs", type=float, default=0.2, help="share of exports that are briefing packs")
    args = parser.parse_args()
    args.exports = [float(x) for x in args.exports.split(",")]
    PACKS[0] = args.packs
    args.duration = min(args.duration, 600.0)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
