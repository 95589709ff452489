"""``/briefing.pptx`` and ``/briefing.pdf`` (``view=…&lang=…&title=…``): the pack of the basket's
views, each chart drawn through the render queue; the PDF has the same slides and layout, its
charts as SVG. The basket's panel POSTs its views as a form (20 views are longer than a URL may
be); a GET with the same parameters answers the same (links published before keep working).

A pack reserves one render per view (at most ``briefing.MAX_VIEWS``) before drawing anything:
when the queue cannot take them it answers 503 with ``Retry-After`` at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flask import Flask, Response, request

from dashboard import briefing, briefing_pdf, urls
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.renders import PDF_COST, Exports, Session
from dashboard.views import briefing as briefing_views
from dashboard.views import exports
from server.routes import refused
from server.site import site_url

DECK = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
Draw = Callable[[exports.Chart], bytes]


def _attachment(data: bytes, mimetype: str, name: str) -> Response:
    return Response(
        data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def register(server: Flask, exports_: Exports) -> None:
    """The briefing routes: the deck and the PDF of the views named by ``view`` parameters."""

    def pack(locale: Locale, draw: Draw) -> tuple[briefing_views.Pack, Response | None]:
        """The slides, or the answer that says why there are none."""
        _ = locale.gettext
        made = briefing_views.slides(request.values.getlist("view"), locale, site_url(), draw)
        if made.renderer_down:  # every chart failed: retrying the same request will not help
            return made, down(ExportFailed(made.failures[0]), locale)
        if not made.slides:
            text = _("No views to put in a briefing: add views with “Add this view” first.")
            return made, Response(text, status=400, mimetype="text/plain")
        return made, None

    def figure(chart: exports.Chart) -> tuple[dict[str, Any], int, int]:
        return briefing_views.slide_figure(chart, {})  # shapes put in by the render process

    def views() -> int:
        """How many renders the pack may need: one per view it will read."""
        return max(1, len(briefing.views(request.values.getlist("view"))))

    def down(error: ExportFailed, locale: Locale) -> Response:
        """503: the queue is full (``Retry-After``), or the renderer cannot draw (say so)."""
        message = locale.gettext(
            "The charts could not be drawn: {reason}. The server's chart renderer (Chromium) is "
            "not working; ask the site's administrator to restart it, then download again."
        )
        return refused(error, locale, message)

    @server.route(urls.BRIEFING, methods=["GET", "POST"])
    def briefing_pack() -> Response:
        locale = Locale.of(request.values.get("lang"))
        try:
            with exports_.session(views()) as session:
                return deck_response(locale, session)
        except ExportFailed as error:  # the queue is full, or exports cannot run here
            return down(error, locale)

    def deck_response(locale: Locale, session: Session) -> Response:
        def draw(chart: exports.Chart) -> bytes:
            shown, width, height = figure(chart)
            return session.image(shown, "png", width, height, exports.SCALE)

        made, refusal = pack(locale, draw)
        if refusal is not None:
            return refusal
        day = date.today()
        title = briefing.deck_title(request.values.get("title", ""))
        data = briefing.deck(made.slides, locale, day, site_url(), title)
        return _attachment(data, DECK, f"puentes-briefing-{day.isoformat()}.pptx")

    @server.route(urls.BRIEFING_PDF, methods=["GET", "POST"])
    def briefing_pdf_pack() -> Response:
        locale = Locale.of(request.values.get("lang"))
        try:
            with exports_.session(views() + PDF_COST) as session:
                return pdf_response(locale, session)
        except ExportFailed as error:  # the queue is full, or exports cannot run here
            return down(error, locale)

    def pdf_response(locale: Locale, session: Session) -> Response:
        svgs: list[str] = []

        def draw(chart: exports.Chart) -> bytes:
            shown, width, height = figure(chart)
            svgs.append(session.image(shown, "svg", width, height).decode("utf-8"))
            return briefing_pdf.placeholder(width, height)

        made, refusal = pack(locale, draw)
        if refusal is not None:
            return refusal
        day = date.today()
        title = briefing.deck_title(request.values.get("title", ""))
        deck = briefing.deck(made.slides, locale, day, site_url(), title)
        page = briefing_pdf.page_html(deck, svgs, title or locale.gettext("Briefing"), locale)
        try:
            data = session.pdf(page)
        except ExportFailed as error:
            message = locale.gettext(
                "The PDF could not be printed: {reason}. Download the PowerPoint instead."
            )
            return Response(message.format(reason=error), status=503, mimetype="text/plain")
        return _attachment(data, "application/pdf", f"puentes-briefing-{day.isoformat()}.pdf")
