"""The render process: ``python -m dashboard.renders.process supervise SOCKET ASSETS CAPACITY``,
started by gunicorn's master (``gunicorn.conf.py``), at a lower CPU priority; it runs the socket
server in a child and starts it again if it dies, until the master is gone."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from dashboard import datasets
from dashboard.rendering import Renderer
from dashboard.renders.queue import RenderQueue
from dashboard.renders.wire import Server

LOG = logging.getLogger(__name__)
NICE = 19  # where SCHED_IDLE is not allowed: the lowest priority a process can give itself


def yield_the_cpu() -> None:
    """Run this process and the browser it starts only when pages and callbacks leave a core idle:
    Linux's ``SCHED_IDLE`` (inherited by Chromium's processes), else the lowest niceness; the
    browser's own session is lowered too (:func:`dashboard.rendering.yield_session`). A render then
    takes longer on a busy server, never a page."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        with contextlib.suppress(OSError):
            os.nice(NICE)


def serve(path: str, assets: str, capacity: int, data_dir: str, share: float) -> None:
    """Serve renders on the Unix socket ``path`` until the parent (gunicorn's master) is gone."""
    parent = os.getppid()
    yield_the_cpu()
    datasets.use(Path(data_dir))  # the map shapes figures name by URL are read from here
    render_queue = RenderQueue(Renderer(assets=assets, background=True), capacity, share=share)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    server = Server(path, render_queue)
    os.chmod(path, 0o600)

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        server.shutdown()

    threading.Thread(target=watch_parent, name="watch-parent", daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    LOG.info("render queue on %s (capacity %d images)", path, capacity)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        render_queue.renderer.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def supervise(path: str, assets: str, capacity: int, data_dir: str, share: float) -> None:
    """Run :func:`serve` in a child process, and again if it dies (an out-of-memory kill, a crash),
    until this process's parent (gunicorn's master) is gone or asks it to stop."""
    parent, stopping = os.getppid(), threading.Event()
    child: subprocess.Popen[bytes] | None = None

    def stop(*_: Any) -> None:
        stopping.set()
        if child is not None and child.poll() is None:
            child.terminate()

    signal.signal(signal.SIGTERM, stop)
    command = [
        sys.executable,
        "-m",
        "dashboard.renders.process",
        "serve",
        path,
        assets,
        str(capacity),
        data_dir,
        str(share),
    ]
    while not stopping.is_set() and os.getppid() == parent:
        child = subprocess.Popen(command)
        while child.poll() is None and os.getppid() == parent:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(1)
        if child.poll() is None:
            child.terminate()  # the master is gone
        elif not stopping.is_set():
            LOG.warning("puentes: the render process ended (exit %s); starting it again", child.returncode)
            time.sleep(1)


def start(
    path: str, assets: str, capacity: int, data_dir: str, share: float = 1.0
) -> subprocess.Popen[bytes]:
    """The render process (its supervisor), serving on ``path``, for gunicorn's master."""
    command = [sys.executable, "-m", "dashboard.renders.process", "supervise", path, assets, str(capacity)]
    command += [data_dir, str(share)]
    return subprocess.Popen(command)


def main(argv: list[str]) -> int:
    """``python -m dashboard.renders.process supervise|serve SOCKET ASSETS CAPACITY DATA SHARE``."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # not kaleido's chatter
    LOG.setLevel(logging.INFO)
    mode, path, assets, capacity, data_dir, share = (
        argv[0],
        argv[1],
        argv[2],
        int(argv[3]),
        argv[4],
        float(argv[5]),
    )
    if not Path(path).parent.is_dir():
        print(f"puentes: no folder for the render socket {path}", file=sys.stderr)
        return 2
    (supervise if mode == "supervise" else serve)(path, assets, capacity, data_dir, share)
    return 0


if __name__ == "__main__":  # pragma: no cover - run by gunicorn.conf.py
    sys.exit(main(sys.argv[1:]))
