"""Programmes page in a real Chromium: key figures from the seeds, filtered by programme."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until

from layouts import ids


def test_programme_filter_shows_its_cited_results(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/programmes")
    dash_duo.wait_for_text_to_equal(".page-title", "Programme results", timeout=15)
    text = dash_duo.find_element(f"#{ids.PROGRAMMES_BODY}").text
    # seed 000: 350 civil servants, 150 institutions, 30 countries, "3 million" (no currency);
    # seed 003: 21 activities
    for fact in (
        "350 people",
        "150 institutions",
        "30 countries",
        "3,000,000 (currency not stated)",
        "21 activities",
    ):
        assert fact in text
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: 'mieux'})", ids.PROGRAMMES_FILTER
    )
    until(lambda: "350 people" not in dash_duo.find_element(f"#{ids.PROGRAMMES_BODY}").text, timeout=10)
    text = dash_duo.find_element(f"#{ids.PROGRAMMES_BODY}").text
    assert "21 activities" in text and "350 people" not in text
    assert dash_duo.get_logs() == []


def test_peru_counts_agree_between_the_list_and_every_result(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    """The README's example: the list beside the map and "Every result" count the same results."""
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(
        f"{dash_duo.server_url}/programmes?programme=mieux&component=mieux_peru_3&countries=PER"
    )
    dash_duo.wait_for_text_to_equal(".page-title", "Programme results", timeout=15)
    # seed 003, Peru III: inter-sectoral guidelines and a training curriculum (two results)
    rows = dash_duo.find_elements(f"#{ids.PROGRAMMES_BODY} table tbody tr")
    reached = dash_duo.find_element(f"#{ids.PROGRAMMES_REACHED}").text
    assert len(rows) == 2 and "Peru" in reached and "2 results" in reached
    assert "Results naming it" in reached
    caption = dash_duo.find_element(f"#{ids.PROGRAMMES_MAP_CAPTION}").text
    assert "the list counts the results" in caption and "colour counts the programmes" in caption
    sources = rows[0].find_elements("css selector", "td")[-1].text
    assert "MIEUX brief on Latin America and the Caribbean (2018)" in sources
    assert "003_ee5460814acfab00.txt" in sources
    assert dash_duo.get_logs() == []
