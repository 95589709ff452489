"""Every URL the app serves besides the pages: one place builds them."""

from __future__ import annotations

from typing import Final

GEOMETRY: Final = "/geometry/members.geojson"
TOPOJSON_DIR: Final = "/assets/topojson/"
MAP_CSV: Final = "/download/map.csv"


def map_csv(query: str) -> str:
    """CSV download of exactly what the map shows, for the page's query string."""
    return MAP_CSV + (query if query.startswith("?") or not query else "?" + query)
