"""The map page in a real Chromium: renders from local assets, reacts to its controls,
restores permalinks, opens profiles on click, and survives bad URLs."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.action_chains import ActionChains

from layouts import ids

PLOT = f"#{ids.MAP_GRAPH} .js-plotly-plot"


def trace_values(dash_duo: DashComposite, index: int = 1) -> Any:
    """z of a map trace as the browser holds it (trace 1 = CELAC data layer, 5 = EU)."""
    return dash_duo.driver.execute_script(f"return document.querySelector('{PLOT}').data[{index}].z")


def set_control(dash_duo: DashComposite, component_id: str, value: Any) -> None:
    """Set a control the way a user's change would (Dash's set_props fires its callbacks)."""
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: arguments[1]})", component_id, value
    )


def wait_for_map(dash_duo: DashComposite) -> None:
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)


def test_map_renders_both_regions_from_local_assets(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    wait_for_map(dash_duo)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_TITLE}", "International migrant stock", timeout=10)
    paths = dash_duo.find_elements(f"#{ids.MAP_GRAPH} .choroplethlayer path")
    assert len(paths) >= 2 * 55  # no-data layer + data layer, 60 members (tiny islands may not draw)
    assert "UN DESA" in dash_duo.find_element(f"#{ids.MAP_SOURCE}").text
    requests = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any(url.endswith("/geometry/members.geojson") for url in requests)
    assert [url for url in requests if not url.startswith(dash_duo.server_url)] == []
    assert dash_duo.get_logs() == []


# The plot area's box and the colour bar's tick labels, as plotly.js laid them out.
DRAWN = f"""const plot = document.querySelector('{PLOT}'); const size = plot._fullLayout._size;
return {{box: [size.w, size.h, size.b], ticks: plot.querySelectorAll('.colorbar .cbaxis text').length,
         bars: plot.querySelectorAll('.colorbar').length}};"""


def test_switching_region_lays_out_the_map_as_a_fresh_load(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    """From both blocs to CELAC and to the EU by the region buttons: one colour bar, its ticks
    once, and the map's box as when the link is opened afresh (no stray axis, no squeezed map)."""
    dash_duo.start_server(puentes_app)
    fresh = {}
    for region in ("celac", "eu"):
        dash_duo.driver.get(f"{dash_duo.server_url}/map?region={region}")
        wait_for_map(dash_duo)
        dash_duo._wait_for_callbacks()
        fresh[region] = dash_duo.driver.execute_script(DRAWN)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?region=both")
    wait_for_map(dash_duo)
    for region in ("celac", "eu"):
        dash_duo.find_element(f"#{ids.MAP_REGION} input[value='{region}'] + label").click()
        dash_duo.wait_for_element(f"#{ids.MAP_REGION} input[value='{region}']:checked", timeout=10)
        dash_duo.wait_for_no_elements("[data-dash-is-loading]", timeout=10)
        dash_duo._wait_for_callbacks()
        drawn = dash_duo.driver.execute_script(DRAWN)
        assert drawn == fresh[region], (region, drawn, fresh[region])
        assert drawn["bars"] == 1 and drawn["box"][2] < 100, drawn
    assert dash_duo.get_logs() == []


def test_indicator_and_year_change_values_not_shapes(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    wait_for_map(dash_duo)
    stock_2024 = trace_values(dash_duo)
    set_control(dash_duo, ids.MAP_YEAR, 2000)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_SUBTITLE}", "2000 · people", timeout=10)
    assert trace_values(dash_duo) != stock_2024
    assert "year=2000" in dash_duo.driver.current_url
    set_control(dash_duo, ids.MAP_INDICATOR, "net_migration_rate")
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_TITLE}", "Net migration rate", timeout=10)
    url = dash_duo.driver.current_url
    assert "indicator=net_migration_rate" in url and "year=2000" in url  # 2000 exists for both
    assert any(v is not None and v < 0 for v in trace_values(dash_duo))  # net emigration somewhere in CELAC
    geojson = dash_duo.driver.execute_script(f"return document.querySelector('{PLOT}').data[1].geojson")
    assert geojson == "/geometry/members.geojson"  # the shapes stayed a URL, fetched once
    assert dash_duo.get_logs() == []


def test_clicking_a_country_opens_its_profile(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    wait_for_map(dash_duo)
    brazil = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('{PLOT}');"
        "const i = gd.data[1].locations.indexOf('BRA');"
        f"return [...document.querySelectorAll('#{ids.MAP_GRAPH} .choroplethlayer .trace')][1]"
        ".querySelectorAll('path')[i];"
    )
    ActionChains(dash_duo.driver).move_to_element(brazil).click().perform()
    dash_duo.wait_for_contains_text(f"#{ids.MAP_CARDS}", "Brazil", timeout=10)
    assert "countries=BRA" in dash_duo.driver.current_url
    legend = dash_duo.find_element(f"#{ids.MAP_PROFILE} .legend").text
    assert "Brazil" in legend and "CELAC" in legend
    assert dash_duo.get_logs() == []


def test_permalink_restores_controls_and_figure(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    query = "?indicator=migrant_share&year=2000&region=eu&countries=ESP,ECU&lang=es&scale=linear"
    dash_duo.driver.get(f"{dash_duo.server_url}/map{query}")
    dash_duo.wait_for_text_to_equal(
        f"#{ids.MAP_TITLE}", "Migrantes internacionales, porcentaje de la población"
    )
    wait_for_map(dash_duo)
    assert dash_duo.find_element(f"#{ids.MAP_SUBTITLE}").text == "2000 · %"
    visible = dash_duo.driver.execute_script(
        f"return document.querySelector('{PLOT}').data.map(t => t.visible)"
    )
    assert visible[:4] == [False] * 4 and visible[4:8] == [True] * 4  # EU only
    assert visible[8:] == [False] * 4  # the labels are written only while presenting
    assert dash_duo.find_element(f"#{ids.MAP_REGION} input[value='eu']").is_selected()
    assert "España" in dash_duo.find_element(f"#{ids.MAP_CARDS}").text
    assert "Fuente" in dash_duo.find_element(f"#{ids.MAP_SOURCE}").text
    assert dash_duo.get_logs() == []


def test_a_malformed_url_shows_a_translated_notice_and_defaults(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=%3Cimg%20src=x%3E&year=3000&lang=es")
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_TITLE}", "Población migrante internacional", timeout=15)
    notice = dash_duo.find_element(f"#{ids.NOTICE}").text
    assert "no se pudo usar" in notice and "<img src=x>" in notice and "3000" in notice
    assert dash_duo.find_elements("img[src='x']") == []  # shown as text, never as HTML
    assert dash_duo.get_logs() == []


def test_table_tab_and_csv_link_follow_the_view(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?region=celac")
    wait_for_map(dash_duo)
    tab = dash_duo.find_element(f"#{ids.MAP_TABS} .nav-link:not(.active)")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", tab)
    tab.click()
    dash_duo.wait_for_element(f"#{ids.MAP_TABLE} tbody tr td", timeout=10)
    rows = dash_duo.find_elements(f"#{ids.MAP_TABLE} tbody tr")
    assert len(rows) == 1 + 33 + 1  # header row + the CELAC members + CELAC's total with its coverage
    assert "33 of 33 countries" in rows[-1].text and rows[-1].text.startswith("CELAC")
    href = dash_duo.find_element(f"#{ids.MAP_DOWNLOAD}").get_attribute("href")
    assert href.endswith("/download/map.csv?region=celac")
    assert dash_duo.get_logs() == []
