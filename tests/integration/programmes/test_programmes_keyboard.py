"""The programmes' list of countries reached, by keyboard alone (issue 18, item 2): a named region
that Tab reaches and the arrow and page keys scroll."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from layouts import ids


def scrolled(dash_duo: DashComposite) -> float:
    script = f"return document.getElementById('{ids.PROGRAMMES_REACHED}').scrollTop"
    return float(dash_duo.driver.execute_script(script))


def test_the_list_of_countries_is_reached_and_scrolled(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/programmes?lang=pt")
    dash_duo.wait_for_element(f"#{ids.PROGRAMMES_REACHED} tbody tr", timeout=20)
    box = dash_duo.find_element(f"#{ids.PROGRAMMES_REACHED}")
    assert box.get_attribute("role") == "region" and box.get_attribute("aria-label") == "Países abrangidos"
    dash_duo.driver.execute_script(f"document.getElementById('{ids.PROGRAMMES_COUNTRIES}').focus()")
    for _ in range(30):  # Tab from the last filter, past the map's export links, to the list
        ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
        if dash_duo.driver.execute_script("return document.activeElement.id") == ids.PROGRAMMES_REACHED:
            break
    assert dash_duo.driver.execute_script("return document.activeElement.id") == ids.PROGRAMMES_REACHED
    assert scrolled(dash_duo) == 0
    ActionChains(dash_duo.driver).send_keys(Keys.PAGE_DOWN).perform()
    until(lambda: scrolled(dash_duo) > 0, 5)
    assert dash_duo.get_logs() == []
