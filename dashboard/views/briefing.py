"""What goes into the briefing pack: each basket view's chart, caption, key figures, alt text and
"no data" or error message, in the pack's language (the panel lists them; ``/briefing.pptx`` and
``/briefing.pdf`` draw them). One view that cannot be drawn never costs the others their slides."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dashboard import briefing, readings, slide_figures, urls
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.urls.programmes import ProgrammeState
from dashboard.views import charts as chart_views
from dashboard.views import corridors as corridor_view
from dashboard.views import exports
from dashboard.views import map as map_view
from dashboard.views import programmes as programme_view

KeyFigures = tuple[briefing.KeyFigure, ...]


LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pack:
    """The slides, and how many charts were drawn and failed (all failed: the renderer is down)."""

    slides: list[briefing.Slide]
    drawn: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def renderer_down(self) -> bool:
        return bool(self.failures) and self.drawn == 0


def charts(raw: list[str], locale: Locale) -> list[tuple[str, str, exports.Chart]]:
    """(page, path + query in ``locale``, chart) of each view in the basket that has a chart."""
    return [(page, href, chart_views.chart(shown)) for page, href, shown in _entries(raw, locale)]


def charted(raw: Sequence[str]) -> list[tuple[str, str]]:
    """The basket's views that have a chart to draw, as (page, query): an empty list means a
    pack has nothing in it, which is answered before anything is queued."""
    return [
        (page, query) for path, query in briefing.views(raw) if (page := urls.page_key(path)) in urls.CHARTS
    ]


def nothing_to_draw(locale: Locale) -> str:
    """What a pack with no view to draw answers (400)."""
    _ = locale.gettext
    return _("No views to put in a briefing: add views with “Add this view” first.")


def _entries(raw: list[str], locale: Locale) -> list[tuple[str, str, chart_views.ChartState]]:
    out = []
    for page, query in charted(raw):
        query = urls.in_language(query, locale.lang)
        out.append((page, urls.page(page, query), chart_views.read(page, query)))
    return out


def _name(shown: chart_views.ChartState) -> str:
    """The chart's name (``chart=``), or "" for the page's default."""
    return str(getattr(shown, "name", "") or "")


def key_figures(shown: chart_views.ChartState) -> KeyFigures:
    """The slide's key figures, from the chart's own view (none for the timeline)."""
    name = _name(shown)
    if shown.page == "map":
        view = map_view.build(shown.shared)
        return slide_figures.profile_figures(view) if name == "profile" else slide_figures.map_figures(view)
    if shown.page == "corridors":
        corridors = corridor_view.build(shown.shared, shown.corridors)
        figures = {
            "map": slide_figures.focus_figures,
            "trend": slide_figures.trend_figures,
            "flows": slide_figures.corridor_figures,
            "": slide_figures.corridor_figures,
        }
        return figures[name](corridors) if name in figures else ()
    if shown.page == "programmes":  # the charts branch adds the programme map's state
        page = getattr(shown, "programmes", None) or getattr(shown, "programme", None)
        if isinstance(page, ProgrammeState):
            return slide_figures.programme_figures(programme_view.build(shown.shared, page))
    return ()


def no_data(shown: chart_views.ChartState, locale: Locale) -> str:
    """Why the view's chart has nothing to show ("" when it has data), in the reader's words."""
    _ = locale.gettext
    name = _name(shown)
    if shown.page == "map" and name in ("", "map"):
        view = map_view.build(shown.shared)
        real = [readings.is_real(v, f) for v, f in zip(view.frame["value"], view.frame["flag"], strict=True)]
        if not any(real):
            why = readings.gaps(view.spec, locale)
            return _("No country has a value for {year}.").format(year=view.year) + (f" {why}" if why else "")
    if shown.page == "corridors":
        corridors = corridor_view.build(shown.shared, shown.corridors)
        if name == "map":
            if slide_figures.focus_values(corridors).empty:
                return corridors.focus_title() + ": " + _("no migrants recorded")
        elif name in ("", "flows", "trend"):
            return " ".join(corridors.flows_message())
    return ""


def describe(chart: exports.Chart, figures: KeyFigures, locale: Locale) -> str:
    """The chart in words for the picture's alt text: what kind, what and where, when, and the
    largest values the slide names."""
    _ = locale.gettext
    kinds = {
        "map": _("Map of the values by country"),
        "flows": _("Flow diagram of migrants from origins to destinations"),
        "corridor-map": _("World map of one country's migration partners"),
        "timeline": _("Timeline of the dialogue's events"),
    }
    caption = chart.caption
    kind = kinds.get(chart.key) or _("Chart")
    text = f"{kind}: {caption.title}. {caption.subtitle}."
    shown = [f"{f.label}: {f.value}" if f.label else f.value for f in figures[:4]]
    return text + (" " + "; ".join(shown) + "." if shown else "")


def _slide(chart: exports.Chart, link: str, **rest: object) -> briefing.Slide:
    caption = chart.caption
    return briefing.Slide(caption.title, caption.subtitle, source=caption.source, link=link, **rest)  # type: ignore[arg-type]


def slides(raw: list[str], locale: Locale, site: str, render: Callable[[exports.Chart], bytes]) -> Pack:
    """One slide per view with a chart: ``render`` draws the chart as PNG bytes. A view with no data
    says so and why; a view whose chart fails says which and why; the others are drawn."""
    _ = locale.gettext
    pack = Pack([])
    drawn = 0
    for page, href, shown in _entries(raw, locale):
        link = site + href.lstrip("/")
        try:
            chart = chart_views.chart(shown)
            figures = key_figures(shown)
            empty = no_data(shown, locale)
        except (KeyError, ValueError, LookupError) as error:
            title = _("This view could not be shown")
            reason = _("The view {page} names something this data does not have ({reason}).")
            message = reason.format(page=href, reason=type(error).__name__)
            pack.slides.append(briefing.Slide(title, page, None, "", link, message=message))
            continue
        except Exception:  # a fault of ours in one view must not cost the reader the whole pack
            LOG.exception("briefing view %s could not be built", href)
            title = _("This view could not be shown")
            message = _("Puentes could not build the view {page}; the rest of the pack is complete.")
            pack.slides.append(briefing.Slide(title, page, None, "", link, message=message.format(page=href)))
            continue
        if empty:
            message = _("No data") + ": " + empty
            shown_chart = chart
            if chart.caption.subtitle.strip() in empty:  # the reason is the subtitle: say it once
                caption = exports.Caption(chart.caption.title, "", chart.caption.source)
                shown_chart = exports.Chart(chart.key, chart.figure, caption, chart.filename)
            pack.slides.append(_slide(shown_chart, link, image=None, figures=figures, message=message))
            continue
        try:
            image = render(chart)
        except ExportFailed as error:
            pack.failures.append(str(error))
            message = _("This chart could not be drawn: {reason}.").format(reason=error)
            pack.slides.append(_slide(chart, link, image=None, figures=figures, message=message))
            continue
        drawn += 1
        alt = describe(chart, figures, locale)
        pack.slides.append(_slide(chart, link, image=image, figures=figures, alt=alt))
    return Pack(pack.slides, drawn, pack.failures)


def slide_figure(chart: exports.Chart, shapes: Mapping[str, Any]) -> tuple[dict[str, Any], int, int]:
    """The chart as a slide shows it: no title or source drawn on the image (the slide has them
    as text), shapes inlined; with its width and height in CSS pixels."""
    figure = exports.inline_geometry(chart.figure, shapes)
    layout = figure["layout"]
    layout.pop("title", None)
    layout.pop("uirevision", None)
    margin = {"t": 10, "b": 10, **layout.get("margin", {})}
    margin.update(
        t=max(margin["t"], 10),
        l=max(margin.get("l", 0), exports.EDGE),
        r=max(margin.get("r", 0), exports.EDGE),
    )
    height = int(layout.get("height", 480)) + exports.BELOW_PLOT.get(chart.key, 0)
    layout.update(width=chart.width, height=height, margin=margin, paper_bgcolor="white")
    layout.update(copy.deepcopy(exports.IMAGE_LAYOUT.get(chart.key, {})))
    return figure, chart.width, height
