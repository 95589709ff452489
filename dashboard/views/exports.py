"""What an exported image or an embed of a chart shows: the page's figure, its title, subtitle
and source line, and — for an image — all of it drawn on the figure, with the shapes inlined so
that nothing is fetched while rendering.

Pure: views in, figure dicts and texts out. :mod:`dashboard.rendering` turns a figure into bytes.
"""

from __future__ import annotations

import copy
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dashboard import datasets, dialogue, transforms
from dashboard.figures import FONT, maps
from dashboard.locale import Locale
from dashboard.urls.dialogue import DialogueState
from dashboard.views.corridors import CorridorView
from dashboard.views.map import MapView

# Space the image adds around the chart for the words (CSS pixels; PNGs are drawn at SCALE x).
HEADER = 88
FOOTER = 44
SCALE = 2
EDGE = 16
INK, MUTED = "#1f2933", "#52606d"
WIDTHS = {
    "map": 1200,
    "flows": 1100,
    "corridor-map": 1000,
    "timeline": 1400,
    "profile": 1100,
    "trend": 1100,
    "diaspora": 1000,
    "remittances": 1000,
    "programmes": 1000,
}
# Room under the plot for what plotly draws there, above the source line: the map's colour bar
# (across, dashboard/figures/maps.py), the timeline's axis, the profile's legend.
BELOW_PLOT = {**dict.fromkeys(WIDTHS, 0), "map": 56, "timeline": 10, "profile": 70}
# Where an image differs from the page: the timeline's legend of themes (several rows under
# the chart on the page) goes to the right, so the source line has the bottom to itself.
IMAGE_LAYOUT: dict[str, dict[str, Any]] = {
    "timeline": {"legend": {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"}}
}


@dataclass(frozen=True)
class Caption:
    """The words every export and embed carries: what, when and in what unit, and whose data."""

    title: str
    subtitle: str
    source: str


@dataclass(frozen=True)
class Chart:
    """One chart as the page draws it (shapes by URL), its caption, and a file name stem."""

    key: str
    figure: dict[str, Any]
    caption: Caption
    filename: str

    @property
    def width(self) -> int:
        return WIDTHS[self.key]


def source_text(
    source_key: str,
    locale: Locale,
    computed_method: str = "",
    denominator_key: str = "",
    editions_note: str = "",
) -> str:
    """The page's source line as plain text: source, edition, licence — and a computed ratio's
    denominator's, with why their editions differ — and the method if computed."""
    _ = locale.gettext
    src = datasets.sources()[source_key]
    parts = [
        _("Source") + ": " + src["name"],
        _("edition") + " " + datasets.source_field(src, "edition", locale),
        _("licence") + " " + datasets.source_field(src, "licence", locale),
    ]
    if denominator_key:
        below = datasets.sources()[denominator_key]
        parts += [
            _("Denominator") + ": " + below["name"],
            _("edition") + " " + datasets.source_field(below, "edition", locale),
            _("licence") + " " + datasets.source_field(below, "licence", locale),
        ]
    if editions_note:
        parts.append(_("Editions differ") + ": " + editions_note)
    if computed_method:
        parts.append(_("computed") + ": " + computed_method)
    return " · ".join(parts)


def map_chart(view: MapView) -> Chart:
    """The choropleth of the map page for its view."""
    _ = view.locale.gettext
    region = {"both": _("CELAC and EU"), "celac": "CELAC", "eu": _("EU")}[view.state.region]
    subtitle = f"{region} · {view.subtitle}" + (" · " + _("Logarithmic") if view.log else "")
    method = view.method
    figure = view.figure()  # on the page it fills its box; an image needs a height
    figure = {**figure, "layout": {**figure["layout"], "height": maps.HEIGHT}}
    return Chart(
        "map",
        figure,
        Caption(
            view.title,
            subtitle,
            source_text(view.spec.source, view.locale, method, view.denominator, view.editions_note),
        ),
        f"puentes-{view.spec.id}-{view.year}-{view.state.region}",
    )


def corridors_chart(view: CorridorView, chart: str) -> Chart:
    """The flow diagram (``flows``) or the linked map (``map``) of the corridors page."""
    _ = view.locale.gettext
    source = source_text("undesa_ims2024", view.locale)
    stem = f"puentes-corridors-{chart}-{view.state.direction}-{view.year}-{view.state.sex}"
    if chart == "map":
        subtitle = " · ".join([view.sex_label(), _("people")])
        caption = Caption(view.focus_title(), subtitle, source)
        return Chart("corridor-map", view.focus_figure(), caption, f"{stem}-{view.state.focus}")
    return Chart(
        "flows", view.flows_figure(), Caption(_("Migration corridors"), view.subtitle(), source), stem
    )


def dialogue_chart(
    figure: dict[str, Any], locale: Locale, page: DialogueState, countries: Sequence[str]
) -> Chart:
    """The dialogue timeline (``figure``, drawn for the page's filters) with its caption."""
    _ = locale.gettext
    names = dict(zip(dialogue.themes()["id"], dialogue.themes()[f"label_{locale.lang}"], strict=True))
    parts = [f"{page.start}–{page.end}", ", ".join(names[t] for t in page.themes) or _("All themes")]
    if countries:
        parts.append(", ".join(transforms.country_names(datasets.countries(), list(countries), locale)))
    caption = Caption(
        _("EU–CELAC dialogue on migration"),
        " · ".join(parts),
        _("Source") + ": " + _("the five source documents; every event cites its document and words"),
    )
    return Chart("timeline", figure, caption, f"puentes-dialogue-{page.start}-{page.end}")


def inline_geometry(figure: dict[str, Any], shapes: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the figure whose traces carry their shapes instead of a URL to them."""
    out = copy.deepcopy({k: v for k, v in figure.items() if k != "data"})
    out["data"] = [
        {**trace, "geojson": shapes[trace["geojson"]]}
        if isinstance(trace.get("geojson"), str) and trace["geojson"] in shapes
        else trace
        for trace in figure["data"]
    ]
    return out


def _escape(text: str) -> str:
    """Plotly reads a few HTML tags in text: show the words as they are."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def image_figure(chart: Chart, shapes: Mapping[str, Any]) -> tuple[dict[str, Any], int, int]:
    """The figure of an image (title and subtitle above, source line below, shapes inlined),
    with its width and height in CSS pixels."""
    figure = inline_geometry(chart.figure, shapes)
    layout = figure["layout"]
    margin = {"t": 10, "b": 10, **layout.get("margin", {})}
    # The words start at the image's left edge plus EDGE; so does the plot.
    margin.update(l=max(margin.get("l", 0), EDGE), r=max(margin.get("r", 0), EDGE))
    below = BELOW_PLOT[chart.key]
    # Source lines of computed indicators can be long: wrap them to the width (~7 px a character).
    source = "<br>".join(_escape(line) for line in textwrap.wrap(chart.caption.source, chart.width // 7))
    footer = FOOTER + 16 * source.count("<br>")
    plot_height = int(layout.get("height", 480))
    height = plot_height + HEADER + footer + below
    layout.update(
        width=chart.width,
        height=height,
        margin={**margin, "t": margin["t"] + HEADER, "b": margin["b"] + footer + below},
        title={
            "text": f"<b>{_escape(chart.caption.title)}</b>",
            "font": {"family": FONT, "size": 22, "color": INK},
            "subtitle": {
                "text": _escape(chart.caption.subtitle),
                "font": {"family": FONT, "size": 16, "color": MUTED},
            },
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 18, "l": EDGE},
        },
        paper_bgcolor="white",
    )
    layout.update(copy.deepcopy(IMAGE_LAYOUT.get(chart.key, {})))
    layout.pop("uirevision", None)
    layout["annotations"] = [
        *layout.get("annotations", []),
        {
            "text": source,
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "top",
            "yshift": -(margin["b"] + below + 10),
            "align": "left",
            "showarrow": False,
            "font": {"family": FONT, "size": 13, "color": MUTED},
        },
    ]
    return figure, chart.width, height
