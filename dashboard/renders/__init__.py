"""Every render — a chart's PNG or SVG, a slide's chart, the briefing's PDF — waits in one bounded
queue and is drawn by one browser, apart from the threads that answer pages and callbacks.

Under gunicorn the queue and its browser live in a process of their own (one per container, run
at a lower CPU priority: ``python -m dashboard.renders.process``, started by ``gunicorn.conf.py``),
and each worker reaches it through a Unix socket (:class:`SocketQueue`). Without gunicorn (``python
app.py``, the browser tests) the same queue runs on a thread of the app's process
(:class:`RenderQueue`). Either way:

- A request first **reserves** what it will draw, in images (a PDF counts :data:`PDF_COST`). When
  the queue holds :attr:`capacity` images already, the reservation fails at once with
  :class:`ExportBusy`, whose ``retry_after`` (seconds) is what the queued work should take: the
  route answers 503 with ``Retry-After``, and the thread is free again.
- A pack reserves one image per view, at most :data:`dashboard.briefing.MAX_VIEWS`: a request
  can never cost more than that.
- Each worker lets at most half its threads wait for renders (:class:`Exports`); the others keep
  serving pages and callbacks, whatever the exports do.
- A finished image is kept in the app's cache (Redis when replicas share one) under a digest of
  what was drawn: the same chart asked for again, on any replica, is not drawn again.

The socket is in a private folder (mode 0700) and only the server's own processes speak on it;
its messages are pickled tuples, length-prefixed.
"""

from __future__ import annotations

from dashboard.renders.exports import Exports, Session
from dashboard.renders.jobs import PDF_COST, ExportBusy, Job

__all__ = ["PDF_COST", "ExportBusy", "Exports", "Job", "Session"]
