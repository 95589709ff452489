"""What goes into the briefing pack: each basket view's chart, caption and key figures, in the
pack's language (the panel lists them; ``/briefing.pptx`` draws them)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from dashboard import briefing, corridor_view, exports, map_view, urls
from dashboard.i18n import DEFAULT_LANGUAGE
from layouts import corridors_page, embed_page
from layouts.router import page_key, parse_url


def _in_language(query: str, lang: str) -> str:
    """``query`` with its ``lang`` replaced by the briefing's language."""
    params = [(k, v) for k, v in parse_qsl(query.lstrip("?")) if k != "lang"]
    if lang != DEFAULT_LANGUAGE:
        params.append(("lang", lang))
    return "?" + urlencode(params, safe=",") if params else ""


def charts(raw: list[str], lang: str) -> list[tuple[str, str, exports.Chart]]:
    """(page, path + query in ``lang``, chart) of each view in the basket that has a chart."""
    out = []
    for path, query in briefing.views(raw):
        page = page_key(path)
        if page not in urls.CHARTS:
            continue
        query = _in_language(query, lang)
        out.append((page, f"/{page}{query}", embed_page.chart(page, parse_url(query).state, query)))
    return out


def slides(
    raw: list[str], lang: str, site: str, render: Callable[[exports.Chart], bytes]
) -> list[briefing.Slide]:
    """One slide per view with a chart: ``render`` draws the chart as PNG bytes."""
    out = []
    for page, href, chart in charts(raw, lang):
        state = parse_url(href.partition("?")[2]).state
        figures: tuple[briefing.KeyFigure, ...] = ()
        if page == "map":
            figures = briefing.map_figures(map_view.build(state))
        elif page == "corridors":
            own = corridors_page.parse(href.partition("?")[2])[0]
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
