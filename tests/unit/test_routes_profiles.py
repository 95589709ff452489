"""HTTP routes (geometry, CSV) through the real server, and the country-profile builders."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pandas as pd
import pytest
from flask.testing import FlaskClient

from app import create_app
from dashboard import datasets, profiles
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState, same_view
from dashboard.views import map as map_view


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app().server.test_client()


def test_geometry_is_served_compressed_and_cacheable(client: FlaskClient) -> None:
    first = client.get("/geometry/members.geojson", headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200 and first.headers["Content-Encoding"] == "gzip"
    assert len(first.data) < 80_000  # ~160 KB of GeoJSON on the wire as gzip
    assert gzip.decompress(first.data).startswith(b'{"features"')
    again = client.get("/geometry/members.geojson", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def read_csv(client: FlaskClient, query: str) -> list[dict[str, str]]:
    response = client.get(f"/download/map.csv?{query}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_csv_has_exactly_the_shown_rows_with_source_columns(client: FlaskClient) -> None:
    rows = read_csv(client, "region=eu&indicator=net_migration&year=2021")
    groups = [r for r in rows if not r["bloc"]]
    rows = [r for r in rows if r["bloc"]]
    assert len(rows) == 27 and {r["bloc"] for r in rows} == {"EU27"}
    # the region's bloc follows the countries, with its coverage and members
    assert [g["iso3"] for g in groups] == ["EU27"] and groups[0]["n_members"] == "27"
    assert int(groups[0]["n_reporting"]) == sum(1 for r in rows if r["value"])
    assert len(groups[0]["members"].split()) == 27
    spain = next(r for r in rows if r["iso3"] == "ESP")
    assert spain["year"] == "2021" and spain["unit"] == "persons"
    assert "World Development Indicators" in spain["source"] and spain["licence"] == "CC BY 4.0"
    assert spain["edition"].startswith("WDI release of 2024-02-21")


def test_csv_bad_query_falls_back_to_defaults(client: FlaskClient) -> None:
    rows = read_csv(client, "indicator=%3Cscript%3E&year=abc&region=mars&groups=nowhere")
    assert len(rows) == 62 and rows[0]["indicator"] == "migrant_stock"
    assert [r["iso3"] for r in rows[60:]] == ["CELAC", "EU27"]


@pytest.mark.raw
def test_csv_values_equal_the_raw_cells_unrounded(client: FlaskClient, raw_dir: Path) -> None:
    raw = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv")
    raw = raw[(raw["age_start"] == 0) & (raw["age_length"] == 0) & (raw["sex"] == 0) & (raw["year"] == 2024)]
    rows = {r["iso3"]: r for r in read_csv(client, "indicator=migrant_stock&year=2024")}
    for iso3 in ("ESP", "MLT", "BRB", "VEN"):
        assert float(rows[iso3]["value"]) == raw[raw["dest_iso3"] == iso3]["migrant_stock"].item()
    share = {r["iso3"]: r for r in read_csv(client, "indicator=migrant_share&year=2024")}
    assert len(share["ESP"]["value"]) > 8  # full precision, not rounded for display


def test_profile_lines_add_each_bloc_once() -> None:
    spec = datasets.catalogue()["migrant_share"]
    lines = profiles.lines(
        map_view.profile_series(),
        datasets.countries(),
        datasets.groups(),
        spec,
        ["ESP", "ECU", "ITA", "XXX"],
        Locale.of("en"),
        ["caricom", "EU27", "nowhere"],
    )
    assert [line.code for line in lines] == ["ESP", "ECU", "ITA", "EU27", "CELAC", "caricom"]
    assert [line.is_aggregate for line in lines] == [False, False, False, True, True, True]
    assert lines[-1].members[:2] == ("Antigua & Barbuda", "Bahamas") and len(lines[-1].members) == 14


def test_key_figures_show_latest_year_or_no_data() -> None:
    figures = {
        f.indicator: f
        for f in profiles.key_figures(
            map_view.profile_series(), datasets.catalogue(), datasets.sources(), "CUB", Locale.of("en")
        )
    }
    assert figures["remittances_received"].value == "no data" and figures["remittances_received"].year is None
    assert figures["migrant_stock"].year == 2024 and figures["migrant_stock"].value.endswith("people")


def test_same_view_treats_no_year_as_the_latest() -> None:
    years = {"migrant_stock": (2020, 2024)}
    assert same_view(FilterState(), FilterState(year=2024), years)
    assert not same_view(FilterState(), FilterState(year=2020), years)
