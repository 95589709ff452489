"""The page's shell in a real browser (issue 18): on a phone the navbar folds behind a menu button
named in the reader's language; on a laptop (1366 px) and a projector (1280 px) it is one row in
every language; nothing of it scrolls the page sideways. The skip link is the first tab stop and
takes the focus to the page's ``<main>``; the focus shows on the dark navbar; the tab's title and
``<html lang>`` follow the view as it changes without a reload. The expected words are the
catalogues' translations and the indicator catalogue's labels, written out here."""

from __future__ import annotations

from typing import Any

import pytest
from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from layouts import ids

LANGUAGES = ("en", "es", "pt", "fr")
MENU = {"en": "Menu", "es": "Menú", "pt": "Menu", "fr": "Menu"}
SKIP = {
    "en": "Skip to content",
    "es": "Saltar al contenido",
    "pt": "Saltar para o conteúdo",
    "fr": "Aller au contenu",
}
ONE_ROW = 64  # px: the brand's line and the bar's padding (58 px measured); a second row is 84+
PHONE_BAR = 70  # px: the brand and the menu button

MEASURE = """
const bar = document.querySelector('nav.navbar');
const box = bar.getBoundingClientRect();
const root = document.documentElement;
return {height: box.height, right: box.right, scroll: root.scrollWidth, width: root.clientWidth,
        entries: [...bar.querySelectorAll('.navbar-nav, .present-menu, .briefing-button, .lang-menu')]
            .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.top, r.bottom])};
"""


def measure(dash_duo: DashComposite) -> dict[str, Any]:
    result: dict[str, Any] = dash_duo.driver.execute_script(MEASURE)
    return result


def open_page(dash_duo: DashComposite, address: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + address)
    dash_duo.wait_for_element("nav.navbar", timeout=20)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .main-svg", timeout=30)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_navbar_folds_on_a_phone_and_is_one_row_on_a_laptop(
    dash_duo: DashComposite, puentes_app: Dash, lang: str
) -> None:
    dash_duo.start_server(puentes_app)
    driver = dash_duo.driver
    for width in (1366, 1280, 1200):  # 1200: the narrowest width with the navbar unfolded
        driver.set_window_size(width, 900)
        open_page(dash_duo, f"/map?lang={lang}")
        shown = measure(dash_duo)
        assert shown["height"] <= ONE_ROW, (width, shown)
        tops = {round(top) for top, _bottom in shown["entries"]}
        assert max(tops) - min(tops) < 20, (width, shown)  # every entry on the one row
        assert shown["scroll"] <= shown["width"] and shown["right"] <= shown["width"] + 1
        assert not dash_duo.find_element(ids.selector(ids.NAVBAR_TOGGLER)).is_displayed()

    driver.set_window_size(375, 812)
    open_page(dash_duo, f"/map?lang={lang}")
    shown = measure(dash_duo)
    assert shown["height"] <= PHONE_BAR, shown
    assert shown["scroll"] <= shown["width"], shown
    toggler = dash_duo.find_element(ids.selector(ids.NAVBAR_TOGGLER))
    assert toggler.is_displayed()
    assert toggler.get_attribute("aria-label") == MENU[lang]
    assert toggler.get_attribute("aria-expanded") == "false"
    assert not dash_duo.find_element(ids.selector(ids.nav_link("corridors"))).is_displayed()
    toggler.click()
    dash_duo.wait_for_element(ids.selector(ids.NAVBAR_COLLAPSE) + ".show", timeout=5)
    assert toggler.get_attribute("aria-expanded") == "true"
    corridors = dash_duo.find_element(ids.selector(ids.nav_link("corridors")))
    dash_duo.wait_for_element(ids.selector(ids.nav_link("corridors")), timeout=5)
    opened = measure(dash_duo)
    assert opened["height"] > 300 and opened["scroll"] <= opened["width"], opened
    corridors.click()  # a page chosen: the new page's navbar starts folded again
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_CAPTION}", timeout=20)
    assert measure(dash_duo)["height"] <= PHONE_BAR
    assert dash_duo.get_logs() == []


def test_skip_link_is_the_first_tab_stop_and_goes_to_main(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    open_page(dash_duo, "/map?lang=es")
    driver = dash_duo.driver
    assert driver.execute_script("return document.querySelectorAll('main').length") == 1
    assert driver.execute_script("return document.querySelector('main').id") == ids.PAGE
    assert driver.execute_script("return !!document.querySelector('header nav.navbar')")
    skip = dash_duo.find_element(ids.selector(ids.APP_SKIP))
    assert skip.location["y"] < 0 or not skip.is_displayed() or skip.rect["y"] + skip.rect["height"] <= 0
    driver.find_element("css selector", "body").send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    assert focused.get_attribute("id") == ids.APP_SKIP
    assert focused.text == SKIP["es"]
    assert focused.rect["y"] >= 0  # shown while it has the focus
    focused.send_keys(Keys.ENTER)
    until(lambda: driver.current_url.endswith(f"#{ids.PAGE}"), 5)
    driver.switch_to.active_element.send_keys(Keys.TAB)  # the next stop is inside the page
    after = driver.execute_script(
        "return document.activeElement.closest('main') && document.activeElement.closest('main').id"
    )
    assert after == ids.PAGE
    assert "/map?lang=es" in driver.current_url
    assert dash_duo.get_logs() == []


def test_focus_shows_on_the_dark_navbar(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    open_page(dash_duo, "/map")
    driver = dash_duo.driver
    driver.find_element("css selector", "body").send_keys(Keys.TAB)  # the skip link
    driver.switch_to.active_element.send_keys(Keys.TAB)  # the brand
    driver.switch_to.active_element.send_keys(Keys.TAB)  # the first page link
    ring = driver.execute_script(
        "const e = document.activeElement, s = getComputedStyle(e);"
        "return [e.textContent, s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor];"
    )
    assert ring[0] == "Map"  # the first page link
    assert ring[1] == "solid" and ring[2] >= 2 and ring[3] == "rgb(255, 191, 71)", ring
    assert dash_duo.get_logs() == []


def test_the_title_and_language_follow_the_view(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    open_page(dash_duo, "/map?indicator=emigrant_share&year=2024")
    driver = dash_duo.driver
    assert driver.title == "Emigrants, share of home population, 2024 — Puentes"
    dash_duo.find_element(ids.selector(ids.language_link("es"))).click()
    dash_duo.wait_for_text_to_equal(
        ".page-title", "Emigrantes, porcentaje de la población del país", timeout=15
    )
    until(lambda: driver.title == "Emigrantes, porcentaje de la población del país, 2024 — Puentes", 10)
    assert driver.execute_script("return [document.documentElement.lang, document.documentElement.dir]") == [
        "es",
        "ltr",
    ]
    driver.execute_script("window.dash_clientside.set_props('map-year', {value: 2000})")  # a control
    until(lambda: driver.title == "Emigrantes, porcentaje de la población del país, 2000 — Puentes", 10)
    dash_duo.find_element(ids.selector(ids.nav_link("sources"))).click()
    until(lambda: driver.title == "Fuentes — Puentes", 10)
    assert dash_duo.get_logs() == []
