"""axe-core (4.x, vendored) finds no violation, of any impact, on every page in every language, in
presenter mode and in embeds (issue 18, item 1). One app for the whole walk; every violation of every
URL is reported together, the page shell's rules (<html lang>, <main>, skip link, title) with the
rest."""

from __future__ import annotations

from axe_run import settle, violations
from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import i18n, urls

PAGES = urls.PAGE_KEYS  # map, sources, corridors, dialogue, programmes
LANGUAGES = i18n.LANGUAGES  # en, es, pt, fr
EMBEDS = tuple(urls.CHARTS)  # map, corridors, dialogue, programmes


def addresses() -> list[str]:
    """Every page in every language; every page presented and every embed, the languages in turn;
    a dense-year indicator (the slider shows its number box)."""
    pages = [f"/{page}?lang={lang}" for page in PAGES for lang in LANGUAGES]
    presented = [f"/{page}?lang={LANGUAGES[i % 4]}&present=1" for i, page in enumerate(PAGES)]
    embedded = [f"/embed/{page}?lang={LANGUAGES[(i + 1) % 4]}" for i, page in enumerate(EMBEDS)]
    return [*pages, *presented, *embedded, "/map?indicator=net_migration&lang=pt"]


def open_picker(dash_duo: DashComposite, element_id: str) -> None:
    """Open a dropdown the keyboard's way: focus its button, press Enter."""
    button = dash_duo.find_element(f"#{element_id}")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", button
    )
    button.send_keys(Keys.ENTER)
    dash_duo.wait_for_element(".dash-dropdown-content .dash-dropdown-option", timeout=10)


def report(found: dict[str, list[dict[str, object]]]) -> str:
    lines = []
    for address, problems in found.items():
        for v in problems:
            lines.append(f"{address}: {v['id']} ({v['impact']})")
            lines += [f"    {node}" for node in v["nodes"]]  # type: ignore[attr-defined]
    return "\n".join(lines)


def test_axe_finds_nothing_anywhere(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    found: dict[str, list[dict[str, object]]] = {}
    for address in addresses():
        dash_duo.driver.get(dash_duo.server_url + address)
        settle(dash_duo)
        problems = violations(dash_duo)
        if problems:
            found[address] = problems
    # An open multi-value picker: its search box, options and buttons too.
    dash_duo.driver.get(dash_duo.server_url + "/map?lang=es&countries=MEX,ESP")
    settle(dash_duo)
    open_picker(dash_duo, "map-countries")
    problems = violations(dash_duo)
    if problems:
        found["/map?lang=es&countries=MEX,ESP (countries open)"] = problems
    # The map's table (the map's non-visual alternative), opened from its tab.
    dash_duo.find_element("#map-tabs [role='tab']:not([aria-selected='true'])").send_keys(Keys.ENTER)
    dash_duo.wait_for_element("#map-table td", timeout=20)
    settle(dash_duo)
    problems = violations(dash_duo)
    if problems:
        found["/map?lang=es&countries=MEX,ESP (table)"] = problems
    assert dash_duo.get_logs() == []
    assert not found, "axe-core found:\n" + report(found)


def test_axe_finds_nothing_on_a_phone(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """The same walk on a phone's screen (375 x 812, emulated as a mobile device): the folded
    navbar opened, tables that scroll inside their own box, the map's one bloc and its table."""
    dash_duo.start_server(puentes_app)
    dash_duo.driver.set_window_size(375, 812)
    phone = {"width": 375, "height": 812, "deviceScaleFactor": 1, "mobile": True}
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", phone)
    found: dict[str, list[dict[str, object]]] = {}
    for address in [f"/{page}?lang={lang}" for page in PAGES for lang in LANGUAGES]:
        dash_duo.driver.get(dash_duo.server_url + address)
        settle(dash_duo)
        if problems := violations(dash_duo):
            found[address] = problems
    dash_duo.driver.get(dash_duo.server_url + "/map?lang=fr")
    settle(dash_duo)
    dash_duo.find_element("#app-navbar-toggler").click()
    dash_duo.wait_for_element("#app-navbar-collapse.show", timeout=10)
    if problems := violations(dash_duo):
        found["/map?lang=fr (menu open)"] = problems
    dash_duo.find_element("#map-tabs [role='tab']:not([aria-selected='true'])").send_keys(Keys.ENTER)
    dash_duo.wait_for_element("#map-table td", timeout=20)
    settle(dash_duo)
    if problems := violations(dash_duo):
        found["/map?lang=fr (table)"] = problems
    assert dash_duo.get_logs() == []
    assert not found, "axe-core found:\n" + report(found)


def test_limited_picker_has_no_select_all_and_speaks_the_language(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    """The six-country picker offers no "Select all" (it would keep the first six silently); the
    themes picker (no limit) does, in French; "2 selected" and "Search" are French too."""
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(dash_duo.server_url + "/dialogue?lang=fr&countries=MEX,ESP")
    settle(dash_duo)
    dash_duo.wait_for_text_to_equal("#dialogue-countries .dash-dropdown-value-count", "2 sélectionnés")
    open_picker(dash_duo, "dialogue-countries")
    search = dash_duo.find_element(".dash-dropdown-content .dash-dropdown-search")
    assert search.get_attribute("placeholder") == "Rechercher"
    buttons = [
        b.text
        for b in dash_duo.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-action-button")
        if b.is_displayed()
    ]
    assert buttons == ["Tout désélectionner"]
    search.send_keys(Keys.ESCAPE)  # closes it
    dash_duo.wait_for_no_elements(".dash-dropdown-content", timeout=10)
    open_picker(dash_duo, "dialogue-themes")
    action = ".dash-dropdown-content .dash-dropdown-action-button"
    dash_duo.wait_for_text_to_equal(action, "Tout sélectionner")
    assert dash_duo.get_logs() == []
