"""The offline presentation file, as a presenter uses it: downloaded from the app, opened from disk
(file://) in Chromium with the network cut, stepped through with the presenter's keys. Every step
shows its title, counter, chart and source inside a 1280 x 720 projector's screen; at 1920 x 1080
the chart text is at least 20 px; and the file makes no request at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests
import yaml
from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard import stories
from dashboard.paths import data_dir
from dashboard.urls import offline as offline_urls

STORY = stories.DEFAULT_STORY
RAW_STORY = yaml.safe_load((data_dir() / "stories" / f"{STORY}.yaml").read_text(encoding="utf-8"))
FORWARD = [Keys.ARROW_RIGHT, Keys.SPACE, Keys.PAGE_DOWN]
BACK = [Keys.ARROW_LEFT, Keys.PAGE_UP]
SOURCE_WORD = {"en": "Source", "fr": "Source", "es": "Fuente", "pt": "Fonte"}


def download(dash_duo: DashComposite, path: str, tmp_path: Path) -> Path:
    response = requests.get(dash_duo.server_url + path, timeout=30)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["Content-Disposition"].startswith("attachment;")
    file = tmp_path / "presentation.html"
    file.write_bytes(response.content)
    print(f"offline file {path}: {len(response.content)} bytes")
    return file


def screen(dash_duo: DashComposite, width: int, height: int) -> None:
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def offline(dash_duo: DashComposite) -> None:
    """Leave the app's page (started by ``start_server``) and cut the network."""
    dash_duo.driver.get("about:blank")
    dash_duo.reset_log_timestamp()  # what the app's page logged is not the file's
    dash_duo.driver.execute_cdp_cmd("Network.enable", {})
    dash_duo.driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def press(dash_duo: DashComposite, *keys: str) -> None:
    chain = ActionChains(dash_duo.driver)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def box(dash_duo: DashComposite, selector: str) -> dict[str, float]:
    found: dict[str, float] = dash_duo.driver.execute_script(
        "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,"
        "  width: r.width, height: r.height};",
        selector,
    )
    return found


def inside(dash_duo: DashComposite, selector: str, width: int, height: int) -> None:
    shown = box(dash_duo, selector)
    assert shown["width"] > 0 and shown["height"] > 0, (selector, shown)
    assert shown["left"] >= 0 and shown["top"] >= 0, (selector, shown)
    assert shown["right"] <= width + 0.5 and shown["bottom"] <= height + 0.5, (selector, shown)


def smallest_chart_text(dash_duo: DashComposite) -> float:
    """The smallest text drawn in the chart, in screen pixels (its font size times the slide's scale)."""
    size: float = dash_duo.driver.execute_script(
        "var stage = document.getElementById('pp-stage');"
        "var scale = stage.getBoundingClientRect().width / stage.offsetWidth;"
        "var sizes = Array.from(document.querySelectorAll('.pp-chart svg text'))"
        "  .filter(function (t) { return t.textContent.trim() && t.getBoundingClientRect().width > 0; })"
        "  .map(function (t) { return parseFloat(getComputedStyle(t).fontSize) * scale; });"
        "return sizes.length ? Math.min.apply(null, sizes) : -1;"
    )
    return size


def shows(dash_duo: DashComposite, number: int, count: int, step: dict[str, Any], lang: str) -> None:
    """Step ``number`` is on screen: counter, title, chart drawn (with its shapes on a map), source."""
    dash_duo.wait_for_text_to_equal("#pp-count", f"{number} / {count}", timeout=10)
    dash_duo.wait_for_text_to_equal(".pp-title", step["title"][lang].strip(), timeout=10)
    dash_duo.wait_for_element(f'.pp-slide[data-step="{number}"] .pp-chart .main-svg', timeout=10)
    if step["page"] in ("map", "programmes"):
        dash_duo.wait_for_element(".pp-chart .choroplethlayer path", timeout=10)
    if step["page"] == "corridors":
        dash_duo.wait_for_element(".pp-chart .sankey-node", timeout=10)
    source = dash_duo.find_element(".pp-source")
    assert source.is_displayed() and source.text.startswith(SOURCE_WORD[lang] + ": ")
    assert dash_duo.driver.execute_script("return window.location.hash") == f"#{number}"


