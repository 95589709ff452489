"""Corridors page: the largest CELAC <-> EU corridors from the real table."""

from __future__ import annotations

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids


def test_corridor_tables_show_the_largest_corridors(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_TABLE} table", timeout=15)
    first_rows = [
        t.find_element("css selector", "tbody tr").text
        for t in dash_duo.find_elements(f"#{ids.CORRIDORS_TABLE} table")
    ]
    assert first_rows[0].startswith("1 Colombia Spain")  # UN DESA 2024: 792,228, the largest CELAC -> EU
    assert "792,228" in first_rows[0]
    assert "UN DESA" in dash_duo.find_element(f"#{ids.CORRIDORS_SOURCE}").text
    assert dash_duo.get_logs() == []
