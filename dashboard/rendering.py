"""Figures to PNG or SVG bytes with kaleido on the system Chromium, fully offline.

One warm browser per process, started on the first export (~2.5 s) and reused (~0.2 s an
image); calls are serialised with a lock because gunicorn threads share it. The page kaleido
draws in loads the app's own plotly.js bundle, no MathJax, and the base-map topojson from
``assets/topojson/``: nothing is fetched from the network.

The ``assets`` folder is the one the app serves (``create_app`` passes Dash's ``assets_folder``):
installed as a package (the Docker image), the code is in ``site-packages`` and the folder is
beside ``app.py``, not beside the code. Without one, the checkout's folder (``paths.assets_dir``).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from dashboard.errors import ExportFailed
from dashboard.paths import assets_dir

# Inside the assets folder: the bundle kaleido's page loads and the base map plotly.js looks up.
PLOTLY_BUNDLE = Path("plotly", "plotly-puentes.min.js")
WORLD_TOPOJSON = Path("topojson", "world_110m.json")
PLOTLY_JS = assets_dir() / PLOTLY_BUNDLE  # the checkout's copies (a script or notebook)
TOPOJSON_DIR = assets_dir() / WORLD_TOPOJSON.parent
START_TIMEOUT = 60.0
RENDER_TIMEOUT = 30.0
LOWEST = 19  # the niceness a session of processes is given when it draws in the background


def browser_path() -> str | None:
    """``BROWSER_PATH`` if set (kaleido's own variable), else the system ``chromium``."""
    return os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def yield_session(pid: int) -> None:
    """Give the session that ``pid`` leads the lowest priority. Chromium is started in a session of
    its own (choreographer's ``start_new_session``), and with Linux's autogroup scheduling a session
    gets as much CPU as the whole server, whatever its processes' own priority (``SCHED_IDLE``).
    Where autogroups are off or absent, there is nothing to do."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/autogroup").write_text(f"{LOWEST}\n")


class Renderer:
    """A kaleido browser on its own event-loop thread, started lazily and closed at exit; it draws
    with the plotly.js bundle and topojson of ``assets`` (the folder the app serves)."""

    def __init__(
        self,
        browser: str | None = None,
        timeout: float = RENDER_TIMEOUT,
        *,
        assets: str | os.PathLike[str] | None = None,
        background: bool = False,
    ) -> None:
        self._browser = browser
        self.background = background  # the browser's session at the lowest priority (render process)
        self._timeout = timeout
        self.assets = Path(assets).absolute() if assets is not None else assets_dir()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._plotly_js = self.assets / PLOTLY_BUNDLE
        self._topojson = (self.assets / WORLD_TOPOJSON.parent).as_uri() + "/"

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def missing(self) -> list[str]:
        """What exports need and this machine lacks, by name (``assets/…`` files, ``Chromium``);
        empty when the renderer can start. Read at start (one log line), by ``/readyz`` and per export."""
        files = (PLOTLY_BUNDLE, WORLD_TOPOJSON)
        lacking = [f"assets/{name.as_posix()}" for name in files if not (self.assets / name).is_file()]
        path = self._browser or browser_path()
        if not path or not Path(path).exists():
            lacking.append("Chromium")
        return lacking

    def render(self, figure: dict[str, Any], fmt: str, width: int, height: int, scale: float = 1) -> bytes:
        """The figure as ``png`` or ``svg`` bytes; :class:`ExportFailed` with a reason otherwise."""
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        with self._lock:
            if self._kaleido is None:
                self._start()
            try:
                coroutine = self._kaleido.calc_fig(figure, opts=opts, topojson=self._topojson)
                data = self._run(coroutine, self._timeout)
            except Exception as error:
                self._stop()  # a browser that failed once is not trusted again: restart next time
                raise ExportFailed(f"the image could not be drawn ({type(error).__name__})") from error
        return data if isinstance(data, bytes) else bytes(data)

    def close(self) -> None:
        """Quit the browser and its thread (idempotent; also run at interpreter exit)."""
        with self._lock:
            self._stop()

    def _run(self, coroutine: Any, timeout: float) -> Any:
        assert self._loop is not None
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout)

    def _start(self) -> None:
        import kaleido  # imported on first export: the pages never need it

        path = self._browser or browser_path()
        if not path or not Path(path).exists():
            raise ExportFailed("no Chromium found (install it or set BROWSER_PATH)")
        if absent := self.missing():
            raise ExportFailed(f"the server lacks {', '.join(absent)}")
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True)
        self._thread.start()

        async def open_browser() -> Any:
            browser = kaleido.Kaleido(
                path=path, plotlyjs=str(self._plotly_js), mathjax=False, timeout=self._timeout
            )
            await browser.open()
            if self.background:
                yield_session(browser.subprocess.pid)
            return browser

        try:
            self._kaleido = self._run(open_browser(), START_TIMEOUT)
        except Exception as error:
            self._stop()
            raise ExportFailed(f"Chromium did not start ({type(error).__name__})") from error
        atexit.register(self.close)

    def _stop(self) -> None:
        loop, browser = self._loop, self._kaleido
        self._kaleido = None
        if loop is None:
            return
        if browser is not None:
            # Closing a broken browser: nothing more to do if that fails too.
            with contextlib.suppress(Exception):
                self._run(browser.close(), 10)
        with contextlib.suppress(Exception):  # e.g. the watchdog of a browser that crashed
            self._run(_cancel_pending(), 5)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        loop.close()
        self._loop, self._thread = None, None
        atexit.unregister(self.close)


async def _cancel_pending() -> None:
    """Cancel the loop's other tasks so that it closes with none pending."""
    tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
