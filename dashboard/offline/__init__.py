"""The offline presentation: a story or the briefing basket as a list of step payloads, each drawn
by the chart registry (:mod:`dashboard.views.charts`, the same figure as ``/export/<page>.png`` and
the briefing slide) for the step's page and query. Pure: the routes in ``server/offline.py`` turn
them into one HTML file (:mod:`dashboard.offline.page`) or one step's JSON.

A step payload (what the file holds for each step, and what
``GET /offline/step.json?story=<id>&step=<n>&lang=<lang>`` answers with ``story`` and ``lang`` added;
``player.js`` draws it with ``PuentesPlayer.render(container, step, {locale})``, ``locale`` being
plotly.js's locale name, e.g. ``pt-PT``):

``number``, ``count``
    the step (1-based) and how many steps there are; the counter reads "number / count";
``title``, ``note``
    the step's title and note (a story's own words from ``data/stories``; for a basket view, the
    chart's title and subtitle);
``heading``, ``subtitle``
    the chart's own title and subtitle (a story step only; "" for a basket view, whose title they are);
``source``
    the source line the page and its export show (source, edition, licence; "" without a chart);
``permalink``
    the step's absolute URL in the app (the story step in presenter mode; the basket's view itself);
``message``
    why the chart shows nothing ("No data: …"), or why the view could not be shown; "" otherwise;
``kind``
    the chart's kind (``map``, ``flows``, ``timeline``…; "" without a chart);
``figure``
    the plotly figure ``{"data", "layout"}`` to draw in the chart's box, or null. Its layout has no
    width or height (the box gives them) and no text under :data:`FONT_FLOOR` px; a map's traces
    name their shapes by the app's URL (``"geojson": "/geometry/members.geojson"``), as the page
    does: the file holds each shape once (:func:`shapes_used`) and the player puts it in their place.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plotly.utils import PlotlyJSONEncoder

from dashboard import briefing, urls
from dashboard.locale import Locale
from dashboard.stories import Story
from dashboard.urls import presenter as presenter_urls
from dashboard.views import briefing as briefing_views
from dashboard.views import charts, exports

LOG = logging.getLogger(__name__)
FONT_FLOOR = 14  # px in the 1280 x 720 slide: 21 px once scaled to 1920 x 1080
Payload = dict[str, Any]


@dataclass(frozen=True)
class Presentation:
    """What one offline file shows: its title, language and steps."""

    title: str
    locale: Locale
    steps: list[Payload]


def legible(node: Any) -> Any:
    """A copy of a part of a figure that holds only texts (a font, a legend, a colour bar, an
    annotation) in which every ``size`` is at least :data:`FONT_FLOOR` px."""
    if isinstance(node, list):
        return [legible(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: legible(value) for key, value in node.items()}
    size = out.get("size")
    if isinstance(size, int | float) and not isinstance(size, bool) and size < FONT_FLOOR:
        out["size"] = FONT_FLOOR
    return out


def _fonts_at_least(figure: dict[str, Any]) -> dict[str, Any]:
    layout = figure["layout"]
    for key, value in layout.items():
        if isinstance(value, dict):
            layout[key] = {
                k: legible(v) if k.endswith("font") or k in ("colorbar", "title", "legend") else v
                for k, v in value.items()
            }
    for part in ("font", "legend", "annotations", "hoverlabel"):
        if part in layout:
            layout[part] = legible(layout[part])
    font = layout.setdefault("font", {})
    font["size"] = max(int(font.get("size", 12)), FONT_FLOOR)
    figure["data"] = [
        {k: legible(v) if k.endswith("font") or k in ("colorbar", "title") else v for k, v in t.items()}
        for t in figure["data"]
    ]
    return figure


def presented_figure(chart: exports.Chart) -> dict[str, Any]:
    """The chart as a slide draws it (no title drawn on it: the slide has it as text), sized by its
    box, fonts at least :data:`FONT_FLOOR`, as plain JSON values (NaN becomes null)."""
    figure, _width, _height = briefing_views.slide_figure(chart, {})
    layout = figure["layout"]
    for key in ("width", "height"):
        layout.pop(key, None)
    layout["autosize"] = True
    plain = json.loads(json.dumps(figure, cls=PlotlyJSONEncoder))
    return _fonts_at_least(plain)


def shapes_used(steps: list[Payload]) -> list[str]:
    """The shapes' URLs the steps' figures name (each is put in the file once)."""
    found: dict[str, None] = {}
    for step in steps:
        for trace in (step.get("figure") or {}).get("data", []):
            if isinstance(trace.get("geojson"), str):
                found[trace["geojson"]] = None
    return list(found)


def _empty(number: int, count: int, title: str, note: str, permalink: str) -> Payload:
    return {
        "number": number,
        "count": count,
        "title": title,
        "note": note,
        "heading": "",
        "subtitle": "",
        "source": "",
        "permalink": permalink,
        "message": "",
        "kind": "",
        "figure": None,
    }


def _with_chart(payload: Payload, page: str, query: str, locale: Locale, *, own_words: bool) -> Payload:
    """``payload`` with the chart of ``page`` for ``query`` (in ``locale``): figure, caption, source,
    and why it is empty; a view that cannot be built says so (the other steps are unaffected)."""
    _ = locale.gettext
    href = urls.page(page, query)
    try:
        shown = charts.read(page, query)
        chart = charts.chart(shown)
        empty = briefing_views.no_data(shown, locale)
        figure = presented_figure(chart)
    except (KeyError, ValueError, LookupError) as error:
        reason = _("The view {page} names something this data does not have ({reason}).")
        return {**payload, "message": reason.format(page=href, reason=type(error).__name__)}
    except Exception:  # a fault of ours in one view must not cost the reader the whole file
        LOG.exception("offline view %s could not be built", href)
        message = _("Puentes could not build the view {page}; the rest of the pack is complete.")
        return {**payload, "message": message.format(page=href)}
    caption = chart.caption
    words = {"heading": caption.title, "subtitle": caption.subtitle} if own_words else {}
    if not own_words:
        words = {"title": caption.title, "note": caption.subtitle}
    message = _("No data") + ": " + empty if empty else ""
    drawn = {"source": caption.source, "kind": chart.key, "figure": figure, "message": message}
    return {**payload, **words, **drawn}


def story_step(story: Story, number: int, locale: Locale, site: str) -> Payload:
    """Step ``number`` (1-based) of ``story`` in ``locale``; ``site`` is the app's root URL."""
    step = story.steps[number - 1]
    lang = locale.lang
    permalink = site.rstrip("/") + presenter_urls.step_href(story, number, lang)
    payload = _empty(number, len(story.steps), step.title[lang], step.note[lang], permalink)
    if step.page not in urls.CHARTS:  # a page without a chart (sources): its title and note
        return payload
    return _with_chart(payload, step.page, urls.in_language(step.query, lang), locale, own_words=True)