def no_request(dash_duo: DashComposite) -> None:
    fetched = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    assert fetched == []


def test_the_story_file_plays_from_disk_without_the_network(
    dash_duo: DashComposite, puentes_app: Dash, tmp_path: Path
) -> None:
    dash_duo.start_server(puentes_app)
    lang = "fr"
    file = download(dash_duo, offline_urls.story_file(STORY, lang), tmp_path)
    offline(dash_duo)
    screen(dash_duo, 1280, 720)
    dash_duo.driver.get(file.as_uri())
    steps = RAW_STORY["steps"]
    count = len(steps)
    for number, step in enumerate(steps, start=1):
        shows(dash_duo, number, count, step, lang)
        inside(dash_duo, ".pp-chart .main-svg", 1280, 720)
        inside(dash_duo, ".pp-source", 1280, 720)
        inside(dash_duo, ".pp-title", 1280, 720)
        if number < count:
            press(dash_duo, FORWARD[number % len(FORWARD)])
    press(dash_duo, Keys.ARROW_RIGHT)  # past the last step: stays there
    shows(dash_duo, count, count, steps[-1], lang)
    # Back to the start on a 1920 x 1080 screen: the same slide, scaled up, chart text >= 20 px.
    screen(dash_duo, 1920, 1080)
    for number in range(count - 1, 0, -1):
        press(dash_duo, BACK[number % len(BACK)])
        shows(dash_duo, number, count, steps[number - 1], lang)
        inside(dash_duo, ".pp-chart .main-svg", 1920, 1080)
        inside(dash_duo, ".pp-source", 1920, 1080)
        assert smallest_chart_text(dash_duo) >= 20, (number, smallest_chart_text(dash_duo))
    # A clicker's double-tap: two presses, two steps, each taken in turn.
    press(dash_duo, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    shows(dash_duo, 3, count, steps[2], lang)
    no_request(dash_duo)
    assert dash_duo.get_logs() == []


def test_the_basket_file_plays_its_two_views(
    dash_duo: DashComposite, puentes_app: Dash, tmp_path: Path
) -> None:
    dash_duo.start_server(puentes_app)
    views = ["/map?indicator=migrant_share&year=2024&region=celac", "/corridors?direction=eu_celac&year=2024"]
    file = download(dash_duo, offline_urls.briefing_file(views, "es", "Mi informe"), tmp_path)
    offline(dash_duo)
    screen(dash_duo, 1280, 720)
    dash_duo.driver.get(file.as_uri())
    dash_duo.wait_for_text_to_equal(".pp-story", "Mi informe", timeout=10)
    dash_duo.wait_for_text_to_equal("#pp-count", "1 / 2", timeout=10)
    dash_duo.wait_for_element(".pp-chart .choroplethlayer path", timeout=10)
    assert dash_duo.find_element(".pp-source").text.startswith("Fuente: ")
    first_title = dash_duo.find_element(".pp-title").text
    inside(dash_duo, ".pp-chart .main-svg", 1280, 720)
    inside(dash_duo, ".pp-source", 1280, 720)
    press(dash_duo, Keys.PAGE_DOWN)
    dash_duo.wait_for_text_to_equal("#pp-count", "2 / 2", timeout=10)
    dash_duo.wait_for_element('.pp-slide[data-step="2"] .pp-chart .sankey-node', timeout=10)
    assert dash_duo.find_element(".pp-title").text not in ("", first_title)
    assert "corridors?" in dash_duo.find_element(".pp-permalink").get_attribute("href")
    inside(dash_duo, ".pp-chart .main-svg", 1280, 720)
    inside(dash_duo, ".pp-source", 1280, 720)
    press(dash_duo, Keys.ARROW_LEFT)
    dash_duo.wait_for_text_to_equal("#pp-count", "1 / 2", timeout=10)
    dash_duo.wait_for_text_to_equal(".pp-title", first_title, timeout=10)
    no_request(dash_duo)
    assert dash_duo.get_logs() == []
