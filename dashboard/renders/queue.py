"""The bounded queue and its one drawing thread: reservations in images, refused at once when
full (:class:`~dashboard.renders.jobs.ExportBusy` with the seconds the queued work should take)."""

from __future__ import annotations

import logging
import math
import os
import queue
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from dashboard.errors import ExportFailed
from dashboard.rendering import Renderer
from dashboard.renders.jobs import CAPACITY, WAIT, ExportBusy, Job, draw, shapes

LOG = logging.getLogger(__name__)
MEMORY_MB = 800  # proportional set size of the browser's processes past which it is restarted
SHARE = 1.0  # of the time the drawing thread draws; it rests for the rest (RENDER_SHARE)
FIRST_ESTIMATE = 0.5  # seconds an image takes, until some were drawn (0.2-0.4 warm, 2.5 cold)


class RenderQueue:
    """The queue and its one drawing thread, in this process (the thread starts on first use, so a
    gunicorn master that loads the app before forking starts none)."""

    def __init__(
        self,
        renderer: Renderer,
        capacity: int = CAPACITY,
        wait: float = WAIT,
        memory_mb: int = MEMORY_MB,
        share: float = SHARE,
    ) -> None:
        self.renderer = renderer
        self.share = share
        self.memory_mb = memory_mb
        self.capacity = capacity
        self.wait = wait
        self._lock = threading.Lock()
        self._reserved = 0
        self._seconds = FIRST_ESTIMATE  # per image, a moving average
        self._jobs: queue.SimpleQueue[tuple[Job, Future[Any]]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    @property
    def reserved(self) -> int:
        return self._reserved

    def reserve(self, cost: int) -> _LocalTicket:
        """Room for ``cost`` images, or :class:`ExportBusy` at once when the queue is full."""
        with self._lock:
            if self._reserved + cost > self.capacity:
                raise ExportBusy(self.retry_after())
            self._reserved += cost
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="render-queue", daemon=True)
                self._thread.start()
        return _LocalTicket(self, cost)

    def retry_after(self) -> int:
        """Seconds the queued work should take, between 1 and 60."""
        return max(1, min(60, math.ceil(self._reserved * self._seconds)))

    def _release(self, cost: int) -> None:
        with self._lock:
            self._reserved -= cost

    def _submit(self, job: Job) -> Any:
        future: Future[Any] = Future()
        self._jobs.put((job, future))
        try:
            return future.result(self.wait)
        except FutureTimeout:
            future.cancel()  # not drawn if still waiting; the reader is gone
            raise ExportFailed("the chart took too long to draw") from None

    def _work(self) -> None:
        geometry = shapes()
        while True:
            job, future = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            started = time.monotonic()
            try:
                future.set_result(draw(self.renderer, job, geometry))
            except ExportFailed as error:
                future.set_exception(error)
            except Exception as error:  # a render never takes the queue down with it
                LOG.exception("render failed")
                future.set_exception(ExportFailed(f"the image could not be drawn ({type(error).__name__})"))
            self._rest(time.monotonic() - started)
            per_image = (time.monotonic() - started) / job.cost
            self._seconds = 0.8 * self._seconds + 0.2 * per_image
            if self.renderer.running and browser_mb(os.getpid()) > self.memory_mb:
                # Chromium grows with every map it draws (1.2 GB after a minute of a room's
                # exports): past the bound it is closed, and the next render starts a fresh one.
                LOG.warning(
                    "puentes: the render browser used over %d MB; starting a fresh one", self.memory_mb
                )
                self.renderer.close()

    def _rest(self, drawn: float) -> None:
        """Rest after ``drawn`` seconds of drawing so that drawing takes at most :attr:`share` of
        the time. Chromium runs only on CPU that pages leave idle, yet on a small server a page
        sharing the machine with it is served more slowly (2.3-2.9x the p95 with a busy queue);
        resting leaves whole stretches with no render at all."""
        if self.share < 1:
            time.sleep(drawn * (1 - self.share) / self.share)


class _LocalTicket:
    def __init__(self, owner: RenderQueue, cost: int) -> None:
        self._owner, self._left = owner, cost

    def render(self, job: Job) -> Any:
        if job.cost > self._left:
            raise ExportFailed("more charts than were reserved")
        try:
            return self._owner._submit(job)
        finally:
            self._left -= job.cost
            self._owner._release(job.cost)

    def close(self) -> None:
        left, self._left = self._left, 0
        self._owner._release(left)


def browser_mb(pid: int) -> float:
    """The proportional set size (MB) of every process under ``pid``: the browser it started (a
    page shared by n processes counts 1/n, as the memory limit of a container sees it)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    below, found = {pid}, True
    while found:
        found = False
        for child, parent in parents.items():
            if parent in below and child not in below:
                below.add(child)
                found = True
    total = 0.0
    for child in below - {pid}:
        try:
            for line in Path(f"/proc/{child}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) / 1024
                    break
        except OSError:
            continue
    return total
