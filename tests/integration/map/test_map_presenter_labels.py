"""A presented map writes its top values on the map at a projector's size, and they follow the
year when the address moves on (as a story's next step does). Expected countries are read from
the processed parquet here, not from the app."""

from __future__ import annotations

import pandas as pd
from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until

from dashboard import paths
from layouts import ids

LABELS = f"#{ids.MAP_GRAPH} .scattergeo text"
# A label's lines (name, value) joined as "name · value".
JS_LABELS = (
    f"return [...document.querySelectorAll('{LABELS}')]"
    ".map(t => [...t.querySelectorAll('tspan.line')].map(s => s.textContent).join(' · ') || t.textContent)"
)


def top_names(indicator: str, year: int, n: int = 3) -> list[str]:
    """English names of the top ``n`` of each bloc (CELAC first), from the committed data."""
    values = pd.read_parquet(paths.data_dir() / "indicators.parquet")
    rows = values[(values["indicator"] == indicator) & (values["year"] == year) & values["value"].notna()]
    rows = rows[rows["flag"] != "reported_zero"]
    countries = pd.read_csv(paths.data_dir() / "countries.csv", keep_default_na=False)
    rows = rows.merge(countries[["iso3", "bloc", "name_en"]], on="iso3")
    rows = rows.sort_values(["value", "iso3"], ascending=[False, True])
    return [name for bloc in ("CELAC", "EU27") for name in rows[rows["bloc"] == bloc]["name_en"][:n]]


def drawn_names(dash_duo: DashComposite) -> list[str]:
    return [t.split(" · ")[0] for t in dash_duo.driver.execute_script(JS_LABELS)]


def wait_for_names(dash_duo: DashComposite, expected: list[str]) -> list[str]:
    until(lambda: sorted(drawn_names(dash_duo)) == sorted(expected), timeout=15)
    return drawn_names(dash_duo)


def test_a_presented_map_writes_the_top_values_and_follows_the_year(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.set_window_size(1280, 720)  # a projector
    query = "indicator=migrant_stock&year={year}&region=both&present=1"
    dash_duo.driver.get(f"{dash_duo.server_url}/map?{query.format(year=2024)}")
    dash_duo.wait_for_element(f"#{ids.PRESENT_BAR}", timeout=20)
    expected = top_names("migrant_stock", 2024)
    assert sorted(wait_for_names(dash_duo, expected)) == sorted(expected)
    texts = dash_duo.driver.execute_script(JS_LABELS)
    assert "Germany · 16.8m" in texts and all(" · " in t for t in texts)
    sizes = dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('{LABELS}')]"
        ".map(t => parseFloat(getComputedStyle(t).fontSize))"
    )
    assert min(sizes) >= 15
    box = dash_duo.driver.execute_script(
        f"const r = document.querySelector('#{ids.MAP_GRAPH}').getBoundingClientRect();"
        f"return [...document.querySelectorAll('{LABELS}')].map(t => t.getBoundingClientRect())"
        ".every(b => b.left >= r.left - 1 && b.right <= r.right + 1)"
    )
    assert box  # no label runs off the map
    # The address moves to another year the way a story's step link does (no reload).
    dash_duo.driver.execute_script(
        "window.history.pushState({}, '', arguments[0]);"
        "window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));",
        "/map?" + query.format(year=2000),
    )
    earlier = top_names("migrant_stock", 2000)
    assert sorted(earlier) != sorted(expected)
    assert sorted(wait_for_names(dash_duo, earlier)) == sorted(earlier)
    assert dash_duo.get_logs() == []


def test_a_map_not_presented_writes_no_label(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=migrant_stock&year=2024&countries=VEN,COL")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)
    dash_duo.wait_for_element(f"#{ids.MAP_CARDS} *", timeout=15)
    assert dash_duo.driver.execute_script(JS_LABELS) == []
    assert dash_duo.get_logs() == []
