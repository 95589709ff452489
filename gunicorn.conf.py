"""gunicorn settings for Puentes, all from the environment (see README, Configuration).

``gunicorn -c gunicorn.conf.py "app:create_server()"``. Access logs are JSON lines on stdout, one object
per request, so a log shipper can count statuses and latencies without parsing Apache format.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from typing import Any

from gunicorn.glogging import Logger

from dashboard.renders import process as renders_process
from dashboard.renders.exports import waiting_threads
from dashboard.settings import Settings, SettingsError
from server import health

try:
    settings = Settings.from_env()
except SettingsError as error:
    sys.exit(f"puentes: {error}")  # one line, no traceback: the fix is in the environment

bind = f"{settings.host}:{settings.port}"
workers = settings.workers
# THREADS serve pages and callbacks; as many again as may wait for renders are added, so a room's
# exports never take the threads the pages need (dashboard/renders/exports.py, waiting_threads).
threads = settings.threads + waiting_threads(settings.threads)
loglevel = settings.log_level
accesslog = "-"
errorlog = "-"
timeout = 30
graceful_timeout = 20
keepalive = 5
# gunicorn 25+ opens a control socket at $XDG_RUNTIME_DIR or ~/.gunicorn/gunicorn.ctl: a path every
# server of the same user shares (replicas clash) and one the image's user cannot create. Not used.
control_socket_disable = True
# Heartbeat files on a RAM disk where there is one (containers often have a slow overlay /tmp).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


# The app (data, pages, compressed bundles) is built once in the master and shared by the forked
# workers, page for page, until one writes to it; ``create_server`` verifies data/ first and a
# corrupt or partial refresh stops gunicorn with one line naming the file.
preload_app = True
_render: dict[str, Any] = {}


def on_starting(server: Any) -> None:
    """Start the render process: one browser and one bounded queue for the whole server, at a
    lower CPU priority (``dashboard/renders/``)."""
    exports = server.app.wsgi().extensions[health.EXPORTS]  # the preloaded app's
    folder = tempfile.mkdtemp(prefix="puentes-render-")  # private to this user (0700)
    path = os.path.join(folder, "render.sock")
    assets = str(exports.renderer.assets)
    process = renders_process.start(
        path, assets, settings.render_queue, str(settings.data_dir), settings.render_share
    )
    _render.update(folder=folder, path=path, process=process)
    # The preloaded app's objects live as long as the server: the workers' collector need not walk
    # them (a full collection over every table's objects was a pause, and wrote to shared pages).
    gc.collect()
    gc.freeze()


def post_worker_init(worker: Any) -> None:
    """Each worker draws through the render process, not a browser of its own."""
    worker.wsgi.extensions[health.EXPORTS].connect(_render["path"])


def on_exit(server: Any) -> None:
    process = _render.get("process")
    if process is not None and process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
    if folder := _render.get("folder"):
        shutil.rmtree(folder, ignore_errors=True)


class JsonAccessLogger(Logger):
    """gunicorn's logger with each access-log line a JSON object (hostile URLs stay valid JSON)."""

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        record = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "remote": atoms["h"],
            "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR"),
            "method": atoms["m"],
            "path": atoms["U"],
            "query": atoms["q"],
            "status": int(atoms["s"]),
            "bytes": atoms["B"] or 0,
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "referer": atoms["f"],
            "user_agent": atoms["a"],
            "pid": os.getpid(),
        }
        self.access_log.info("%s", json.dumps(record, ensure_ascii=False))


logger_class = JsonAccessLogger


# --- Slow clients (issue 16) -----------------------------------------------------------------------
# The image exposes gunicorn directly (`docker run -p 8050:8050`), without a buffering proxy in front.
# gthread gives a connection to a request thread at its first byte: 8 clients trickling one header
# byte every 2 s held all 2 x 4 threads. server/worker.py is gthread with each request read whole by
# the worker's main loop first (no thread waits on a slow client), and each response's head sent
# with its body in one send (a worker killed between the two left nginx a response it could not
# retry). tests/production/test_slow_clients.py and test_stack.py check both.
worker_class = "server.worker.PuentesWorker"
