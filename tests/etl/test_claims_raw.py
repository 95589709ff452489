"""Puentes' side of the claims panel against the raw sources (never against the app's output).

Each value the dialogue page shows beside a document's figure is recomputed here straight from
``../shared/data-raw`` (skipped when absent) and must match to the digit: the 33 CELAC states,
UN DESA's region "Latin America and the Caribbean" with its territories (the documents' "LAC"),
shares of emigrants, and Venezuelans seeking asylum in Brazil and Peru (UNHCR by origin and
country of asylum, not every origin).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import claims, datasets, dialogue
from dashboard.etl import reference as ref

pytestmark = pytest.mark.raw
CELAC = sorted(ref.CELAC)
UNDESA_2020 = "undesa_ims2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"


@pytest.fixture(scope="module")
def checks() -> dict[str, claims.Check]:
    out = {}
    for row in dialogue.claims().to_dict("records"):
        check = claims.check(
            {str(k): v for k, v in row.items()},
            indicators=datasets.indicator_values(),
            aggregates=datasets.aggregates(),
            corridors=datasets.corridors(),
            groups=datasets.groups(),
            catalogue=datasets.catalogue(),
            protection=datasets.protection_corridors(),
            region_stock=datasets.region_stock(),
        )
        out[check.claim] = check
    return out


@pytest.fixture(scope="module")
def destination_totals(raw_dir: Path) -> pd.DataFrame:
    frame = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv")
    return frame[(frame["age_start"] == 0) & (frame["age_length"] == 0) & (frame["sex"] == 0)]


@pytest.fixture(scope="module")
def bilateral(raw_dir: Path) -> pd.DataFrame:
    frame = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_bilateral_by_sex.csv")
    return frame[frame["sex"] == 0]


@pytest.fixture(scope="module")
def lac_codes(raw_dir: Path) -> list[int]:
    """UN M49 codes of the areas UN DESA lists under "LATIN AMERICA AND THE CARIBBEAN" (code 904),
    read here from the 2020 workbook's Table 1: the rows between 904 and "NORTHERN AMERICA" (905),
    without the sub-region rows (Caribbean 915, Central America 916, South America 931)."""
    table = pd.read_excel(raw_dir / UNDESA_2020, sheet_name="Table 1", header=None, engine="calamine")
    codes = pd.to_numeric(table[3], errors="coerce")
    start, end = table.index[codes == 904][0], table.index[codes == 905][0]
    block = codes.iloc[start + 1 : end]
    return [int(c) for c in block if c not in (915, 916, 931)]


@pytest.fixture(scope="module")
def unhcr(raw_dir: Path) -> pd.DataFrame:
    return pd.read_csv(
        raw_dir / "unhcr/derived/unhcr_population.csv",
        usecols=["year", "coo_iso", "coa_iso", "asylum_seekers"],
    )


def celac_stock(totals: pd.DataFrame, year: int) -> float:
    return float(totals[totals["dest_iso3"].isin(CELAC) & (totals["year"] == year)]["migrant_stock"].sum())


def lac_stock(totals: pd.DataFrame, codes: list[int], year: int) -> float:
    return float(totals[totals["dest_locid"].isin(codes) & (totals["year"] == year)]["migrant_stock"].sum())


def by_where(check: claims.Check, where: tuple[str, ...]) -> list[claims.Value]:
    return [v for v in check.values if v.where == where]


def test_the_documents_lac_is_33_states_and_17_territories_15_with_figures(
    lac_codes: list[int], destination_totals: pd.DataFrame
) -> None:
    with_figures = set(destination_totals["dest_locid"]) & set(lac_codes)
    territories = destination_totals[
        destination_totals["dest_locid"].isin(lac_codes) & ~destination_totals["dest_iso3"].isin(CELAC)
    ]
    assert len(lac_codes) == 50 and len(with_figures) == 48
    assert territories["dest_iso3"].nunique() == 15
    assert set(lac_codes) - with_figures == {652, 663}  # Saint-Barthélemy, Saint-Martin (French part)
    stored = datasets.region_stock()
    assert sorted(stored["m49"].unique()) == sorted(lac_codes)


def test_lac_with_its_territories_is_the_sum_of_the_raw_destination_totals(
    checks: dict[str, claims.Check], destination_totals: pd.DataFrame, lac_codes: list[int]
) -> None:
    for claim in ("lac_migrant_stock_2017", "lac_migrants_2015_ilo"):
        region = by_where(checks[claim], ("region:LAC",))
        assert region and checks[claim].values[0].where == ("region:LAC",)  # like with like first
        for value in region:
            assert value.value == lac_stock(destination_totals, lac_codes, value.year)
            assert value.coverage == (48, 50)
    (y2015, _y2020) = by_where(checks["lac_migrant_stock_2017"], ("region:LAC",))
    assert y2015.value == 9_109_959  # UN DESA 2024 edition, 2015: 390,041 below the document's 9.5 M


def test_celac_migrant_stock_is_the_sum_of_the_33_raw_destination_totals(
    checks: dict[str, claims.Check], destination_totals: pd.DataFrame
) -> None:
    shown = {v.year: v.value for v in by_where(checks["lac_migrant_stock_2017"], ("CELAC",))}
    assert shown == {y: celac_stock(destination_totals, y) for y in (2015, 2020)}
    (ilo,) = by_where(checks["lac_migrants_2015_ilo"], ("CELAC",))
    assert ilo.value == celac_stock(destination_totals, 2015)


def test_growth_since_2000_is_compound_over_the_raw_totals(
    checks: dict[str, claims.Check], destination_totals: pd.DataFrame, lac_codes: list[int]
) -> None:
    check = checks["lac_migrant_stock_growth_2000_2017"]
    for where, stock in (
        (("CELAC",), lambda y: celac_stock(destination_totals, y)),
        (("region:LAC",), lambda y: lac_stock(destination_totals, lac_codes, y)),
    ):
        values = by_where(check, where)
        assert [v.year for v in values] == [2015, 2020]
        for value in values:
            start, end = stock(2000), stock(value.year)
            assert value.parts == (start, end)
            expected = ((end / start) ** (1 / (value.year - 2000)) - 1) * 100
            assert value.value == pytest.approx(expected, rel=1e-12)
    assert round(by_where(check, ("region:LAC",))[0].value, 1) == 2.2  # the document's 2.2 % a year


@pytest.mark.parametrize(
    ("claim", "destinations"),
    [("lac_emigrants_in_usa_2017", ["USA"]), ("lac_emigrants_intraregional_2017", CELAC)],
)
def test_shares_of_celac_emigrants_match_the_raw_bilateral_rows(
    checks: dict[str, claims.Check], bilateral: pd.DataFrame, claim: str, destinations: list[str]
) -> None:
    for value in checks[claim].values:
        rows = bilateral[bilateral["orig_iso3"].isin(CELAC) & (bilateral["year"] == value.year)]
        there = float(rows[rows["dest_iso3"].isin(destinations)]["migrant_stock"].sum())
        everywhere = float(rows["migrant_stock"].sum())
        assert value.parts == (there, everywhere)
        assert value.value == pytest.approx(there / everywhere * 100, rel=1e-12)


def test_a_bracket_past_2017_counts_the_venezuelans_who_came_since(
    checks: dict[str, claims.Check], bilateral: pd.DataFrame
) -> None:
    rows = bilateral[(bilateral["orig_iso3"] == "VEN") & bilateral["dest_iso3"].isin(CELAC)]
    expected = {y: float(rows.loc[rows["year"] == y, "migrant_stock"].sum()) for y in (2015, 2020)}
    for claim in ("lac_migrant_stock_2017", "lac_emigrants_intraregional_2017"):
        assert {c.year: c.value for c in checks[claim].context} == expected
    assert expected[2020] > 10 * expected[2015]


def test_venezuelan_asylum_seekers_in_brazil_and_peru_are_venezuelans_only(
    checks: dict[str, claims.Check], unhcr: pd.DataFrame
) -> None:
    venezuelans = unhcr[(unhcr["coo_iso"] == "VEN") & unhcr["coa_iso"].isin(["BRA", "PER"])]
    by = venezuelans.groupby(["coa_iso", "year"])["asylum_seekers"].sum()
    check = checks["venezuelan_asylum_seekers_bra_per_2016_2017"]
    assert check.comparable
    expected = {
        ("BRA", "PER"): (by["BRA", 2016] + by["PER", 2016], by["BRA", 2017] + by["PER", 2017]),
        ("BRA",): (by["BRA", 2016], by["BRA", 2017]),
        ("PER",): (by["PER", 2016], by["PER", 2017]),
    }
    assert [v.where for v in check.values] == list(expected)
    for value in check.values:
        start, end = expected[value.where]
        assert value.parts == (float(start), float(end)) and (value.base, value.year) == (2016, 2017)
        assert value.value == pytest.approx((end / start - 1) * 100, rel=1e-12)
    assert round(check.values[0].value) == 643  # the issue's "about +640 %", not all origins' +210 %
    every_origin = unhcr[unhcr["coa_iso"].isin(["BRA", "PER"])].groupby("year")["asylum_seekers"].sum()
    assert check.values[0].parts != (every_origin[2016], every_origin[2017])


def test_protection_pairs_are_the_raw_member_pairs_with_no_asylum_seekers_before_2000(
    unhcr: pd.DataFrame,
) -> None:
    members = set(ref.CELAC) | set(ref.EU27)
    raw = unhcr[unhcr["coo_iso"].isin(members) & unhcr["coa_iso"].isin(members)]
    stored = datasets.protection_corridors()
    assert len(stored) == len(raw)
    merged = raw.merge(
        stored, left_on=["coo_iso", "coa_iso", "year"], right_on=["origin", "asylum", "year"], how="left"
    )
    recent = merged[merged["year"] >= 2000]
    assert (recent["asylum_seekers_x"] == recent["asylum_seekers_y"]).all()
    assert merged.loc[merged["year"] < 2000, "asylum_seekers_y"].isna().all()  # not collected, not 0
