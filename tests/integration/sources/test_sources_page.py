"""Sources page lists every dataset with its edition and licence, and every indicator."""

from __future__ import annotations

import json

from dash import Dash
from dash.testing.composite import DashComposite

from dashboard.paths import ROOT
from layouts import ids


def test_sources_page_lists_datasets_and_indicators(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/sources")
    dash_duo.wait_for_element(f"#{ids.SOURCES_DATASETS}", timeout=15)
    listed = dash_duo.find_element(f"#{ids.SOURCES_DATASETS}").text
    assert "International Migrant Stock 2024" in listed and "CC BY 3.0 IGO" in listed
    assert "Bilateral Remittance Matrix 2021" in listed
    rows = dash_duo.find_elements(f"#{ids.SOURCES_INDICATORS} tbody tr")
    catalogue = json.loads((ROOT / "data" / "catalogue.json").read_text(encoding="utf-8"))
    assert len(rows) == len(catalogue["indicators"])
    assert dash_duo.get_logs() == []


def test_sources_page_names_the_five_source_documents_by_title(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/sources?lang=fr")
    dash_duo.wait_for_element(f"#{ids.SOURCES_DOCUMENTS}", timeout=15)
    rows = dash_duo.find_elements(f"#{ids.SOURCES_DOCUMENTS} tbody tr")
    assert len(rows) == 5
    # seeds README: 003 is the MIEUX brief on Latin America and the Caribbean (2018)
    assert rows[3].text.startswith("Note d'information de MIEUX sur l'Amérique latine et les Caraïbes (2018)")
    assert "003_ee5460814acfab00.txt" in rows[3].text
    assert dash_duo.get_logs() == []
