"""Text measured with the deck's font and fitted to a box, so that no slide text can overprint.

A slide's words are laid out from their measured size, not at fixed offsets: each text is
shrunk within limits until it fits its width in a few lines, wrapped, and cut with an ellipsis
only when even the smallest size does not fit. Metrics come from DejaVu Sans (``fonts-dejavu-core``,
installed on the machine and in the Docker image); the deck's runs name the same font.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONT_NAME = "DejaVu Sans"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
EMU_PER_PT = 12700
LINE = 1.2  # line height as a multiple of the font size (PowerPoint's single spacing)
# Our wrap is a little narrower than the box: PowerPoint and LibreOffice may measure a hair wider.
SLACK = 0.96
MEASURE_SIZE = 100  # measure at 100 pt and scale: integer pixel rounding stays negligible
ELLIPSIS = "…"


class FontMissing(RuntimeError):
    """DejaVu Sans is not installed (Debian: fonts-dejavu-core)."""


@dataclass(frozen=True)
class Fitted:
    """A text as it will be set: its lines (already wrapped), its size in points, and height in EMU."""

    lines: tuple[str, ...]
    size: float

    @property
    def height(self) -> int:
        return line_height(self.size) * len(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@functools.cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[bold]
        if path.exists():
            return ImageFont.truetype(str(path), MEASURE_SIZE)
    raise FontMissing(f"{FONT_FILES[bold]} not found in {', '.join(map(str, FONT_DIRS))}")


def width(text: str, size: float, bold: bool = False) -> int:
    """The width of ``text`` set in ``size`` points, in EMU."""
    return int(_font(bold).getlength(text) / MEASURE_SIZE * size * EMU_PER_PT)


def line_height(size: float) -> int:
    """One line's height in EMU."""
    return int(size * LINE * EMU_PER_PT)


def wrap(text: str, size: float, box_width: int, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``box_width`` (a word longer than a line, such as a
    permalink, is broken between characters)."""
    room = box_width * SLACK
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if width(candidate, size, bold) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while width(line, size, bold) > room and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and width(line[:cut], size, bold) > room:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def fit(text: str, box_width: int, max_height: int, sizes: tuple[float, float], bold: bool = False) -> Fitted:
    """The largest size in ``sizes`` (largest, smallest) at which ``text`` fits the box; at the
    smallest, the lines that fit, the last one ending in an ellipsis."""
    largest, smallest = sizes
    size = largest
    while size >= smallest:
        lines = wrap(text, size, box_width, bold)
        if line_height(size) * len(lines) <= max_height:
            return Fitted(tuple(lines), size)
        size -= 1
    lines = wrap(text, smallest, box_width, bold)
    keep = max(1, max_height // line_height(smallest))
    if len(lines) > keep:
        lines = lines[:keep]
        last = lines[-1].rstrip()
        room = box_width * SLACK
        while last and width(last + ELLIPSIS, smallest, bold) > room:
            last = last[:-1].rstrip()
        lines[-1] = last + ELLIPSIS
    return Fitted(tuple(lines), smallest)
