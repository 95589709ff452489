"""Navbar and language switch: client-side navigation keeps the shared filters."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids


def test_navbar_and_language_switch_keep_the_view(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=net_migration")
    dash_duo.wait_for_text_to_equal(".page-title", "Net migration", timeout=15)
    dash_duo.find_element(f"#{ids.language_link('fr')}").click()
    dash_duo.wait_for_text_to_equal(".page-title", "Migration nette", timeout=10)
    dash_duo.find_element(f"#{ids.nav_link('corridors')}").click()
    dash_duo.wait_for_text_to_equal(".page-title", "Corridors migratoires", timeout=10)
    url = dash_duo.driver.current_url
    assert "/corridors" in url and "lang=fr" in url and "indicator=net_migration" in url
    # French thousands separator (narrow no-break space) in the corridor totals
    assert "\u202f" in dash_duo.find_element(f"#{ids.CORRIDORS_CAPTION}").text
    assert dash_duo.get_logs() == []


def test_unknown_page_says_so(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/nowhere?lang=pt")
    dash_duo.wait_for_text_to_equal(".page-title", "Página não encontrada", timeout=15)
    assert dash_duo.get_logs() == []