def story(story: Story, locale: Locale, site: str) -> Presentation:
    """Every step of ``story`` in ``locale``."""
    steps = [story_step(story, n, locale, site) for n in range(1, len(story.steps) + 1)]
    return Presentation(story.title[locale.lang], locale, steps)


def basket(raw: list[str], locale: Locale, site: str, title: str = "") -> Presentation:
    """The basket's views (``view=`` values, as for the briefing deck) that have a chart, in
    ``locale``; the file's title is the deck's (``title``, cleaned) or "Briefing"."""
    shown = [
        (page, urls.in_language(query, locale.lang))
        for path, query in briefing.views(raw)
        if (page := urls.page_key(path)) in urls.CHARTS
    ]
    steps = []
    for number, (page, query) in enumerate(shown, start=1):
        permalink = site.rstrip("/") + urls.page(page, query)
        payload = _empty(number, len(shown), "", "", permalink)
        steps.append(_with_chart(payload, page, query, locale, own_words=False))
    named = briefing.deck_title(title)
    return Presentation(named or locale.gettext("Briefing"), locale, steps)


def labels(locale: Locale) -> Mapping[str, str]:
    """The player's own words (buttons, the permalink, the keys' help), in ``locale``."""
    _ = locale.gettext
    return {
        "previous": _("Previous view (←)"),
        "next": _("Next view (→)"),
        "fullscreen": _("Full screen (F); Esc leaves"),
        "permalink": _("Open this view in Puentes"),
        "controls": _("Presenter controls"),
    }
