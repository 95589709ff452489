"""Dialogue timeline in a real Chromium: filter by theme, click an event, follow its year."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains

from layouts import ids

PLOT = f"#{ids.DIALOGUE_TIMELINE} .js-plotly-plot"


def shown_ids(dash_duo: DashComposite) -> Any:
    return dash_duo.driver.execute_script(
        f"return document.querySelector('{PLOT}').data.flatMap(t => t.customdata.map(c => c[0]))"
    )


def test_timeline_filters_by_theme(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue?lang=es")
    dash_duo.wait_for_text_to_equal(".page-title", "Diálogo UE–CELAC sobre migración", timeout=15)
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=15)
    everything = shown_ids(dash_duo)
    assert {f"hlm_{n}" for n in range(1, 10)} <= set(everything)
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: ['irregular_migration']})",
        ids.DIALOGUE_THEMES,
    )
    until(lambda: len(shown_ids(dash_duo)) < len(everything), timeout=10)
    assert "hlm_4" in shown_ids(dash_duo)  # 001: the IV HLM dealt with irregular migration
    assert dash_duo.get_logs() == []


def test_clicking_an_event_opens_its_card_with_sources_and_year_links(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue")
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=15)
    point = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('{PLOT}');"
        "for (const [t, trace] of gd.data.entries()) {"
        "  const i = trace.customdata.findIndex(c => c[0] === 'hlm_9');"
        f"  const layer = document.querySelectorAll('#{ids.DIALOGUE_TIMELINE} .scatterlayer .trace');"
        "  if (i >= 0) { return layer[t].querySelectorAll('.point')[i]; }"
        "}"
    )
    ActionChains(dash_duo.driver).move_to_element(point).click().perform()
    dash_duo.wait_for_contains_text(f"#{ids.DIALOGUE_DETAIL}", "13 November 2014", timeout=10)
    card = dash_duo.find_element(f"#{ids.DIALOGUE_DETAIL}").text
    assert (
        "Brussels" in card and "000_df0e79ac1bf68b0e.txt" in card
    )  # seed 000: IX HLM, Brussels, 13 Nov 2014
    link = dash_duo.find_element(f"#{ids.DIALOGUE_DETAIL} a[href^='/corridors']")
    # 2014 has no UN DESA estimate: the nearest is 2015 (not the previous, 2010), and the label says so.
    assert "year=2015" in link.get_attribute("href")
    assert link.text == "Corridors in 2015 (nearest year with data to 2014)"
    dash_duo.find_element(f"#{ids.DIALOGUE_DETAIL} a[href^='/map']").click()
    dash_duo.wait_for_contains_text(f"#{ids.MAP_SUBTITLE}", "2015", timeout=15)
    assert dash_duo.get_logs() == []
