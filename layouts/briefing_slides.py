"""What goes into the briefing pack: each basket view's chart, caption and key figures, in the
pack's language (the panel lists them; ``/briefing.pptx`` draws them)."""

from __future__ import annotations

from collections.abc import Callable

from dashboard import briefing, corridor_view, exports, map_view, urls
from dashboard.urls.pages import parse_corridors, parse_shared
from dashboard.vocabulary import vocabulary
from layouts import embed_page


def charts(raw: list[str], lang: str) -> list[tuple[str, str, exports.Chart]]:
    """(page, path + query in ``lang``, chart) of each view in the basket that has a chart."""
    out = []
    for path, query in briefing.views(raw):
        page = urls.page_key(path)
        if page not in urls.CHARTS:
            continue
        query = urls.in_language(query, lang)
        out.append(
            (
                page,
                urls.page(page, query),
                embed_page.chart(page, parse_shared(query, vocabulary()).state, query),
            )
        )
    return out


def slides(
    raw: list[str], lang: str, site: str, render: Callable[[exports.Chart], bytes]
) -> list[briefing.Slide]:
    """One slide per view with a chart: ``render`` draws the chart as PNG bytes."""
    out = []
    for page, href, chart in charts(raw, lang):
        state = parse_shared(urls.split(href)[1], vocabulary()).state
        figures: tuple[briefing.KeyFigure, ...] = ()
        if page == "map":
            figures = briefing.map_figures(map_view.build(state))
        elif page == "corridors":
            own = parse_corridors(urls.split(href)[1], vocabulary())[0]
            figures = briefing.corridor_figures(corridor_view.build(state, own))
        caption = chart.caption
        out.append(
            briefing.Slide(
                caption.title,
                caption.subtitle,
                render(chart),
                caption.source,
                site + href.lstrip("/"),
                figures,
            )
        )
    return out
