"""The rule of issue 13, table-driven over every indicator: a number a reader sees on the map, in
its hover, rank, table, CSV, key figures, profile or slide is a real published value, never a
flagged zero ("published as 0, which the source uses for not reported") nor a structural gap.

Which cells are "no data" comes from the stored ``flag`` and ``published`` columns (what the
source published), and for Venezuela's remittances from the raw World Bank file itself.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pytest

from dashboard import briefing, datasets, profiles, readings, tables, transforms
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views import map as map_view

EN = Locale.of("en")
CATALOGUE = sorted(datasets.catalogue())


def flagged_rows() -> pd.DataFrame:
    """Every stored row whose published number is not a value (its flag says so)."""
    values = datasets.indicator_values()
    return values[values["flag"].isin(readings.NO_DATA_FLAGS)]


def published_lookup(indicator: str, year: int) -> pd.DataFrame:
    """The (indicator, year) lookup as if a table carried the source's published numbers as
    values: the rule must still hide the flagged zeros (it does not rely on the data's NaN)."""
    values = datasets.indicator_values()
    rows = values[(values["indicator"] == indicator) & (values["year"] == year)]
    return rows.set_index("iso3")[["published", "flag"]].rename(columns={"published": "value"})


def test_the_data_has_flagged_zeros_to_hide() -> None:
    flagged = flagged_rows()
    assert len(flagged) > 0 and (flagged["published"] == 0).all()
    venezuela = flagged[(flagged["iso3"] == "VEN") & (flagged["indicator"] == "remittances_received")]
    assert sorted(venezuela["year"]) == list(range(2017, 2023))


@pytest.mark.parametrize("indicator", CATALOGUE)
def test_no_map_value_rank_hover_or_table_cell_is_a_flagged_zero(indicator: str) -> None:
    spec = datasets.catalogue()[indicator]
    flagged = flagged_rows()
    flagged = flagged[flagged["indicator"] == indicator]
    countries = datasets.countries()
    for year in spec.years:
        hidden = set(flagged.loc[flagged["year"] == year, "iso3"])
        for lookup in (datasets.values_by_key().get((indicator, year)), published_lookup(indicator, year)):
            frame = transforms.map_values(lookup, countries, spec, year, EN).set_index("iso3")
            for code in hidden & set(frame.index):
                row = frame.loc[code]
                assert math.isnan(row["value"]) and math.isnan(row["rank"]), (indicator, year, code)
                assert row["display"] == "no data"
            # the number ranked in each bloc counts only real values
            for bloc, members in frame.groupby("bloc"):
                assert (members["n_in_bloc"] == members["value"].notna().sum()).all(), (indicator, year, bloc)
        if hidden:
            table = map_view.member_table(indicator, year, EN, "both")
            cells = table.set_index("iso3").loc[sorted(hidden & set(table["iso3"]))]
            assert cells["value"].isna().all() and cells["rank_in_bloc"].isna().all()
            assert (cells["published"] == 0).all() and (cells["flag"] == "reported_zero").all()
            rows = {r["country"]: r for r in tables.table_rows(table, spec, EN)}
            for name in cells["country"]:
                assert rows[name]["value"] is None and "published as 0" in rows[name]["flag"]


@pytest.mark.parametrize("indicator", profiles.KEY_INDICATORS)
def test_no_key_figure_or_profile_point_is_a_flagged_zero(indicator: str) -> None:
    spec = datasets.catalogue()[indicator]
    flagged = flagged_rows()
    flagged = flagged[flagged["indicator"] == indicator]
    series = map_view.profile_series()
    for code, rows in flagged.groupby("iso3"):
        figure = profiles.key_figures(series, datasets.catalogue(), datasets.sources(), str(code), EN)
        shown = next(f for f in figure if f.indicator == indicator)
        if shown.year in set(rows["year"]):
            assert shown.value == "no data" and "published as 0" in shown.note
        line = profiles.lines(series, datasets.countries(), datasets.groups(), spec, [str(code)], EN)[0]
        for year in rows["year"]:
            assert math.isnan(line.values[year]), (indicator, code, year)


def test_slides_count_only_countries_with_a_real_value() -> None:
    view = map_view.build(FilterState(indicator="remittances_received", year=2022))
    values = datasets.indicator_values()
    real = values[
        (values["indicator"] == "remittances_received")
        & (values["year"] == 2022)
        & values["iso3"].isin(datasets.member_codes())
        & (values["flag"] != "reported_zero")
        & values["published"].notna()
    ]
    counted = dict(f for f in ((k.label, k.value) for k in briefing.map_figures(view)))
    assert counted["Countries with data"] == f"{len(real)} of 60 countries"
    assert "VEN" not in set(real["iso3"])


@pytest.mark.raw
def test_venezuela_remittances_published_as_zero_in_the_raw_file_show_no_data(raw_dir: Path) -> None:
    raw = pd.read_excel(
        raw_dir / "worldbank_wdi/API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_6000901.xls",
        sheet_name="Data",
        skiprows=3,
    )
    venezuela = raw[raw["Country Code"] == "VEN"].iloc[0]
    zeros = [y for y in range(2010, 2023) if venezuela[str(y)] == 0]
    assert zeros == list(range(2017, 2023))
    for year in zeros:
        frame = map_view.build(FilterState(indicator="remittances_received", year=year)).frame.set_index(
            "iso3"
        )
        assert math.isnan(frame.loc["VEN", "value"]) and math.isnan(frame.loc["VEN", "rank"])
    cards = map_view.build(FilterState(indicator="remittances_received", countries=("VEN",))).key_figures()
    received = next(f for f in cards[0].figures if f.indicator == "remittances_received")
    assert (received.value, received.year) == ("no data", 2022)
    assert "US$ 279 million in 2016" in received.note  # the last real value, as the raw file has it
    assert venezuela["2016"] == 279_000_000
    # The CSV: no value, the published 0 and its flag in their own columns, and why in words.
    csv = pd.read_csv(
        io.StringIO(
            tables.to_csv(map_view.build(FilterState(indicator="remittances_received", year=2022)).table())
        )
    ).set_index("iso3")
    venezuela_row = csv.loc["VEN"]
    assert math.isnan(venezuela_row["value"]) and venezuela_row["published"] == venezuela["2022"] == 0
    assert venezuela_row["flag"] == "reported_zero"
    assert venezuela_row["no_data_reason"] == "published as 0, which the source uses for not reported"
    assert csv["no_data_reason"].isna().loc[csv["value"].notna()].all()  # a value needs no excuse
