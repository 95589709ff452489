"""The briefing pack: the views a reader collected, one PowerPoint slide each.

Each slide has a real title (the chart's), its subtitle (what, when, unit), the chart as an image
described in words (alt text), key figures with units, the source and edition, the translated
permalink, the date, and speaker notes with the key numbers, source and permalink. A view with no
data or that could not be drawn becomes a slide that says so and why. Every text is measured and
fitted (:mod:`dashboard.slide_layout`), so nothing overprints. Building the deck is pure: images
come in as PNG bytes and the deck goes out as bytes.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from dashboard import slide_layout, urls
from dashboard.locale import Locale
from dashboard.slide_figures import KeyFigure, corridor_figures, map_figures
from dashboard.slide_layout import Fitted, fit
from dashboard.urls.presenter import BASKET_MAX

__all__ = ["MAX_VIEWS", "KeyFigure", "Slide", "corridor_figures", "deck", "deck_title", "map_figures"]

MAX_VIEWS = BASKET_MAX
TITLE_MAX = 120  # characters of a deck title the reader types
Colour = tuple[int, int, int]
INK: Colour = (0x1F, 0x29, 0x33)
MUTED: Colour = (0x52, 0x60, 0x6D)
ACCENT: Colour = (0x0B, 0x6E, 0x99)
EMU_PER_INCH = 914400  # python-pptx's ``Inches``; pptx itself is imported when a deck is made


def Inches(inches: float) -> int:  # python-pptx's name, without importing it at start
    """A length in EMU, as ``pptx.util.Inches`` computes it."""
    return int(inches * EMU_PER_INCH)


WIDTH, HEIGHT = int(Inches(13.333)), int(Inches(7.5))  # 16:9
MARGIN = int(Inches(0.45))
GAP = int(Inches(0.12))
SIDE = int(Inches(3.7))  # the key figures' column
TITLE_ONLY = 5  # the default template's "Title Only" layout: a real title placeholder


@dataclass(frozen=True)
class Slide:
    """One collected view, ready to lay out. ``image`` is None when the view has no chart to show:
    ``message`` then says why (no data, or the view could not be drawn)."""

    title: str
    subtitle: str
    image: bytes | None  # PNG
    source: str
    link: str  # absolute permalink
    figures: tuple[KeyFigure, ...] = field(default_factory=tuple)
    alt: str = ""  # the chart in words: what, where, when, the largest values
    message: str = ""


def deck_title(text: object) -> str:
    """The title a reader typed, made safe: control characters dropped, spaces collapsed, at most
    :data:`TITLE_MAX` characters ("" when nothing usable is left)."""
    cleaned = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", str(text or ""))
    return " ".join(cleaned.split())[:TITLE_MAX].strip()


def views(raw: Sequence[str]) -> list[tuple[str, str]]:
    """``/page?query`` strings from the reader's basket -> (path, query) pairs, at most
    :data:`MAX_VIEWS`; anything that is not a same-site path is dropped (never fetched)."""
    out = []
    for text in raw[: MAX_VIEWS * 2]:
        view = urls.same_site(text)
        if view is not None:
            out.append(view)
    return out[:MAX_VIEWS]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its header (the IHDR chunk)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _set(frame: object, fitted: Fitted, colour: Colour, bold: bool = False, link: str = "") -> None:
    """Write fitted lines into a text frame: no insets, no autofit, one paragraph a line."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Pt

    frame.word_wrap = True  # type: ignore[attr-defined]
    frame.auto_size = MSO_AUTO_SIZE.NONE  # type: ignore[attr-defined]
    frame.vertical_anchor = MSO_ANCHOR.TOP  # type: ignore[attr-defined]
    for side in ("left", "right", "top", "bottom"):
        setattr(frame, f"margin_{side}", 0)
    frame.clear()  # type: ignore[attr-defined]
    for i, line in enumerate(fitted.lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = Pt(fitted.size * slide_layout.LINE)
        paragraph.space_before = paragraph.space_after = Pt(0)
        run = paragraph.add_run()
        run.text = line
        run.font.name = slide_layout.FONT_NAME
        run.font.size = Pt(fitted.size)
        run.font.bold = bold
        run.font.color.rgb = RGBColor(*colour)
        if link:
            run.hyperlink.address = link


def _text(
    slide: object,
    left: int,
    top: int,
    width: int,
    fitted: Fitted,
    colour: Colour = INK,
    bold: bool = False,
    link: str = "",
) -> int:
    """A text box of the fitted text's own height; returns its bottom."""
    shape = slide.shapes.add_textbox(left, top, width, fitted.height)  # type: ignore[attr-defined]
    _set(shape.text_frame, fitted, colour, bold, link)
    return top + fitted.height


def _title(slide: object, text: str, top: int, sizes: tuple[float, float], max_height: int) -> int:
    """The slide's title placeholder (what the outline view and screen readers read), fitted."""
    shape = slide.shapes.title  # type: ignore[attr-defined]
    fitted = fit(text, WIDTH - 2 * MARGIN, max_height, sizes, bold=True)
    shape.left, shape.top, shape.width, shape.height = MARGIN, top, WIDTH - 2 * MARGIN, fitted.height
    _set(shape.text_frame, fitted, INK, bold=True)
    return top + fitted.height


def _picture(slide: object, image: bytes, box: tuple[int, int, int, int], alt: str) -> None:
    """The image as large as the box allows, aspect kept, centred, described in words."""
    left, top, width, height = box
    pixels_w, pixels_h = png_size(image)
    scale = min(width / pixels_w, height / pixels_h)
    shown_w, shown_h = int(pixels_w * scale), int(pixels_h * scale)
    picture = slide.shapes.add_picture(  # type: ignore[attr-defined]
        io.BytesIO(image), left + (width - shown_w) // 2, top + (height - shown_h) // 2, shown_w, shown_h
    )
    picture._element.nvPicPr.cNvPr.set("descr", alt)


def _figures(slide: object, figures: Sequence[KeyFigure], left: int, top: int, bottom: int) -> None:
    """The key figures stacked in their column, each label and value fitted; those that do not
    fit are left to the notes (which hold them all)."""
    for figure in figures:
        label = fit(figure.label, SIDE, int(Inches(0.5)), (12, 9)) if figure.label else None
        value = fit(figure.value, SIDE, int(Inches(1.0)), (17, 10), bold=True)
        detail = fit(figure.detail, SIDE, int(Inches(0.7)), (11, 8)) if figure.detail else None
        needed = sum(part.height for part in (label, value, detail) if part)
        if top + needed > bottom:
            break
        if label:
            top = _text(slide, left, top, SIDE, label, colour=MUTED)
        top = _text(slide, left, top, SIDE, value, bold=True)
        if detail:
            top = _text(slide, left, top, SIDE, detail, colour=MUTED)
        top += GAP


def _notes(view: Slide, locale: Locale) -> str:
    _ = locale.gettext
    lines = [view.title, view.subtitle, view.message]
    lines += [
        (f"{f.label}: " if f.label else "  ") + f.value + (f" ({f.detail})" if f.detail else "")
        for f in view.figures
    ]
    lines += [view.source, _("Open this view") + ": " + view.link]
    return "\n".join(line for line in lines if line)


def _chart_slide(presentation: object, view: Slide, locale: Locale, when: str) -> None:
    _ = locale.gettext
    inner = WIDTH - 2 * MARGIN
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])  # type: ignore[attr-defined]
    top = _title(slide, view.title, int(Inches(0.3)), (28, 18), int(Inches(1.0)))
    top = _text(
        slide,
        MARGIN,
        top + GAP // 2,
        inner,
        fit(view.subtitle, inner, int(Inches(0.6)), (16, 11)),
        colour=MUTED,
    )
    # From the bottom up: the footer (permalink, date), then the source line.
    date_text = fit(f"Puentes · {when}", int(Inches(2.6)), int(Inches(0.3)), (11, 8))
    link = fit(_("Open this view") + ": " + view.link, inner - int(Inches(2.8)), int(Inches(0.5)), (11, 8))
    footer_top = HEIGHT - int(Inches(0.3)) - max(link.height, date_text.height)
    _text(slide, MARGIN, footer_top, inner - int(Inches(2.8)), link, colour=ACCENT, link=view.link)
    _text(slide, WIDTH - MARGIN - int(Inches(2.6)), footer_top, int(Inches(2.6)), date_text, colour=MUTED)
    source = fit(view.source, inner, int(Inches(0.7)), (11, 8))
    source_top = footer_top - GAP // 2 - source.height
    _text(slide, MARGIN, source_top, inner, source, colour=MUTED)
    middle_top, middle_bottom = top + GAP, source_top - GAP
    side = SIDE + int(Inches(0.3)) if view.figures else 0
    if view.figures:
        _figures(slide, view.figures, WIDTH - MARGIN - SIDE, middle_top, middle_bottom)
    box = (MARGIN, middle_top, inner - side, middle_bottom - middle_top)
    if view.image is not None:
        _picture(slide, view.image, box, view.alt or view.title)
    else:
        message = fit(view.message, box[2], box[3], (20, 11))
        _text(slide, MARGIN, middle_top + int(Inches(0.4)), box[2], message, colour=MUTED)
    slide.notes_slide.notes_text_frame.text = _notes(view, locale)


