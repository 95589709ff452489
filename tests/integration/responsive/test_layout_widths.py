"""Every page at a phone's, a tablet's and a laptop's width (375, 768, 1024, 1366, 1920 px): nothing
scrolls sideways or is cut off at an edge (a table may scroll inside its own box), the phone's map is
one bloc as wide as the screen and no taller than it, with the region buttons to switch, and the flow
diagram's labels do not run into each other.

Sizes come from the browser's own boxes. Phones and tablets are emulated as mobile devices (a page
wider than the screen would then be zoomed out: ``innerWidth`` grows), laptops as desktop windows.
At 375 px each page is photographed whole into ``$PUENTES_SHOTS`` (default /tmp/j17-shots) as
``phone-<page>[-<lang>].png``."""

from __future__ import annotations

import base64
import os
from typing import Any

import pytest
from dash import Dash
from dash.testing.composite import DashComposite

from dashboard.urls import links
from layouts import ids

WIDTHS = (375, 768, 1024, 1366, 1920)
HEIGHTS = {375: 812, 768: 1024, 1024: 768, 1366: 900, 1920: 1080}
PAGES = ("/map", "/corridors", "/dialogue", "/programmes", "/sources")
SHOTS = os.environ.get("PUENTES_SHOTS", "/tmp/j17-shots")
PHONE_MAP_SHARE = 0.9  # of the screen's width the phone's map geography takes at least

# What sticks out of the window: elements cut at the left or right edge that no box of theirs
# scrolls or clips (a chart's own SVG is measured apart); fully off-screen ones (a skip link waiting
# for focus) are not "cut".
MEASURE = """
const W = window.innerWidth;
const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
  if (getComputedStyle(p).overflowX !== 'visible') { return true; } } return false; };
const name = e => (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + String(e.getAttribute('class') || '')
  .trim().split(/\\s+/).join('.')) + ' "' + (e.textContent || '').trim().slice(0, 30) + '"';
const cut = [];
for (const e of document.querySelectorAll('body *')) {
  if (e.closest('svg')) { continue; }
  const r = e.getBoundingClientRect();
  if (r.width < 2 || r.height < 2 || r.right <= 0 || r.left >= W) { continue; }
  if ((r.left < -1 || r.right > W + 1) && !clipped(e)) {
    cut.push(name(e) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
}
return {width: W, height: window.innerHeight, scroll: document.documentElement.scrollWidth,
        cut: cut.slice(0, 10)};
"""

# The map's drawn geography (plotly's geo layers that are shown) and the graph's box.
MAP_BOXES = """
const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
const graph = document.getElementById(arguments[0]);
const geos = [...graph.querySelectorAll('g.geo')].filter(g => g.getBoundingClientRect().width > 2);
return {graph: box(graph), geos: geos.map(box)};
"""

# Pairs of flow diagram labels whose boxes overlap, and labels outside the chart.
SANKEY_LABELS = """
const svg = document.querySelector('#' + arguments[0] + ' .main-svg');
const frame = svg.getBoundingClientRect();
const boxes = [...document.querySelectorAll('#' + arguments[0] + ' .sankey .node-label')]
  .filter(t => t.textContent.trim()).map(t => [t.textContent, t.getBoundingClientRect()]);
const touching = [], outside = [];
for (let i = 0; i < boxes.length; i++) {
  const [a, r] = boxes[i];
  if (r.left < frame.left - 1 || r.right > frame.right + 1) { outside.push(a); }
  for (let j = i + 1; j < boxes.length; j++) {
    const [b, s] = boxes[j];
    if (r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) {
      touching.push(a + ' / ' + b);
    }
  }
}
return {count: boxes.length, touching, outside};
"""

