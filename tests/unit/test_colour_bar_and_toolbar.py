"""Item 6 of issue 13: the map's colour bar is labelled in the reader's locale (never plotly's
"60B", a factor of 1000 in Spanish and Portuguese), and every chart's toolbar speaks the page's
language from plotly.js locale files served by the app."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
import pytest
from dash import dcc
from dash.development.base_component import Component

from dashboard import datasets, i18n
from dashboard.figures.map_colours import colour_axis, log_scale_allowed
from dashboard.locale import Locale
from dashboard.paths import ROOT
from layouts.graph_config import PLOTLY_LOCALES, graph_config
from layouts.router import render

LOCALE_DIR = ROOT / "assets" / "plotly" / "locales"
# Below 10¹² no es/pt/fr label may use a letter that reads as billón/bilião/billion or giga.
BILLION_WORDS = re.compile(r"\d\s?(B|Bi|Bn|G|bn|b)(?![^\W\d_])")


def years_of(frame: pd.DataFrame) -> Iterator[tuple[str, int, pd.Series]]:
    for (indicator, year), part in frame.groupby(["indicator", "year"]):
        yield str(indicator), int(year), part["value"]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_colour_bar_is_labelled_in_the_locale(lang: str) -> None:
    """Every indicator, year and scale the map can show: ticks inside the colour range, distinct,
    several, and in es/pt/fr no B/G/bn for a tick under 10¹²."""
    locale, catalogue = Locale.of(lang), datasets.catalogue()
    frame = datasets.indicator_values()
    checked = 0
    for indicator, year, values in years_of(frame):
        spec = catalogue[indicator]
        for log in {False, log_scale_allowed(spec)}:
            axis = colour_axis(spec, values, log, locale)
            tickvals, ticktext = axis["colorbar"]["tickvals"], axis["colorbar"]["ticktext"]
            where = (indicator, year, log)
            if values.dropna().nunique() < 2:
                continue
            assert len(tickvals) == len(ticktext) >= 2, where
            assert len(set(ticktext)) == len(ticktext), where
            assert all(axis["cmin"] - 1e-9 <= v <= axis["cmax"] + 1e-9 for v in tickvals), where
            amounts = [10.0**v for v in tickvals] if log else tickvals
            if lang != "en":
                wrong = [
                    t
                    for a, t in zip(amounts, ticktext, strict=True)
                    if abs(a) < 1e12 and BILLION_WORDS.search(t)
                ]
                assert wrong == [], where
            checked += 1
    assert checked > 600


@pytest.mark.parametrize(
    ("lang", "billions"),
    [("en", "bn"), ("es", "\u00a0mil\u00a0M"), ("pt", "\u00a0mM"), ("fr", "\u00a0Md")],
)
def test_the_remittances_colour_bar_counts_in_thousands_of_millions(lang: str, billions: str) -> None:
    """Remittances received 2022 reach US$ 61.1 bn (Mexico, World Bank WDI): the bar's ticks are
    20, 40, 60 × 10⁹ in the locale's CLDR short form (es "mil M", pt "mM", fr "Md"). No tick at 0:
    the bar covers the data, and Venezuela's published 0 is "not reported" (no data), not a floor."""
    frame = datasets.indicator_values()
    values = frame[(frame["indicator"] == "remittances_received") & (frame["year"] == 2022)]["value"]
    spec = datasets.catalogue()["remittances_received"]
    bar = colour_axis(spec, values, False, Locale.of(lang))["colorbar"]
    assert values.min() > 0
    assert bar["tickvals"] == [20e9, 40e9, 60e9]
    assert bar["ticktext"] == [f"{n}{billions}" for n in (20, 40, 60)]


def test_the_diverging_bar_keeps_its_data_range_and_zero() -> None:
    spec = datasets.catalogue()["net_migration_rate"]
    axis = colour_axis(spec, pd.Series([-91.4, 12.0]), False, Locale.of("es"))
    assert (axis["cmin"], axis["cmid"], axis["cmax"]) == (-91.4, 0.0, 91.4)
    assert 0.0 in axis["colorbar"]["tickvals"] and axis["colorbar"]["ticktext"][0].startswith("-")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_plotly_locale_of_each_language_is_served_locally(lang: str) -> None:
    name = PLOTLY_LOCALES[lang]
    assert graph_config(Locale.of(lang))["locale"] == name
    if lang == "en":  # plotly.js's own British English, built in
        return
    script = (LOCALE_DIR / f"plotly-locale-{name.lower()}.js").read_text(encoding="utf-8")
    assert f'name:"{name.lower()}"' in script.replace(" ", "").lower()
    assert "Plotly.register(locale)" in script and "window.PlotlyLocales" in script


def test_overrides_change_one_key() -> None:
    config = graph_config(Locale.of("fr"), responsive=False)
    assert config["responsive"] is False and config["locale"] == "fr" and config["displaylogo"] is False


def graphs(component: object) -> Iterator[dcc.Graph]:
    if isinstance(component, dcc.Graph):
        yield component
    if isinstance(component, Component):
        yield from graphs(getattr(component, "children", None))
    elif isinstance(component, (list, tuple)):
        for child in component:
            yield from graphs(child)


@pytest.mark.parametrize(
    ("path", "search"),
    [
        ("/map", "countries=MEX"),
        ("/corridors", ""),
        ("/dialogue", ""),
        ("/programmes", ""),
        ("/embed/map", ""),
    ],
)
@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_every_chart_on_every_page_speaks_the_page_language(path: str, search: str, lang: str) -> None:
    _navbar, body = render(path, f"?lang={lang}&{search}".rstrip("&"))
    found = list(graphs(body))
    assert found, path
    assert {graph.id: graph.config["locale"] for graph in found} == {
        g.id: PLOTLY_LOCALES[lang] for g in found
    }
