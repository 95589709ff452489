"""``/briefing.pptx`` and ``/briefing.pdf`` (``view=…&lang=…&title=…``): the pack of the basket's
views, built and drawn by the render queue (the render process under gunicorn); the PDF has the
same slides and layout, its charts as SVG. The basket's panel POSTs its views as a form (20 views
are longer than a URL may be); a GET with the same parameters answers the same (links published
before keep working).

A pack reserves one render per view (at most ``briefing.MAX_VIEWS``) before drawing anything:
when the queue cannot take them it answers 503 with ``Retry-After`` at once."""

from __future__ import annotations

from flask import Flask, Response, request

from dashboard import urls
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.renders import Exports
from dashboard.renders.exports import pack_cost
from dashboard.renders.packs import Made
from dashboard.views import briefing as briefing_views
from server.routes import refused
from server.site import site_url


def register(server: Flask, exports_: Exports) -> None:
    """The briefing routes: the deck and the PDF of the views named by ``view`` parameters."""

    def down(error: ExportFailed, locale: Locale) -> Response:
        """503: the queue is full (``Retry-After``), or the renderer cannot draw (say so)."""
        _ = locale.gettext
        message = _(
            "The charts could not be drawn: {reason}. The server's chart renderer (Chromium) is "
            "not working; ask the site's administrator to restart it, then download again."
        )
        return refused(error, locale, message)

    def answer(made: Made, locale: Locale) -> Response:
        if made.retry:  # every chart failed: the renderer is down
            return down(ExportFailed(made.body.decode("utf-8")), locale)
        response = Response(made.body, status=made.status, mimetype=made.mimetype)
        if made.filename:
            response.headers["Content-Disposition"] = f'attachment; filename="{made.filename}"'
        return response

    def briefing_file(pdf: bool) -> Response:
        """The pack, built and drawn where renders run; this thread only waits for it."""
        locale = Locale.of(request.values.get("lang"))
        views = tuple(request.values.getlist("view"))
        title = request.values.get("title", "")
        if not briefing_views.charted(views):  # empty or forged: refused before anything is queued
            return Response(briefing_views.nothing_to_draw(locale), status=400, mimetype="text/plain")
        try:
            with exports_.session(pack_cost(views, pdf)) as session:
                made = session.pack(views, locale, title, site_url(), pdf)
        except ExportFailed as error:  # the queue is full, or exports cannot run here
            return down(error, locale)
        return answer(made, locale)

    @server.route(urls.BRIEFING, methods=["GET", "POST"])
    def briefing_pack() -> Response:
        return briefing_file(pdf=False)

    @server.route(urls.BRIEFING_PDF, methods=["GET", "POST"])
    def briefing_pdf_pack() -> Response:
        return briefing_file(pdf=True)