# Chart words (annotations) that plotly's toolbar buttons lie over.
UNDER_TOOLBAR = """
const hidden = [];
for (const plot of document.querySelectorAll('#app-page .js-plotly-plot')) {
  const buttons = [...plot.querySelectorAll('.modebar-btn')].map(b => b.getBoundingClientRect());
  for (const t of plot.querySelectorAll('.annotation-text')) {
    const r = t.getBoundingClientRect();
    const meets = b => b.width && r.left < b.right && b.left < r.right
      && r.top < b.bottom && b.top < r.bottom;
    if (buttons.some(meets)) {
      hidden.push(t.textContent.slice(0, 40));
    }
  }
}
return hidden;
"""


def screen(dash_duo: DashComposite, width: int) -> None:
    """The viewport ``width`` x its device's height; phones and tablets as mobile devices."""
    height = HEIGHTS[width]
    dash_duo.driver.set_window_size(width, height)
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width <= 768},
    )


def settled(dash_duo: DashComposite) -> None:
    """Every chart drawn, no callback pending, plotly's resize done."""
    dash_duo.wait_for_element("#app-page .js-plotly-plot .main-svg, #app-page table", timeout=20)
    dash_duo.wait_for_no_elements("[data-dash-is-loading]", timeout=20)
    dash_duo._wait_for_callbacks()
    dash_duo.driver.execute_script("return new Promise(done => setTimeout(done, 800))")


def photograph(dash_duo: DashComposite, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    shot = dash_duo.driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True})
    with open(f"{SHOTS}/{name}.png", "wb") as out:
        out.write(base64.b64decode(shot["data"]))


def fits(dash_duo: DashComposite, what: str, width: int) -> dict[str, Any]:
    seen: dict[str, Any] = dash_duo.driver.execute_script(MEASURE)
    assert seen["width"] == width, (what, "the page is wider than the screen: zoomed out", seen)
    assert seen["scroll"] <= seen["width"], (what, "scrolls sideways", seen)
    assert seen["cut"] == [], (what, seen["cut"])
    assert dash_duo.driver.execute_script(UNDER_TOOLBAR) == [], (what, "words under the chart's toolbar")
    return seen


def labels_apart(dash_duo: DashComposite, what: str) -> None:
    seen = dash_duo.driver.execute_script(SANKEY_LABELS, ids.CORRIDORS_FLOWS)
    assert seen["count"] >= 4, (what, seen)
    assert seen["touching"] == [], (what, seen["touching"])
    assert seen["outside"] == [], (what, seen["outside"])


def phone_map(dash_duo: DashComposite, what: str) -> None:
    """One bloc, as wide as the screen (at least 90 %), the graph no taller than the screen."""
    seen = dash_duo.driver.execute_script(MAP_BOXES, ids.MAP_GRAPH)
    width, height = dash_duo.driver.execute_script("return [window.innerWidth, window.innerHeight]")
    assert len(seen["geos"]) == 1, (what, seen)
    assert seen["geos"][0][2] >= PHONE_MAP_SHARE * width, (what, seen, width)
    assert seen["graph"][3] <= height, (what, seen, height)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_width(dash_duo: DashComposite, puentes_app: Dash, width: int) -> None:
    dash_duo.start_server(puentes_app)
    screen(dash_duo, width)
    for page in PAGES:
        dash_duo.driver.get(dash_duo.server_url + page)
        settled(dash_duo)
        if page == "/map" and width < 576:  # a phone's map: CELAC, the region buttons to switch
            dash_duo.wait_for_element(f"#{ids.MAP_REGION} input[value='celac']:checked", timeout=10)
            settled(dash_duo)
            phone_map(dash_duo, f"{page} {width}")
        if page == "/corridors":
            labels_apart(dash_duo, f"{page} {width}")
        fits(dash_duo, f"{page} {width}", width)
        if width == 375:
            photograph(dash_duo, "phone-" + page.strip("/"))
    assert dash_duo.get_logs() == []


