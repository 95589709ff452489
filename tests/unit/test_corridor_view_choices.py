"""What the corridors page says for each kind of choice: an empty custom choice asks for one, a pair
with no migrants or no remittance estimate says so, titles name the countries, and numbers on
axes and bars are in the reader's locale. Tiny frames for the words; the committed data for views
(expected values from the raw sources, cited beside each)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

from dashboard import briefing, corridors
from dashboard.figures import corridors as figures
from dashboard.figures import diaspora as diaspora_figures
from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState
from dashboard.urls.shared import FilterState
from dashboard.views import corridor_words as words
from dashboard.views import exports
from dashboard.views.corridors import build
from layouts import corridors_table

NAMES = {"VEN": "Venezuela", "COL": "Colombia", "ESP": "Spain", "PRT": "Portugal", "DMA": "Dominica"}
SI_SUFFIX = re.compile(r"\d[kMGTB]\b")
EN = Locale.of("en")


def texts(figure: dict[str, Any]) -> str:
    return " ".join(a["text"] for a in figure["layout"].get("annotations", [])).replace("<br>", " ")


def test_an_empty_custom_choice_selects_nothing_and_one_open_side_means_every_country() -> None:
    countries = pd.DataFrame({"iso3": ["VEN", "ESP"], "bloc": ["CELAC", "EU27"]})
    assert corridors.direction_sets("custom", countries) == (frozenset(), frozenset())
    frame = pd.DataFrame({"origin": ["ROW"], "destination": ["ROW"], "migrant_stock": [1.0]})
    assert corridors.select(frame, frozenset(), frozenset()).empty  # never "ROW → ROW"
    assert corridors.direction_sets("custom", countries, ["VEN"]) == (frozenset({"VEN"}), None)


@pytest.mark.parametrize(
    ("state", "title"),
    [
        (CorridorState("custom", ("VEN", "COL"), ("ESP", "PRT")), "Venezuela, Colombia → Spain, Portugal"),
        (CorridorState("custom", ("VEN",)), "Venezuela → every destination"),
        (CorridorState("custom", (), ("ESP",)), "every origin → Spain"),
        (CorridorState("custom", ("A", "B", "C", "D", "E"), ("ESP",)), "5 origins → Spain"),
        (CorridorState("eu_celac"), "EU → CELAC"),
        (CorridorState("custom"), words.prompt(EN)),
    ],
)
def test_titles_name_the_countries(state: CorridorState, title: str) -> None:
    assert words.title(state, NAMES, EN) == title


def test_a_long_list_is_counted_in_the_title_and_named_in_the_note() -> None:
    state = CorridorState("custom", ("VEN", "COL", "ESP", "PRT", "DMA", "X1", "X2"), ("ESP",))
    assert words.title(state, NAMES, Locale.of("es")) == "7 orígenes → Spain"
    note = words.names_note(state, NAMES, EN)
    assert note == "Origins: Venezuela, Colombia, Spain, Portugal, Dominica, X1, X2"
    short = words.names_note(state, NAMES, EN, limit=3)
    assert short == "Origins: Venezuela, Colombia, Spain and 4 more"
    assert words.title(CorridorState("custom", (), ("A", "B", "C", "D", "E")), {}, EN).endswith(
        "5 destinations"
    )


def test_a_message_figure_draws_nothing_and_escapes_names() -> None:
    figure = figures.message(["Bosnia & Herzegovina <b>", ""], EN, 300)
    assert figure["data"] == [] and figure["layout"]["height"] == 300
    assert figure["layout"]["xaxis"]["visible"] is False
    assert texts(figure) == "Bosnia &amp; Herzegovina &lt;b&gt;"


def test_the_receivers_without_any_estimate() -> None:
    frame = pd.DataFrame({"sender": ["ESP", "USA"], "receiver": ["COL", "MEX"], "usd_millions": [1.0, 2.0]})
    assert corridors.without_estimates(frame, frozenset({"VEN", "COL", "CUB"})) == ["CUB", "VEN"]
    assert corridors.without_estimates(frame, None) == []


@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr"])
def test_remittance_and_diaspora_axes_use_the_locale_words(lang: str) -> None:
    locale = Locale.of(lang)
    rows = pd.DataFrame({"sender": ["USA"], "receiver": ["MEX"], "usd_millions": [52_600.0]})
    bars = figures.remittance_bars(rows, {}, locale)
    axis = bars["layout"]["xaxis"]
    assert axis["tickvals"][-1] >= 52.6e9 and not any(SI_SUFFIX.search(t) for t in axis["ticktext"])
    assert bars["data"][0]["customdata"] == [locale.value(52_600.0, "usd_millions")]
    assert bars["layout"]["annotations"][0]["text"].endswith(" · " + locale.value(52_600.0, "usd_millions"))
    table = pd.DataFrame(
        {"origin": ["MEX"] * 2, "year": [2020, 2024], "usa": [1.1e7, 1.2e7], "eu": [1e5, 2e5]}
    ).assign(celac=0.0, rest=0.0)
    area = diaspora_figures.diaspora_area(table.assign(total=table["usa"] + table["eu"]), locale)
    ticktext = area["layout"]["yaxis"]["ticktext"]
    assert ticktext and not any(SI_SUFFIX.search(t) for t in ticktext)


def test_empty_diaspora_tables_say_no_data() -> None:
    empty = pd.DataFrame(columns=["origin", "year", "usa", "eu", "celac", "rest", "total"])
    assert diaspora_figures.diaspora_bars(empty, {}, EN)["data"] == []
    assert texts(diaspora_figures.diaspora_area(empty, EN, "nothing here")) == "nothing here"


# On the committed data -------------------------------------------------------------------------


def test_custom_with_nothing_chosen_asks_everywhere() -> None:
    view = build(FilterState(), CorridorState("custom"))
    prompt = words.prompt(view.locale)
    assert view.needs_choice and view.current.empty and view.csv().empty
    assert view.heading() == prompt and view.subtitle() == prompt
    for figure in (view.flows_figure(), view.remittance_figure()):
        assert figure["data"] == [] and prompt in texts(figure)
    assert corridors_table.table_caption(view) == prompt and corridors_table.table_data(view) == []
    assert exports.corridors_chart(view, "flows").caption.subtitle == prompt
    assert briefing.corridor_figures(view) == ()  # no "0 people" on a slide
    assert "direction=custom" in view.query  # the permalink reopens the prompt


def test_dominica_to_estonia_has_no_migrants_recorded() -> None:
    # raw UN DESA 2024 bilateral file: Estonia lists no origin Dominica (DMA) in any year.
    view = build(FilterState(), CorridorState("custom", ("DMA",), ("EST",), year=2024, sex="female"))
    message = "No migrants recorded for Dominica → Estonia in mid-2024 (women)."
    assert view.flows_message()[0] == message
    assert view.flows_figure()["data"] == [] and message in texts(view.flows_figure())
    assert corridors_table.table_caption(view).startswith(message)


def test_venezuela_to_spain_has_migrants_but_no_remittance_estimate() -> None:
    # raw: Venezuela -> Spain 602,539 (IMS 2024); KNOMAD 2021 leaves Venezuela's column empty.
    view = build(FilterState(lang="es"), CorridorState("custom", ("VEN",), ("ESP",)))
    assert view.total() == 602539
    figure = view.remittance_figure()
    assert figure["data"] == []
    assert "no tiene ninguna estimación de remesas para el corredor España → Venezuela" in texts(figure)
    assert "recibidas en: Venezuela" in texts(figure)


def test_presets_note_the_receivers_without_estimates() -> None:
    # raw KNOMAD 2021: the Bahamas, Barbados, Cuba and Venezuela columns are empty.
    figure = build(FilterState(), CorridorState()).remittance_figure()
    assert figure["data"][0]["type"] == "bar"
    assert "received by Bahamas, Barbados, Cuba, Venezuela" in texts(figure)


def test_exports_name_the_countries() -> None:
    view = build(FilterState(lang="pt"), CorridorState("custom", ("VEN", "COL"), ("ESP", "PRT")))
    chart = exports.corridors_chart(view, "flows")
    assert chart.caption.subtitle.startswith("Venezuela, Colômbia → Espanha, Portugal · migrantes")


def test_an_image_subtitle_lists_the_first_names_of_a_long_side() -> None:
    state = CorridorState("custom", ("ARG", "BOL", "BRA", "CHL", "COL", "ECU"), ("ESP", "ITA"))
    view = build(FilterState(), state)
    assert view.heading().startswith("6 origins → Spain, Italy · migrants (people)")
    assert view.names_note() == "Origins: Argentina, Bolivia, Brazil, Chile, Colombia, Ecuador"
    subtitle = exports.corridors_chart(view, "flows").caption.subtitle
    assert subtitle.startswith("Argentina, Bolivia, Brazil and 3 more → Spain, Italy · migrants (people)")


def test_a_chosen_country_with_nothing_recorded_is_named_under_the_flows() -> None:
    # raw UN DESA 2024: Germany lists 27 origins by name, none of them in CELAC.
    view = build(FilterState(), CorridorState("custom", ("COL", "VEN"), ("ESP", "DEU")))
    figure = view.flows_figure()
    assert figure["data"][0]["type"] == "sankey"
    assert "No migrants recorded for Germany in these corridors" in texts(figure)
    assert build(FilterState(), CorridorState("custom", ("COL",), ("ESP",))).unrecorded() == ""
