"""The map by keyboard alone (issue 18, item 2): the year slider's arrow keys step through the years
that have data and each step redraws the map; the Map/Table tabs are one Tab stop whose arrow keys
open the table, which Tab then reaches."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from layouts import ids

PLOT = f"#{ids.MAP_GRAPH} .js-plotly-plot"
THUMB = f"#{ids.MAP_YEAR} [role='slider']"
# UN DESA International Migrant Stock 2024: estimates every five years from 1990, and 2024.
UN_DESA_YEARS = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)


def press(dash_duo: DashComposite, *keys: str) -> None:
    ActionChains(dash_duo.driver).send_keys(*keys).perform()


def focused(dash_duo: DashComposite, attribute: str) -> Any:
    return dash_duo.driver.execute_script(f"return document.activeElement.getAttribute('{attribute}')")


def map_values(dash_duo: DashComposite) -> Any:
    return dash_duo.driver.execute_script(f"return document.querySelector('{PLOT}').data[1].z")


def year_shown(dash_duo: DashComposite, year: int) -> None:
    """The thumb, the subtitle and the address bar all say ``year``."""
    dash_duo.wait_for_element(f"{THUMB}[aria-valuenow='{year}']", timeout=15)
    dash_duo.wait_for_contains_text(f"#{ids.MAP_SUBTITLE}", str(year), timeout=15)
    until(lambda: f"year={year}" in dash_duo.driver.current_url or year == 2024, 15)


def test_arrow_keys_step_through_data_years_and_redraw_the_map(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)
    year_shown(dash_duo, UN_DESA_YEARS[-1])
    assert dash_duo.find_element(THUMB).get_attribute("aria-label") == "Year"
    dash_duo.driver.execute_script(f'document.querySelector("{THUMB}").focus()')
    before = map_values(dash_duo)
    press(dash_duo, Keys.ARROW_LEFT)
    year_shown(dash_duo, UN_DESA_YEARS[-2])
    until(lambda: map_values(dash_duo) != before, 15)  # the map is redrawn
    press(dash_duo, Keys.ARROW_DOWN)
    year_shown(dash_duo, UN_DESA_YEARS[-3])
    assert focused(dash_duo, "role") == "slider"  # the thumb keeps the focus
    press(dash_duo, Keys.HOME)
    year_shown(dash_duo, UN_DESA_YEARS[0])
    press(dash_duo, Keys.ARROW_RIGHT)
    year_shown(dash_duo, UN_DESA_YEARS[1])
    assert dash_duo.get_logs() == []


def test_arrow_keys_step_one_year_on_an_annual_indicator(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=net_migration&year=2000")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)
    year_shown(dash_duo, 2000)
    dash_duo.driver.execute_script(f'document.querySelector("{THUMB}").focus()')
    before = map_values(dash_duo)
    press(dash_duo, Keys.ARROW_RIGHT)
    year_shown(dash_duo, 2001)  # UN DESA WPP: one estimate a year
    until(lambda: map_values(dash_duo) != before, 15)
    assert dash_duo.get_logs() == []


def test_the_table_is_reached_and_opened_by_keyboard(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)
    tabs = dash_duo.find_elements(f"#{ids.MAP_TABS} [role='tab']")
    assert len({t.get_attribute("id") for t in tabs}) == 2  # unique ids
    assert [t.get_attribute("tabindex") for t in tabs] == ["0", "-1"]  # one Tab stop
    dash_duo.driver.execute_script(f'document.querySelector("{THUMB}").focus()')
    for _ in range(12):  # Tab from the year slider to the tabs
        press(dash_duo, Keys.TAB)
        if focused(dash_duo, "role") == "tab":
            break
    assert dash_duo.driver.switch_to.active_element.text == "Map"
    press(dash_duo, Keys.ARROW_RIGHT)  # the Table tab, opened
    dash_duo.wait_for_element(f"#{ids.MAP_TABLE} td", timeout=20)
    active = dash_duo.driver.switch_to.active_element
    assert active.text == "Table" and active.get_attribute("aria-selected") == "true"
    assert dash_duo.find_element(f"#{ids.MAP_TABS} [aria-selected='true']").text == "Table"
    panel = dash_duo.driver.execute_script(
        "return document.getElementById(document.activeElement.getAttribute('aria-controls'))"
    )
    assert panel is not None and panel.get_attribute("role") == "tabpanel"
    press(dash_duo, Keys.TAB)  # into the table's panel: its CSV link first
    assert focused(dash_duo, "id") == ids.MAP_DOWNLOAD
    press(dash_duo, Keys.TAB)  # then the table: its first column's sort button
    assert focused(dash_duo, "role") == "button" and focused(dash_duo, "aria-label") == "Country"
    first = f"#{ids.MAP_TABLE} td[data-dash-column='country'] .dash-cell-value"
    countries = [e.text for e in dash_duo.find_elements(first)]
    press(dash_duo, Keys.ENTER)  # sorts by country
    until(lambda: dash_duo.find_element(first).text in (min(countries), max(countries)), 10)
    assert dash_duo.find_element(f"#{ids.MAP_TABLE} th[data-dash-column='country']").get_attribute(
        "aria-sort"
    ) in ("ascending", "descending")
    for _ in range(2):  # Shift+Tab, twice: back past the CSV link to the tabs
        dash_duo.driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    assert focused(dash_duo, "role") == "tab"
    press(dash_duo, Keys.ARROW_LEFT)
    dash_duo.wait_for_element(f"{PLOT}", timeout=10)
    assert dash_duo.find_element(f"#{ids.MAP_TABS} [aria-selected='true']").text == "Map"
    assert dash_duo.get_logs() == []
