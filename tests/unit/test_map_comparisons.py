"""Comparisons on the map page (issue 13, items 3, 4 and 12): the ``groups=`` URL parameter, key
figures for every selected country and group, a profile without a second axis that makes
unequal values look equal, aggregates that say their coverage, and sources that name the
denominator."""

from __future__ import annotations

import pandas as pd
import pytest

from callbacks import map as callbacks
from dashboard import datasets, readings
from dashboard.locale import Locale
from dashboard.urls.pages import parse_shared
from dashboard.urls.shared import FilterState, query
from dashboard.views import exports
from dashboard.views import map as map_view
from dashboard.vocabulary import vocabulary

GROUPS_CSV = pd.read_csv(datasets.folder() / "groups.csv")


def test_groups_round_trip_and_unknown_values_are_notices() -> None:
    parsed = parse_shared("?countries=VEN,COL&groups=caricom,mercosur", vocabulary())
    assert parsed.state.groups == ("caricom", "mercosur") and parsed.notices == ()
    assert query(parsed.state) == "?countries=VEN,COL&groups=caricom,mercosur"
    bad = parse_shared("?groups=caricom,atlantis,caricom", vocabulary())
    assert bad.state.groups == ("caricom",)
    assert [(n.parameter, n.value) for n in bad.notices] == [("groups", "atlantis")]
    assert parse_shared("?groups=a,b,c,d,e", vocabulary()).state.groups == ()


def test_existing_urls_keep_working_and_every_group_of_groups_csv_can_be_chosen() -> None:
    assert parse_shared("?countries=ESP&year=2000", vocabulary()).state == FilterState(
        countries=("ESP",), year=2000
    )
    assert set(GROUPS_CSV["group"]) == vocabulary().groups
    assert {"caricom", "sica", "mercosur", "andean", "central_america", "caribbean"} <= vocabulary().groups


def test_the_groups_control_writes_the_url() -> None:
    out = callbacks.update_map(
        indicator="migrant_stock", year=None, region="both", log=False, countries=["VEN"], search="",
        groups=["sica", "nowhere"],
    )  # fmt: skip
    assert out["query"] == "?countries=VEN&groups=sica"


def test_key_figures_for_every_selected_country_and_group_side_by_side() -> None:
    view = map_view.build(FilterState(countries=("VEN", "COL"), groups=("andean",)))
    columns = view.key_figures()
    assert [c.code for c in columns] == ["VEN", "COL", "andean"]
    assert all(len(c.figures) == 8 for c in columns)
    stock = {c.code: next(f for f in c.figures if f.indicator == "migrant_stock") for c in columns}
    assert stock["VEN"].value.endswith("people") and stock["COL"].value.endswith("people")
    # the Andean Community's members: Bolivia, Colombia, Ecuador, Peru (groups.csv)
    andean = GROUPS_CSV.set_index("group").loc["andean"]
    assert stock["andean"].note == f"{andean['n_members']} of {andean['n_members']} countries"
    assert view.compared() == [("Andean Community", ("Bolivia", "Colombia", "Ecuador", "Peru"))]


def test_the_profile_has_no_second_axis_over_the_countries() -> None:
    """Venezuela's emigrants (8.3 M) and CELAC's (44 M) no longer sit at the same height: the
    bloc's total is on its own panel, below, and the chart says so."""
    figure = map_view.build(FilterState(indicator="emigrant_stock", countries=("VEN", "COL"))).profile()
    layout = figure["layout"]
    assert "overlaying" not in layout.get("yaxis2", {})
    by_name = {t["name"]: t for t in figure["data"]}
    assert by_name["Venezuela"].get("yaxis", "y") == "y" and by_name["CELAC"]["yaxis"] == "y2"
    top, bottom = layout["yaxis"]["domain"], layout["yaxis2"]["domain"]
    assert bottom[1] < top[0]  # two panels, one above the other
    assert "own scale" in layout["legend"]["title"]["text"]
    # ticks in the reader's locale, never plotly's SI suffixes
    assert layout["yaxis"]["ticktext"] and not any("G" in t for t in layout["yaxis2"]["ticktext"])
    spanish = map_view.build(FilterState(indicator="emigrant_stock", countries=("VEN",), lang="es")).profile()
    assert any("M" in t for t in spanish["layout"]["yaxis2"]["ticktext"])
    assert not any(t.endswith("B") for t in spanish["layout"]["yaxis2"]["ticktext"])


