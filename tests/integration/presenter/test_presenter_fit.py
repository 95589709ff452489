"""Presenter mode on a projector: every step of the bundled story, and a presented selection,
fits the screen with nothing cut off (1280 x 720) and scales up on a large one (1920 x 1080, chart
text at least 20 px), in every language; no hint, control or export button is shown.

Positions come from the browser's own boxes (``getBoundingClientRect``, which includes the
stage's CSS transform). Text size is the font size a chart gives each ``svg text`` times the
scale the stage is drawn at (its on-screen width over its layout width): what the room sees,
independent of the glyphs' shapes. Each step is loaded by its link (the keyboard is tested in
test_presenter.py) and photographed into /tmp/j15/."""

from __future__ import annotations

import os
from typing import Any

import pytest
from dash import Dash
from dash.testing.composite import DashComposite

from dashboard import stories
from dashboard.profiles import KEY_INDICATORS
from dashboard.urls import presenter as presenter_urls
from layouts import ids

STORY = stories.stories()[stories.DEFAULT_STORY]
SHOTS = "/tmp/j15"
FLOOR_PX = 20  # chart text on a 1920 x 1080 screen

# Everything a step shows must be inside the window; every hint, control and export hidden.
MEASURE = """
const [floor] = arguments;
const frame = document.getElementById('app-frame');
const k = frame.getBoundingClientRect().width / frame.offsetWidth;
const W = window.innerWidth, H = window.innerHeight;
const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
  && getComputedStyle(e).visibility !== 'hidden'; };
const name = e => (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + String(e.getAttribute('class') || '')
  .split(' ').join('.')) + (e.textContent ? ' "' + e.textContent.trim().slice(0, 40) + '"' : '');
const outside = [];
const shown = ['#present-bar', '.presenting .source-line', '.js-plotly-plot .main-svg',
  '.js-plotly-plot .legend', '.js-plotly-plot .colorbar', '.js-plotly-plot svg text', '#map-cards table',
  '#programmes-reached'];
for (const e of document.querySelectorAll(shown.join(','))) {
  if (!visible(e) || (e.tagName === 'text' && !e.textContent.trim())) { continue; }
  const r = e.getBoundingClientRect();
  if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1) {
    outside.push(name(e) + ' ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
  }
}
const hidden = ['.hint', '.page-controls', '.export-bar', '.export-link', '.modebar', '.nav-tabs',
  '.presenting button', '.presenting input', '.presenting a.btn', '.presenting .dash-dropdown'];
const controls = [...document.querySelectorAll(hidden.join(','))].filter(visible).map(name);
const small = [];
for (const t of document.querySelectorAll('.js-plotly-plot svg text')) {
  if (!visible(t) || !t.textContent.trim()) { continue; }
  const px = parseFloat(getComputedStyle(t).fontSize) * k;
  if (px < floor - 0.01) { small.push(name(t) + ' ' + px.toFixed(1) + 'px'); }
}
const title = document.getElementById('present-title') || document.querySelector('.presenting .page-title');
const sources = [...document.querySelectorAll('.presenting .source-line')].filter(visible).length;
const charts = document.querySelectorAll('.js-plotly-plot .main-svg').length;
return {k, outside, controls, small, sources, charts,
  title: parseFloat(getComputedStyle(title).fontSize) * k};
"""


def screen(dash_duo: DashComposite, width: int, height: int) -> None:
    """The page's viewport exactly ``width`` x ``height`` (a projector or a monitor)."""
    dash_duo.driver.set_window_size(width, height)
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def drawn(dash_duo: DashComposite) -> None:
    """Wait until the stage is scaled, every chart drawn and no callback is pending."""
    dash_duo.wait_for_element("html.present-stage-on", timeout=15)
    dash_duo.wait_for_no_elements("[data-dash-is-loading]", timeout=15)
    dash_duo._wait_for_callbacks()
    dash_duo.driver.execute_script(
        "return new Promise(done => setTimeout(done, 600))"  # plotly's resize after the layout settles
    )


