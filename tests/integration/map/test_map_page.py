"""The map page in a real Chromium: renders, reacts to the indicator control, survives bad URLs."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids


def test_map_page_renders_the_map(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer", timeout=15)
    dash_duo.wait_for_text_to_equal(".page-title", "International migrant stock", timeout=10)
    paths = dash_duo.find_elements(f"#{ids.MAP_GRAPH} .choroplethlayer path")
    assert len(paths) >= 50  # 60 members minus the smallest islands drawn only as markers
    assert "UN DESA" in dash_duo.find_element(f"#{ids.MAP_SOURCE}").text
    assert dash_duo.get_logs() == []