def test_shares_keep_one_axis() -> None:
    figure = map_view.build(FilterState(indicator="migrant_share", countries=("ESP",))).profile()
    assert {t.get("yaxis", "y") for t in figure["data"]} == {"y"} and "yaxis2" not in figure["layout"]


def test_celac_remittances_paid_show_coverage_and_mark_the_low_years() -> None:
    """2019: 22 of 33 CELAC members report; 2020: 15 of 33 (aggregates.parquet). Below 3 in 4
    the line breaks and the points are dotted and hollow."""
    aggregates = datasets.aggregates()
    celac = aggregates[(aggregates["group"] == "CELAC") & (aggregates["indicator"] == "remittances_paid")]
    coverage = celac.set_index("year")[["n_reporting", "n_members"]]
    figure = map_view.build(FilterState(indicator="remittances_paid", countries=("MEX",))).profile()
    traces = [t for t in figure["data"] if t["name"] == "CELAC"]
    solid, dotted = traces
    assert dotted["line"]["dash"] == "dot" and dotted["marker"]["symbol"] == "circle-open"
    years = solid["x"]
    for year in (2019, 2020):
        i = years.index(year)
        n, total = coverage.loc[year]
        assert f"{n} of {total} countries" in solid["customdata"][i]
        low = n / total < readings.COVERAGE_THRESHOLD
        assert (solid["y"][i] is None) == low and (dotted["y"][i] is not None) == low
    assert "fewer than 3 in 4 members reporting" in figure["layout"]["legend"]["title"]["text"]


def test_table_and_csv_carry_coverage_and_members() -> None:
    table = map_view.build(FilterState(indicator="remittances_paid", year=2020, groups=("sica",))).table()
    groups = table[table["bloc"] == ""].set_index("iso3")
    assert list(groups.index) == ["CELAC", "EU27", "sica"]
    aggregates = datasets.aggregates().set_index(["group", "indicator", "year"])
    for code in groups.index:
        stored = aggregates.loc[(code, "remittances_paid", 2020)]
        assert groups.loc[code, "n_reporting"] == stored["n_reporting"]
        assert groups.loc[code, "n_members"] == stored["n_members"]
    assert groups.loc["sica", "members"] == "BLZ CRI DOM GTM HND NIC PAN SLV"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_computed_series_name_numerator_and_denominator(lang: str) -> None:
    """migrant_share is UN DESA migrants (CC BY 3.0 IGO) over World Bank population (CC BY 4.0)."""
    view = map_view.build(FilterState(indicator="migrant_share", lang=lang))
    caption = exports.map_chart(view).caption.source
    assert "CC BY 3.0 IGO" in caption and "CC BY 4.0" in caption and "Population" in caption
    assert view.editions_note and view.editions_note in caption
    row = view.table().iloc[0]
    assert row["licence"] == "CC BY 3.0 IGO" and row["denominator_licence"] == "CC BY 4.0"
    assert "SP.POP.TOTL" in row["denominator_source"] and row["editions_note"] == view.editions_note
    published = map_view.build(FilterState(indicator="migrant_stock", lang=lang)).table().iloc[0]
    assert published["denominator_source"] == "" and published["editions_note"] == ""


def test_coverage_words_use_plurals() -> None:
    assert readings.coverage(1, 1, Locale.of("en")) == "1 of 1 country"
    assert readings.coverage(30, 33, Locale.of("es")) == "30 de 33 países"
    assert readings.coverage(30, 33, Locale.of("fr")) == "30 sur 33 pays"
