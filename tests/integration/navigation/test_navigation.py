"""Navbar and language switch: client-side navigation keeps the shared filters."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids


def test_navbar_and_language_switch_keep_the_view(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=net_migration")
    dash_duo.wait_for_text_to_equal(".page-title", "Net migration", timeout=15)
    dash_duo.find_element(ids.selector(ids.language_link("fr"))).click()
    dash_duo.wait_for_text_to_equal(".page-title", "Migration nette", timeout=10)
    dash_duo.find_element(ids.selector(ids.nav_link("corridors"))).click()
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
    page = dash_duo.find_element(f"#{ids.NOT_FOUND}")
    assert "/nowhere" in page.text
    links = page.find_elements("css selector", "a")
    assert [link.text for link in links] == [
        "Explorador de mapas",
        "Corredores",
        "Cronologia do diálogo",
        "Resultados dos programas",
        "Fontes",
    ]
    # The browser reports the page's own 404 status (which is the point), and nothing else.
    logs = dash_duo.get_logs()
    assert [entry["message"].split(" - ")[0] for entry in logs] == [f"{dash_duo.server_url}/nowhere?lang=pt"]
    assert "404" in logs[0]["message"]
    links[1].click()  # the pages link on, in the reader's language
    dash_duo.wait_for_text_to_equal(".page-title", "Corredores migratórios", timeout=10)
    assert dash_duo.get_logs() == []


def test_links_follow_a_view_changed_on_the_page(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """After a control rewrites the URL, the language switch keeps the whole view and the page
    links keep the shared filters (they were the URL of the page load before)."""
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=net_migration")
    dash_duo.wait_for_text_to_equal(".page-title", "Net migration", timeout=15)
    dash_duo.driver.execute_script("window.dash_clientside.set_props('map-year', {value: 2000})")
    dash_duo.wait_for_contains_text(f"#{ids.MAP_SUBTITLE}", "2000", timeout=10)
    french = dash_duo.find_element(ids.selector(ids.language_link("fr")))
    dash_duo.wait_for_element(ids.selector(ids.language_link("fr")) + "[href*='year=2000']", timeout=5)
    assert french.get_attribute("href").endswith("/map?indicator=net_migration&year=2000&lang=fr")
    corridors = dash_duo.find_element(ids.selector(ids.nav_link("corridors")))
    assert corridors.get_attribute("href").endswith("/corridors?indicator=net_migration&year=2000")
    french.click()
    dash_duo.wait_for_text_to_equal(".page-title", "Migration nette", timeout=10)
    assert "2000" in dash_duo.find_element(f"#{ids.MAP_SUBTITLE}").text
    assert dash_duo.get_logs() == []
