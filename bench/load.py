"""Load test: gunicorn on 127.0.0.1, 200 concurrent users mixing page loads, map interactions and
CSV downloads (``make load``, part of ``make bench``; never part of ``make test``).

Prints requests/s, p50/p95/p99 per kind, errors, RSS per worker before and after 10,000 requests,
and the ratio of map-callback throughput to a trivial JSON route (``/healthz``) on the same
server. Bounded: loopback only, at most ``--duration`` seconds and ``--max-requests`` requests.
A small asyncio HTTP/1.1 client (keep-alive, gzip accepted like a browser) needs no extra package.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
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


class Http:
    """One keep-alive connection to the server, reopened after an error."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, int]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(HOST, self.port)
        reader, writer = self.streams
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept-Encoding: gzip\r\n"
        if body:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
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


def map_callback_body(key: str, outputs: list[dict[str, str]], rng: random.Random) -> bytes:
    """A year change on the map (the values-only patch path), as dash-renderer sends it."""
    previous, year = rng.sample(YEARS, 2)
    controls = [
        ("map-indicator", "value", "migrant_stock"),
        ("map-year", "value", year),
        ("map-region", "value", "both"),
        ("map-scale", "value", False),
        ("map-countries", "value", []),
    ]
    body = {
        "output": key,
        "outputs": outputs,
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in controls],
        "state": [{"id": "app-url", "property": "search", "value": f"?year={previous}"}],
        "changedPropIds": ["map-year.value"],
    }
    return json.dumps(body).encode()


def find_map_callback(port: int) -> tuple[str, list[dict[str, str]]]:
    with urllib.request.urlopen(f"http://{HOST}:{port}/_dash-dependencies", timeout=10) as response:
        dependencies = json.load(response)
    for dependency in dependencies:
        if {"id": "map-indicator", "property": "value"} in dependency["inputs"]:
            key = dependency["output"]
            specs = key.strip(".").split("...")
            outputs = [dict(zip(("id", "property"), s.rsplit(".", 1), strict=True)) for s in specs]
            return key, [{"id": o["id"], "property": o["property"].split("@")[0]} for o in outputs]
    raise SystemExit("no map controls callback in /_dash-dependencies")


class Stats:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.count = 0

    def add(self, kind: str, seconds: float, ok: bool) -> None:
        self.count += 1
        self.latencies[kind].append(seconds)
        if not ok:
            self.errors[kind] += 1


async def one(http: Http, stats: Stats, kind: str, method: str, path: str, body: bytes = b"") -> None:
    start = time.perf_counter()
    try:
        status, _ = await http.request(method, path, body)
        ok = status < 400
    except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
        ok = False
    stats.add(kind, time.perf_counter() - start, ok)


async def user(
    port: int, seed: int, stats: Stats, until: float, limit: int, callback: tuple[str, Any]
) -> None:
    """A delegate: open a page, move the year slider, download a table, think, repeat."""
    rng = random.Random(seed)
    http = Http(port)
    kinds, weights = zip(*MIX, strict=True)
    await asyncio.sleep(rng.uniform(0, 1))  # users arrive over the first second
    while time.monotonic() < until and stats.count < limit:
        kind = rng.choices(kinds, weights)[0]
        if kind == "page":
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


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return " / ".join(f"{cuts[q - 1] * 1000:6.1f}" for q in (50, 95, 99))


def start_server(port: int, workers: int, threads: int, log: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {"HOST": HOST, "PORT": str(port), "WORKERS": str(workers), "THREADS": str(threads)}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with log.open("wb") as out:
        command = [gunicorn, "-c", "gunicorn.conf.py", "app:create_server()"]
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


async def run(args: argparse.Namespace) -> None:
    port = free_port()
    log = ROOT / "bench" / "out" / "load-gunicorn.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    server = start_server(port, args.workers, args.threads, log)
    try:
        callback = find_map_callback(port)
        pids = worker_pids(server.pid)
        print(f"gunicorn on {HOST}:{port}: {args.workers} workers x {args.threads} threads, pids {pids}")

        def healthz(_: random.Random) -> tuple[str, bytes]:
            return "/healthz", b""

        def map_call(rng: random.Random) -> tuple[str, bytes]:
            return "/_dash-update-component", map_callback_body(*callback, rng)

        await saturate(port, "warm-up", "POST", map_call, 3, 8)
        before = {pid: rss_mb(pid) for pid in pids}
        print(f"\nThroughput, {args.saturate:.0f} s each, {args.connections} connections, no think time:")
        trivial = await saturate(port, "healthz", "GET", healthz, args.saturate, args.connections)
        mapped = await saturate(port, "map_callback", "POST", map_call, args.saturate, args.connections)
        print(f"  /healthz (trivial JSON)   {trivial:8.1f} req/s")
        print(f"  map callback (year patch) {mapped:8.1f} req/s")
        print(f"  ratio map / trivial       {mapped / trivial:8.2f}   (target >= 0.6)")

        stats = Stats()
        until = time.monotonic() + args.duration
        start = time.perf_counter()
        users = [user(port, i, stats, until, args.max_requests, callback) for i in range(args.users)]
        await asyncio.gather(*users)
        elapsed = time.perf_counter() - start
        after = {pid: rss_mb(pid) for pid in pids if Path(f"/proc/{pid}").exists()}

        total_errors = sum(stats.errors.values())
        print(f"\nMixed load: {args.users} users for {elapsed:.1f} s, {stats.count} requests")
        print(f"  {stats.count / elapsed:.1f} req/s overall, {total_errors} errors")
        print(f"  {'kind':<14}{'requests':>9}{'errors':>8}   p50 / p95 / p99 ms")
        for kind, values in sorted(stats.latencies.items()):
            print(f"  {kind:<14}{len(values):>9}{stats.errors.get(kind, 0):>8}   {percentiles(values)}")
        served = stats.count
        print(f"\nRSS per worker (MB), before and after the mixed phase ({served} requests):")
        for pid in pids:
            print(f"  pid {pid}: {before[pid]:7.1f} -> {after.get(pid, float('nan')):7.1f}")
        if served < 10_000:
            print("  (fewer than 10,000 requests: run the full 60 s for the memory check)")
        if set(after) != set(pids):
            print("  a worker was replaced during the run (crash or timeout): see " + str(log))
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of mixed load (max 600)")
    parser.add_argument("--max-requests", type=int, default=60_000)
    parser.add_argument("--saturate", type=float, default=10.0, help="seconds per throughput probe")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "2")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "4")))
    args = parser.parse_args()
    args.duration = min(args.duration, 600.0)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
