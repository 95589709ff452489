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
from dashboard.renders import packs
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
    """One thing to draw: a figure as ``png``/``svg`` (``image``), an HTML page as PDF (``pdf``), a
    view's chart from its query (``export``) or a briefing pack (``pack``)."""

    kind: str
    figure: dict[str, Any] | None = None
    fmt: str = "png"
    width: int = 0
    height: int = 0
    scale: float = 1
    page: str = ""
    args: tuple[Any, ...] = ()  # an ``export``'s (page, format, query); a ``pack``'s, see packs.pack
    weight: int = 0  # a pack's cost: one per view, PDF_COST more for a PDF

    @property
    def cost(self) -> int:
        return self.weight or (PDF_COST if self.kind == "pdf" else 1)

    def digest(self) -> str:
        """What is drawn, as a cache key (images only; a PDF is never cached)."""
        text = pickle.dumps((self.figure, self.fmt, self.width, self.height, self.scale), protocol=5)
        return hashlib.sha256(text).hexdigest()


def shapes() -> dict[str, Any]:
    """The map shapes a figure names by URL (``/geometry/…``), from the data in use."""
    return {urls.GEOMETRY: datasets.geometry(), urls.WORLD_GEOMETRY: datasets.world_geometry()}


def draw(renderer: Renderer, job: Job, geometry: Mapping[str, Any]) -> Any:
    """The job done here (in the render process or the queue's thread): bytes, an export's (file
    name, bytes) or a pack's :class:`~dashboard.renders.packs.Made`. A figure names its shapes by
    URL, as the page's does, and they are put in here: the worker never copies or sends the
    megabytes of every country's outline, and this work runs at the render process's priority."""

    def image(figure: dict[str, Any], fmt: str, width: int, height: int, scale: float) -> bytes:
        return renderer.render(inline_geometry(figure, geometry), fmt, width, height, scale)

    if job.kind == "pdf":
        return briefing_pdf.print_pdf(job.page)
    if job.kind == "export":
        page, fmt, query = job.args
        return packs.export(page, fmt, query, image)
    if job.kind == "pack":
        views, locale, title, site, pdf = job.args
        return packs.pack(views, locale, title, site, pdf, image, briefing_pdf.print_pdf)
    assert job.figure is not None
    return image(job.figure, job.fmt, job.width, job.height, job.scale)


class Ticket(Protocol):
    """A reservation in the queue: draw up to the reserved cost, then close."""

    def render(self, job: Job) -> Any: ...

    def close(self) -> None: ...


class Queue(Protocol):
    """Where renders wait: :class:`~dashboard.renders.queue.RenderQueue` or its socket client."""

    def reserve(self, cost: int) -> Ticket: ...
