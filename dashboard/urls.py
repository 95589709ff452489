"""Every URL the app serves besides the pages: one place builds them."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

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


# -- exports and embeds: /export/<page>.<format>?<query> and /embed/<page>?<query> ---------

EXPORT: Final = "/export/"
EMBED: Final = "/embed/"
EXPORT_FORMATS: Final = ("png", "svg")
# The charts each page exports or embeds; the first is the default (``chart=`` picks another).
CHARTS: Final = {"map": ("map",), "corridors": ("flows", "map"), "dialogue": ("timeline",)}


def _with_chart(page: str, query: str, chart: str | None) -> str:
    """The query with ``chart=`` first when it is not the page's default chart."""
    query = query if query.startswith("?") or not query else "?" + query
    if chart is None or chart == CHARTS[page][0]:
        return query
    return f"?chart={chart}" + ("&" + query[1:] if len(query) > 1 else "")


def export(page: str, fmt: str, query: str = "", chart: str | None = None) -> str:
    """Image of one chart of ``page`` (PNG or SVG) for the page's query string."""
    return f"{EXPORT}{page}.{fmt}" + _with_chart(page, query, chart)


def embed(page: str, query: str = "", chart: str | None = None) -> str:
    """The chart alone, live, for an iframe on another site."""
    return f"{EMBED}{page}" + _with_chart(page, query, chart)


BRIEFING: Final = "/briefing.pptx"


def briefing(views: list[str], lang: str) -> str:
    """The PowerPoint of the basket's views (``/page?query`` each), in ``lang``."""
    return BRIEFING + "?" + urlencode([("lang", lang), *(("view", v) for v in views)])
