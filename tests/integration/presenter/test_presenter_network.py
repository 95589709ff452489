"""The presenter cannot get stuck: with the network down, a step already seen or the next one shows
from its saved copy (the address on it), a step not saved waits and the screen says
"reconnecting…"; once the network returns the page takes over and the waiting presses advance, one
step each; a clicker's double-tap (two presses 100 ms apart) advances two steps, each shown."""

from __future__ import annotations

import time
from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard import stories
from layouts import ids

STORY = stories.stories()[stories.DEFAULT_STORY]


def press(dash_duo: DashComposite, key: str) -> None:
    ActionChains(dash_duo.driver).send_keys(key).perform()


def network(dash_duo: DashComposite, online: bool) -> None:
    dash_duo.driver.execute_cdp_cmd("Network.enable", {})
    dash_duo.driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def start_story(dash_duo: DashComposite, lang: str = "fr") -> None:
    dash_duo.driver.get(f"{dash_duo.server_url}/map?lang={lang}")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    dash_duo.find_element(f"#{ids.PRESENT_STORY}").click()
    shows_step(dash_duo, 1, lang)


def shows_step(dash_duo: DashComposite, number: int, lang: str = "fr") -> None:
    """The screen shows step ``number`` (counter and title) and the address names the same step."""
    step = STORY.steps[number - 1]
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_COUNT}", f"{number} / {len(STORY.steps)}", timeout=15)
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_TITLE}", step.title[lang], timeout=15)
    url = dash_duo.driver.current_url
    assert f"/{step.page}?" in url and f"step={number}" in url, url


def reconnecting(dash_duo: DashComposite) -> bool:
    status = dash_duo.find_elements(f"#{ids.PRESENT_STATUS}")
    return bool(status) and status[0].is_displayed()


def failed_request(entry: dict[str, Any]) -> bool:
    """A callback request the offline browser could not send, as Chrome and the Dash renderer log it."""
    message = str(entry.get("message", ""))
    return ("_dash-update-component" in message and "net::ERR_INTERNET_DISCONNECTED" in message) or (
        entry.get("source") == "console-api" and "Callback failed: the server did not respond." in message
    )


def browser_time(dash_duo: DashComposite) -> float:
    return float(dash_duo.driver.execute_script("return Date.now()"))


def shows_saved_step(dash_duo: DashComposite, number: int, lang: str = "fr") -> None:
    """The screen shows step ``number`` from its saved copy (counter, title, a drawn chart) and
    the address names the same step."""
    step = STORY.steps[number - 1]
    dash_duo.wait_for_element("#present-saved:not([hidden]) .pp-chart .main-svg", timeout=10)
    dash_duo.wait_for_text_to_equal("#present-saved-count", f"{number} / {len(STORY.steps)}", timeout=10)
    dash_duo.wait_for_text_to_equal("#present-saved .pp-title", step.title[lang], timeout=10)
    url = dash_duo.driver.current_url
    assert f"/{step.page}?" in url and f"step={number}" in url, url


def saved_shown(dash_duo: DashComposite) -> bool:
    layer = dash_duo.find_elements("#present-saved")
    return bool(layer) and layer[0].is_displayed()


