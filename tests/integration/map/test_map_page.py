"""The map page in a real Chromium: renders, reacts to its controls, survives bad URLs."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids

SAME_ORIGIN_JS = "return performance.getEntriesByType('resource').map(e => e.name)"


def choropleth_fills(dash_duo: DashComposite) -> list[str]:
    """The colour each country is painted with, as the browser computed it."""
    script = (
        f"return [...document.querySelectorAll('#{ids.MAP_GRAPH} .choroplethlayer path')]"
        ".map(p => getComputedStyle(p).fill)"
    )
    return list(dash_duo.driver.execute_script(script))


def test_map_page_renders_the_map_from_local_assets(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    dash_duo.wait_for_text_to_equal(".page-title", "International migrant stock", timeout=10)
    assert len(choropleth_fills(dash_duo)) >= 50  # 60 members; the tiniest islands are markers only
    assert "UN DESA" in dash_duo.find_element(f"#{ids.MAP_SOURCE}").text
    requests = dash_duo.driver.execute_script(SAME_ORIGIN_JS)
    assert any("world_110m.json" in url for url in requests)
    assert [url for url in requests if not url.startswith(dash_duo.server_url)] == []
    assert dash_duo.get_logs() == []


def test_choosing_an_indicator_updates_map_title_and_permalink(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    before = choropleth_fills(dash_duo)
    dash_duo.select_dcc_dropdown(f"#{ids.MAP_INDICATOR}", value="Net migration rate")
    dash_duo.wait_for_text_to_equal(".page-title", "Net migration rate", timeout=10)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    assert "indicator=net_migration_rate" in dash_duo.driver.current_url
    assert choropleth_fills(dash_duo) != before
    assert dash_duo.get_logs() == []


def test_permalink_in_spanish_restores_the_view(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=migrant_share&year=2000&lang=es")
    dash_duo.wait_for_text_to_equal(".page-title", "Migrantes internacionales, porcentaje de la población")
    assert dash_duo.find_element(".lead").text.startswith("2000 · % de la población")
    assert "Fuente" in dash_duo.find_element(f"#{ids.MAP_SOURCE}").text
    assert dash_duo.get_logs() == []


def test_a_malformed_url_shows_a_translated_notice_and_defaults(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=%3Cimg%20src=x%3E&year=3000&lang=es")
    dash_duo.wait_for_text_to_equal(".page-title", "Población migrante internacional", timeout=15)
    notice = dash_duo.find_element(f"#{ids.NOTICE}").text
    assert "no se pudo usar" in notice and "<img src=x>" in notice and "3000" in notice
    assert dash_duo.find_elements("img[src='x']") == []  # shown as text, never as HTML
    assert dash_duo.get_logs() == []