def deck(slides: Sequence[Slide], locale: Locale, made: date, site: str, title: str = "") -> bytes:
    """The .pptx file: a cover (the reader's title, or "Briefing"), then one slide per view."""
    from pptx import Presentation
    from pptx.util import Emu

    _ = locale.gettext
    when = locale.date(made)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(WIDTH), Emu(HEIGHT)
    presentation.core_properties.title = title or _("Briefing")
    presentation.core_properties.language = locale.lang
    inner = WIDTH - 2 * MARGIN

    cover = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
    top = _title(cover, title or _("Briefing"), int(Inches(2.0)), (40, 24), int(Inches(1.6)))
    what = fit(_("EU–CELAC migration indicators"), inner, int(Inches(0.8)), (24, 16))
    top = _text(cover, MARGIN, top + GAP, inner, what, colour=MUTED)
    count = locale.ngettext("{count} view", "{count} views", len(slides)).format(count=len(slides))
    made_line = fit(f"Puentes · {count} · {when}", inner, int(Inches(0.6)), (18, 12))
    _text(cover, MARGIN, top + GAP, inner, made_line, colour=MUTED)
    address = fit(site, inner, int(Inches(0.4)), (12, 9))
    _text(cover, MARGIN, HEIGHT - int(Inches(0.9)), inner, address, colour=ACCENT, link=site)
    cover.notes_slide.notes_text_frame.text = "\n".join([title or _("Briefing"), count, when, site])

    for view in slides:
        _chart_slide(presentation, view, locale, when)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()
