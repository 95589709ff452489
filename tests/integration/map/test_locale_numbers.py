"""Issue 13, item 6, in a real Chromium: a Spanish map speaks Spanish in plotly's own toolbar, and
its remittances colour bar counts in "mil M" (10⁹), never plotly's "B" (a billón is 10¹²)."""

from __future__ import annotations

import re

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids

PLOT = f"#{ids.MAP_GRAPH} .js-plotly-plot"
BILLION_WORDS = re.compile(r"\d\s?(B|Bi|Bn|G|bn|b)(?![^\W\d_])")


def open_map(dash_duo: DashComposite, query: str) -> None:
    dash_duo.driver.get(f"{dash_duo.server_url}/map?{query}")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)
    dash_duo.wait_for_element(f"{PLOT} .colorbar text", timeout=10)


def colour_bar_labels(dash_duo: DashComposite) -> list[str]:
    """The tick texts of the map's colour bar, as drawn in the SVG."""
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('{PLOT} .colorbar .cbaxis text')].map(t => t.textContent)"
    )


def modebar_titles(dash_duo: DashComposite) -> list[str]:
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('{PLOT} .modebar-btn')].map(b => b.getAttribute('data-title'))"
    )


def test_a_spanish_remittances_map_has_spanish_words_and_no_billions(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    open_map(dash_duo, "lang=es&indicator=remittances_received&year=2022")
    labels = colour_bar_labels(dash_duo)
    # World Bank WDI: Mexico received US$ 61.1 bn in 2022, the most of all members. No 0 tick:
    # Venezuela's published 0 is "not reported" (no data), so the bar starts at the smallest value.
    assert labels == ["20\u00a0mil\u00a0M", "40\u00a0mil\u00a0M", "60\u00a0mil\u00a0M"]
    assert [t for t in labels if BILLION_WORDS.search(t)] == []
    # plotly.js's own Spanish (dist/plotly-locale-es.js), served by the app, not a CDN.
    titles = modebar_titles(dash_duo)
    assert "Descargar gráfica como PNG" in titles and "Download plot as a PNG" not in titles
    requests = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any("/assets/plotly/locales/plotly-locale-es.js" in url for url in requests)
    assert [url for url in requests if not url.startswith(dash_duo.server_url)] == []

    open_map(dash_duo, "lang=es&indicator=remittances_received&year=2022&scale=log")
    labels = colour_bar_labels(dash_duo)
    assert "10\u00a0mil\u00a0M" in labels and [t for t in labels if BILLION_WORDS.search(t)] == []
    assert dash_duo.get_logs() == []


def test_portuguese_and_french_maps_use_their_own_words(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    for lang, billions, download in (
        ("pt", "\u00a0mM", "Baixar gráfico como imagem (PNG)"),
        ("fr", "\u00a0Md", "Télécharger le graphique en fichier PNG"),
    ):
        open_map(dash_duo, f"lang={lang}&indicator=remittances_received&year=2022")
        labels = colour_bar_labels(dash_duo)
        assert labels[-1] == "60" + billions and [t for t in labels if BILLION_WORDS.search(t)] == []
        assert download in modebar_titles(dash_duo)
    assert dash_duo.get_logs() == []
