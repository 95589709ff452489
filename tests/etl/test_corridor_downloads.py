"""The corridors download and world geometry, checked against the raw UN DESA and Natural Earth
files (never against the app's own output)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from shapely.geometry import shape

from app import create_app

pytestmark = pytest.mark.raw


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app().server.test_client()


@pytest.fixture(scope="module")
def raw_bilateral(raw_dir: Path) -> pd.DataFrame:
    return pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_bilateral_by_sex.csv")


def download(client, query: str) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    response = client.get("/download/corridors.csv" + query)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return pd.read_csv(io.StringIO(response.get_data(as_text=True)), keep_default_na=False, na_values=[""])


def test_every_origin_of_spain_sums_to_the_published_total(client, raw_dir: Path) -> None:  # type: ignore[no-untyped-def]
    rows = download(client, "?destinations=ESP&year=2020&sex=female")
    assert list(rows.columns[:7]) == [
        "origin",
        "origin_name",
        "destination",
        "destination_name",
        "year",
        "sex",
        "migrant_stock",
    ]
    totals = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv")
    published = totals[
        (totals["dest_iso3"] == "ESP")
        & (totals["year"] == 2020)
        & (totals["sex"] == 2)
        & (totals["age_start"] == 0)
        & (totals["age_length"] == 0)
    ]["migrant_stock"].item()
    shown = rows[rows["year"] == 2020]
    assert set(shown["sex"]) == {"female"} and set(shown["destination"]) == {"ESP"}
    assert shown["migrant_stock"].sum() == published


def test_chosen_corridors_equal_the_raw_cells(client, raw_bilateral: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    rows = download(client, "?origins=ECU,COL&destinations=ESP,ITA&year=2024&base=1990")
    assert sorted(set(rows["year"])) == [1990, 2024] and len(rows) == 8
    raw = raw_bilateral[raw_bilateral["sex"] == 0].set_index(["orig_iso3", "dest_iso3", "year"])[
        "migrant_stock"
    ]
    for row in rows.itertuples():
        assert row.migrant_stock == raw[(row.origin, row.destination, row.year)]
    assert set(rows["source"]) == {"UN DESA, International Migrant Stock 2024"}


def test_a_forged_query_downloads_the_default_view(client) -> None:  # type: ignore[no-untyped-def]
    rows = download(client, "?origins=%3Cscript%3E&sex=%00&year=99999")
    assert len(rows) > 0 and set(rows["sex"]) == {"total"}


def test_world_geometry_is_clockwise_and_named_like_countries(data_dir: Path) -> None:
    features = json.loads((data_dir / "world.geojson").read_text())["features"]
    countries = pd.read_csv(data_dir / "countries.csv", keep_default_na=False, na_values=[""])
    others = set(countries.loc[~countries["bloc"].isin(["CELAC", "EU27"]), "iso3"])
    ids = {f["id"] for f in features}
    assert ids <= others and {"USA", "CAN", "GBR", "MAR", "CYM", "BMU", "SSD"} <= ids
    for feature in [*features, *json.loads((data_dir / "geometry.geojson").read_text())["features"]]:
        geometry = shape(feature["geometry"])
        parts = [geometry] if geometry.geom_type == "Polygon" else list(geometry.geoms)
        assert not any(p.exterior.is_ccw for p in parts), feature["id"]
