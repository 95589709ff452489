"""The briefing basket in the browser and the PowerPoint it downloads: views are kept across
pages (in localStorage), listed with their titles, removed, and the deck opens with a slide per
view carrying the chart, title, source and permalink."""

from __future__ import annotations

import io
from pathlib import Path

from basket_steps import add_current_view, allow_downloads, click, downloaded
from dash import Dash
from dash.testing.composite import DashComposite
from pptx import Presentation

from layouts import ids


def test_collect_views_and_download_the_deck(
    dash_duo: DashComposite, puentes_app: Dash, tmp_path: Path
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=migrant_share&year=2020&lang=es")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    add_current_view(dash_duo, "1")
    dash_duo.find_element(ids.selector(ids.nav_link("corridors"))).click()
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey", timeout=15)
    add_current_view(dash_duo, "2")
    add_current_view(dash_duo, "2")  # the same view twice is kept once
    dash_duo.driver.refresh()  # the basket is in the browser, not in the page
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "2", timeout=15)

    dash_duo.find_element(f"#{ids.BRIEFING_OPEN}").click()
    # The panel slides in: its text reads empty until it is on screen, so wait for the words.
    map_title = "Migrantes internacionales, porcentaje de la población"
    dash_duo.wait_for_contains_text(f"#{ids.BRIEFING_LIST} ol", map_title, timeout=15)
    listed = dash_duo.find_element(f"#{ids.BRIEFING_LIST} ol").text
    assert "Corredores migratorios" in listed or "CELAC → UE" in listed
    form = f"#{ids.BRIEFING_FORM}"
    views = [e.get_attribute("value") for e in dash_duo.find_elements(f"{form} input[name=view]")]
    assert views[0] == "/map?indicator=migrant_share&year=2020" and len(views) == 2
    assert dash_duo.find_element(f"{form} input[name=lang]").get_attribute("value") == "es"

    allow_downloads(dash_duo, tmp_path)
    click(dash_duo, f"#{ids.BRIEFING_DOWNLOAD}")  # POSTed by the page's script, saved as a file
    deck = Presentation(io.BytesIO(downloaded(tmp_path, ".pptx")))
    assert dash_duo.find_element(f"#{ids.BRIEFING_STATUS}").text == ""  # "Making the file…" is gone
    assert len(deck.slides) == 3  # cover + two views
    first = " ".join(s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)
    assert "Migrantes internacionales, porcentaje de la población" in first
    assert "UN DESA" in first and "/map?indicator=migrant_share&year=2020&lang=es" in first
    assert [s for s in deck.slides[1].shapes if s.shape_type == 13]  # the chart image

    click(dash_duo, ids.selector(ids.briefing_remove(0)))
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "1", timeout=10)
    click(dash_duo, f"#{ids.BRIEFING_CLEAR}")
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "0", timeout=10)
    assert dash_duo.get_logs() == []


def test_an_empty_or_forged_pack_is_refused(dash_duo: DashComposite, puentes_app: Dash) -> None:
    client = puentes_app.server.test_client()
    for query in ("", "?view=https://evil.example/map", "?view=/sources&lang=fr"):
        response = client.get("/briefing.pptx" + query)
        assert response.status_code == 400
        assert response.mimetype == "text/plain" and "Traceback" not in response.get_data(as_text=True)
