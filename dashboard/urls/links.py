"""Every URL the app serves besides the pages' own queries: geometry, CSV downloads, the
topojson folder, ``/export/`` images and ``/embed/`` pages with their ``chart=``, the briefing
pack; and which page a path names."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit, urlunsplit

from dashboard.i18n import DEFAULT_LANGUAGE
from dashboard.urls.query import as_search, build, pairs

GEOMETRY: Final = "/geometry/members.geojson"
WORLD_GEOMETRY: Final = "/geometry/world.geojson"
TOPOJSON_DIR: Final = "/assets/topojson/"
MAP_CSV: Final = "/download/map.csv"
CORRIDORS_CSV: Final = "/download/corridors.csv"
# The pages, by the first part of their path ("/" is the map).
PAGE_KEYS: Final = ("map", "sources", "corridors", "dialogue", "programmes")


def page_key(pathname: str | None) -> str | None:
    """``/map`` -> ``map``; ``/`` -> ``map``; unknown paths (``/nope``, ``/map/nope``) -> None."""
    parts = (pathname or "/").strip("/").split("/")
    key = parts[0] or "map"
    return key if key in PAGE_KEYS and len(parts) == 1 else None


def is_page(pathname: str | None) -> bool:
    """Whether a path names something the app shows: a page or an ``/embed/`` chart."""
    return page_key(pathname) is not None or embedded_page(pathname) is not None


def with_query(path: str, query: str) -> str:
    """``path`` followed by ``query`` (given with or without its ``?``)."""
    return path + as_search(query)


def page(key: str, query: str = "") -> str:
    """The page ``key`` showing the view of ``query``."""
    return with_query(f"/{key}", query)


def map_csv(query: str) -> str:
    """CSV download of exactly what the map shows, for the page's query string."""
    return with_query(MAP_CSV, query)


def corridors_csv(query: str) -> str:
    """CSV download of the corridors the corridors page shows, for its query string."""
    return with_query(CORRIDORS_CSV, query)


# -- exports and embeds: /export/<page>.<format>?<query> and /embed/<page>?<query> ---------

EXPORT: Final = "/export/"
EMBED: Final = "/embed/"
EXPORT_FORMATS: Final = ("png", "svg")
# The charts each page exports or embeds; the first is the default (``chart=`` picks another).
CHARTS: Final = {
    "map": ("map", "profile"),
    "corridors": ("flows", "map", "trend", "diaspora", "remittances"),
    "dialogue": ("timeline",),
    "programmes": ("programmes",),
}
DOWNLOAD: Final = "/download/"
DOWNLOAD_FORMATS: Final = ("csv", "xlsx")


def _with_chart(page: str, query: str, chart: str | None) -> str:
    """The query with ``chart=`` first when it is not the page's default chart."""
    if chart is None or chart == CHARTS[page][0]:
        return as_search(query)
    head, rest = build([("chart", chart)]), as_search(query)[1:]
    return f"{head}&{rest}" if rest else head


def export(page: str, fmt: str, query: str = "", chart: str | None = None) -> str:
    """Image of one chart of ``page`` (PNG or SVG) for the page's query string."""
    return f"{EXPORT}{page}.{fmt}" + _with_chart(page, query, chart)


def embed(page: str, query: str = "", chart: str | None = None) -> str:
    """The chart alone, live, for an iframe on another site."""
    return f"{EMBED}{page}" + _with_chart(page, query, chart)


def download(page: str, fmt: str, query: str = "", chart: str | None = None) -> str:
    """The table of one chart of ``page`` (CSV or XLSX) for the page's query string; the
    default chart's CSV is the page's historical ``/download/<page>.csv``."""
    return f"{DOWNLOAD}{page}.{fmt}" + _with_chart(page, query, chart)


def chart_view(path: str, query: str, chart: str | None) -> str:
    """A basket view of one chart: ``/page?chart=<name>&...`` (no ``chart=`` for the default)."""
    page = page_key(path)
    if page is None or page not in CHARTS:
        return with_query(path, query)
    return path + _with_chart(page, query, chart)


def embedded_page(pathname: str | None) -> str | None:
    """``/embed/map`` -> ``map``; None for anything that is not an embeddable page."""
    parts = (pathname or "").strip("/").split("/")
    if len(parts) == 2 and parts[0] == EMBED.strip("/") and parts[1] in CHARTS:
        return parts[1]
    return None


def chart_of(page: str, search: object) -> str:
    """The ``chart=`` of a query if the page has that chart, else the page's first chart."""
    charts = CHARTS[page]
    value = next((v for k, v in pairs(search) if k == "chart"), "")
    return value if value in charts else charts[0]


# -- the briefing pack: /briefing.pptx?lang=<lang>&view=/page?query... ---------------------

BRIEFING: Final = "/briefing.pptx"
BRIEFING_PDF: Final = "/briefing.pdf"


def briefing(views: list[str], lang: str, title: str = "", pdf: bool = False) -> str:
    """The PowerPoint (or, with ``pdf``, the PDF) of the basket's views (``/page?query`` each), in
    ``lang``, with the deck's ``title`` the reader typed (none when empty)."""
    named = [("title", title)] if title.strip() else []
    return (BRIEFING_PDF if pdf else BRIEFING) + build(
        [("lang", lang), *named, *(("view", v) for v in views)]
    )


def same_site(text: str) -> tuple[str, str] | None:
    """A basket view ``/page?query`` as (path, canonical query); None for anything that is not
    a path on this site (never fetched)."""
    parts = urlsplit(str(text)[:2000])
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or "//" in parts.path:
        return None
    return parts.path, build(pairs(parts.query))


def in_language(query: str, lang: str) -> str:
    """``query`` with its ``lang`` replaced by ``lang``."""
    params = [(k, v) for k, v in pairs(query) if k != "lang"]
    if lang != DEFAULT_LANGUAGE:
        params.append(("lang", lang))
    return build(params)


def split(href: str) -> tuple[str, str]:
    """``/page?query`` -> (``/page``, ``?query``); the query is "" when there is none."""
    path, _mark, query = href.partition("?")
    return path, as_search(query)


def site_address(text: str) -> str | None:
    """A site's public address as ``scheme://host[:port]/path/`` (ending in ``/``), or None when
    ``text`` is not an http(s) address without query or fragment."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", "", ""))
