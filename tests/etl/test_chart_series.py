"""Time-series downloads (the profile's and the corridors over time), checked against the raw
UN DESA files: every year, the number as published, unit, flags and source."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from flask.testing import FlaskClient

from app import create_app

pytestmark = pytest.mark.raw
YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
SEX = {"total": 0, "male": 1, "female": 2}


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app().server.test_client()


@pytest.fixture(scope="module")
def raw_bilateral(raw_dir: Path) -> pd.DataFrame:
    return pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_bilateral_by_sex.csv")


@pytest.fixture(scope="module")
def raw_stock(raw_dir: Path) -> pd.DataFrame:
    frame = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv")
    return frame[(frame["age_start"] == 0) & (frame["age_length"] == 0)]


def download(client: FlaskClient, path: str) -> pd.DataFrame:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return pd.read_csv(io.BytesIO(response.data), keep_default_na=False, na_values=[""])


@pytest.mark.parametrize("sex", ["total", "female"])
def test_the_trend_csv_holds_venezuela_to_spain_every_year(
    client: FlaskClient, raw_bilateral: pd.DataFrame, sex: str
) -> None:
    query = f"?chart=trend&direction=custom&origins=VEN,COL&destinations=ESP&sex={sex}"
    rows = download(client, "/download/corridors.csv" + query)
    raw = raw_bilateral[
        (raw_bilateral["orig_iso3"] == "VEN")
        & (raw_bilateral["dest_iso3"] == "ESP")
        & (raw_bilateral["sex"] == SEX[sex])
    ]
    expected = dict(zip(raw["year"], raw["migrant_stock"], strict=True))
    mine = rows[(rows["origin"] == "VEN") & (rows["destination"] == "ESP")]
    assert list(mine["year"]) == YEARS
    assert dict(zip(mine["year"], mine["migrant_stock"], strict=True)) == expected
    assert set(rows["origin"]) == {"VEN", "COL"} and set(rows["sex"]) == {sex}
    assert set(rows["unit"]) == {"people"} and rows["on_chart"].all()
    assert set(rows["source"]) == {"UN DESA, International Migrant Stock 2024"}
    assert rows["edition"].str.contains("2024").all() and rows["licence"].str.contains("CC BY").all()


def test_the_profile_csv_holds_spain_s_migrant_stock_every_year(
    client: FlaskClient, raw_stock: pd.DataFrame
) -> None:
    rows = download(
        client, "/download/map.csv?chart=profile&indicator=migrant_stock&countries=ESP&groups=caricom"
    )
    raw = raw_stock[(raw_stock["dest_iso3"] == "ESP") & (raw_stock["sex"] == 0)]
    spain = rows[rows["code"] == "ESP"]
    assert list(spain["year"]) == YEARS
    assert dict(zip(spain["year"], spain["value"], strict=True)) == dict(
        zip(raw["year"], raw["migrant_stock"], strict=True)
    )
    assert (spain["published"] == spain["value"]).all() and set(spain["unit"]) == {"persons"}
    # Spain's bloc and the chosen group follow, with how many members report each year
    assert list(dict.fromkeys(rows["code"])) == ["ESP", "EU27", "caricom"]
    eu = rows[rows["code"] == "EU27"]
    assert eu["is_group"].all() and set(eu["n_members"]) == {27} and (eu["n_reporting"] <= 27).all()
    assert len(eu["members"].iloc[0].split()) == 27
    assert set(rows["source"]) == {"UN DESA, International Migrant Stock 2024"}


def test_a_zero_that_means_not_reported_is_no_data_in_the_profile_csv(client: FlaskClient) -> None:
    rows = download(client, "/download/map.csv?chart=profile&indicator=asylum_seekers_hosted&countries=ESP")
    flagged = rows[(rows["code"] == "ESP") & (rows["year"] == 2000)]
    assert flagged["flag"].item() == "reported_zero"
    assert pd.isna(flagged["value"].item()) and flagged["published"].item() == 0
    assert flagged["no_data_reason"].item()
