"""What the routes draw with (:class:`Exports`): the queue, the finished-image cache shared by the
replicas, and a bound on how many of a worker's threads may wait for renders."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any, Protocol

from dashboard import briefing
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.rendering import Renderer
from dashboard.renders.jobs import CAPACITY, PDF_COST, ExportBusy, Job, Queue, Ticket
from dashboard.renders.packs import Made
from dashboard.renders.queue import RenderQueue
from dashboard.renders.wire import SocketQueue

CACHE_TIMEOUT = 6 * 3600


def pack_cost(views: tuple[str, ...], pdf: bool) -> int:
    """What a pack reserves: one render per view it will read (at most ``briefing.MAX_VIEWS``),
    and :data:`PDF_COST` more for the PDF's printing."""
    return max(1, len(briefing.views(views))) + (PDF_COST if pdf else 0)


def waiting_threads(threads: int) -> int:
    """How many requests of a worker may wait for renders at once: half its ``THREADS``, at least
    one. gunicorn gives each worker that many threads more (``gunicorn.conf.py``), so the
    ``THREADS`` that serve pages and callbacks are never the ones waiting for a render."""
    return max(1, threads // 2)


class ImageCache(Protocol):
    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any, timeout: int | None = None) -> Any: ...


class Exports:
    """What the routes draw with: a queue (here or in the render process), the finished-image cache,
    and a limit on how many of this worker's threads may wait for renders (:func:`waiting_threads`)."""

    def __init__(self, renderer: Renderer, threads: int, capacity: int = CAPACITY) -> None:
        self.renderer = renderer  # what exports lack (``missing``) is checked in the worker too
        self.capacity = capacity
        self.cache: ImageCache | None = None
        self._limit = waiting_threads(threads)
        self._lock = threading.Lock()
        self.waiting = 0  # this worker's requests waiting for renders now
        self._queue: Queue | None = None

    def connect(self, path: str) -> None:
        """Draw through the render process listening on ``path`` (gunicorn's ``post_worker_init``)."""
        self._queue = SocketQueue(path)

    @property
    def queue(self) -> Queue:
        """The render process's queue once :meth:`connect` named it, else a queue in this process
        (``python app.py``, the browser tests), made on first use."""
        if self._queue is None:
            self._queue = RenderQueue(self.renderer, self.capacity)
        return self._queue

    def missing(self) -> list[str]:
        return self.renderer.missing()

    def close(self) -> None:
        """Quit this process's browser, if it started one (the render process quits its own)."""
        self.renderer.close()

    def cached(self, job: Job) -> bytes | None:
        """The image if it was drawn before (by any replica sharing the cache)."""
        if job.kind != "image":
            return None
        found = self.recall(f"image:{job.digest()}")
        return found if isinstance(found, bytes) else None

    def recall(self, key: str) -> Any:
        """What :meth:`keep` kept under ``key`` (here or on a replica sharing the cache), or None."""
        if self.cache is None:
            return None
        with contextlib.suppress(Exception):  # a cache that is down costs a render, not the answer
            return self.cache.get(key)
        return None

    def keep(self, key: str, value: Any) -> None:
        if self.cache is not None:
            with contextlib.suppress(Exception):
                self.cache.set(key, value, timeout=CACHE_TIMEOUT)

    @contextlib.contextmanager
    def session(self, cost: int) -> Iterator[Session]:
        """Room to draw ``cost`` images; :class:`ExportBusy` at once if this worker's threads or the
        queue are full."""
        if missing := self.missing():
            raise ExportFailed(f"the server lacks {', '.join(missing)}")
        with self._lock:
            if self.waiting >= self._limit:
                raise ExportBusy(2)
            self.waiting += 1
        try:
            ticket = self.queue.reserve(cost)
            try:
                yield Session(self, ticket)
            finally:
                ticket.close()
        finally:
            with self._lock:
                self.waiting -= 1

    def image(self, figure: dict[str, Any], fmt: str, width: int, height: int, scale: float = 1) -> bytes:
        """One image: from the cache, else drawn in a session of its own."""
        job = Job("image", figure, fmt, width, height, scale)
        if (found := self.cached(job)) is not None:
            return found
        with self.session(1) as session:
            return session.draw(job)


class Session:
    """A reservation being used: each draw takes the cache's copy or a render."""

    def __init__(self, exports: Exports, ticket: Ticket) -> None:
        self._exports, self._ticket = exports, ticket

    def draw(self, job: Job, keep: bool = True) -> bytes:
        """The job drawn, or the cache's copy; with ``keep``, an image drawn is kept under a digest
        of what was drawn (a caller that keeps it under a key of its own says ``keep=False``)."""
        if keep and (found := self._exports.cached(job)) is not None:
            return found
        data = self._ticket.render(job)
        if not isinstance(data, bytes):
            raise ExportFailed("the renderer answered something else than a file")
        if keep and job.kind == "image":
            self._exports.keep(f"image:{job.digest()}", data)
        return data

    def export(self, page: str, fmt: str, query: str) -> tuple[str, bytes]:
        """The chart of ``/page?query`` and its file name, built and drawn where renders run."""
        made = self._ticket.render(Job("export", fmt=fmt, args=(page, fmt, query)))
        if not (isinstance(made, tuple) and len(made) == 2 and isinstance(made[1], bytes)):
            raise ExportFailed("the renderer answered something else than an image")
        return str(made[0]), made[1]

    def pack(self, views: tuple[str, ...], locale: Locale, title: str, site: str, pdf: bool) -> Made:
        """The basket's PowerPoint or PDF, built and drawn where renders run (cost: :func:`pack_cost`)."""
        job = Job("pack", args=(views, locale, title, site, pdf), weight=pack_cost(views, pdf))
        made = self._ticket.render(job)
        if not isinstance(made, Made):
            raise ExportFailed("the renderer answered something else than a briefing")
        return made

    def image(
        self, figure: dict[str, Any], fmt: str, width: int, height: int, scale: float = 1, keep: bool = True
    ) -> bytes:
        return self.draw(Job("image", figure, fmt, width, height, scale), keep)

    def pdf(self, page: str) -> bytes:
        return self.draw(Job("pdf", page=page))
