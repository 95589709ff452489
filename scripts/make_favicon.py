"""Draw assets/favicon.ico: a bridge (an arch under a deck) in white on the app's accent colour,
at 16 and 32 pixels, few colours, PNG inside (a few hundred bytes instead of Dash's 16 KB icon).

Run: ``.venv/bin/python scripts/make_favicon.py`` (Pillow, a dependency of the image exports)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageDraw

ACCENT = (11, 110, 153, 255)  # --puentes-accent in assets/02-puentes.css
WHITE = (255, 255, 255, 255)
SIZES = (16, 32)
TARGET = Path(__file__).resolve().parent.parent / "assets" / "favicon.ico"


def draw(size: int) -> bytes:
    """One size of the icon as a palette PNG."""
    scale = 8  # drawn large, then reduced: smooth edges with few colours
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=ACCENT)
    line = max(scale * 2, round(big * 0.1))
    deck = round(big * 0.3)
    pen.rectangle((round(big * 0.08), deck, round(big * 0.92), deck + line), fill=WHITE)
    # the arch: the upper half of an ellipse whose top meets the deck and whose feet stand low
    box = (round(big * 0.14), deck, round(big * 0.86), round(big * 1.5))
    pen.arc(box, start=180, end=360, fill=WHITE, width=line)
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.quantize(colors=8, method=Image.Quantize.FASTOCTREE).save(out, format="PNG", optimize=True)
    return out.getvalue()


def icon(images: dict[int, bytes]) -> bytes:
    """An ICO file holding PNG images (every browser reads them)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, bodies = b"", b""
    for size, png in images.items():
        side = size % 256  # 256 is written 0
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(bodies))
        bodies += png
    return header + entries + bodies


def main() -> None:
    TARGET.write_bytes(icon({size: draw(size) for size in SIZES}))
    print(f"{TARGET}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
