"""Issue 13 in a real Chromium: a flagged zero is grey, unranked and "no data" on the map and in
the key figures; a structural gap is no data; key figures for every selected country; an
aggregate's coverage on the profile."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids

PLOT = f"#{ids.MAP_GRAPH} .js-plotly-plot"
PROFILE = f"#{ids.MAP_PROFILE} .js-plotly-plot"


def open_map(dash_duo: DashComposite, puentes_app: Dash, query: str) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map{query}")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)


def trace(dash_duo: DashComposite, selector: str, index: int, key: str) -> Any:
    return dash_duo.driver.execute_script(
        f"return document.querySelector('{selector}').data[{index}][arguments[0]]", key
    )


def cell(dash_duo: DashComposite, code: str, indicator: str) -> str:
    selector = f"#{ids.MAP_CARDS} td[data-code='{code}'][data-indicator='{indicator}']"
    return str(dash_duo.wait_for_element(selector, timeout=10).text)


def test_venezuela_remittances_2022_are_grey_unranked_and_no_data(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    open_map(dash_duo, puentes_app, "?indicator=remittances_received&year=2022&countries=VEN")
    locations = trace(dash_duo, PLOT, 1, "locations")  # CELAC's coloured layer
    i = locations.index("VEN")
    assert trace(dash_duo, PLOT, 1, "z")[i] is None  # not coloured: the grey layer shows
    assert trace(dash_duo, PLOT, 1, "customdata")[i][:3] == ["", "", ""]  # no value, no rank
    why = trace(dash_duo, PLOT, 0, "customdata")[i][3]  # the grey layer's hover says why
    assert "published as 0" in why.replace("<br>", " ")
    colombia = trace(dash_duo, PLOT, 1, "customdata")[locations.index("COL")]
    ranked = int(colombia[2])
    assert ranked == sum(1 for z in trace(dash_duo, PLOT, 1, "z") if z is not None)  # VEN not counted
    text = cell(dash_duo, "VEN", "remittances_received")
    assert "no data" in text and "2022" in text and "US$ 0" not in text
    assert dash_duo.get_logs() == []


def test_germany_asylum_seekers_1990_are_no_data(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """UNHCR has no asylum-seekers by country before 2000: 1990 is not offered, and the profile
    draws no point (and no zero) before 2000."""
    open_map(dash_duo, puentes_app, "?indicator=asylum_seekers_hosted&year=1990&countries=DEU")
    notice = dash_duo.find_element(f"#{ids.NOTICE}").text
    assert "1990" in notice
    assert not dash_duo.find_element(f"#{ids.MAP_SUBTITLE}").text.startswith("1990")
    dash_duo.wait_for_element(f"{PROFILE} .scatterlayer", timeout=10)
    germany = dash_duo.driver.execute_script(
        f"return document.querySelector('{PROFILE}').data.find(t => t.name === 'Germany')"
    )
    shown = [x for x, y in zip(germany["x"], germany["y"], strict=True) if y is not None]
    assert min(germany["x"]) >= 2000 and min(shown) >= 2000
    assert 0 not in [y for y in germany["y"] if y is not None][:1]
    assert dash_duo.get_logs() == []


def test_key_figures_for_venezuela_and_colombia_side_by_side(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    open_map(dash_duo, puentes_app, "?countries=VEN,COL")
    headers = [h.text for h in dash_duo.find_elements(f"#{ids.MAP_CARDS} thead th")]
    assert headers[1:] == ["Venezuela", "Colombia"]
    for code in ("VEN", "COL"):
        assert "people" in cell(dash_duo, code, "emigrant_stock")
    legend = dash_duo.find_element(f"#{ids.MAP_PROFILE} .legend").text
    assert "Venezuela" in legend and "Colombia" in legend and "CELAC" in legend
    assert "own scale" in legend  # the bloc's total on its own panel, said on the chart
    assert dash_duo.get_logs() == []


def test_celac_remittances_paid_profile_shows_coverage(dash_duo: DashComposite, puentes_app: Dash) -> None:
    """CELAC's remittances paid: 22 of 33 members report in 2019 and 15 of 33 in 2020
    (aggregates.parquet): said in the hover and the key figures, marked on the line."""
    open_map(dash_duo, puentes_app, "?indicator=remittances_paid&countries=MEX&groups=CELAC")
    dash_duo.wait_for_element(f"{PROFILE} .scatterlayer", timeout=10)
    celac = dash_duo.driver.execute_script(
        f"return document.querySelector('{PROFILE}').data.filter(t => t.name === 'CELAC')"
    )
    assert len(celac) == 2 and celac[1]["line"]["dash"] == "dot"
    hover = dict(zip(celac[0]["x"], celac[0]["customdata"], strict=True))
    assert hover[2019].endswith("22 of 33 countries") and hover[2020].endswith("15 of 33 countries")
    legend = dash_duo.find_element(f"#{ids.MAP_PROFILE} .legend").text
    assert "fewer than 3 in 4 members reporting" in legend
    assert "of 33 countries" in cell(dash_duo, "CELAC", "migrant_stock")
    members = dash_duo.find_element(f"#{ids.MAP_MEMBERS}").text
    assert members.startswith("CELAC:") and "Venezuela" in members
    # choosing another group from the control adds it to the URL and to the profile
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: ['CELAC', 'sica']})", ids.MAP_GROUPS
    )
    dash_duo.wait_for_contains_text(f"#{ids.MAP_MEMBERS}", "SICA", timeout=10)
    assert "groups=CELAC,sica" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []
