"""The briefing pack: the basket's views are checked, the deck opens in python-pptx, and each
slide carries its chart, title, key figures, source, permalink and date."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image
from pptx import Presentation

from dashboard import briefing
from dashboard.briefing import KeyFigure, Slide
from dashboard.locale import Locale


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (11, 110, 153)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        (["/map?year=2000&indicator=gdp"], [("/map", "?year=2000&indicator=gdp")]),
        (["/corridors"], [("/corridors", "")]),
        (["https://evil.example/map", "//evil.example/x", "map?x=1", "javascript:alert(1)"], []),
        (["/map?countries=ESP,ECU"], [("/map", "?countries=ESP,ECU")]),
        (["/map"] * 50, [("/map", "")] * briefing.MAX_VIEWS),
    ],
)
def test_only_same_site_views_are_kept(raw: list[str], kept: list[tuple[str, str]]) -> None:
    assert briefing.views(raw) == kept


def test_png_size_reads_the_header() -> None:
    assert briefing.png_size(png(640, 360)) == (640, 360)
    with pytest.raises(ValueError, match="not a PNG"):
        briefing.png_size(b"GIF89a" + bytes(30))


def test_the_deck_has_a_cover_and_a_slide_per_view() -> None:
    slides = [
        Slide(
            title="International migrant stock",
            subtitle="2024 · people",
            image=png(2400, 1200),
            source="Source: UN DESA, International Migrant Stock 2024",
            link="http://127.0.0.1:8050/map?year=2024",
            figures=(KeyFigure("CELAC", "11.8 million people"),),
        ),
        Slide("Corridors", "CELAC → EU", png(800, 800), "Source: UN DESA", "http://127.0.0.1:8050/corridors"),
    ]
    data = briefing.deck(slides, Locale.of("es"), date(2026, 11, 29), "http://127.0.0.1:8050/")
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == 3
    cover = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "29 de noviembre de 2026" in cover and "2 vistas" in cover
    first = deck.slides[1]
    texts = " ".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    for expected in (
        "International migrant stock",
        "2024 · people",
        "11.8 million people",
        "UN DESA",
        "http://127.0.0.1:8050/map?year=2024",
    ):
        assert expected in texts
    pictures = [s for s in first.shapes if s.shape_type == 13]
    assert len(pictures) == 1
    assert pictures[0].width / pictures[0].height == pytest.approx(2, rel=0.01)  # aspect kept
    assert pictures[0].left + pictures[0].width <= deck.slide_width
