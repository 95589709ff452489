"""The corridors' year by keyboard alone (issue 18, item 2): each arrow key moves the thumb to the
next year with data and commits that same year, so the flows are redrawn for the year shown."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from layouts import ids

FLOWS = f"#{ids.CORRIDORS_FLOWS} .js-plotly-plot"
THUMB = f"#{ids.CORRIDORS_YEAR} [role='slider']"
# UN DESA International Migrant Stock 2024 (origin x destination): 1990 to 2020 every five years, 2024.
YEARS = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)


def flows(dash_duo: DashComposite) -> Any:
    return dash_duo.driver.execute_script(f"return document.querySelector('{FLOWS}').data[0].link.value")


def test_arrow_keys_commit_the_year_the_thumb_shows(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?lang=es")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    dash_duo.wait_for_element(f"{THUMB}[aria-valuenow='{YEARS[-1]}']", timeout=10)
    assert dash_duo.find_element(THUMB).get_attribute("aria-label") == "Año"
    dash_duo.driver.execute_script(f'document.querySelector("{THUMB}").focus()')
    for year in (YEARS[-2], YEARS[-3]):
        before = flows(dash_duo)
        ActionChains(dash_duo.driver).send_keys(Keys.ARROW_LEFT).perform()
        dash_duo.wait_for_element(f"{THUMB}[aria-valuenow='{year}']", timeout=10)
        until(lambda y=year: f"year={y}" in dash_duo.driver.current_url, 15)
        until(lambda b=before: flows(dash_duo) != b, 15)  # redrawn for that year
        assert dash_duo.find_element(THUMB).get_attribute("aria-valuenow") == str(year)
    ActionChains(dash_duo.driver).send_keys(Keys.END).perform()
    dash_duo.wait_for_element(f"{THUMB}[aria-valuenow='{YEARS[-1]}']", timeout=10)
    until(
        lambda: (
            f"year={YEARS[-1]}" in dash_duo.driver.current_url or "year=" not in dash_duo.driver.current_url
        ),
        15,
    )
    assert dash_duo.get_logs() == []
