"""Corridors page in a real Chromium: flows, linked map, table, permalinks and bad links."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.action_chains import ActionChains

from layouts import ids

FLOWS = f"#{ids.CORRIDORS_FLOWS} .js-plotly-plot"
MAP = f"#{ids.CORRIDORS_MAP} .js-plotly-plot"


def node_labels(dash_duo: DashComposite) -> Any:
    labels = dash_duo.driver.execute_script(f"return document.querySelector('{FLOWS}').data[0].node.label")
    return [label.rsplit("<br>", 1)[0].replace("<br>", " ") for label in labels]  # "Spain<br>1.1 million"


def wait_for_page(dash_duo: DashComposite) -> None:
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_MAP} .choroplethlayer path", timeout=20)


def click_country(dash_duo: DashComposite, trace: int, code: str) -> None:
    """Click the shape of ``code`` in map trace ``trace`` (0 members, 1 rest of the world)."""
    path = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('{MAP}');"
        f"const i = gd.data[{trace}].locations.indexOf(arguments[0]);"
        f"return [...document.querySelectorAll('#{ids.CORRIDORS_MAP} .choroplethlayer .trace')][{trace}]"
        ".querySelectorAll('path')[i];",
        code,
    )
    ActionChains(dash_duo.driver).move_to_element(path).click().perform()


def test_default_view_draws_flows_map_and_table(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors")
    wait_for_page(dash_duo)
    labels = node_labels(dash_duo)
    assert {"Ecuador", "Spain", "Italy", "Other origins"} <= set(labels)
    rows = [r.text for r in dash_duo.find_elements(f"#{ids.CORRIDORS_TABLE} tbody tr")]
    ecuador = next(r for r in rows if "Ecuador Spain" in r)
    assert "432,111" in ecuador  # SOURCES.md: IMS 2024, Ecuador -> Spain
    assert dash_duo.find_element(f"#{ids.CORRIDORS_FOCUS_TITLE}").text.startswith("Where migrants in Spain")
    requests = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any(url.endswith("/geometry/world.geojson") for url in requests)
    assert [url for url in requests if not url.startswith(dash_duo.server_url)] == []
    assert "2021" in dash_duo.find_element(f"#{ids.CORRIDORS_REMITTANCE_SOURCE}").text
    assert dash_duo.get_logs() == []


def test_switching_direction_redraws_the_flows(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors")
    wait_for_page(dash_duo)
    dash_duo.find_element(f"#{ids.CORRIDORS_DIRECTION} input[value='eu_celac'] + label").click()
    dash_duo.wait_for_contains_text(f"#{ids.CORRIDORS_SUBTITLE}", "EU → CELAC", timeout=10)
    assert "direction=eu_celac" in dash_duo.driver.current_url
    labels = node_labels(dash_duo)
    assert "Spain" in labels[:3] and "Other destinations" in labels  # Spain is now an origin
    dash_duo.find_element(f"#{ids.CORRIDORS_SEX} input[value='female'] + label").click()
    dash_duo.wait_for_contains_text(f"#{ids.CORRIDORS_SUBTITLE}", "women", timeout=10)
    assert "sex=female" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_clicking_the_map_switches_between_origins_and_destinations(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors")
    wait_for_page(dash_duo)
    # (shapes whose bounding-box centre is on land: the click lands on the shape itself)
    click_country(dash_duo, 0, "BRA")
    dash_duo.wait_for_text_to_equal(
        f"#{ids.CORRIDORS_FOCUS_TITLE}", "Where emigrants from Brazil live, 2024", timeout=10
    )
    assert "focus=BRA" in dash_duo.driver.current_url and "side=origin" in dash_duo.driver.current_url
    locations = dash_duo.driver.execute_script(f"return document.querySelector('{MAP}').data[1].locations")
    assert "AUS" in locations and "USA" in locations
    click_country(dash_duo, 1, "AUS")
    dash_duo.wait_for_text_to_equal(
        f"#{ids.CORRIDORS_FOCUS_TITLE}", "Where migrants in Australia come from, 2024", timeout=10
    )
    assert dash_duo.get_logs() == []


def test_permalink_restores_the_view_in_spanish(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    query = "?year=2010&lang=es&origins=ECU,COL&destinations=ESP,ITA&sex=female&base=1990"
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors{query}")
    wait_for_page(dash_duo)
    assert dash_duo.find_element(f"#{ids.CORRIDORS_SUBTITLE}").text == (
        "Ecuador, Colombia → España, Italia · migrantes (personas), mediados de 2010, mujeres"
    )
    assert set(node_labels(dash_duo)) == {"Ecuador", "Colombia", "España", "Italia"}
    assert dash_duo.find_element(f"#{ids.CORRIDORS_SEX} input[value='female']").is_selected()
    assert "Crecimiento desde 1990" in dash_duo.find_element(f"#{ids.CORRIDORS_TABLE}").text
    english = dash_duo.find_element(ids.selector(ids.language_link("en"))).get_attribute("href")
    assert "origins=ECU,COL" in english and "sex=female" in english and "lang=" not in english
    assert dash_duo.driver.current_url.endswith(query)  # the page did not rewrite a valid link
    assert dash_duo.get_logs() == []


def test_bad_corridor_parameters_show_a_notice(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?sex=both&origins=ECU,XYZ&focus=%3Cb%3E")
    wait_for_page(dash_duo)
    text = dash_duo.find_element(f"#{ids.CORRIDORS_NOTICE}").text
    assert "Sex" in text and "“XYZ”" in text and "Country" in text
    assert dash_duo.find_element(f"#{ids.CORRIDORS_SEX} input[value='total']").is_selected()
    assert dash_duo.get_logs() == []
