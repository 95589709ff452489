"""Exports and embeds without a browser: URLs, captions, the image figure, the embed route's
layout, the export bars, and a clean HTTP error when no browser can draw the image."""

from __future__ import annotations

from typing import Any

import pytest
from dash.development.base_component import Component
from flask.testing import FlaskClient

from app import create_app
from dashboard import datasets, rendering, urls
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.shared import FilterState
from dashboard.views import exports
from dashboard.views.corridors import build as build_corridors
from dashboard.views.map import build
from layouts import ids
from layouts.exports import BARS, export_bar
from layouts.router import render


@pytest.mark.parametrize(
    ("page", "fmt", "query", "chart", "expected"),
    [
        ("map", "png", "", None, "/export/map.png"),
        ("map", "svg", "?indicator=net_migration", None, "/export/map.svg?indicator=net_migration"),
        ("map", "png", "lang=es", None, "/export/map.png?lang=es"),
        ("corridors", "png", "?sex=female", "flows", "/export/corridors.png?sex=female"),
        ("corridors", "svg", "?sex=female", "map", "/export/corridors.svg?chart=map&sex=female"),
        ("corridors", "png", "", "map", "/export/corridors.png?chart=map"),
        ("dialogue", "png", "?themes=asylum", None, "/export/dialogue.png?themes=asylum"),
    ],
)  # fmt: skip
def test_export_urls(page: str, fmt: str, query: str, chart: str | None, expected: str) -> None:
    assert urls.export(page, fmt, query, chart) == expected
    assert urls.embed(page, query, chart) == expected.replace(f"/export/{page}.{fmt}", f"/embed/{page}")


@pytest.mark.parametrize(
    ("page", "search", "chart"),
    [("corridors", "?chart=map&sex=male", "map"), ("corridors", "?chart=pie", "flows"),
     ("corridors", "", "flows"), ("map", "?chart=map", "map"), ("dialogue", None, "timeline")],
)  # fmt: skip
def test_chart_of_falls_back_to_the_first_chart(page: str, search: str | None, chart: str) -> None:
    assert urls.chart_of(page, search) == chart


def test_source_text_is_the_pages_source_line_in_the_readers_language() -> None:
    text = exports.source_text("undesa_ims2024", Locale.of("es"), "a / b")
    assert text.startswith("Fuente: UN DESA, International Migrant Stock 2024 · edición 2024")
    assert "licencia CC BY 3.0 IGO" in text and text.endswith("calculado: a / b")


def test_map_caption_has_indicator_region_year_unit_and_locale_numbers() -> None:
    chart = exports.map_chart(build(FilterState(indicator="net_migration_rate", year=2019, lang="es")))
    assert chart.caption.title == "Tasa de migración neta"
    assert chart.caption.subtitle == "CELAC y UE · 2019 · por 1.000 personas"
    assert chart.caption.source.startswith("Fuente: World Bank") and "calculado:" in chart.caption.source
    assert chart.filename == "puentes-net_migration_rate-2019-both"


def test_corridor_charts_have_their_own_captions() -> None:
    view = build_corridors(FilterState(lang="fr"), CorridorState(sex="female"))
    flows, focus = exports.corridors_chart(view, "flows"), exports.corridors_chart(view, "map")
    assert flows.key == "flows" and flows.caption.subtitle == view.subtitle()
    assert focus.key == "corridor-map" and focus.caption.title == view.focus_title()
    assert focus.filename.endswith("-female-ESP") and "UN DESA" in flows.caption.source


def test_dialogue_caption_names_years_themes_and_countries() -> None:
    figure: dict[str, Any] = {"data": [], "layout": {"height": 300}}
    chart = exports.dialogue_chart(
        figure, Locale.of("en"), DialogueState(("irregular_migration",), 2008, 2015), ("ESP",)
    )
    assert chart.caption.subtitle == "2008–2015 · Irregular migration · Spain"
    assert (
        exports.dialogue_chart(figure, Locale.of("en"), DialogueState(), ()).caption.subtitle
        == "2005–2020 · All themes"
    )


def test_inline_geometry_replaces_urls_and_leaves_the_page_figure_alone() -> None:
    figure = build(FilterState()).figure()
    shapes = {urls.GEOMETRY: datasets.geometry()}
    inlined = exports.inline_geometry(figure, shapes)
    geojsons = [t["geojson"] for t in inlined["data"] if "geojson" in t]
    assert geojsons and all(g is shapes[urls.GEOMETRY] for g in geojsons)
    assert all(t["geojson"] == urls.GEOMETRY for t in figure["data"] if "geojson" in t)


