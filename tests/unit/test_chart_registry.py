"""The one registry of charts: every chart a page names in ``chart=`` has an export figure, a table
for its CSV and XLSX (ids as headers, unit and source named), an embed, a slide and an export bar;
the links published so far keep answering the same."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook

from app import create_app
from dashboard import urls
from dashboard.locale import Locale
from dashboard.tables import CSV_COLUMNS, to_csv
from dashboard.views import briefing, charts, exports
from dashboard.views.corridors import CSV_COLUMNS as CORRIDOR_COLUMNS
from dashboard.workbook import XLSX_TYPE, to_xlsx
from layouts import ids
from layouts.exports import BARS
from layouts.router import render

# A query that makes every chart draw something (countries chosen, a corridor choice).
QUERY = {
    "map": "countries=VEN,COL&groups=caricom",
    "corridors": "direction=custom&origins=VEN,COL&destinations=ESP",
    "dialogue": "",
    "programmes": "",
}
NAMED = [(page, name) for page, names in urls.CHARTS.items() for name in names]
SHAPES = {urls.GEOMETRY: {"type": "FeatureCollection", "features": []}, urls.WORLD_GEOMETRY: {}}


def query(page: str, name: str, lang: str = "en") -> str:
    return f"?chart={name}&{QUERY[page]}&lang={lang}"


def test_every_chart_a_url_can_name_is_registered_once_with_its_export_bar() -> None:
    assert set(charts.REGISTRY) == set(NAMED)
    for (page, name), spec in charts.REGISTRY.items():
        bar = BARS[spec.bar]
        assert bar.page == page
        assert (bar.chart or urls.CHARTS[page][0]) == name
    assert {spec.bar for spec in charts.REGISTRY.values()} == set(BARS) == set(ids.EXPORT_BARS)


@pytest.mark.parametrize(("page", "name"), NAMED)
def test_every_chart_draws_an_image_with_its_caption(page: str, name: str) -> None:
    shown = charts.read(page, query(page, name, "es"))
    assert shown.name == name
    chart = charts.chart(shown)
    assert chart.caption.title and chart.caption.source and chart.filename.startswith("puentes-")
    figure, width, height = exports.image_figure(chart, SHAPES)
    assert width == exports.WIDTHS[chart.key] and height > 0
    assert figure["data"] or figure["layout"]["annotations"]  # a chart, or words saying why not


@pytest.mark.parametrize(("page", "name"), NAMED)
def test_every_chart_has_a_table_with_ids_unit_and_source(page: str, name: str) -> None:
    table = charts.table(charts.read(page, query(page, name)))
    assert len(table) > 0
    assert all(str(c).isidentifier() and str(c) == str(c).lower() for c in table.columns)
    assert "source" in table.columns
    # events have no unit; the flows' CSV keeps the columns its published link always had
    assert "unit" in table.columns or (page, name) in {("dialogue", "timeline"), ("corridors", "flows")}
    text = to_csv(table)
    assert text.splitlines()[0] == ",".join(table.columns)  # ids, never the reader's words
    book = load_workbook(io.BytesIO(to_xlsx(table, Locale.of("fr"))))
    assert book.sheetnames == ["data", "About"]
    assert [c.value for c in book["data"][1]] == list(table.columns)
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(min_row=2)}
    assert set(about) == set(table.columns) and all(about.values())  # every column explained


@pytest.mark.parametrize(("page", "name"), NAMED)
def test_every_chart_embeds_alone(page: str, name: str) -> None:
    _navbar, body = render(f"/embed/{page}", query(page, name))
    graph = next(c for c in walk(body) if getattr(c, "id", None) == ids.EMBED_GRAPH)
    assert graph.figure["layout"]["autosize"] is True
    title = next(c for c in walk(body) if getattr(c, "id", None) == ids.EMBED_TITLE)
    assert title.children == charts.chart(charts.read(page, query(page, name))).caption.title


@pytest.mark.parametrize(("page", "name"), NAMED)
def test_every_chart_makes_a_briefing_slide(page: str, name: str) -> None:
    view = urls.chart_view(f"/{page}", "?" + QUERY[page], None if name == urls.CHARTS[page][0] else name)
    pack = briefing.slides([view], Locale.of("es"), "https://puentes.example/", lambda chart: b"png")
    assert len(pack.slides) == 1 and not pack.failures
    assert pack.slides[0].title == charts.chart(charts.read(page, query(page, name, "es"))).caption.title


def walk(node: object) -> list[object]:
    out = [node]
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        out += walk(child)
    return out


def test_the_corridors_map_keeps_its_name_in_the_basket() -> None:
    assert urls.chart_view("/corridors", "?focus=ESP", "map") == "/corridors?chart=map&focus=ESP"
    assert urls.chart_view("/map", "?countries=VEN", None) == "/map?countries=VEN"
    shown = briefing.charts(["/corridors?chart=map&focus=ESP"], Locale.of("en"))
    assert shown[0][2].key == "corridor-map"


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app().server.test_client()


def test_the_published_csv_links_answer_as_before(client: FlaskClient) -> None:
    old = client.get("/download/map.csv?indicator=migrant_stock&year=2020")
    assert old.status_code == 200 and old.headers["Content-Type"].startswith("text/csv")
    assert 'filename="puentes-migrant_stock-2020-both.csv"' in old.headers["Content-Disposition"]
    frame = pd.read_csv(io.BytesIO(old.data), keep_default_na=False)
    assert list(frame.columns) == CSV_COLUMNS and set(frame["year"]) == {2020}
    # UN DESA IMS 2024, Spain, 2020, both sexes, all ages (undesa_ims2024_stock_by_destination_sex_age.csv)
    assert frame.loc[frame["iso3"] == "ESP", "value"].item() == 7_146_130
    flows = client.get("/download/corridors.csv?year=2024&base=2000")
    assert 'filename="puentes-corridors-celac_eu-2024-total.csv"' in flows.headers["Content-Disposition"]
    rows = pd.read_csv(io.BytesIO(flows.data), keep_default_na=False)
    assert list(rows.columns) == CORRIDOR_COLUMNS and set(rows["year"]) == {2000, 2024}


@pytest.mark.parametrize(
    ("path", "endpoint"),
    [
        ("/export/map.png", "export_image"),
        ("/export/map.svg", "export_image"),
        ("/export/corridors.png", "export_image"),
        ("/export/programmes.svg", "export_image"),
        ("/download/map.csv", "map_csv"),
        ("/download/corridors.csv", "corridors_csv"),
        ("/download/map.xlsx", "download_table"),
        ("/download/dialogue.csv", "download_table"),
        ("/download/programmes.xlsx", "download_table"),
    ],
)
def test_every_page_with_charts_has_its_routes(client: FlaskClient, path: str, endpoint: str) -> None:
    assert client.application.url_map.bind("localhost").match(path)[0] == endpoint


def test_a_chart_s_xlsx_has_the_same_rows_as_its_csv(client: FlaskClient) -> None:
    search = "?chart=trend&direction=custom&origins=VEN,COL&destinations=ESP&lang=es"
    text = client.get("/download/corridors.csv" + search)
    book = client.get("/download/corridors.xlsx" + search)
    assert book.status_code == 200 and book.mimetype == XLSX_TYPE
    assert 'filename="puentes-corridors-trend-custom-total.xlsx"' in book.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(book.data))["data"]
    assert sheet.max_row - 1 == len(pd.read_csv(io.BytesIO(text.data))) == 16  # 2 corridors x 8 years
    about = load_workbook(io.BytesIO(book.data))["About"]
    assert ("origin_name", "País de nacimiento") in [(r[0].value, r[1].value) for r in about.iter_rows()]


def test_the_trend_draws_the_eight_largest_corridors_and_says_so() -> None:
    shown = charts.chart(charts.read("corridors", "?chart=trend&year=2024"))  # CELAC -> EU
    assert len(shown.figure["data"]) == 8
    note = shown.figure["layout"]["annotations"][0]["text"].replace("<br>", " ")  # wrapped for a phone
    assert note.startswith("The 8 largest of ") and "the CSV has them all" in note
    table = charts.table(charts.read("corridors", "?chart=trend&year=2024"))
    assert table["on_chart"].sum() == 8 * 8  # eight corridors, eight years each
    assert sorted(set(table["year"])) == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]


def test_an_empty_corridor_over_time_says_why() -> None:
    query = "?chart=trend&direction=custom&origins=DMA&destinations=LVA"
    shown = charts.chart(charts.read("corridors", query))
    assert shown.figure["data"] == []
    assert "Dominica" in shown.figure["layout"]["annotations"][0]["text"]