def test_a_step_change_without_network_shows_saved_steps_and_is_retried(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.set_window_size(1280, 720)
    start_story(dash_duo)
    for number in (2, 3):
        press(dash_duo, Keys.ARROW_RIGHT)
        shows_step(dash_duo, number)
    time.sleep(1.5)  # steps 1 to 4 (each shown and the next) are saved meanwhile
    offline_from = browser_time(dash_duo)
    network(dash_duo, online=False)
    # Steps already seen show at once from their copies, saying so, the address on them.
    press(dash_duo, Keys.ARROW_LEFT)
    shows_saved_step(dash_duo, 2)
    assert reconnecting(dash_duo)
    press(dash_duo, Keys.ARROW_LEFT)
    shows_saved_step(dash_duo, 1)
    press(dash_duo, Keys.ARROW_RIGHT)
    shows_saved_step(dash_duo, 2)
    # Back on the step the page itself shows: the live page again.
    press(dash_duo, Keys.ARROW_RIGHT)
    shows_step(dash_duo, 3)
    dash_duo.wait_for_no_elements("#present-saved:not([hidden])", timeout=10)
    # The next step was saved too.
    press(dash_duo, Keys.ARROW_RIGHT)
    shows_saved_step(dash_duo, 4)
    # Step 5 was never fetched: the press waits; screen and address stay on step 4.
    press(dash_duo, Keys.ARROW_RIGHT)
    time.sleep(2)  # a retry or two fail meanwhile
    shows_saved_step(dash_duo, 4)
    assert reconnecting(dash_duo)
    network(dash_duo, online=True)
    offline_until = browser_time(dash_duo)
    # The page comes back on step 4, then the waiting press lands on step 5.
    shows_step(dash_duo, 5)
    assert not reconnecting(dash_duo) and not saved_shown(dash_duo)
    press(dash_duo, Keys.ARROW_RIGHT)
    shows_step(dash_duo, 6)
    press(dash_duo, Keys.ARROW_LEFT)
    shows_step(dash_duo, 5)
    logs = dash_duo.get_logs()
    offline = [e for e in logs if offline_from <= e["timestamp"] <= offline_until and failed_request(e)]
    assert offline  # the requests did fail while the network was down...
    assert [e for e in logs if e not in offline] == []  # ...and nothing else was logged


def test_a_double_press_advances_two_steps(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    start_story(dash_duo)
    press(dash_duo, Keys.ARROW_RIGHT)
    time.sleep(0.1)  # a clicker's double-tap
    press(dash_duo, Keys.ARROW_RIGHT)
    shows_step(dash_duo, 3)
    time.sleep(1)  # nothing further arrives
    shows_step(dash_duo, 3)
    # Three taps 100 ms apart onto the corridors pages (slower to draw): each waits its turn.
    taps = ActionChains(dash_duo.driver).send_keys(Keys.ARROW_RIGHT).pause(0.1)
    taps.send_keys(Keys.SPACE).pause(0.1).send_keys(Keys.PAGE_DOWN).perform()
    shows_step(dash_duo, 6)
    time.sleep(1)
    shows_step(dash_duo, 6)
    ActionChains(dash_duo.driver).send_keys(Keys.PAGE_UP).pause(0.1).send_keys(Keys.ARROW_LEFT).perform()
    shows_step(dash_duo, 4)
    time.sleep(1)
    shows_step(dash_duo, 4)
    assert dash_duo.get_logs() == []


def test_the_basket_s_views_are_saved_too(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """Presenting the briefing basket: the view shown and the next are saved; with the network
    down the next shows from its copy, the one after waits until the network is back."""
    dash_duo.start_server(puentes_app)
    dash_duo.driver.set_window_size(1280, 720)
    basket = [
        "/map?indicator=migrant_share&year=2020",
        "/corridors?direction=eu_celac&year=2020",
        "/map?indicator=refugees_hosted&year=2020",
    ]
    dash_duo.driver.get(f"{dash_duo.server_url}/sources")
    dash_duo.driver.execute_script(
        f"localStorage.setItem('{ids.BRIEFING_BASKET}', JSON.stringify({basket!r}))"
    )
    dash_duo.driver.get(f"{dash_duo.server_url}/map?lang=es")
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "3", timeout=15)
    dash_duo.find_element(f"#{ids.BRIEFING_OPEN}").click()
    dash_duo.wait_for_element(f"#{ids.BRIEFING_PRESENT}", timeout=10).click()
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_COUNT}", "1 / 3", timeout=15)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    time.sleep(1.5)  # views 1 and 2 are saved meanwhile
    offline_from = browser_time(dash_duo)
    network(dash_duo, online=False)
    press(dash_duo, Keys.ARROW_RIGHT)
    dash_duo.wait_for_element("#present-saved:not([hidden]) .pp-chart .sankey", timeout=10)
    dash_duo.wait_for_text_to_equal("#present-saved-count", "2 / 3", timeout=10)
    dash_duo.wait_for_text_to_equal("#present-saved .pp-story", "Sin red: copia guardada de esta vista")
    url = dash_duo.driver.current_url
    assert "/corridors?" in url and "direction=eu_celac" in url and "story=basket" in url and "step=2" in url
    press(dash_duo, Keys.ARROW_RIGHT)  # view 3 was never fetched: it waits
    time.sleep(2)
    dash_duo.wait_for_text_to_equal("#present-saved-count", "2 / 3")
    assert reconnecting(dash_duo)
    network(dash_duo, online=True)
    offline_until = browser_time(dash_duo)
    dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_COUNT}", "3 / 3", timeout=20)
    dash_duo.wait_for_no_elements("#present-saved:not([hidden])", timeout=10)
    assert "indicator=refugees_hosted" in dash_duo.driver.current_url
    logs = dash_duo.get_logs()
    offline = [e for e in logs if offline_from <= e["timestamp"] <= offline_until and failed_request(e)]
    assert [e for e in logs if e not in offline] == []
