"""Dialogue page in a real Chromium: the country filter, permalinks, and the documents' figures
beside Puentes' own values."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until

from dashboard import paths
from dashboard.etl import reference as ref
from dashboard.i18n import format_number
from layouts import ids

PLOT = f"#{ids.DIALOGUE_TIMELINE} .js-plotly-plot"


def shown_ids(dash_duo: DashComposite) -> Any:
    return dash_duo.driver.execute_script(
        f"return document.querySelector('{PLOT}').data.flatMap(t => t.customdata.map(c => c[0]))"
    )


def test_timeline_filters_by_country_and_writes_the_address_bar(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue")
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=15)
    everything = set(shown_ids(dash_duo))
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: ['ESP']})", ids.DIALOGUE_COUNTRIES
    )
    until(lambda: set(shown_ids(dash_duo)) < everything, timeout=10)
    # seeds 001/000: HLMs II and III in Madrid, the 2010 Madrid summit, the EUROsociAL+ Madrid seminar
    assert {"hlm_2", "hlm_3", "summit_madrid_2010", "eurosocial_seminar_madrid"} <= set(shown_ids(dash_duo))
    assert "hlm_1" not in shown_ids(dash_duo)  # Brussels, Swedish presidency
    until(lambda: "countries=ESP" in dash_duo.driver.current_url, timeout=10)
    assert dash_duo.get_logs() == []


def test_permalink_restores_the_timeline_and_bad_values_get_a_notice(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(
        f"{dash_duo.server_url}/dialogue?countries=BEL&themes=irregular_migration,weather&from=2010&to=2012"
    )
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=15)
    assert shown_ids(dash_duo) == ["hlm_4"]  # 001: IV HLM, Belgian presidency, irregular migration
    assert "Belgium" in dash_duo.find_element(f"#{ids.DIALOGUE_COUNTRIES}").text
    dash_duo.wait_for_contains_text(f"#{ids.DIALOGUE_NOTICE}", "“weather” is not a valid value", timeout=10)
    assert dash_duo.get_logs() == []


def celac_migrant_stock(year: int) -> float:
    """The 33 CELAC states' migrant stock summed here from the country rows (data/ is checked
    against the raw UN DESA file by tests/etl)."""
    frame = pd.read_parquet(paths.data_dir() / "indicators.parquet")
    rows = frame[
        (frame["indicator"] == "migrant_stock") & (frame["year"] == year) & frame["iso3"].isin(ref.CELAC)
    ]
    assert len(rows) == 33
    return float(rows["value"].sum())


def test_claims_panel_shows_the_documents_figure_beside_puentes_value(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue")
    card = f"#{ids.claim_card('lac_migrant_stock_2017')}"
    dash_duo.wait_for_contains_text(
        card, "9,500,000 people", timeout=15
    )  # seed 003: "an estimate of 9.5 million"
    text = dash_duo.find_element(card).text
    assert "003_ee5460814acfab00.txt" in text and "2017" in text
    expected = format_number(celac_migrant_stock(2015), "en")
    assert f"{expected} people" in text and "UN DESA, International Migrant Stock 2024" in text
    assert "Why the figures may differ" in text
    workers = dash_duo.find_element(f"#{ids.claim_card('lac_migrant_workers_2015_ilo')}").text
    assert "Not comparable" in workers and "no data on migrants' labour-force status" in workers
    assert dash_duo.get_logs() == []
