"""Every chart is a briefing chart, in a real Chromium: the profile's export bar (PNG answers an
image, CSV every year), the corridors over time for Venezuela, Colombia → Spain, and "Add to
briefing" under the corridors' map keeping ``chart=map``."""

from __future__ import annotations

import io
import json
import urllib.request

import pandas as pd
from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until

from dashboard import rendering
from layouts import ids

YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]


def href(dash_duo: DashComposite, bar: str, role: str) -> str:
    return str(dash_duo.find_element(f"#{ids.export_control(bar, role)}").get_attribute("href"))


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.status, response.headers["Content-Type"], response.read()


def add(dash_duo: DashComposite, bar: str) -> None:
    """Click a bar's "Add to briefing" (scrolled into view first)."""
    button = dash_duo.find_element(f"#{ids.export_control(bar, 'add')}")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", button
    )


def test_the_profile_has_its_export_bar(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=migrant_stock&countries=VEN,COL")
    dash_duo.wait_for_element(f"#{ids.MAP_PROFILE} .js-plotly-plot", timeout=20)
    png = href(dash_duo, "map-profile", "png")
    assert "/export/map.png?chart=profile&" in png and "countries=VEN,COL" in png
    status, kind, body = fetch(href(dash_duo, "map-profile", "csv"))
    assert status == 200 and kind.startswith("text/csv")
    rows = pd.read_csv(io.BytesIO(body))
    assert list(dict.fromkeys(rows["code"])) == ["VEN", "COL", "CELAC"]
    assert list(rows.loc[rows["code"] == "VEN", "year"]) == YEARS
    if rendering.browser_path() is not None:  # kaleido needs the system Chromium
        status, kind, body = fetch(png)
        assert status == 200 and kind == "image/png" and body.startswith(b"\x89PNG")
    assert dash_duo.get_logs() == []


def test_the_corridors_over_time_for_venezuela_and_colombia_to_spain(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    query = "direction=custom&origins=VEN,COL&destinations=ESP"
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?{query}")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_TREND} .scatterlayer .trace", timeout=20)
    title = dash_duo.find_element(f"#{ids.CORRIDORS_TREND_TITLE}").text
    assert title.startswith("Venezuela, Colombia → Spain") and "1990–2024" in title
    legend = dash_duo.find_element(f"#{ids.CORRIDORS_TREND} .legend").text
    assert "Venezuela → Spain" in legend and "Colombia → Spain" in legend
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: 'female'})", ids.CORRIDORS_SEX
    )
    dash_duo.wait_for_contains_text(f"#{ids.CORRIDORS_TREND_TITLE}", "women", timeout=15)
    until(lambda: "sex=female" in href(dash_duo, "corridors-trend", "csv"), timeout=10)
    status, _kind, body = fetch(href(dash_duo, "corridors-trend", "csv"))
    rows = pd.read_csv(io.BytesIO(body))
    assert status == 200 and set(rows["sex"]) == {"female"} and sorted(set(rows["year"])) == YEARS
    # UN DESA IMS 2024: Venezuelan-born women in Spain, 2024
    venezuela = rows[(rows["origin"] == "VEN") & (rows["year"] == 2024)]
    assert venezuela["migrant_stock"].item() == 328_589
    assert dash_duo.get_logs() == []


def test_adding_the_corridors_map_keeps_chart_map(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?focus=ECU&side=origin")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_MAP} .choroplethlayer path", timeout=20)
    add(dash_duo, "corridors-map")
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "1", timeout=10)
    add(dash_duo, "corridors-trend")
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", "2", timeout=10)
    stored = dash_duo.driver.execute_script(
        "return window.localStorage.getItem(arguments[0])", ids.BRIEFING_BASKET
    )
    basket = json.loads(stored)
    assert [view.split("&")[0] for view in basket] == ["/corridors?chart=map", "/corridors?chart=trend"]
    assert all("focus=ECU&side=origin" in view for view in basket)
    dash_duo.driver.execute_script("arguments[0].click()", dash_duo.find_element(f"#{ids.BRIEFING_OPEN}"))
    dash_duo.wait_for_contains_text(
        f"#{ids.BRIEFING_LIST} ol", "Where emigrants from Ecuador live", timeout=15
    )
    assert "Corridors over time" in dash_duo.find_element(f"#{ids.BRIEFING_LIST} ol").text
    assert dash_duo.get_logs() == []
