"""What goes into the briefing pack: each basket view's chart, caption and key figures, in the
pack's language (the panel lists them; ``/briefing.pptx`` draws them)."""

from __future__ import annotations

from collections.abc import Callable

from dashboard import briefing, urls
from dashboard.locale import Locale
from dashboard.views import charts as chart_views
from dashboard.views import corridors as corridor_view
from dashboard.views import exports
from dashboard.views import map as map_view


def charts(raw: list[str], locale: Locale) -> list[tuple[str, str, exports.Chart]]:
    """(page, path + query in ``locale``, chart) of each view in the basket that has a chart."""
    return [(page, href, chart_views.chart(shown)) for page, href, shown in _entries(raw, locale)]


def _entries(raw: list[str], locale: Locale) -> list[tuple[str, str, chart_views.ChartState]]:
    out = []
    for path, query in briefing.views(raw):
        page = urls.page_key(path)
        if page not in urls.CHARTS:
            continue
        query = urls.in_language(query, locale.lang)
        out.append((page, urls.page(page, query), chart_views.read(page, query)))
    return out


def key_figures(shown: chart_views.ChartState) -> tuple[briefing.KeyFigure, ...]:
    """The slide's key figures: the map's and the corridors' (none for the timeline)."""
    if shown.page == "map":
        return briefing.map_figures(map_view.build(shown.shared))
    if shown.page == "corridors":
        return briefing.corridor_figures(corridor_view.build(shown.shared, shown.corridors))
    return ()


def slides(
    raw: list[str], locale: Locale, site: str, render: Callable[[exports.Chart], bytes]
) -> list[briefing.Slide]:
    """One slide per view with a chart: ``render`` draws the chart as PNG bytes."""
    out = []
    for _page, href, shown in _entries(raw, locale):
        chart = chart_views.chart(shown)
        caption = chart.caption
        out.append(
            briefing.Slide(
                caption.title,
                caption.subtitle,
                render(chart),
                caption.source,
                site + href.lstrip("/"),
                key_figures(shown),
            )
        )
    return out
