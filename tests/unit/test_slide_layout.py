"""A layout that cannot overprint: every slide type, in all four languages, built with the longest
real strings (country names, indicator labels, source lines), keeps each text frame on the slide,
clear of every other frame and of the chart, and large enough for its text as measured with the
deck's font. Every slide has a real title, alt text on its picture and speaker notes."""

from __future__ import annotations

import io
from datetime import date
from itertools import combinations

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from dashboard import briefing, datasets, slide_layout
from dashboard.briefing import KeyFigure, Slide
from dashboard.locale import Locale
from dashboard.views import exports

LANGUAGES = ("en", "es", "pt", "fr")


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (11, 110, 153)).save(out, format="PNG")
    return out.getvalue()


def longest(texts: list[str]) -> str:
    return max(texts, key=len)


def longest_slides(locale: Locale) -> list[Slide]:
    """One slide of each type with the longest strings the data has in ``locale``."""
    _ = locale.gettext
    lang = locale.lang
    country = longest(datasets.countries()[f"name_{lang}"].astype(str).tolist())
    catalogue = datasets.catalogue()
    label = longest([spec.text("label", locale) for spec in catalogue.values()])
    source = longest(
        [
            exports.source_text(
                spec.source,
                locale,
                spec.computed_method(locale),
                spec.denominator_source,
                spec.note("editions_note", locale),
            )
            for spec in catalogue.values()
        ]
    )
    link = "http://127.0.0.1:8050/corridors?" + "&".join(f"origins={c}" for c in ["VEN", "COL"] * 20)
    value = locale.value(304021813.0, "persons")
    figures = (
        KeyFigure(
            f"{country}, 2024", value, "rank 33 of 33 in CELAC · +2,943.1 % since 1990 (100,672 people then)"
        ),
        KeyFigure(f"{country}, 2024", value, _("no data")),
        KeyFigure(_("Largest corridor"), f"{country} → {country}: {value}"),
        KeyFigure("", f"{country} → {country}: {value}"),
        KeyFigure(f"{country}, 2024", value, "rank 1 of 27 in EU"),
        KeyFigure(f"{country}, 2024", value, "rank 1 of 27 in EU"),
    )
    subtitle = f"{country}, {country} → {country} · " + label
    return [
        Slide(label + ": " + country, subtitle, png(2400, 1400), source, link, figures, alt="alt"),
        Slide(label, subtitle, png(800, 1600), source, link, alt="alt"),
        Slide(label, subtitle, None, source, link, message=_("No data") + ": " + source),
        Slide(label, subtitle, None, source, link, figures[:2], message=label * 6),
    ]


def boxes(slide: object) -> list[tuple[str, int, int, int, int]]:
    return [
        (
            shape.name,
            int(shape.left),
            int(shape.top),
            int(shape.left + shape.width),
            int(shape.top + shape.height),
        )
        for shape in slide.shapes  # type: ignore[attr-defined]
    ]


def overlap(a: tuple[str, int, int, int, int], b: tuple[str, int, int, int, int]) -> bool:
    return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_overlaps_or_leaves_the_slide_with_the_longest_strings(lang: str) -> None:
    locale = Locale.of(lang)
    title = "Ä" * briefing.TITLE_MAX
    data = briefing.deck(longest_slides(locale), locale, date(2026, 9, 30), "http://127.0.0.1:8050/", title)
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == 5
    width, height = int(deck.slide_width), int(deck.slide_height)
    for number, slide in enumerate(deck.slides):
        found = boxes(slide)
        for name, left, top, right, bottom in found:
            assert 0 <= left < right <= width and 0 <= top < bottom <= height, (lang, number, name)
        for a, b in combinations(found, 2):
            assert not overlap(a, b), (lang, number, a, b)
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            frame = shape.text_frame
            size = frame.paragraphs[0].runs[0].font.size.pt
            bold = bool(frame.paragraphs[0].runs[0].font.bold)
            lines = [
                line
                for paragraph in frame.paragraphs
                for line in slide_layout.wrap(paragraph.text, size, int(shape.width), bold)
            ]
            assert slide_layout.line_height(size) * len(lines) <= shape.height, (lang, number, frame.text)
            assert all(r.font.name == slide_layout.FONT_NAME for p in frame.paragraphs for r in p.runs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_slide_has_a_title_alt_text_and_notes_in_the_decks_language(lang: str) -> None:
    locale = Locale.of(lang)
    data = briefing.deck(longest_slides(locale), locale, date(2026, 9, 30), "http://127.0.0.1:8050/", "")
    deck = Presentation(io.BytesIO(data))
    _ = locale.gettext
    for slide in deck.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        for picture in (s for s in slide.shapes if s.shape_type == 13):
            assert picture._element.nvPicPr.cNvPr.get("descr")
    assert deck.slides[0].shapes.title.text_frame.text == _("Briefing")
    footer = _("Open this view") + ":"
    assert any(footer in s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)
    if lang != "en":
        assert footer != "Open this view:"


def test_text_is_shrunk_then_wrapped_then_cut_with_an_ellipsis() -> None:
    box = int(Emu(slide_layout.width("Colombia: 3,063,518 people", 20, bold=True) * 1.2))
    one_line = slide_layout.fit(
        "Colombia: 3,063,518 people", box, slide_layout.line_height(20), (20, 10), bold=True
    )
    assert one_line.size == 20 and len(one_line.lines) == 1
    shrunk = slide_layout.fit(
        "Colombia: 3,063,518 people · rank 1", box, slide_layout.line_height(20), (20, 10)
    )
    assert shrunk.size < 20 and len(shrunk.lines) == 1
    cut = slide_layout.fit("word " * 200, box, slide_layout.line_height(10) * 2, (20, 10))
    assert cut.size == 10 and len(cut.lines) == 2 and cut.lines[-1].endswith(slide_layout.ELLIPSIS)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Venezuela y Colombia\x00\x1b[31m hacia España", "Venezuela y Colombia [31m hacia España"),
        ("  two\nlines\t", "two lines"),
        ("x" * 500, "x" * briefing.TITLE_MAX),
        (None, ""),
    ],
)
def test_a_typed_title_is_cleaned_and_capped(typed: object, kept: str) -> None:
    assert briefing.deck_title(typed) == kept
