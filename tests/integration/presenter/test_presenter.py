"""Presenter mode in the browser: start the story from the navbar, step with the keyboard
through every view, leave with Esc; every request goes to the app itself (it works with the
network unplugged), and nothing is logged to the console."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard import stories
from layouts import ids

STORY = stories.stories()[stories.DEFAULT_STORY]


def press(dash_duo: DashComposite, key: str) -> None:
    ActionChains(dash_duo.driver).send_keys(key).perform()


def test_step_through_the_story_with_the_keyboard(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.set_window_size(1280, 720)  # a projector
    dash_duo.driver.get(f"{dash_duo.server_url}/map?lang=fr")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    dash_duo.find_element(f"#{ids.PRESENT_STORY}").click()
    for number, step in enumerate(STORY.steps, start=1):
        dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_TITLE}", step.title["fr"], timeout=15)
        dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_COUNT}", f"{number} / {len(STORY.steps)}")
        assert f"/{step.page}?" in dash_duo.driver.current_url and "lang=fr" in dash_duo.driver.current_url
        assert not dash_duo.find_elements(ids.selector(ids.nav_link("map")))  # the navbar gives way
        press(dash_duo, Keys.ARROW_RIGHT)
    press(dash_duo, Keys.ARROW_LEFT)
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_TITLE}", STORY.steps[-2].title["fr"], timeout=15)
    press(dash_duo, Keys.ESCAPE)
    dash_duo.wait_for_element(ids.selector(ids.nav_link("map")), timeout=15)
    assert not dash_duo.find_elements(f"#{ids.PRESENT_BAR}")
    assert "present=" not in dash_duo.driver.current_url and "lang=fr" in dash_duo.driver.current_url
    requested = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert requested and [u for u in requested if not u.startswith(dash_duo.server_url)] == []
    assert dash_duo.get_logs() == []


def test_present_this_view_keeps_a_changed_view(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=net_migration")
    dash_duo.wait_for_text_to_equal(".page-title", "Net migration", timeout=15)
    dash_duo.driver.execute_script("window.dash_clientside.set_props('map-year', {value: 2000})")
    dash_duo.wait_for_element(ids.selector(ids.present_link()) + "[href*='year=2000']", timeout=10)
    dash_duo.find_element(ids.selector(ids.present_link())).click()
    dash_duo.wait_for_element(f"#{ids.PRESENT_BAR}", timeout=10)
    assert "2000" in dash_duo.find_element(f"#{ids.MAP_SUBTITLE}").text
    assert not dash_duo.find_element(f"#{ids.MAP_INDICATOR}").is_displayed()  # controls hidden
    press(dash_duo, Keys.ESCAPE)
    dash_duo.wait_for_element(f"#{ids.MAP_INDICATOR}", timeout=10)
    assert dash_duo.driver.current_url.endswith("/map?indicator=net_migration&year=2000")
    assert dash_duo.get_logs() == []


def test_present_the_briefing_basket(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """The basket's views, in order, in presenter mode: the bar's count and links come from the
    browser's basket; the last view's "next" does nothing."""
    dash_duo.start_server(puentes_app)
    basket = ["/map?indicator=migrant_share&year=2020", "/corridors?direction=eu_celac&year=2020"]
    dash_duo.driver.get(f"{dash_duo.server_url}/sources")
    dash_duo.driver.execute_script(
        f"localStorage.setItem('{ids.BRIEFING_BASKET}', JSON.stringify({basket!r}))"
    )
    dash_duo.driver.get(f"{dash_duo.server_url}/map?lang=es")
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "2", timeout=15)
    dash_duo.find_element(f"#{ids.BRIEFING_OPEN}").click()
    dash_duo.wait_for_element(f"#{ids.BRIEFING_PRESENT}", timeout=10).click()
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_COUNT}", "1 / 2", timeout=15)
    assert "year=2020" in dash_duo.driver.current_url and "lang=es" in dash_duo.driver.current_url
    dash_duo.wait_for_contains_text(f"#{ids.MAP_SUBTITLE}", "2020", timeout=10)
    press(dash_duo, Keys.ARROW_RIGHT)
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_COUNT}", "2 / 2", timeout=15)
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey", timeout=15)
    assert "direction=eu_celac" in dash_duo.driver.current_url
    assert "disabled" in dash_duo.find_element(f"#{ids.PRESENT_NEXT}").get_attribute("class")
    press(dash_duo, Keys.ARROW_RIGHT)  # nothing after the last view
    press(dash_duo, Keys.ARROW_LEFT)
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_COUNT}", "1 / 2", timeout=15)
    assert dash_duo.get_logs() == []
