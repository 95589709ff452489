"""``GET /briefing.pptx?view=…&lang=…``: the deck of the basket's views, each chart drawn by the
shared export renderer."""

from __future__ import annotations

from datetime import date

from flask import Flask, Response, request

from dashboard import briefing, datasets, urls
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.rendering import Renderer
from dashboard.views import briefing as briefing_views
from dashboard.views import exports

DECK = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def register(server: Flask, renderer: Renderer) -> None:
    """``GET /briefing.pptx``: the deck of the views named by ``view`` parameters."""
    shapes = {urls.GEOMETRY: datasets.geometry(), urls.WORLD_GEOMETRY: datasets.world_geometry()}

    @server.get(urls.BRIEFING)
    def briefing_pack() -> Response:
        locale = Locale.of(request.args.get("lang"))
        _ = locale.gettext

        def render(chart: exports.Chart) -> bytes:
            figure, width, height = exports.image_figure(chart, shapes)
            return renderer.render(figure, "png", width, height, exports.SCALE)

        try:
            slides = briefing_views.slides(request.args.getlist("view"), locale, request.host_url, render)
        except ExportFailed as error:
            message = _("The briefing could not be made: {reason}. Try again in a minute.")
            return Response(message.format(reason=error), status=503, mimetype="text/plain")
        if not slides:
            text = _("No views to put in a briefing: add views with “Add this view” first.")
            return Response(text, status=400, mimetype="text/plain")
        made = date.today()
        data = briefing.deck(slides, locale, made, request.host_url)
        name = f"puentes-briefing-{made.isoformat()}.pptx"
        return Response(
            data, mimetype=DECK, headers={"Content-Disposition": f'attachment; filename="{name}"'}
        )
