"""``GET /briefing.pptx`` and ``GET /briefing.pdf`` (``?view=…&lang=…&title=…``): the pack of the
basket's views, each chart drawn by the shared export renderer; the PDF has the same slides and
layout, its charts as SVG."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flask import Flask, Response, request

from dashboard import briefing, briefing_pdf, datasets, urls
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.rendering import Renderer
from dashboard.views import briefing as briefing_views
from dashboard.views import exports

DECK = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
Draw = Callable[[exports.Chart], bytes]


def _attachment(data: bytes, mimetype: str, name: str) -> Response:
    return Response(
        data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def register(server: Flask, renderer: Renderer) -> None:
    """The briefing routes: the deck and the PDF of the views named by ``view`` parameters."""
    shapes = {urls.GEOMETRY: datasets.geometry(), urls.WORLD_GEOMETRY: datasets.world_geometry()}

    def pack(locale: Locale, draw: Draw) -> tuple[briefing_views.Pack, Response | None]:
        """The slides, or the answer that says why there are none."""
        _ = locale.gettext
        made = briefing_views.slides(request.args.getlist("view"), locale, request.host_url, draw)
        if made.renderer_down:  # every chart failed: retrying the same request will not help
            message = _(
                "The charts could not be drawn: {reason}. The server's chart renderer (Chromium) is "
                "not working; ask the site's administrator to restart it, then download again."
            )
            return made, Response(message.format(reason=made.failures[0]), status=503, mimetype="text/plain")
        if not made.slides:
            text = _("No views to put in a briefing: add views with “Add this view” first.")
            return made, Response(text, status=400, mimetype="text/plain")
        return made, None

    def figure(chart: exports.Chart) -> tuple[dict[str, Any], int, int]:
        return briefing_views.slide_figure(chart, shapes)

    @server.get(urls.BRIEFING)
    def briefing_pack() -> Response:
        locale = Locale.of(request.args.get("lang"))

        def draw(chart: exports.Chart) -> bytes:
            shown, width, height = figure(chart)
            return renderer.render(shown, "png", width, height, exports.SCALE)

        made, refused = pack(locale, draw)
        if refused is not None:
            return refused
        day = date.today()
        title = briefing.deck_title(request.args.get("title", ""))
        data = briefing.deck(made.slides, locale, day, request.host_url, title)
        return _attachment(data, DECK, f"puentes-briefing-{day.isoformat()}.pptx")

    @server.get(urls.BRIEFING_PDF)
    def briefing_pdf_pack() -> Response:
        locale = Locale.of(request.args.get("lang"))
        svgs: list[str] = []

        def draw(chart: exports.Chart) -> bytes:
            shown, width, height = figure(chart)
            svgs.append(renderer.render(shown, "svg", width, height).decode("utf-8"))
            return briefing_pdf.placeholder(width, height)

        made, refused = pack(locale, draw)
        if refused is not None:
            return refused
        day = date.today()
        title = briefing.deck_title(request.args.get("title", ""))
        deck = briefing.deck(made.slides, locale, day, request.host_url, title)
        page = briefing_pdf.page_html(deck, svgs, title or locale.gettext("Briefing"), locale)
        try:
            data = briefing_pdf.print_pdf(page)
        except ExportFailed as error:
            message = locale.gettext(
                "The PDF could not be printed: {reason}. Download the PowerPoint instead."
            )
            return Response(message.format(reason=error), status=503, mimetype="text/plain")
        return _attachment(data, "application/pdf", f"puentes-briefing-{day.isoformat()}.pdf")