def test_image_figure_adds_title_subtitle_and_source_around_the_chart() -> None:
    chart = exports.map_chart(build(FilterState(region="eu")))
    figure, width, height = exports.image_figure(chart, {urls.GEOMETRY: datasets.geometry()})
    layout = figure["layout"]
    assert (width, height) == (layout["width"], layout["height"]) and width == exports.WIDTHS["map"]
    assert height > chart.figure["layout"]["height"] + exports.HEADER
    assert layout["title"]["text"] == "<b>International migrant stock</b>"
    assert layout["title"]["subtitle"]["text"] == "EU · 2024 · people"
    assert layout["annotations"][-1]["text"].startswith("Source: UN DESA")
    assert "uirevision" not in layout and "uirevision" in chart.figure["layout"]
    assert all(isinstance(t["geojson"], dict) for t in figure["data"] if "geojson" in t)


def test_words_are_shown_as_written_not_as_markup() -> None:
    chart = exports.Chart("flows", {"data": [], "layout": {}}, exports.Caption("<b>x</b>", "a & b", "s"), "f")
    layout = exports.image_figure(chart, {})[0]["layout"]
    assert layout["title"]["text"] == "<b>&lt;b&gt;x&lt;/b&gt;</b>"
    assert layout["title"]["subtitle"]["text"] == "a &amp; b"


def test_the_renderer_uses_local_files_only() -> None:
    renderer = rendering.Renderer()
    assert renderer._topojson.startswith("file://") and renderer._topojson.endswith("/assets/topojson/")
    assert (rendering.TOPOJSON_DIR / "world_110m.json").exists() and rendering.PLOTLY_JS.exists()


def test_no_browser_is_a_clear_export_failure() -> None:
    renderer = rendering.Renderer(browser="/nonexistent/chromium")
    with pytest.raises(ExportFailed, match="no Chromium found"):
        renderer.render({"data": [], "layout": {}}, "png", 100, 100)
    assert not renderer.running
    renderer.close()


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app().server.test_client()


def test_export_failure_is_a_plain_503_not_a_traceback(client: FlaskClient) -> None:
    renderer = client.application.extensions["puentes_exports"].renderer
    browser = renderer._browser
    renderer._browser = "/nonexistent/chromium"
    try:
        response = client.get("/export/map.png?lang=es&indicator=%3Cscript%3E")
    finally:
        renderer._browser = browser
    assert response.status_code == 503 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and "Chromium" in text


@pytest.mark.parametrize("path", ["/export/map.gif", "/export/sources.png", "/export/map", "/export/.png"])
def test_unknown_pages_and_formats_are_not_found(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("pathname", "page"),
    [("/embed/map", "map"), ("/embed/corridors/", "corridors"), ("/embed/dialogue", "dialogue"),
     ("/embed/sources", None), ("/embed", None), ("/map", None), ("/embed/map/x", None), (None, None)],
)  # fmt: skip
def test_embed_paths(pathname: str | None, page: str | None) -> None:
    assert urls.embedded_page(pathname) == page


def walk(component: object) -> list[Component]:
    if isinstance(component, Component):
        return [component, *walk(getattr(component, "children", None))]
    if isinstance(component, (list, tuple)):
        return [c for child in component for c in walk(child)]
    return []


@pytest.mark.parametrize("search", ["?chart=map&lang=pt", "?indicator=%3Cscript%3E&year=abc", ""])
@pytest.mark.parametrize("page", ["map", "corridors", "dialogue"])
def test_embed_is_the_chart_alone_with_its_caption(page: str, search: str) -> None:
    navbar, body = render(f"/embed/{page}", search)
    found = {c.id: c for c in walk([navbar, body]) if getattr(c, "id", None)}
    assert {ids.EMBED_TITLE, ids.EMBED_GRAPH, ids.EMBED_SOURCE} <= set(found)
    assert not any(i.startswith("nav-link") or i == ids.NOTICE for i in found)
    graph = found[ids.EMBED_GRAPH]
    assert "height" not in graph.figure["layout"] and graph.figure["layout"]["autosize"] is True


@pytest.mark.parametrize("bar", list(BARS))
def test_export_bars_link_to_the_view(bar: str) -> None:
    spec = BARS[bar]
    found = {c.id: c for c in walk(export_bar(bar, "?lang=es", Locale.of("es"))) if getattr(c, "id", None)}
    assert found[ids.export_control(bar, "png")].href == urls.export(spec.page, "png", "?lang=es", spec.chart)
    assert found[ids.export_control(bar, "svg")].href == urls.export(spec.page, "svg", "?lang=es", spec.chart)
    assert found[ids.export_control(bar, "embed")].href == urls.embed(spec.page, "?lang=es", spec.chart)
    assert found[ids.export_control(bar, "csv")].href == urls.download(
        spec.page, "csv", "?lang=es", spec.chart
    )
    assert found[ids.export_control(bar, "xlsx")].href == urls.download(
        spec.page, "xlsx", "?lang=es", spec.chart
    )
    assert ids.export_control(bar, "add") in found
