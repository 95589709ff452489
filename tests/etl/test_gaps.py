"""Issue 13 against the raw files: structural gaps are absent, flagged zeros are no data, coverage is
counted from real values only (expected values read from ../shared/data-raw, never from data/)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from dashboard.etl import reference as ref

pytestmark = pytest.mark.raw
MEMBERS = sorted(set(ref.CELAC) | set(ref.EU27))
WDI_RECEIVED = "worldbank_wdi/API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_6000901.xls"
WDI_PAID = "worldbank_wdi/API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv"
# Published zeros that are real values (model estimates or a country with a row and none of the
# category), documented in data/README.md and in the indicator's gaps text.
REAL_ZEROS = {"net_migration", "net_migration_rate", "refugees_hosted", "refugees_origin"}


@pytest.fixture(scope="module")
def indicators(data_dir: Path) -> pd.DataFrame:
    return pd.read_parquet(data_dir / "indicators.parquet")


@pytest.fixture(scope="module")
def aggregates(data_dir: Path) -> pd.DataFrame:
    return pd.read_parquet(data_dir / "aggregates.parquet").set_index(["group", "indicator", "year"])


@pytest.fixture(scope="module")
def catalogue(data_dir: Path) -> dict[str, dict]:
    raw = json.loads((data_dir / "catalogue.json").read_text(encoding="utf-8"))
    return {"sources": raw["sources"], **{spec["id"]: spec for spec in raw["indicators"]}}


@pytest.fixture(scope="module")
def unhcr(raw_dir: Path) -> pd.DataFrame:
    return pd.read_csv(raw_dir / "unhcr/derived/unhcr_population.csv", low_memory=False)


def wdi_xls(raw_dir: Path, name: str) -> pd.DataFrame:
    frame = pd.read_excel(raw_dir / name, sheet_name="Data", header=3, engine="calamine")
    frame.columns = [str(c) for c in frame.columns]
    return frame.set_index("Country Code")


def wdi_csv(raw_dir: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(raw_dir / name, skiprows=4).set_index("Country Code")


# --- 1. structural gaps: no rows ---


def test_unhcr_has_no_asylum_seekers_by_country_before_2000(unhcr: pd.DataFrame) -> None:
    """The evidence: 0 worldwide until 1992, then only under an unknown country of asylum."""
    early = unhcr[unhcr["year"] < 2000]
    assert early.loc[early["year"] < 1993, "asylum_seekers"].sum() == 0
    held = early[early["asylum_seekers"] > 0]
    assert set(held["year"]) == set(range(1993, 2000)) and set(held["coa_iso"]) == {"UNK"}
    assert unhcr.loc[(unhcr["year"] == 2000) & (unhcr["coa_iso"] == "DEU"), "asylum_seekers"].sum() > 0


def test_no_asylum_seekers_row_before_2000(indicators: pd.DataFrame) -> None:
    asylum = indicators[indicators["indicator"] == "asylum_seekers_hosted"]
    assert asylum["year"].min() == 2000
    germany = indicators.set_index(["iso3", "indicator", "year"])
    assert ("DEU", "asylum_seekers_hosted", 1990) not in germany.index  # was "0 people, rank 1 of 16"
    assert ("DEU", "refugees_hosted", 1990) in germany.index  # refugees were collected


def test_the_catalogue_years_say_what_is_covered(
    catalogue: dict[str, dict], indicators: pd.DataFrame
) -> None:
    assert catalogue["asylum_seekers_hosted"]["years"][0] == 2000
    real = indicators[indicators["value"].notna()]
    for ind, years in real.groupby("indicator")["year"]:
        assert catalogue[str(ind)]["years"] == sorted({int(y) for y in years}), ind


def test_refugees_by_origin_start_when_unhcr_names_an_origin(
    unhcr: pd.DataFrame, indicators: pd.DataFrame
) -> None:
    named = unhcr[~unhcr["coo_iso"].isin(["UNK", "UKN", "XXA"]) & (unhcr["refugees"] > 0)]
    assert named["year"].min() == 1960  # 1951-59: every refugee under an unknown origin
    origin = indicators[indicators["indicator"] == "refugees_origin"]
    assert origin["year"].min() >= 1960


def test_other_protection_starts_in_2018_and_empty_cells_are_not_zeros(indicators: pd.DataFrame) -> None:
    oip = indicators[indicators["indicator"] == "other_protection_hosted"]
    assert oip["year"].min() == 2018 and (oip["published"] > 0).all()


# --- 2. reported zeros: value NaN, published number kept, flag kept ---


def test_venezuela_remittances_2022_are_no_data_with_the_published_zero(
    indicators: pd.DataFrame, raw_dir: Path
) -> None:
    raw = wdi_xls(raw_dir, WDI_RECEIVED)
    assert (raw.loc["VEN", [str(y) for y in range(2017, 2023)]] == 0).all()
    row = indicators.set_index(["iso3", "indicator", "year"]).loc[("VEN", "remittances_received", 2022)]
    assert math.isnan(row["value"]) and row["published"] == 0 and row["flag"] == "reported_zero"


def test_every_published_remittance_zero_of_a_member_is_flagged(
    indicators: pd.DataFrame, raw_dir: Path
) -> None:
    for indicator, raw in (
        ("remittances_received", wdi_xls(raw_dir, WDI_RECEIVED)),
        ("remittances_paid", wdi_csv(raw_dir, WDI_PAID)),
    ):
        years = [c for c in raw.columns if c.isdigit()]
        zeros = raw.loc[MEMBERS, years].stack()
        expected = {(iso3, int(year)) for (iso3, year), v in zeros.items() if v == 0}
        rows = indicators[(indicators["indicator"] == indicator) & indicators["iso3"].isin(MEMBERS)]
        flagged = rows[rows["flag"] == "reported_zero"]
        assert {(r.iso3, int(r.year)) for r in flagged.itertuples()} == expected, indicator
        assert flagged["value"].isna().all() and (flagged["published"] == 0).all()


def test_a_ratio_of_a_flagged_zero_is_no_data(indicators: pd.DataFrame) -> None:
    rows = indicators.set_index(["iso3", "indicator", "year"])
    chile = rows.loc[("CHL", "remittances_gdp", 2006)]  # Chile's received 2005-2008 are published 0
    assert math.isnan(chile["value"]) and chile["flag"] == "reported_zero" and chile["published"] == 0
    # Venezuela's GDP ends in 2014 in gdp.csv: no ratio at all for its flagged years
    assert not any(("VEN", "remittances_gdp", y) in rows.index for y in range(2017, 2023))


def test_asylum_seeker_zeros_are_not_reported(indicators: pd.DataFrame, unhcr: pd.DataFrame) -> None:
    """Spain: UNHCR's table has 60+ origins of refugees and not one asylum-seeker in 2000-2008."""
    spain = unhcr[(unhcr["coa_iso"] == "ESP") & unhcr["year"].between(2000, 2008)]
    assert spain.groupby("year")["asylum_seekers"].sum().eq(0).all()
    assert spain.groupby("year")["refugees"].sum().gt(3000).all()
    rows = indicators.set_index(["iso3", "indicator", "year"])
    assert rows.loc[("ESP", "asylum_seekers_hosted", 2005), "flag"] == "reported_zero"
    assert math.isnan(rows.loc[("ESP", "asylum_seekers_hosted", 2005), "value"])


