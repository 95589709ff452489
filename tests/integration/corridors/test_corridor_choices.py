"""Corridors page states that used to show an invented or empty result, in a real Chromium: an
empty custom choice, a pair with no migrants, a pair with no remittance estimate, titles that name
the countries, and axes in the reader's locale. Expected values come from the raw sources."""

from __future__ import annotations

import csv
import math
import re
import urllib.request
from functools import cache
from typing import Any

import pandas as pd
import pytest
from dash import Dash
from dash.testing.composite import DashComposite

from dashboard import paths
from layouts import ids

RAW = paths.raw_dir()
BILATERAL = RAW / "undesa_ims2024" / "derived" / "undesa_ims2024_bilateral_by_sex.csv"
REMITTANCES = RAW / "knomad" / "bilateral_remittance_matrix_2021.xlsx"
pytestmark = pytest.mark.skipif(not BILATERAL.exists(), reason="needs ../shared/data-raw")

FLOWS = f"#{ids.CORRIDORS_FLOWS} .js-plotly-plot"
REMITS = f"#{ids.CORRIDORS_REMITTANCES} .js-plotly-plot"
# Plotly's SI suffix right after a digit ("16M", "60B", "500k"); CLDR forms have a space ("16 M").
SI_SUFFIX = re.compile(r"\d[kMGTB]\b")


def stock(origin: str, destination: str, year: int) -> float | None:
    """Both sexes, from the raw UN DESA bilateral file (None: the pair is not listed)."""
    with BILATERAL.open(newline="") as handle:
        for row in csv.DictReader(handle):
            if (row["orig_iso3"], row["dest_iso3"], row["year"], row["sex"]) == (
                origin,
                destination,
                str(year),
                "0",
            ):
                return float(row["migrant_stock"])
    return None


@cache
def remittance_matrix() -> pd.DataFrame:
    """The KNOMAD 2021 matrix as published: senders down, receivers across, US$ millions."""
    frame = pd.read_excel(REMITTANCES, sheet_name="FINAL BRM 2021 ", header=1, engine="openpyxl")
    return frame.set_index(frame.columns[0])


def figure_of(dash_duo: DashComposite, selector: str) -> Any:
    return dash_duo.driver.execute_script(
        f"const gd = document.querySelector('{selector}'); return {{data: gd.data, layout: gd.layout}};"
    )


def annotation(dash_duo: DashComposite, selector: str) -> str:
    texts = [a["text"] for a in figure_of(dash_duo, selector)["layout"].get("annotations", [])]
    return " ".join(texts).replace("<br>", " ")


def wait_for_message(dash_duo: DashComposite, graph: str) -> None:
    dash_duo.wait_for_element(f"#{graph} .annotation-text", timeout=20)


def test_custom_with_nothing_chosen_asks_for_a_choice(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    dash_duo.find_element(f"#{ids.CORRIDORS_DIRECTION} input[value='custom'] + label").click()
    prompt = "Choose one or more origins or destinations above to see their corridors."
    dash_duo.wait_for_text_to_equal(f"#{ids.CORRIDORS_SUBTITLE}", prompt, timeout=10)
    wait_for_message(dash_duo, ids.CORRIDORS_FLOWS)
    assert figure_of(dash_duo, FLOWS)["data"] == []  # no figure pretending to be a result
    assert prompt in annotation(dash_duo, FLOWS)
    dash_duo.wait_for_text_to_equal(f"#{ids.CORRIDORS_CAPTION}", prompt, timeout=10)
    assert dash_duo.find_elements(f"#{ids.CORRIDORS_TABLE} tbody tr td") == []
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_REMITTANCES} .annotation-text", timeout=10)
    assert figure_of(dash_duo, REMITS)["data"] == [] and prompt in annotation(dash_duo, REMITS)
    assert "Rest of the world → Rest of the world" not in dash_duo.find_element("body").text
    assert "direction=custom" in dash_duo.driver.current_url
    # The CSV of this state holds no corridor (only its header).
    href = dash_duo.find_element(f"#{ids.CORRIDORS_DOWNLOAD}").get_attribute("href")
    with urllib.request.urlopen(href) as response:
        lines = response.read().decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("origin,origin_name")
    # The permalink reopens the prompt, not every pair of the world.
    dash_duo.driver.get(dash_duo.driver.current_url)
    dash_duo.wait_for_text_to_equal(f"#{ids.CORRIDORS_SUBTITLE}", prompt, timeout=20)
    wait_for_message(dash_duo, ids.CORRIDORS_FLOWS)
    assert dash_duo.find_element(f"#{ids.CORRIDORS_DIRECTION} input[value='custom']").is_selected()
    # Choosing an origin draws its corridors in place of the prompt.
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: ['VEN']})", ids.CORRIDORS_ORIGINS
    )
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    dash_duo.wait_for_contains_text(f"#{ids.CORRIDORS_SUBTITLE}", "Venezuela → every destination", timeout=10)
    assert dash_duo.get_logs() == []


