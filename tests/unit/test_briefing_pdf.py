"""The PDF of a pack: the deck's slides, one page each (16:9), the words selectable, the charts as
vectors, printed by the system Chromium (installed by ``make browsers``, which ``make test`` runs)."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from dashboard import briefing, briefing_pdf
from dashboard.briefing import KeyFigure, Slide
from dashboard.locale import Locale
from dashboard.rendering import browser_path

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="1100" height="600">'
    '<rect x="10" y="10" width="500" height="300" fill="#0b6e99"/>'
    '<text x="20" y="400" font-size="30">vector chart words</text></svg>'
)


@pytest.mark.skipif(browser_path() is None, reason="no Chromium (make browsers installs it)")
def test_the_pdf_has_a_page_per_slide_with_the_key_figures_as_text() -> None:
    locale = Locale.of("es")
    slides = [
        Slide(
            "Población migrante internacional",
            "CELAC y UE · 2024 · personas",
            briefing_pdf.placeholder(1100, 600),
            "Fuente: UN DESA",
            "http://127.0.0.1:8050/map?countries=VEN,COL&lang=es",
            (KeyFigure("Venezuela, 2024", "1.263.304 personas", "puesto 7 de 33 en CELAC"),),
            alt="Mapa",
        ),
        Slide("Corredores migratorios", "", None, "Fuente: UN DESA", "http://x/", message="Sin datos: nada"),
    ]
    deck = briefing.deck(slides, locale, date(2026, 11, 30), "http://127.0.0.1:8050/", "Venezuela y Colombia")
    pdf = briefing_pdf.print_pdf(briefing_pdf.page_html(deck, [SVG], "Venezuela y Colombia", locale))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3  # the cover and two slides, as in the deck
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    cover, chart, empty = (page.extract_text() for page in reader.pages)
    assert "Venezuela y Colombia" in cover and "30 de noviembre de 2026" in cover
    for expected in (
        "Población migrante internacional",
        "1.263.304 personas",
        "puesto 7 de 33",
        "Abrir esta vista",
    ):
        assert expected in chart
    assert "vector chart words" in chart  # the chart's own text is vector text, not pixels
    assert "Sin datos: nada" in empty
