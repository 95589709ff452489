"""The first paint on bad Wi-Fi: the page's frame (navbar in the address's language, title, a
placeholder) shows while the scripts download, then gives way to the page Dash draws, leaving
no second navbar behind."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids
from layouts.first_paint import FRAME_ID

# 1.5 Mbit/s and 300 ms: the scripts take seconds, the frame comes with the HTML.
SLOW = {"offline": False, "latency": 300, "downloadThroughput": 187_500, "uploadThroughput": 187_500}
FAST = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


# Installed before the page's own code: what the page showed at its first contentful paint.
AT_FIRST_PAINT = """
new PerformanceObserver((list) => {
  if (window.__atFirstPaint || !list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
  const bar = document.querySelector('#first-paint .fp-bar');
  window.__atFirstPaint = bar && {
    background: getComputedStyle(bar).backgroundColor,
    links: [...bar.querySelectorAll('.fp-link')].map((a) => a.textContent),
    title: document.querySelector('#first-paint h1').textContent,
    placeholder: !!document.querySelector('#first-paint .fp-chart'),
    dash_drawn: !!document.getElementById('NAVBAR_ID'),
    text: document.body.innerText,
  };
}).observe({type: 'paint', buffered: true});
""".replace("NAVBAR_ID", ids.NAVBAR)


def test_the_frame_paints_first_then_the_page_replaces_it(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": AT_FIRST_PAINT})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", SLOW)
    try:
        driver.get(f"{dash_duo.server_url}/map?lang=es")
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", FAST)
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    seen = driver.execute_script("return window.__atFirstPaint;")
    assert seen, "the first paint showed no frame"
    assert seen["background"] == "rgb(33, 37, 41)"  # styled: the navbar's dark grey
    assert seen["links"][:2] == ["Mapa", "Corredores"]  # the navbar's short names
    assert seen["title"] == "Explorador de mapas"
    assert seen["placeholder"]
    assert not seen["dash_drawn"]
    assert "Loading" not in seen["text"]
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .main-svg", timeout=60)
    dash_duo.wait_for_text_to_equal(".page-title", "Población migrante internacional", timeout=10)
    assert driver.find_elements("id", FRAME_ID) == []
    assert len(driver.find_elements("css selector", "nav.navbar")) == 1
    assert driver.find_elements("css selector", ".fp-bar, .fp-present, .fp-title") == []
    assert dash_duo.get_logs() == []


def test_a_presenter_step_paints_a_presenter_bar_that_gives_way(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    step = "/map?indicator=migrant_stock&year=2024&region=both&present=1&story=eu-celac-migration&step=1"
    dash_duo.driver.get(dash_duo.server_url + step)
    dash_duo.wait_for_element(f"#{ids.PRESENT_BAR}", timeout=15)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .main-svg", timeout=15)
    assert dash_duo.driver.find_elements("id", FRAME_ID) == []
    assert len(dash_duo.driver.find_elements("css selector", ".present-bar")) == 1
    assert dash_duo.driver.find_elements("css selector", "nav.navbar") == []
    assert dash_duo.get_logs() == []
