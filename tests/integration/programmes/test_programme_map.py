"""Programmes page in a real Chromium: the map of countries reached, its filters and permalinks."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until

from layouts import ids

PLOT = f"#{ids.PROGRAMMES_MAP} .js-plotly-plot"


def reached(dash_duo: DashComposite) -> Any:
    return dash_duo.driver.execute_script(
        f"return document.querySelector('{PLOT}').data"
        ".filter(t => t.name.startsWith('reached') && t.locations).flatMap(t => t.locations).sort()"
    )


def set_value(dash_duo: DashComposite, element: str, value: object) -> None:
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: arguments[1]})", element, value
    )


def test_programme_map_draws_and_follows_country_and_programme(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/programmes")
    dash_duo.wait_for_element(
        f"#{ids.PROGRAMMES_MAP} .choroplethlocation", timeout=20
    )  # shapes fetched by URL
    everything = reached(dash_duo)
    # seed 000: pilot projects in Guatemala, Mexico, Peru, Dominican Republic, Uruguay; the OECS
    # partnership is credited to the OECS as a group (no seed names its members): not drawn
    assert {"GTM", "MEX", "PER", "DOM", "URY"} <= set(everything) and "LCA" not in everything
    assert "OECS" in dash_duo.find_element(f"#{ids.PROGRAMMES_MAP_CAPTION}").text
    set_value(dash_duo, ids.PROGRAMMES_COUNTRIES, ["PER"])
    until(lambda: reached(dash_duo) != everything, timeout=10)
    assert "PER" in reached(dash_duo)
    set_value(dash_duo, ids.PROGRAMMES_FILTER, "mieux")
    until(lambda: reached(dash_duo) == ["PER"], timeout=10)  # seed 003: MIEUX Peru III
    until(lambda: "programme=mieux" in dash_duo.driver.current_url, timeout=10)
    assert "countries=PER" in dash_duo.driver.current_url
    body = dash_duo.find_element(f"#{ids.PROGRAMMES_BODY}").text
    assert "003_ee5460814acfab00.txt" in body and "MIEUX brief on Latin America" in body
    assert dash_duo.get_logs() == []


def test_permalink_restores_the_programme_filters(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/programmes?component=mieux_mexico_2&themes=asylum&lang=es")
    dash_duo.wait_for_text_to_equal(".page-title", "Resultados de los programas", timeout=15)
    dash_duo.wait_for_element(f"#{ids.PROGRAMMES_MAP} .choroplethlocation", timeout=20)
    assert reached(dash_duo) == ["MEX"]  # seed 003: MIEUX Mexico II
    assert "MIEUX" in dash_duo.find_element(f"#{ids.PROGRAMMES_FILTER}").text  # the programme follows
    assert "755" in dash_duo.find_element(f"#{ids.PROGRAMMES_BODY}").text  # seed 003: 755 trained
    dash_duo.driver.get(f"{dash_duo.server_url}/programmes?programme=nope")
    dash_duo.wait_for_contains_text(f"#{ids.PROGRAMMES_NOTICE}", "nope", timeout=15)
    assert dash_duo.get_logs() == []
