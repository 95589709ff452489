"""What is drawn (a :class:`Job`), what it costs, and the answer when the queue is full."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from dashboard import briefing_pdf, datasets, urls
from dashboard.errors import ExportFailed
from dashboard.rendering import Renderer
from dashboard.views.exports import inline_geometry

CAPACITY = 40  # images waiting or being drawn, per container (RENDER_QUEUE): two full packs
PDF_COST = 4  # a PDF is printed by a browser of its own: about four images' time
WAIT = 45.0  # seconds a request waits for one render before giving up (nginx waits 60)


class ExportBusy(ExportFailed):
    """The render queue is full: try again in ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"the server is drawing other charts; try again in {retry_after} s")


@dataclass(frozen=True)
class Job:
    """One thing to draw: a figure as ``png``/``svg`` (``image``), or an HTML page as PDF (``pdf``)."""

    kind: str
    figure: dict[str, Any] | None = None
    fmt: str = "png"
    width: int = 0
    height: int = 0
    scale: float = 1
    page: str = ""

    @property
    def cost(self) -> int:
        return PDF_COST if self.kind == "pdf" else 1

    def digest(self) -> str:
        """What is drawn, as a cache key (images only; a PDF is never cached)."""
        text = pickle.dumps((self.figure, self.fmt, self.width, self.height, self.scale), protocol=5)
        return hashlib.sha256(text).hexdigest()


def shapes() -> dict[str, Any]:
    """The map shapes a figure names by URL (``/geometry/…``), from the data in use."""
    return {urls.GEOMETRY: datasets.geometry(), urls.WORLD_GEOMETRY: datasets.world_geometry()}


def draw(renderer: Renderer, job: Job, geometry: Mapping[str, Any]) -> bytes:
    """The job's bytes, drawn here (in the render process or thread). A figure arrives naming its
    shapes by URL, as the page's does, and they are put in here: the worker never copies or sends
    the megabytes of every country's outline, and the render process does that work at its lower
    CPU priority."""
    if job.kind == "pdf":
        return briefing_pdf.print_pdf(job.page)
    assert job.figure is not None
    figure = inline_geometry(job.figure, geometry)
    return renderer.render(figure, job.fmt, job.width, job.height, job.scale)


class Ticket(Protocol):
    """A reservation in the queue: draw up to the reserved cost, then close."""

    def render(self, job: Job) -> bytes: ...

    def close(self) -> None: ...


class Queue(Protocol):
    """Where renders wait: :class:`~dashboard.renders.queue.RenderQueue` or its socket client."""

    def reserve(self, cost: int) -> Ticket: ...