def test_a_pair_with_no_migrants_says_so(dash_duo: DashComposite, puentes_app: Dash) -> None:
    assert stock("DMA", "EST", 2024) is None  # Estonia lists no migrants from Dominica
    assert stock("DMA", "ATG", 2024) == 5148  # but Antigua and Barbuda does
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?origins=DMA&destinations=ATG")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    # Switched by the control, as a reader would: the Sankey gives way to a message.
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: ['EST']})", ids.CORRIDORS_DESTINATIONS
    )
    wait_for_message(dash_duo, ids.CORRIDORS_FLOWS)
    text = annotation(dash_duo, FLOWS)
    assert "No migrants recorded for Dominica → Estonia in mid-2024 (both sexes)." in text
    assert "“Other”" in text
    assert figure_of(dash_duo, FLOWS)["data"] == []
    assert dash_duo.find_element(f"#{ids.CORRIDORS_SUBTITLE}").text.startswith("Dominica → Estonia")
    assert dash_duo.find_element(f"#{ids.CORRIDORS_CAPTION}").text.startswith("No migrants recorded")
    # Opened from its permalink too.
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?origins=DMA&destinations=EST&sex=female")
    wait_for_message(dash_duo, ids.CORRIDORS_FLOWS)
    assert "Dominica → Estonia in mid-2024 (women)" in annotation(dash_duo, FLOWS)
    assert dash_duo.get_logs() == []


def test_a_pair_without_a_remittance_estimate_says_so(dash_duo: DashComposite, puentes_app: Dash) -> None:
    matrix = remittance_matrix()
    assert math.isnan(matrix.loc["Spain", "Venezuela, RB"])  # no Spain -> Venezuela estimate
    assert matrix["Venezuela, RB"].isna().all()  # nor any for Venezuela: its column is empty
    migrants = stock("VEN", "ESP", 2024)
    assert migrants == 602539
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?origins=VEN&destinations=ESP")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    assert "602,539" in dash_duo.find_element(f"#{ids.CORRIDORS_TABLE}").text
    wait_for_message(dash_duo, ids.CORRIDORS_REMITTANCES)
    text = annotation(dash_duo, REMITS)
    assert "The KNOMAD 2021 matrix has no estimate of remittances from Spain to Venezuela." in text
    assert "received by Venezuela" in text
    assert figure_of(dash_duo, REMITS)["data"] == []  # no empty axes
    assert dash_duo.get_logs() == []


def test_titles_name_the_chosen_countries(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?origins=VEN,COL&destinations=ESP,PRT")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    subtitle = dash_duo.find_element(f"#{ids.CORRIDORS_SUBTITLE}").text
    assert subtitle == "Venezuela, Colombia → Spain, Portugal · migrants (people), mid-2024, both sexes"
    # A long list: counted in the heading, every name below it.
    many = "ARG,BOL,BRA,CHL,ECU,PER"
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?origins={many}&destinations=ESP&lang=es")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    heading = dash_duo.find_element(f"#{ids.CORRIDORS_SUBTITLE}").text
    assert heading.startswith("6 orígenes → España · migrantes (personas), mediados de 2024")
    assert "Orígenes: Argentina, Bolivia, Brasil, Chile, Ecuador, Perú" in heading
    assert dash_duo.get_logs() == []


def test_spanish_axes_have_no_si_suffix(dash_duo: DashComposite, puentes_app: Dash) -> None:
    top = remittance_matrix().loc["Spain", "Ecuador"]  # US$ 1,590 M: the largest EU -> CELAC estimate
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?lang=es")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_REMITTANCES} .xtick text", timeout=20)
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_DIASPORA_TIME} .ytick text", timeout=20)
    ticks = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('.xtick text, .ytick text, .cbaxis text')]"
        ".map(t => t.textContent)"
    )
    assert ticks and [t for t in ticks if SI_SUFFIX.search(t)] == []
    remittance_ticks = [t.text for t in dash_duo.find_elements(f"#{ids.CORRIDORS_REMITTANCES} .xtick text")]
    assert "1500 M" in remittance_ticks  # CLDR es short form of 1.5 × 10⁹ (mil millones)
    shown = figure_of(dash_duo, REMITS)
    bars = shown["data"][0]
    amount = f"US$ {top / 1000:.1f} mil millones".replace(".", ",")
    assert bars["customdata"][-1] == amount and bars["y"][-1] == "España → Ecuador"
    assert f"España → Ecuador · {amount}" in [a["text"] for a in shown["layout"]["annotations"]]
    assert dash_duo.get_logs() == []