def every_indicator(data: Path) -> list[str]:
    return [spec["id"] for spec in json.loads((data / "catalogue.json").read_text())["indicators"]]


@pytest.mark.parametrize("indicator", every_indicator(Path(__file__).parents[2] / "data"))
def test_no_stored_value_is_a_flagged_or_structural_zero(indicators: pd.DataFrame, indicator: str) -> None:
    rows = indicators[indicators["indicator"] == indicator]
    assert len(rows), indicator
    flagged = rows["flag"] == "reported_zero"
    assert rows.loc[flagged, "value"].isna().all(), "a flagged zero stored as a value"
    assert rows.loc[~flagged, "value"].notna().all(), "no data without a reason"
    assert (rows.loc[~flagged, "value"] == rows.loc[~flagged, "published"]).all()
    members = rows[rows["iso3"].isin(MEMBERS)]
    all_zero = members.groupby("year")["published"].apply(lambda s: bool((s == 0).all()))
    assert not all_zero.any(), f"years where every member is 0: {list(all_zero[all_zero].index)}"
    if indicator not in REAL_ZEROS:
        assert not (rows["value"] == 0).any(), "a zero kept as a value: document it or flag it"


# --- 3. aggregates: real values only, coverage counted ---


def test_celac_remittances_paid_coverage_against_the_raw_file(
    aggregates: pd.DataFrame, raw_dir: Path
) -> None:
    raw = wdi_csv(raw_dir, WDI_PAID)
    for year, expected in ((2019, 22), (2020, 15)):
        cells = raw.loc[list(ref.CELAC), str(year)]
        real = cells[cells.notna() & (cells != 0)]
        assert len(real) == expected
        row = aggregates.loc[("CELAC", "remittances_paid", year)]
        assert (row["n_reporting"], row["n_members"], row["flag"]) == (expected, 33, "partial")
        assert row["value"] == pytest.approx(real.sum(), rel=1e-12)


