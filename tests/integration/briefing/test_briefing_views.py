"""A briefing that says what the views say: a Venezuela/Colombia map, the corridors' world map and
an empty corridor choice, with a typed title; the deck carries the selected countries' figures,
a "no data" slide for the empty view, and a title, alt text and notes on every slide; the PDF has
the same pages and the same figures as text."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pypdf
from basket_steps import add_current_view, allow_downloads, click, downloaded
from dash import Dash
from dash.testing.composite import DashComposite
from pptx import Presentation
from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException

from dashboard import datasets
from layouts import ids

VIEWS = ("/map?countries=VEN,COL", "/corridors?chart=map", "/corridors?direction=custom")


def stock(iso3: str, year: int) -> float:
    """The stored value (tests/etl checks it against the raw UN DESA cell)."""
    values = datasets.indicator_values()
    row = values[
        (values["iso3"] == iso3) & (values["indicator"] == "migrant_stock") & (values["year"] == year)
    ]
    return float(row["value"].iloc[0])


def test_the_deck_and_pdf_say_what_the_views_say(
    dash_duo: DashComposite, puentes_app: Dash, tmp_path: Path
) -> None:
    dash_duo.start_server(puentes_app)
    for count, view in enumerate(VIEWS, start=1):
        dash_duo.driver.get(f"{dash_duo.server_url}{view}")
        dash_duo.wait_for_element(f"#{ids.BRIEFING_OPEN}", timeout=15)
        dash_duo.wait_for_element(f"#{ids.MAP_GRAPH}, #{ids.CORRIDORS_FLOWS}", timeout=15)
        if "chart=map" in view:  # the linked map's own "Add to briefing", under the map
            button = dash_duo.find_element(f"#{ids.export_control('corridors-map', 'add')}")
            dash_duo.driver.execute_script(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", button
            )
            dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", str(count), timeout=10)
        else:
            add_current_view(dash_duo, str(count))

    dash_duo.find_element(f"#{ids.BRIEFING_OPEN}").click()
    # The panel slides in: its text reads empty until it is on screen, so wait for the words.
    dash_duo.wait_for_contains_text(f"#{ids.BRIEFING_LIST} ol", "International migrant stock", timeout=15)
    for _attempt in range(10):
        try:
            dash_duo.find_element(f"#{ids.BRIEFING_TITLE}").send_keys("Venezuela and Colombia to Spain")
            break
        except (StaleElementReferenceException, ElementNotInteractableException):
            time.sleep(0.3)
    form = f"#{ids.BRIEFING_FORM}"
    views = [e.get_attribute("value") for e in dash_duo.find_elements(f"{form} input[name=view]")]
    assert views[0] == "/map?countries=VEN,COL" and "direction=custom" in views[2]
    assert views[1].startswith("/corridors?chart=map")  # the map's own button adds the map, not the flows
    allow_downloads(dash_duo, tmp_path)
    click(dash_duo, f"#{ids.BRIEFING_DOWNLOAD}")
    deck = Presentation(io.BytesIO(downloaded(tmp_path, ".pptx")))
    assert len(deck.slides) == 1 + len(VIEWS)
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in deck.slides]
    assert "Venezuela and Colombia to Spain" in texts[0]
    venezuela, colombia = f"{stock('VEN', 2024):,.0f} people", f"{stock('COL', 2024):,.0f} people"
    assert venezuela in texts[1] and colombia in texts[1] and "rank" in texts[1]
    assert "Highest in CELAC" not in texts[1]
    assert "Where migrants in Spain come from" in texts[2] and "Morocco" in texts[2]
    assert "No data" in texts[3]
    assert not [s for s in deck.slides[3].shapes if s.shape_type == 13]  # no empty chart image
    for slide in deck.slides:
        assert slide.shapes.title.text_frame.text.strip()
        assert slide.notes_slide.notes_text_frame.text.strip()
        for picture in (s for s in slide.shapes if s.shape_type == 13):
            assert len(picture._element.nvPicPr.cNvPr.get("descr")) > 20

    click(dash_duo, f"#{ids.BRIEFING_PDF}")
    pdf = pypdf.PdfReader(io.BytesIO(downloaded(tmp_path, ".pdf")))
    assert len(pdf.pages) == len(deck.slides)
    chart_page = pdf.pages[1].extract_text()
    assert venezuela in chart_page and colombia in chart_page

    click(dash_duo, f"#{ids.BRIEFING_CLEAR}")
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "0", timeout=10)
    assert dash_duo.get_logs() == []
