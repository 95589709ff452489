"""The claims panel in a real Chromium: like with like (Venezuelans by origin; the documents' LAC
with its territories beside CELAC), what a bracket includes, and the document's own words apart
from Puentes' reading."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import Dash
from dash.testing.composite import DashComposite

from dashboard import paths
from dashboard.i18n import format_number
from layouts import ids

VENEZUELA_CARD = f"#{ids.claim_card('venezuelan_asylum_seekers_bra_per_2016_2017')}"
LAC_CARD = f"#{ids.claim_card('lac_migrant_stock_2017')}"


def venezuelans_in_brazil_and_peru() -> tuple[int, int]:
    """UNHCR asylum-seekers from Venezuela in Brazil and Peru, 2016 and 2017, summed here from
    the raw table by origin and country of asylum."""
    raw = paths.raw_dir() / "unhcr/derived/unhcr_population.csv"
    if not raw.exists():
        pytest.skip(f"raw sources not present at {raw}")
    frame = pd.read_csv(raw, usecols=["year", "coo_iso", "coa_iso", "asylum_seekers"])
    rows = frame[(frame["coo_iso"] == "VEN") & frame["coa_iso"].isin(["BRA", "PER"])]
    by_year = rows.groupby("year")["asylum_seekers"].sum()
    return int(by_year[2016]), int(by_year[2017])


def lac_with_territories(year: int) -> float:
    """UN DESA's Latin America and the Caribbean, its 17 territories included (data/ is checked
    against the raw UN DESA files by tests/etl/test_claims_raw.py)."""
    frame = pd.read_parquet(paths.data_dir() / "region_stock.parquet")
    return float(frame.loc[(frame["region"] == "LAC") & (frame["year"] == year), "migrant_stock"].sum())


def test_claims_compare_like_with_like_and_keep_the_documents_words_apart(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    start, end = venezuelans_in_brazil_and_peru()
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue")
    dash_duo.wait_for_contains_text(VENEZUELA_CARD, "almost +750 %", timeout=15)
    card = dash_duo.find_element(VENEZUELA_CARD)
    change = format_number((end / start - 1) * 100, "en", 1)
    puentes = card.find_element("css selector", ".claim-puentes").text
    assert f"+{change} %" in puentes  # Venezuelans only (about +640 %), not every origin (+210 %)
    assert f"2016: {format_number(start, 'en')} people → 2017: {format_number(end, 'en')} people" in puentes
    assert "Asylum-seekers born in Venezuela" in puentes and "Not comparable" not in card.text
    words = card.find_element("css selector", ".claim-document-words").text
    assert "the number of Venezuelan asylum seekers in Brazil and Peru jumped by almost 750%." in words
    assert "003_ee5460814acfab00.txt" in words
    # cited by its title (seeds/README.md), the file name beside it as a detail
    assert "MIEUX brief on Latin America and the Caribbean (2018)" in words
    reading = card.find_element("css selector", ".claim-reading").text
    assert reading and reading not in words  # Puentes' wording sits in its own, labelled part
    assert "PUENTES' READING" in card.text.upper()

    lac = dash_duo.find_element(LAC_CARD)
    lac_text = lac.find_element("css selector", ".claim-puentes").text
    assert "Latin America and the Caribbean, UN DESA region: 33 states and 17 territories" in lac_text
    assert f"{format_number(lac_with_territories(2015), 'en')} people" in lac_text
    assert "48 of 50 areas with figures" in lac_text and "CELAC: 33 states" in lac_text
    assert "Runs 3 years past the document's 2017" in lac_text and "People born in Venezuela" in lac_text
    assert dash_duo.get_logs() == []
