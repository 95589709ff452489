"""The briefing pack: the views a reader collected, one PowerPoint slide each.

Each slide carries the chart as an image, its title and subtitle (what, when, unit), a few key
figures with units, the source and edition, the permalink that reopens the view, and the date
the pack was made. Building the deck is pure: images come in as PNG bytes (``dashboard.rendering``
draws them) and the deck goes out as bytes.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from dashboard import readings, urls
from dashboard.locale import Locale
from dashboard.urls.presenter import BASKET_MAX
from dashboard.views.corridors import CorridorView
from dashboard.views.map import MapView

MAX_VIEWS = BASKET_MAX
INK = RGBColor(0x1F, 0x29, 0x33)
MUTED = RGBColor(0x52, 0x60, 0x6D)
ACCENT = RGBColor(0x0B, 0x6E, 0x99)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.45)


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str


@dataclass(frozen=True)
class Slide:
    """One collected view, ready to lay out."""

    title: str
    subtitle: str
    image: bytes  # PNG
    source: str
    link: str  # absolute permalink
    figures: tuple[KeyFigure, ...] = field(default_factory=tuple)


def map_figures(view: MapView) -> tuple[KeyFigure, ...]:
    """The highest value in each bloc and how many members have data (no bloc totals: where
    members are missing they would undercount)."""
    _ = view.locale.gettext
    frame = view.frame.dropna(subset=["value"])
    out = []
    for bloc, label in (("CELAC", "CELAC"), ("EU27", _("EU"))):
        members = frame[frame["bloc"] == bloc]
        if len(members):
            top = members.sort_values("value", ascending=False).iloc[0]
            out.append(
                KeyFigure(
                    _("Highest in {bloc}, {year}").format(bloc=label, year=view.year),
                    f"{top['name']}: {top['display']}",
                )
            )
    # Counted from the view's frame, where a flagged zero is no data (dashboard.readings).
    reporting = readings.coverage(len(frame), len(view.frame), view.locale)
    out.append(KeyFigure(_("Countries with data"), reporting))
    return tuple(out)


def corridor_figures(view: CorridorView) -> tuple[KeyFigure, ...]:
    """The people in the chosen corridors and the largest corridor (none when no corridor is
    chosen or recorded: the slide's subtitle says why, and 0 would read as a result)."""
    if view.current.empty:
        return ()
    _ = view.locale.gettext
    people = view.locale.number(view.total()) + " " + _("people")
    out = [KeyFigure(_("Migrants in these corridors, {year}").format(year=view.year), people)]
    ranked = view.ranked()
    if len(ranked):
        top = ranked.iloc[0]
        out.append(
            KeyFigure(
                _("Largest corridor"),
                f"{top['origin_name']} → {top['destination_name']}: "
                + view.locale.number(float(top["migrant_stock"]))
                + " "
                + _("people"),
            )
        )
    return tuple(out)


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


def _text(slide: object, box: tuple[int, int, int, int], text: str, size: int, **style: object) -> object:
    shape = slide.shapes.add_textbox(*box)  # type: ignore[attr-defined]
    frame = shape.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bool(style.get("bold"))
    run.font.color.rgb = style.get("colour", INK)
    if style.get("link"):
        run.hyperlink.address = str(style["link"])
    return shape


def _picture(slide: object, image: bytes, box: tuple[int, int, int, int]) -> None:
    """The image as large as the box allows, aspect kept, centred."""
    left, top, width, height = box
    pixels_w, pixels_h = png_size(image)
    scale = min(width / pixels_w, height / pixels_h)
    shown_w, shown_h = int(pixels_w * scale), int(pixels_h * scale)
    slide.shapes.add_picture(  # type: ignore[attr-defined]
        io.BytesIO(image), left + (width - shown_w) // 2, top + (height - shown_h) // 2, shown_w, shown_h
    )


def deck(slides: Sequence[Slide], locale: Locale, made: date, site: str) -> bytes:
    """The .pptx file: a cover, then one slide per view."""
    _ = locale.gettext
    when = locale.date(made)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    blank = presentation.slide_layouts[6]
    inner = WIDTH - 2 * MARGIN

    cover = presentation.slides.add_slide(blank)
    _text(cover, (MARGIN, Inches(2.4), inner, Inches(1.2)), _("Briefing"), 44, bold=True)
    _text(
        cover, (MARGIN, Inches(3.5), inner, Inches(0.8)), _("EU–CELAC migration indicators"), 24, colour=MUTED
    )
    count = _("{count} views").format(count=len(slides))
    _text(cover, (MARGIN, Inches(4.3), inner, Inches(0.6)), f"Puentes · {count} · {when}", 18, colour=MUTED)
    _text(cover, (MARGIN, Inches(6.6), inner, Inches(0.4)), site, 12, colour=ACCENT, link=site)

    for view in slides:
        page = presentation.slides.add_slide(blank)
        _text(page, (MARGIN, Inches(0.25), inner, Inches(0.7)), view.title, 28, bold=True)
        _text(page, (MARGIN, Inches(0.9), inner, Inches(0.45)), view.subtitle, 16, colour=MUTED)
        side = Inches(3.1) if view.figures else Emu(0)
        chart_box = (MARGIN, Inches(1.4), int(inner - side), Inches(4.9))
        _picture(page, view.image, chart_box)
        top = int(Inches(1.5))
        for figure in view.figures:
            _text(
                page,
                (WIDTH - MARGIN - side + Inches(0.2), top, side - Inches(0.2), Inches(0.35)),
                figure.label,
                12,
                colour=MUTED,
            )
            _text(
                page,
                (WIDTH - MARGIN - side + Inches(0.2), top + Inches(0.3), side - Inches(0.2), Inches(0.5)),
                figure.value,
                20,
                bold=True,
            )
            top += int(Inches(0.95))
        _text(page, (MARGIN, Inches(6.4), inner, Inches(0.4)), view.source, 11, colour=MUTED)
        footer = f"{_('Open this view')}: {view.link}"
        _text(
            page,
            (MARGIN, Inches(6.8), inner - Inches(2.5), Inches(0.4)),
            footer,
            11,
            colour=ACCENT,
            link=view.link,
        )
        _text(
            page,
            (WIDTH - MARGIN - Inches(2.5), Inches(6.8), Inches(2.5), Inches(0.4)),
            f"Puentes · {when}",
            11,
            colour=MUTED,
        )
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()
