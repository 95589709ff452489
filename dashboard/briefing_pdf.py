"""The briefing pack as a PDF: the same slides with the same layout, charts as vectors and the
words as selectable text, for readers without PowerPoint.

The deck is laid out once (:func:`dashboard.briefing.deck`); this module reads its shapes back —
position, lines, size, weight, colour, link — and writes one 16:9 HTML page per slide with each
picture replaced by the chart's SVG, then prints it with the system Chromium.
"""

from __future__ import annotations

import base64
import html
import io
import re
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from dashboard import slide_layout
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.rendering import browser_path

EMU_PER_INCH = 914400
PRINT_TIMEOUT = 90.0
PICTURE = 13  # MSO_SHAPE_TYPE.PICTURE


def placeholder(width: int, height: int) -> bytes:
    """A blank PNG of the chart's size: the deck lays the picture out from it, the PDF draws the SVG."""
    from PIL import Image  # imported on the first pack: the pages never need it

    out = io.BytesIO()
    Image.new("1", (width, height), 1).save(out, format="PNG")
    return out.getvalue()


def _inches(emu: object) -> str:
    return f"{int(emu) / EMU_PER_INCH:.4f}in"  # type: ignore[call-overload]


def _box(shape: object) -> str:
    return (
        f"left:{_inches(shape.left)};top:{_inches(shape.top)};"  # type: ignore[attr-defined]
        f"width:{_inches(shape.width)};height:{_inches(shape.height)}"  # type: ignore[attr-defined]
    )


def _svg_uri(svg: str) -> str:
    """The SVG as a data URI, scalable to its box (a viewBox from its own width and height)."""
    if "viewBox" not in svg[:500]:
        size = re.search(r'<svg[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"', svg)
        if size:
            svg = svg.replace("<svg", f'<svg viewBox="0 0 {size.group(1)} {size.group(2)}"', 1)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _text(shape: object) -> str:
    lines = []
    for paragraph in shape.text_frame.paragraphs:  # type: ignore[attr-defined]
        for run in paragraph.runs:
            font = run.font
            colour = f"#{font.color.rgb}" if font.color and font.color.type is not None else "#1f2933"
            size = font.size.pt if font.size else 12
            style = (
                f"font-size:{size}pt;line-height:{size * slide_layout.LINE}pt;color:{colour};"
                f"font-weight:{'bold' if font.bold else 'normal'}"
            )
            text = html.escape(run.text)
            if run.hyperlink.address:
                text = f'<a href="{html.escape(run.hyperlink.address)}" style="color:{colour}">{text}</a>'
            lines.append(f'<div style="{style}">{text}</div>')
    return f'<div class="t" style="{_box(shape)}">{"".join(lines)}</div>'


def page_html(deck: bytes, svgs: Sequence[str], title: str, locale: Locale) -> str:
    """One HTML page per slide of ``deck``; its pictures, in order, become ``svgs``."""
    from pptx import Presentation

    presentation = Presentation(io.BytesIO(deck))
    width, height = _inches(presentation.slide_width), _inches(presentation.slide_height)
    charts = iter(svgs)
    pages = []
    for slide in presentation.slides:
        parts = []
        for shape in slide.shapes:
            if shape.shape_type == PICTURE:
                alt = html.escape(shape._element.nvPicPr.cNvPr.get("descr") or "")
                parts.append(
                    f'<img class="t" style="{_box(shape)}" alt="{alt}" src="{_svg_uri(next(charts))}">'
                )
            elif shape.has_text_frame:
                parts.append(_text(shape))
        pages.append(f'<section class="slide">{"".join(parts)}</section>')
    return f"""<!doctype html><html lang="{locale.lang}"><head><meta charset="utf-8">
<title>{html.escape(title)}</title><style>
@page {{ size: {width} {height}; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "{slide_layout.FONT_NAME}", sans-serif; -webkit-print-color-adjust: exact; }}
.slide {{ position: relative; width: {width}; height: {height}; overflow: hidden; page-break-after: always; }}
.slide:last-child {{ page-break-after: auto; }}
.t {{ position: absolute; margin: 0; white-space: pre; }}
a {{ text-decoration: underline; }}
</style></head><body>{"".join(pages)}</body></html>"""


def print_pdf(page: str, browser: str | None = None, timeout: float = PRINT_TIMEOUT) -> bytes:
    """The HTML page printed to PDF by headless Chromium; :class:`ExportFailed` if it cannot be."""
    path = browser or browser_path()
    if not path:
        raise ExportFailed("no Chromium found (install it or set BROWSER_PATH)")
    with tempfile.TemporaryDirectory(prefix="puentes-pdf-") as folder:
        source, target = Path(folder) / "briefing.html", Path(folder) / "briefing.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            path,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            f"--user-data-dir={folder}/profile",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        except (OSError, subprocess.SubprocessError) as error:
            raise ExportFailed(f"the PDF could not be printed ({type(error).__name__})") from error
        if not target.exists():
            raise ExportFailed("the PDF could not be printed (Chromium wrote no file)")
        return target.read_bytes()
