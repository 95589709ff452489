"""URL state in one package: every query string the app reads or writes.

- :mod:`~dashboard.urls.query` — the one reader and builder of query strings, ``Notice``;
- :mod:`~dashboard.urls.shared` — the filters every page shares (``FilterState``);
- :mod:`~dashboard.urls.corridors`, :mod:`~dashboard.urls.dialogue`,
  :mod:`~dashboard.urls.programmes` — each page's own parameters;
- :mod:`~dashboard.urls.presenter` — presenter mode and the links between steps;
- :mod:`~dashboard.urls.pages` — a URL read as a whole against the data's ``Vocabulary``;
- :mod:`~dashboard.urls.links` — the non-page URLs (geometry, CSV, export, embed, briefing),
  re-exported here so that ``urls.GEOMETRY`` and ``urls.export(...)`` read naturally.
"""

from dashboard.urls.links import (
    BRIEFING,
    BRIEFING_PDF,
    CHARTS,
    CORRIDORS_CSV,
    DOWNLOAD,
    DOWNLOAD_FORMATS,
    EMBED,
    EXPORT,
    EXPORT_FORMATS,
    GEOMETRY,
    MAP_CSV,
    PAGE_KEYS,
    TOPOJSON_DIR,
    WORLD_GEOMETRY,
    briefing,
    chart_of,
    chart_view,
    corridors_csv,
    download,
    embed,
    embedded_page,
    export,
    in_language,
    is_page,
    map_csv,
    page,
    page_key,
    same_site,
    split,
    with_query,
)

__all__ = [
    "BRIEFING",
    "BRIEFING_PDF",
    "CHARTS",
    "CORRIDORS_CSV",
    "DOWNLOAD",
    "DOWNLOAD_FORMATS",
    "EMBED",
    "EXPORT",
    "EXPORT_FORMATS",
    "GEOMETRY",
    "MAP_CSV",
    "PAGE_KEYS",
    "TOPOJSON_DIR",
    "WORLD_GEOMETRY",
    "briefing",
    "chart_of",
    "chart_view",
    "corridors_csv",
    "download",
    "embed",
    "embedded_page",
    "export",
    "in_language",
    "is_page",
    "map_csv",
    "page",
    "page_key",
    "same_site",
    "split",
    "with_query",
]
