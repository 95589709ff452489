"""Every URL the app serves besides the pages: one place builds them."""

from __future__ import annotations

from typing import Final

GEOMETRY: Final = "/geometry/members.geojson"
WORLD_GEOMETRY: Final = "/geometry/world.geojson"
TOPOJSON_DIR: Final = "/assets/topojson/"
MAP_CSV: Final = "/download/map.csv"
CORRIDORS_CSV: Final = "/download/corridors.csv"


def map_csv(query: str) -> str:
    """CSV download of exactly what the map shows, for the page's query string."""
    return MAP_CSV + (query if query.startswith("?") or not query else "?" + query)


def corridors_csv(query: str) -> str:
    """CSV download of the corridors the corridors page shows, for its query string."""
    return CORRIDORS_CSV + (query if query.startswith("?") or not query else "?" + query)
