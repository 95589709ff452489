"""Dialogue page renders in both languages."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids


def test_dialogue_page_renders(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue?lang=es")
    dash_duo.wait_for_text_to_equal(".page-title", "Diálogo UE–CELAC sobre migración", timeout=15)
    assert dash_duo.find_element(f"#{ids.DIALOGUE_BODY}").text
    assert dash_duo.get_logs() == []