def check(dash_duo: DashComposite, what: str, width: int, charts: int = 1) -> dict[str, Any]:
    seen: dict[str, Any] = dash_duo.driver.execute_script(MEASURE, FLOOR_PX if width >= 1920 else 0)
    assert seen["charts"] >= charts, (what, seen)
    assert seen["outside"] == [], (what, seen["outside"])
    assert seen["controls"] == [], (what, seen["controls"])
    assert seen["small"] == [], (what, seen["small"])
    assert seen["sources"] >= 1, (what, "no source line on screen")
    return seen


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr"])
def test_every_story_step_fits_the_screen(
    dash_duo: DashComposite, puentes_app: Dash, lang: str, width: int, height: int
) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    dash_duo.start_server(puentes_app)
    screen(dash_duo, width, height)
    for number, step in enumerate(STORY.steps, start=1):
        dash_duo.driver.get(dash_duo.server_url + presenter_urls.step_href(STORY, number, lang))
        dash_duo.wait_for_text_to_equal(f"#{ids.PRESENT_TITLE}", step.title[lang], timeout=20)
        dash_duo.wait_for_element(".js-plotly-plot .main-svg", timeout=20)
        drawn(dash_duo)
        dash_duo.driver.save_screenshot(f"{SHOTS}/step-{lang}-{width}-{number:02d}.png")
        seen = check(dash_duo, f"step {number} {lang} {width}x{height}", width)
        assert seen["k"] == pytest.approx(width / 1280)
        if width >= 1920:
            assert seen["title"] >= 40  # the step's title: 1.9rem, half as large again
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_present_this_view_of_each_page_fits(
    dash_duo: DashComposite, puentes_app: Dash, width: int, height: int
) -> None:
    dash_duo.start_server(puentes_app)
    screen(dash_duo, width, height)
    for page in ("map", "corridors", "dialogue", "programmes"):
        dash_duo.driver.get(f"{dash_duo.server_url}/{page}?present=1&lang=fr")
        dash_duo.wait_for_element(".js-plotly-plot .main-svg", timeout=20)
        drawn(dash_duo)
        dash_duo.driver.save_screenshot(f"{SHOTS}/view-fr-{width}-{page}.png")
        check(dash_duo, f"{page} {width}x{height}", width)
        if page == "map":  # nothing chosen: no profile
            assert not dash_duo.find_element(".profile").is_displayed()
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_presented_selection_keeps_its_profile_and_key_figures(
    dash_duo: DashComposite, puentes_app: Dash, lang: str
) -> None:
    """▶ Present on a Venezuela / Colombia view: their profile chart and key figures stay beside
    the map, inside a 1280 x 720 screen."""
    dash_duo.start_server(puentes_app)
    screen(dash_duo, 1280, 720)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?countries=VEN,COL&lang={lang}")
    dash_duo.wait_for_element(f"#{ids.MAP_PROFILE} .main-svg", timeout=20)
    dash_duo.find_element(ids.selector(ids.present_link())).click()
    dash_duo.wait_for_element(f"#{ids.PRESENT_BAR}", timeout=15)
    dash_duo.wait_for_element(f"#{ids.MAP_PROFILE} .main-svg", timeout=20)
    drawn(dash_duo)
    dash_duo.driver.save_screenshot(f"{SHOTS}/selection-{lang}-1280.png")
    check(dash_duo, "VEN,COL", 1280, charts=2)
    # Both countries' columns of key figures, every row, inside the screen.
    for code in ("VEN", "COL"):
        cells = dash_duo.find_elements(f"#{ids.MAP_CARDS} td[data-code='{code}']")
        assert len(cells) == len(KEY_INDICATORS) and all(c.is_displayed() for c in cells)
    box = dash_duo.driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]",
        ids.MAP_CARDS,
    )
    assert box[0] >= 0 and box[1] >= 0 and box[2] <= box[4] and box[3] <= box[5]
    # A figure or its year is never broken over two lines ("202" and "4" reads as two numbers).
    broken = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('#' + arguments[0] + ' .kf-cell > div')].filter(e => {"
        "  const range = document.createRange(); range.selectNodeContents(e);"
        "  const rows = new Set([...range.getClientRects()].map(r => Math.round(r.top)));"
        "  return rows.size > 1 && /^[0-9]{4}$/.test(e.textContent.trim()); }).map(e => e.textContent)",
        ids.MAP_CARDS,
    )
    assert broken == [], broken
    profile = dash_duo.find_element(f"#{ids.MAP_PROFILE}").rect
    assert profile["height"] >= 200  # a chart, not a sliver
    assert dash_duo.get_logs() == []


def test_hover_follows_the_pointer_on_a_scaled_stage(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """The stage is scaled by a CSS transform (not ``zoom``), which plotly.js reads: on a 1920 x 1080
    screen the hover label names the country under the pointer."""
    dash_duo.start_server(puentes_app)
    screen(dash_duo, 1920, 1080)
    dash_duo.driver.get(dash_duo.server_url + presenter_urls.step_href(STORY, 1, "en"))
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlocation", timeout=20)
    drawn(dash_duo)
    for code, name in (("BRA", "Brazil"), ("DEU", "Germany"), ("FRA", "France")):
        x, y = dash_duo.driver.execute_script(
            "const p = [...document.querySelectorAll('#map-graph .choroplethlocation')]"
            "  .find(p => p.__data__ && p.__data__.loc === arguments[0]);"
            "const r = p.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]",
            code,
        )
        dash_duo.driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        dash_duo.wait_for_contains_text(f"#{ids.MAP_GRAPH} .hoverlayer", name, timeout=5)
    assert dash_duo.get_logs() == []
