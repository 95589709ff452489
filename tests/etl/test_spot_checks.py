"""data/ against the raw sources, cell by cell (never against the app's own output)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.etl import reference as ref

pytestmark = pytest.mark.raw
MEMBERS = sorted(set(ref.CELAC) | set(ref.EU27))


@pytest.fixture(scope="module")
def indicators(data_dir: Path) -> pd.DataFrame:
    return pd.read_parquet(data_dir / "indicators.parquet").set_index(["iso3", "indicator", "year"])


def value(indicators: pd.DataFrame, iso3: str, indicator: str, year: int) -> float:
    return float(indicators.loc[(iso3, indicator, year), "value"])


@pytest.fixture(scope="module")
def raw_totals(raw_dir: Path) -> pd.DataFrame:
    frame = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv")
    return frame[(frame["age_start"] == 0) & (frame["age_length"] == 0)]


@pytest.mark.parametrize(("iso3", "year"), [("ESP", 2024), ("ESP", 2020), ("COL", 2024), ("MLT", 1990)])
def test_migrant_stock_equals_the_raw_cell(
    indicators: pd.DataFrame, raw_totals: pd.DataFrame, iso3: str, year: int
) -> None:
    raw = raw_totals[
        (raw_totals["dest_iso3"] == iso3) & (raw_totals["year"] == year) & (raw_totals["sex"] == 0)
    ]
    assert value(indicators, iso3, "migrant_stock", year) == raw["migrant_stock"].item()


def test_migrant_stock_matches_the_published_world_total(raw_totals: pd.DataFrame) -> None:
    # SOURCES.md: IMS 2024 world total 304,021,813 = sum of destination totals
    assert (
        raw_totals[(raw_totals["year"] == 2024) & (raw_totals["sex"] == 0)]["migrant_stock"].sum()
        == 304021813
    )


def test_emigrants_are_the_sum_of_the_raw_bilateral_rows(indicators: pd.DataFrame, raw_dir: Path) -> None:
    raw = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_bilateral_by_sex.csv")
    for iso3 in ("ECU", "VEN", "PRT"):
        rows = raw[(raw["orig_iso3"] == iso3) & (raw["year"] == 2024) & (raw["sex"] == 0)]
        assert value(indicators, iso3, "emigrant_stock", 2024) == rows["migrant_stock"].sum()


def test_corridor_rows_sum_to_destination_totals(data_dir: Path, raw_totals: pd.DataFrame) -> None:
    corridors = pd.read_parquet(data_dir / "corridors.parquet")
    sums = (
        corridors[corridors["destination"].isin(MEMBERS)]
        .groupby(["destination", "year", "sex"])["migrant_stock"]
        .sum()
    )
    raw = raw_totals[raw_totals["dest_iso3"].isin(MEMBERS)].copy()
    raw["sex"] = raw["sex"].map({0: "total", 1: "male", 2: "female"})
    published = raw.set_index(["dest_iso3", "year", "sex"])["migrant_stock"]
    published.index.names = sums.index.names
    assert len(sums) == len(published) == len(MEMBERS) * 8 * 3
    assert (sums - published).abs().max() == 0


@pytest.mark.parametrize(
    ("origin", "destination", "expected"),
    [("VEN", "COL", 2904873), ("ECU", "ESP", 432111), ("MEX", "USA", 11279561), ("BRA", "PRT", 173266)],
)
def test_corridors_match_the_checks_in_sources_md(
    data_dir: Path, origin: str, destination: str, expected: int
) -> None:
    corridors = pd.read_parquet(data_dir / "corridors.parquet")
    row = corridors[
        (corridors["origin"] == origin)
        & (corridors["destination"] == destination)
        & (corridors["year"] == 2024)
        & (corridors["sex"] == "total")
    ]
    assert row["migrant_stock"].item() == expected


def test_world_bank_cells(indicators: pd.DataFrame, raw_dir: Path) -> None:
    received = pd.read_excel(
        raw_dir / "worldbank_wdi/API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_6000901.xls",
        sheet_name="Data",
        header=3,
        engine="calamine",
    ).set_index("Country Code")
    assert value(indicators, "MEX", "remittances_received", 2022) == received.loc["MEX", "2022"]
    netm = pd.read_excel(
        raw_dir / "worldbank_wdi/API_SM.POP.NETM_DS2_en_excel_v2_782.xls",
        sheet_name="Data",
        header=3,
        engine="calamine",
    ).set_index("Country Code")
    assert value(indicators, "ESP", "net_migration", 2021) == netm.loc["ESP", "2021"] == 275022
    assert value(indicators, "VEN", "net_migration", 2021) == -525116
    population = pd.read_csv(raw_dir / "worldbank_datahub/population.csv")
    spain = population[(population["Country Code"] == "ESP") & (population["Year"] == 2024)]["Value"].item()
    assert value(indicators, "ESP", "population", 2024) == spain == 48848840


def test_venezuela_zero_remittances_are_flagged_not_dropped(indicators: pd.DataFrame) -> None:
    row = indicators.loc[("VEN", "remittances_received", 2020)]
    # the published 0 is kept as published, and is no data (issue 13: never shown as a value)
    assert pd.isna(row["value"]) and row["published"] == 0 and row["flag"] == "reported_zero"
    assert ("CUB", "remittances_received", 2020) not in indicators.index  # missing stays missing


def test_unhcr_sums(indicators: pd.DataFrame, raw_dir: Path) -> None:
    raw = pd.read_csv(raw_dir / "unhcr/derived/unhcr_population.csv", low_memory=False)
    col = raw[(raw["coa_iso"] == "COL") & (raw["year"] == 2023)]
    assert value(indicators, "COL", "other_protection_hosted", 2023) == col["oip"].sum()
    assert 2.8e6 < value(indicators, "COL", "other_protection_hosted", 2023) < 2.9e6  # SOURCES.md: 2.85 M
    assert ("COL", "other_protection_hosted", 2017) not in indicators.index  # oip starts in 2018


def test_computed_share_uses_the_raw_parts(indicators: pd.DataFrame, raw_totals: pd.DataFrame) -> None:
    stock = raw_totals[
        (raw_totals["dest_iso3"] == "ESP") & (raw_totals["year"] == 2024) & (raw_totals["sex"] == 0)
    ]["migrant_stock"].item()
    assert value(indicators, "ESP", "migrant_share", 2024) == pytest.approx(stock / 48848840 * 100)


def test_aggregates_equal_the_sum_of_their_members(data_dir: Path, indicators: pd.DataFrame) -> None:
    aggregates = pd.read_parquet(data_dir / "aggregates.parquet").set_index(["group", "indicator", "year"])
    flat = indicators.reset_index()
    for group, members in (("CELAC", ref.CELAC), ("EU27", ref.EU27), ("oecs", ref.ORGANISATIONS["oecs"])):
        rows = flat[
            (flat["iso3"].isin(members)) & (flat["indicator"] == "migrant_stock") & (flat["year"] == 2024)
        ]
        assert len(rows) == len(members)
        assert aggregates.loc[(group, "migrant_stock", 2024), "value"] == rows["value"].sum()
    eu_share = aggregates.loc[("EU27", "migrant_share", 2024), "value"]
    eu_pop = flat[
        (flat["iso3"].isin(ref.EU27)) & (flat["indicator"] == "population") & (flat["year"] == 2024)
    ]
    assert eu_share == pytest.approx(
        aggregates.loc[("EU27", "migrant_stock", 2024), "value"] / eu_pop["value"].sum() * 100
    )


def test_geometry_is_compact_and_complete(data_dir: Path) -> None:
    import json

    path = data_dir / "geometry.geojson"
    assert path.stat().st_size <= 200 * 1024
    ids = {f["id"] for f in json.loads(path.read_text())["features"]}
    assert ids == set(MEMBERS)
    countries = pd.read_csv(data_dir / "countries.csv", keep_default_na=False, na_values=[""])
    members = countries[countries["bloc"].isin(["CELAC", "EU27"])]
    assert len(members) == 60 and members[["lon", "lat"]].notna().all().all()
    assert countries.set_index("iso3").loc["FRA", "name_es"] == "Francia"
