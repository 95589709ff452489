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
    # seed 000: 350 civil servants, 150 institutions, 30 countries, EUR 3 million; seed 003: 21 activities
    for fact in ("350 people", "150 institutions", "30 countries", "EUR 3,000,000", "21 activities"):
        assert fact in text
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: 'mieux'})", ids.PROGRAMMES_FILTER
    )
    until(lambda: "350 people" not in dash_duo.find_element(f"#{ids.PROGRAMMES_BODY}").text, timeout=10)
    text = dash_duo.find_element(f"#{ids.PROGRAMMES_BODY}").text
    assert "21 activities" in text and "350 people" not in text
    assert dash_duo.get_logs() == []