def test_a_ratio_aggregate_divides_sums_over_the_same_reporting_members(
    aggregates: pd.DataFrame, raw_dir: Path
) -> None:
    received = wdi_xls(raw_dir, WDI_RECEIVED)
    gdp = pd.read_csv(raw_dir / "worldbank_datahub/gdp.csv")
    gdp = gdp[gdp["Year"] == 2020].set_index("Country Code")["Value"]
    num = received.loc[list(ref.CELAC), "2020"]
    both = [c for c in ref.CELAC if pd.notna(num[c]) and num[c] != 0 and c in gdp.index]
    row = aggregates.loc[("CELAC", "remittances_gdp", 2020)]
    assert row["n_reporting"] == len(both) < 33
    assert row["value"] == pytest.approx(num[both].sum() / gdp[both].sum() * 100, rel=1e-12)


def test_every_aggregate_counts_members_with_a_real_value(
    aggregates: pd.DataFrame, indicators: pd.DataFrame, data_dir: Path
) -> None:
    groups = pd.read_csv(data_dir / "groups.csv").set_index("group")
    partial_sums = ("asylum_seekers_hosted", "refugees_hosted", "remittances_received", "remittances_paid")
    for group, members in groups["members"].str.split().items():
        for indicator in partial_sums:
            rows = indicators[(indicators["indicator"] == indicator) & indicators["iso3"].isin(members)]
            real = rows[rows["value"].notna()].groupby("year")["value"]
            mine = aggregates.xs((group, indicator), level=("group", "indicator"))
            assert (mine["n_reporting"] == real.size().reindex(mine.index)).all(), (group, indicator)
            assert (mine["n_members"] == len(members)).all()
            assert ((mine["flag"] == "partial") == (mine["n_reporting"] < len(members))).all()
            assert mine["value"].to_numpy() == pytest.approx(real.sum().reindex(mine.index).to_numpy())


def test_a_collapsed_un_desa_breakdown_is_no_data_in_the_corridors(raw_dir: Path, data_dir: Path) -> None:
    """Egypt 2015: UN DESA names 30 origins (71 in 2010, 72 in 2020) and "Other" swells."""
    raw = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_bilateral_by_sex.csv")
    egypt = raw[(raw["dest_iso3"] == "EGY") & (raw["sex"] == 0)]
    named = egypt[egypt["orig_locid"] != 2003]
    assert (named["migrant_stock"] > 0).groupby(named["year"]).sum().loc[[2010, 2015, 2020]].tolist() == [
        71,
        30,
        72,
    ]
    other = egypt[egypt["orig_locid"] == 2003].set_index("year")["migrant_stock"]
    assert (other[2010], other[2015]) == (8314, 243495)
    zero_in_2015 = set(named[(named["year"] == 2015) & (named["migrant_stock"] == 0)]["orig_iso3"])
    corridors = pd.read_parquet(data_dir / "corridors.parquet")
    into_egypt = corridors[(corridors["destination"] == "EGY") & (corridors["sex"] == "total")]
    origins = into_egypt.groupby("year")["origin"].apply(set).to_dict()
    assert origins.get(2015, set()).isdisjoint(zero_in_2015)  # every member origin was 0: no rows
    assert "ESP" in zero_in_2015 and "ESP" in origins[2010] and "ESP" in origins[2020]
