"""The timeline's events by keyboard alone (issue 18, item 2): Tab reaches the list of the events
the timeline shows, the arrow keys and Enter choose one, and its card opens beside the timeline."""

from __future__ import annotations

import tomllib
from pathlib import Path

from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from layouts import ids

SEEDS = Path(__file__).resolve().parents[3] / "data" / "dialogue"
EVENTS = {e["id"]: e for e in tomllib.loads((SEEDS / "events.toml").read_text("utf-8"))["event"]}


def press(dash_duo: DashComposite, *keys: str) -> None:
    ActionChains(dash_duo.driver).send_keys(*keys).perform()


def active_id(dash_duo: DashComposite) -> str:
    return str(dash_duo.driver.execute_script("return document.activeElement.id"))


def test_an_event_is_chosen_and_shown_by_keyboard(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue?lang=fr")
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=20)
    thumbs = dash_duo.find_elements(f"#{ids.DIALOGUE_YEARS} [role='slider']")
    assert [t.get_attribute("aria-label") for t in thumbs] == ["Première année", "Dernière année"]
    dash_duo.driver.execute_script("arguments[0].focus()", thumbs[-1])
    for _ in range(25):  # Tab on from the years, past the chart's export links, to the events
        press(dash_duo, Keys.TAB)
        if active_id(dash_duo) == ids.DIALOGUE_EVENT:
            break
    assert active_id(dash_duo) == ids.DIALOGUE_EVENT
    press(dash_duo, Keys.ENTER)
    dash_duo.wait_for_element(".dash-dropdown-content .dash-dropdown-option", timeout=10)
    press(dash_duo, "Lima")  # the list's search box, then the first match once the list is filtered
    dash_duo.wait_for_contains_text(".dash-dropdown-content .dash-dropdown-option", "Lima", timeout=10)
    press(dash_duo, Keys.ARROW_DOWN)
    press(dash_duo, Keys.ENTER)
    title = EVENTS["summit_lima_2008"]["title"]["fr"]
    dash_duo.wait_for_text_to_equal(f"#{ids.DIALOGUE_DETAIL} h3", title, timeout=15)
    assert dash_duo.get_logs() == []
