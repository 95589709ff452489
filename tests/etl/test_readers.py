"""Each raw-format adapter on tiny files written here, including corrupt and re-shaped ones."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.errors import DataValidationError
from dashboard.etl import geometry, readers


def write_wdi_csv(path: Path, code: str = "BM.TRF.PWKR.CD.DT", rows: int = 210) -> Path:
    lines = [
        '"Data Source","World Development Indicators",',
        "",
        '"Last Updated Date","2021-09-15",',
        "",
        '"Country Name","Country Code","Indicator Name","Indicator Code","2019","2020",',
    ]
    for i in range(rows):
        iso = chr(65 + i // 26) + "X" + chr(65 + i % 26)
        lines.append(f'"Country {i}","{iso}","Remittances","{code}","{i}","",')
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_wdi_csv_reads_long_values_and_edition(tmp_path: Path) -> None:
    tidy, edition = readers.read_wdi_csv(write_wdi_csv(tmp_path / "w.csv"), "BM.TRF.PWKR.CD.DT")
    assert edition == "2021-09-15"
    assert list(tidy.columns) == ["iso3", "year", "value"]
    assert len(tidy) == 210  # the empty 2020 cells are dropped, not zero
    assert set(tidy["year"]) == {2019}
    assert tidy.loc[tidy["iso3"] == "AXA", "value"].item() == 0.0  # a published 0 stays 0


def test_wdi_csv_with_another_indicator_is_refused(tmp_path: Path) -> None:
    path = write_wdi_csv(tmp_path / "w.csv", code="SP.POP.TOTL")
    with pytest.raises(DataValidationError, match=r"w\.csv.*Indicator Code"):
        readers.read_wdi_csv(path, "BM.TRF.PWKR.CD.DT")


def test_wdi_csv_truncated_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match=r"w\.csv.*at least 200 rows"):
        readers.read_wdi_csv(write_wdi_csv(tmp_path / "w.csv", rows=20), "BM.TRF.PWKR.CD.DT")


def test_wdi_workbook_layout(tmp_path: Path) -> None:
    path = tmp_path / "API_SM.POP.NETM.xlsx"
    body = [
        ["Data Source", "World Development Indicators", None, None, None, None],
        ["Last Updated Date", "2024-02-21", None, None, None, None],
        [None] * 6,
        ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "2021", "2022"],
    ]
    for i in range(205):
        body.append(
            [
                f"C{i}",
                chr(65 + i // 26) + "Y" + chr(65 + i % 26),
                "Net migration",
                "SM.POP.NETM",
                -i,
                None if i % 2 else "x" if i == 4 else i,
            ]
        )
    pd.DataFrame(body).to_excel(path, sheet_name="Data", header=False, index=False)
    with pytest.raises(DataValidationError, match=r"API_SM\.POP\.NETM\.xlsx.*'value'.*non-numeric"):
        readers.read_wdi_xls(path, "SM.POP.NETM")
    body[8][5] = 4
    pd.DataFrame(body).to_excel(path, sheet_name="Data", header=False, index=False)
    tidy, edition = readers.read_wdi_xls(path, "SM.POP.NETM")
    assert edition == "2024-02-21"
    assert tidy[(tidy["iso3"] == "AYC") & (tidy["year"] == 2021)]["value"].item() == -2.0


def test_undesa_totals_keep_all_ages_and_refuse_duplicates(tmp_path: Path) -> None:
    cols = ["dest_locid", "dest_iso3", "dest_name", "year", "sex", "age_start", "age_length", "migrant_stock"]
    rows = []
    for c in range(100):
        iso = chr(65 + c // 26) + "Z" + chr(65 + c % 26)
        for sex in (0, 1, 2):
            rows.append([c, iso, "x", 2024, sex, 0, 0, 1000 + sex])  # all ages
            rows += [[c, iso, "x", 2024, sex, age, 5, 10] for age in range(0, 15, 5)]  # age groups
    path = tmp_path / "t.csv"
    pd.DataFrame(rows, columns=cols).to_csv(path, index=False)
    tidy = readers.read_undesa_totals(path)
    assert len(tidy) == 300 and set(tidy["value"]) == {1000.0, 1001.0, 1002.0}
    pd.DataFrame([*rows, rows[0]], columns=cols).to_csv(path, index=False)
    with pytest.raises(DataValidationError, match=r"t\.csv: .*unique"):
        readers.read_undesa_totals(path)
    pd.DataFrame(rows[:999], columns=cols).to_csv(path, index=False)
    with pytest.raises(DataValidationError, match="at least 1000 rows"):
        readers.read_undesa_totals(path)


def letters(i: int) -> str:
    """A distinct three-letter code per integer (never UN DESA's OTH)."""
    code = chr(65 + i // 676 % 26) + chr(65 + i // 26 % 26) + chr(65 + i % 26)
    return "ZZZ" if code == "OTH" else code


def test_undesa_bilateral_codes_other_and_names_reshaped_files(tmp_path: Path) -> None:
    cols = [
        "dest_locid",
        "dest_iso3",
        "orig_locid",
        "orig_iso3",
        "year",
        "sex",
        "migrant_stock",
        "source_tag",
    ]
    rows = [[724, "ESP", 2003, None, 2024, 0, 7, "UNPD_2024"]]
    rows += [[724, "ESP", 3000 + i, letters(i), 2024, 0, 10 + i, "UNPD_2024"] for i in range(1, 10001)]
    frame = pd.DataFrame(rows, columns=cols)
    path = tmp_path / "b.csv"
    frame.to_csv(path, index=False)
    tidy = readers.read_undesa_bilateral(path)
    assert tidy.loc[0, "origin"] == "OTH" and tidy.loc[0, "migrant_stock"] == 7
    frame.drop(columns="sex").to_csv(path, index=False)
    with pytest.raises(DataValidationError, match=r"b\.csv: missing column\(s\) \['sex'\]"):
        readers.read_undesa_bilateral(path)


def test_unhcr_empty_cells_stay_missing(tmp_path: Path) -> None:
    n = 10001
    frame = pd.DataFrame(
        {
            "year": [2018] * n,
            "coo_iso": ["VEN"] * n,
            "coa_iso": ["COL"] * n,
            "refugees": [1] * n,
            "asylum_seekers": [0] * n,
            "oip": [None] * (n - 1) + [5],
            "ooc": [0] * n,
        }
    )
    path = tmp_path / "u.csv"
    frame.to_csv(path, index=False)
    tidy = readers.read_unhcr_population(path)
    assert tidy["oip"].isna().sum() == n - 1
    frame.loc[3, "refugees"] = -4
    frame.to_csv(path, index=False)
    with pytest.raises(
        DataValidationError, match=r"u\.csv: column 'refugees' failed greater_than_or_equal_to"
    ):
        readers.read_unhcr_population(path)


def test_knomad_matrix_codes_names_and_refuses_unknown_ones(tmp_path: Path) -> None:
    names = [f"Country {i}" for i in range(110)]
    codes = {n: chr(65 + i // 26) + "Q" + chr(65 + i % 26) for i, n in enumerate(names)}
    header = ["Remittance-receiving country (across) - sending (down)", *names, "WORLD"]
    body = [[n, *[float(i + j) if i != j else None for j in range(110)], 1.0] for i, n in enumerate(names)]
    width = len(header)
    pad = [None] * (width - 1)
    sheet = [
        ["Bilateral Remittance Estimates for 2021", *pad],
        header,
        *body,
        ["WORLD", *pad],
        [None, *pad],
        ["Note: ...", *pad],
    ]
    path = tmp_path / "k.xlsx"
    pd.DataFrame(sheet).to_excel(path, header=False, index=False)
    tidy = readers.read_knomad_matrix(path, codes)
    assert len(tidy) == 110 * 109
    assert tidy[(tidy["origin"] == "AQA") & (tidy["destination"] == "AQB")]["value"].item() == 1.0
    with pytest.raises(
        DataValidationError, match=r"k\.xlsx: country names with no ISO3 code: \['Country 0'\]"
    ):
        readers.read_knomad_matrix(path, {k: v for k, v in codes.items() if k != "Country 0"})


def test_a_file_that_is_not_a_table_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DataValidationError, match=r"broken\.xlsx: cannot be parsed"):
        readers.read_wdi_xls(path, "SM.POP.NETM")
    with pytest.raises(DataValidationError, match="file not found"):
        readers.read_datahub(tmp_path / "absent.csv")


def square(x: float, y: float, size: float) -> list[list[list[float]]]:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def test_geometry_joins_on_adm0_a3_simplifies_and_keeps_small_islands(tmp_path: Path) -> None:
    features = [
        {
            "type": "Feature",
            "properties": {"ADM0_A3": "FRA", "ISO_A3": "-99", "ISO_A2": "-99"},
            "geometry": {"type": "MultiPolygon", "coordinates": [square(0, 40, 8), square(-53, 3, 1)]},
        },
        {
            "type": "Feature",
            "properties": {"ADM0_A3": "BRB", "ISO_A3": "BRB", "ISO_A2": "BB"},
            "geometry": {"type": "Polygon", "coordinates": square(-59.6, 13.05, 0.3)},
        },
    ]
    path = tmp_path / "ne.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    frame = geometry.read_natural_earth(path, ["FRA", "BRB"])
    points = {p["iso3"]: p for p in geometry.label_points(frame)}
    assert 0 < points["FRA"]["lon"] < 8  # label in mainland, not in French Guiana
    assert points["BRB"]["area_km2"] < 5000
    collection = geometry.to_geojson(frame)
    assert [f["id"] for f in collection["features"]] == ["BRB", "FRA"]
    assert geometry.iso2_codes(path) == {"BRB": "BB"}
    with pytest.raises(DataValidationError, match=r"ne\.geojson: no feature with ADM0_A3 in \['MLT'\]"):
        geometry.read_natural_earth(path, ["FRA", "MLT"])
