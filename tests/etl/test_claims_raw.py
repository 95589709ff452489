"""Puentes' side of the claims panel against the raw sources (never against the app's output).

Each value the dialogue page shows beside a document's figure is recomputed here straight from
``../shared/data-raw`` (skipped when absent) and must match to the digit.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import claims, datasets, dialogue
from dashboard.etl import reference as ref

pytestmark = pytest.mark.raw
CELAC = sorted(ref.CELAC)


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


def celac_stock(totals: pd.DataFrame, year: int) -> float:
    return float(totals[totals["dest_iso3"].isin(CELAC) & (totals["year"] == year)]["migrant_stock"].sum())


def test_celac_migrant_stock_is_the_sum_of_the_33_raw_destination_totals(
    checks: dict[str, claims.Check], destination_totals: pd.DataFrame
) -> None:
    shown = {v.year: v.value for v in checks["lac_migrant_stock_2017"].values}
    assert shown == {y: celac_stock(destination_totals, y) for y in (2015, 2020)}
    assert checks["lac_migrants_2015_ilo"].values[0].value == celac_stock(destination_totals, 2015)


def test_growth_since_2000_is_compound_over_the_raw_totals(
    checks: dict[str, claims.Check], destination_totals: pd.DataFrame
) -> None:
    start = celac_stock(destination_totals, 2000)
    for value in checks["lac_migrant_stock_growth_2000_2017"].values:
        end = celac_stock(destination_totals, value.year)
        assert value.parts == (start, end)
        assert value.value == pytest.approx(((end / start) ** (1 / (value.year - 2000)) - 1) * 100, rel=1e-12)


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


def test_asylum_proxy_matches_unhcr_asylum_seekers_in_brazil_and_peru(
    checks: dict[str, claims.Check], raw_dir: Path
) -> None:
    raw = pd.read_csv(
        raw_dir / "unhcr/derived/unhcr_population.csv", usecols=["year", "coa_iso", "asylum_seekers"]
    )
    hosted = raw[raw["coa_iso"].isin(["BRA", "PER"])].groupby("year")["asylum_seekers"].sum()
    (value,) = checks["venezuelan_asylum_seekers_bra_per_2016_2017"].values
    assert value.parts == (hosted[2016], hosted[2017])
    assert value.value == pytest.approx((hosted[2017] / hosted[2016] - 1) * 100, rel=1e-12)
