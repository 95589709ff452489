"""``GET /briefing.pptx?view=…&lang=…``: the deck of the basket's views, each chart drawn by the
shared export renderer."""

from __future__ import annotations

from datetime import date

from flask import Flask, Response, request

from dashboard import briefing, datasets, urls
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
            figure, width, height = briefing_views.slide_figure(chart, shapes)
            return renderer.render(figure, "png", width, height, exports.SCALE)

        pack = briefing_views.slides(request.args.getlist("view"), locale, request.host_url, render)
        if pack.renderer_down:  # every chart failed: retrying the same request will not help
            message = _(
                "The charts could not be drawn: {reason}. The server's chart renderer (Chromium) is "
                "not working; ask the site's administrator to restart it, then download again."
            )
            return Response(message.format(reason=pack.failures[0]), status=503, mimetype="text/plain")
        if not pack.slides:
            text = _("No views to put in a briefing: add views with “Add this view” first.")
            return Response(text, status=400, mimetype="text/plain")
        made = date.today()
        title = briefing.deck_title(request.args.get("title", ""))
        data = briefing.deck(pack.slides, locale, made, request.host_url, title)
        name = f"puentes-briefing-{made.isoformat()}.pptx"
        return Response(
            data, mimetype=DECK, headers={"Content-Disposition": f'attachment; filename="{name}"'}
        )
