"""The work of an export, done where renders are drawn (the render process, at its low CPU
priority, or the in-process queue's thread) rather than in a request thread: a chart image from
the view's query (:func:`export`) and a briefing pack from the basket's views (:func:`pack`). The
request thread only names what it wants and waits; its worker's other threads keep the pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard import briefing, briefing_pdf
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.views import briefing as briefing_views
from dashboard.views import charts, exports

DECK = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
Image = Callable[[dict[str, Any], str, int, int, float], bytes]  # figure, format, width, height, scale


@dataclass(frozen=True)
class Made:
    """What a request gets: a file (``filename`` set) or, with its status, the words saying why not."""

    status: int
    body: bytes
    mimetype: str
    filename: str = ""
    retry: bool = False  # 503 because the renderer failed: the route says so in the reader's words


def export(page: str, fmt: str, query: str, image: Image) -> tuple[str, bytes]:
    """The chart of ``/page?query`` as PNG (2x) or SVG, with its file name (without extension)."""
    shown = charts.chart(charts.read(page, query))
    figure, width, height = exports.image_figure(shown, {})  # ``image`` puts the shapes in
    return shown.filename, image(figure, fmt, width, height, exports.SCALE if fmt == "png" else 1)


def pack(
    views: tuple[str, ...],
    locale: Locale,
    title: str,
    site: str,
    pdf: bool,
    image: Image,
    printer: Callable[[str], bytes],
) -> Made:
    """The PowerPoint (or, with ``pdf``, the PDF) of ``views``: one slide per view with a chart. A
    view whose chart fails becomes a slide saying why; when every chart fails, a 503 saying so."""
    _ = locale.gettext
    svgs: list[str] = []

    def draw(chart: exports.Chart) -> bytes:
        shown, width, height = briefing_views.slide_figure(chart, {})
        if not pdf:
            return image(shown, "png", width, height, exports.SCALE)
        svgs.append(image(shown, "svg", width, height, 1).decode("utf-8"))
        return briefing_pdf.placeholder(width, height)

    made = briefing_views.slides(list(views), locale, site, draw)
    if made.renderer_down:  # every chart failed: retrying the same request will not help
        return Made(503, made.failures[0].encode("utf-8"), "text/plain", retry=True)
    if not made.slides:
        return Made(400, briefing_views.nothing_to_draw(locale).encode("utf-8"), "text/plain")
    day = date.today()
    named = briefing.deck_title(title)
    deck = briefing.deck(made.slides, locale, day, site, named)
    if not pdf:
        return Made(200, deck, DECK, f"puentes-briefing-{day.isoformat()}.pptx")
    page = briefing_pdf.page_html(deck, svgs, named or _("Briefing"), locale)
    try:
        data = printer(page)
    except ExportFailed as error:
        message = _("The PDF could not be printed: {reason}. Download the PowerPoint instead.")
        return Made(503, message.format(reason=error).encode("utf-8"), "text/plain")
    return Made(200, data, "application/pdf", f"puentes-briefing-{day.isoformat()}.pdf")