def test_phone_map_switches_region_in_each_language(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """The region buttons on a phone read CELAC and the EU in the page's language (no "CELAC and
    EU"); the EU fills the width as CELAC does; a shared link with both blocs opens on CELAC."""
    dash_duo.start_server(puentes_app)
    screen(dash_duo, 375)
    for lang, eu in (("en", "EU"), ("es", "UE"), ("pt", "UE"), ("fr", "UE")):
        dash_duo.driver.get(f"{dash_duo.server_url}/map?region=both&lang={lang}")
        dash_duo.wait_for_element(f"#{ids.MAP_REGION} input[value='celac']:checked", timeout=15)
        settled(dash_duo)
        shown = dash_duo.driver.execute_script(
            f"return [...document.querySelectorAll('#{ids.MAP_REGION} label')]"
            ".filter(l => l.getBoundingClientRect().width > 0).map(l => l.textContent)"
        )
        assert shown == ["CELAC", eu], (lang, shown)
        assert "region=celac" in dash_duo.driver.current_url
        phone_map(dash_duo, f"celac {lang}")
        dash_duo.find_element(f"#{ids.MAP_REGION} input[value='eu'] + label").click()
        dash_duo.wait_for_element(f"#{ids.MAP_REGION} input[value='eu']:checked", timeout=10)
        settled(dash_duo)
        assert "region=eu" in dash_duo.driver.current_url
        phone_map(dash_duo, f"eu {lang}")
        fits(dash_duo, f"/map eu {lang}", 375)
        if lang != "en":
            photograph(dash_duo, f"phone-map-eu-{lang}")
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_every_page_fits_a_phone_in_each_language(
    dash_duo: DashComposite, puentes_app: Dash, lang: str
) -> None:
    dash_duo.start_server(puentes_app)
    screen(dash_duo, 375)
    for page in PAGES:
        dash_duo.driver.get(f"{dash_duo.server_url}{page}?lang={lang}")
        settled(dash_duo)
        if page == "/corridors":
            labels_apart(dash_duo, f"{page} {lang}")
        fits(dash_duo, f"{page} {lang}", 375)
        photograph(dash_duo, f"phone-{page.strip('/')}-{lang}")
        if page == "/map":  # the map's table: it scrolls in its own box, and no word breaks inside
            dash_duo.find_element(f"#{ids.MAP_TABS} [role='tab']:not([aria-selected='true'])").click()
            dash_duo.wait_for_element(f"#{ids.MAP_TABLE} td", timeout=20)
            settled(dash_duo)
            fits(dash_duo, f"/map table {lang}", 375)
            narrowest = dash_duo.driver.execute_script(
                f"return Math.min(...[...document.querySelectorAll('#{ids.MAP_TABLE} th')]"
                ".map(th => th.getBoundingClientRect().width))"
            )
            assert narrowest >= 80, (lang, "a column too narrow for a word", narrowest)
            photograph(dash_duo, f"phone-map-table-{lang}")
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("width", [375, 1366])
def test_embeds_and_presenter_fit(dash_duo: DashComposite, puentes_app: Dash, width: int) -> None:
    """An embedded chart in a frame of this width, and presenter mode (its own scaled stage)."""
    dash_duo.start_server(puentes_app)
    screen(dash_duo, width)
    for page, chart in (("map", None), ("corridors", None), ("corridors", "map"), ("dialogue", None)):
        dash_duo.driver.get(dash_duo.server_url + links.embed(page, "", chart))
        dash_duo.wait_for_element(f"#{ids.EMBED_GRAPH} .main-svg", timeout=20)
        settled(dash_duo)
        fits(dash_duo, f"embed {page} {chart}", width)
    for page in PAGES[:4]:
        dash_duo.driver.get(f"{dash_duo.server_url}{page}?present=1")
        dash_duo.wait_for_element("html.present-stage-on", timeout=15)
        settled(dash_duo)
        fits(dash_duo, f"present {page}", width)
        if width == 375:
            photograph(dash_duo, f"phone-present-{page.strip('/')}")
    assert dash_duo.get_logs() == []
