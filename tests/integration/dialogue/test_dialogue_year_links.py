"""Issue 13, item 7: a dialogue link that names a year opens that year (in a real Chromium)."""

from __future__ import annotations

import re

from dash import Dash
from dash.testing.composite import DashComposite
from selenium.webdriver.common.action_chains import ActionChains

from layouts import ids

PLOT = f"#{ids.DIALOGUE_TIMELINE} .js-plotly-plot"
# UN DESA IMS 2024 estimates, the default indicator's years (international migrant stock).
UN_DESA_YEARS = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)


def click_event(dash_duo: DashComposite, event_id: str) -> None:
    point = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('{PLOT}');"
        "for (const [t, trace] of gd.data.entries()) {"
        "  const i = trace.customdata.findIndex(c => c[0] === arguments[0]);"
        f"  const layer = document.querySelectorAll('#{ids.DIALOGUE_TIMELINE} .scatterlayer .trace');"
        "  if (i >= 0) { return layer[t].querySelectorAll('.point')[i]; }"
        "}",
        event_id,
    )
    ActionChains(dash_duo.driver).move_to_element(point).click().perform()


def map_year(dash_duo: DashComposite) -> str:
    """The year the map page's year slider shows."""
    handle = dash_duo.find_element(f"#{ids.MAP_YEAR} [role='slider']")
    return str(handle.get_attribute("aria-valuenow"))


def test_the_map_link_of_hlm_i_2009_names_and_opens_2010(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue")
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=15)
    click_event(dash_duo, "hlm_1")  # 001: Brussels, 25 September 2009
    dash_duo.wait_for_contains_text(f"#{ids.DIALOGUE_DETAIL}", "25 September 2009", timeout=10)
    link = dash_duo.find_element(f"#{ids.DIALOGUE_DETAIL} a[href^='/map']")
    label = link.text
    named = int(re.match(r"Map in (\d{4})", label).group(1))  # type: ignore[union-attr]
    assert named == min(UN_DESA_YEARS, key=lambda y: (abs(y - 2009), y)) == 2010
    assert label == "Map in 2010 (nearest year with data to 2009)"
    link.click()
    dash_duo.wait_for_element(f"#{ids.MAP_YEAR} [role='slider']", timeout=15)
    assert map_year(dash_duo) == str(named)  # the map opens the year the link named
    assert "year=2010" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_a_spanish_card_shows_the_lima_readings_and_titles(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue?lang=es")
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=15)
    click_event(dash_duo, "summit_lima_2008")
    dash_duo.wait_for_contains_text(f"#{ids.DIALOGUE_DETAIL}", "2008 o junio de 2009", timeout=10)
    card = dash_duo.find_element(f"#{ids.DIALOGUE_DETAIL}").text
    # each reading cites its document by title, with its file as a detail
    assert "El Diálogo Estructurado y Global EU-CELAC sobre Migración" in card
    assert "001_8c253848710d4524.txt" in card and "000_df0e79ac1bf68b0e.txt" in card
    assert "Mapa en 2010 (año con datos más cercano a 2008)" in card
    assert dash_duo.get_logs() == []
