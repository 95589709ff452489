"""UN DESA's region "Latin America and the Caribbean" area by area, as the documents count it.

The documents' regional totals ("9.5 million in LAC") follow UN DESA's region, which counts the
33 CELAC states and 17 non-sovereign territories (Puerto Rico, Aruba, Curaçao, French Guiana…).
Which areas the region holds is read from the one raw file that publishes the hierarchy, the
IMS 2020 destination workbook (its Table 1 lists each region's areas under it); their migrant
stock is the IMS 2024 edition's total by destination, the edition the rest of Puentes uses. An
area the 2024 edition has no figures for (Saint-Barthélemy, Saint-Martin) is kept with NaN so
that a reader is told it is missing, not given a smaller region.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from dashboard.errors import DataValidationError
from dashboard.etl import reference as ref
from dashboard.etl.countries import cldr_names
from dashboard.etl.validate import check

LAC_M49 = 904  # UN DESA's location code of "Latin America and the Caribbean"
NEXT_REGION_M49 = 905  # "Northern America", the row after LAC's last area
AGGREGATE_CODES_FROM = 900  # M49 codes of regions and sub-regions; areas are below
TABLE, HEADER_ROW = "Table 1", 10
# ISO 3166-1 alpha-3 and alpha-2 codes of the region's areas that UN DESA's location list (and so
# countries.csv) lacks: their names come from CLDR.
UNLISTED = {652: ("BLM", "BL"), 663: ("MAF", "MF")}  # Saint-Barthélemy, Saint-Martin (French part)
NAMES = [f"name_{lang}" for lang in ref.LANGUAGES]
SCHEMA = pa.DataFrameSchema(
    {
        "region": pa.Column(str),
        "m49": pa.Column(int),
        "iso3": pa.Column(str),
        "name_en": pa.Column(str, pa.Check.str_length(min_value=1)),
        "name_es": pa.Column(str, pa.Check.str_length(min_value=1)),
        "name_pt": pa.Column(str, pa.Check.str_length(min_value=1)),
        "name_fr": pa.Column(str, pa.Check.str_length(min_value=1)),
        "year": pa.Column(int),
        "migrant_stock": pa.Column(float, pa.Check.ge(0), nullable=True),
    },
    unique=["region", "m49", "year"],
)


def read_region_areas(path: Path, region: int = LAC_M49) -> pd.DataFrame:
    """``m49, name`` of every area listed under ``region`` in the IMS 2020 destination workbook.

    Checks that the areas' 2020 stocks add up to the region's published total, so that a change
    in the workbook's layout cannot silently give another set of areas.
    """
    file = str(path)
    try:
        table = pd.read_excel(path, sheet_name=TABLE, header=None, engine="calamine")
    except Exception as exc:  # noqa: BLE001 - any parser failure means a corrupt file
        raise DataValidationError(file, f"cannot be parsed ({type(exc).__name__})") from None
    codes = pd.to_numeric(table[3], errors="coerce")
    starts, ends = table.index[codes == region], table.index[codes == NEXT_REGION_M49]
    if len(starts) != 1 or len(ends) != 1 or ends[0] <= starts[0]:
        raise DataValidationError(file, f"{TABLE}: no block of areas under location code {region}")
    block = table.iloc[starts[0] + 1 : ends[0]]
    areas = block[codes[block.index] < AGGREGATE_CODES_FROM]
    header = [str(c) for c in table.iloc[HEADER_ROW]]
    column_2020 = header.index("2020")  # the first 2020 column: both sexes
    published = float(table.iloc[starts[0], column_2020])
    summed = pd.to_numeric(areas[column_2020], errors="coerce").sum()
    if summed != published:
        raise DataValidationError(file, f"{TABLE}: areas under {region} sum to {summed}, not {published}")
    names = areas[1].astype(str).str.strip().str.rstrip("*")
    return pd.DataFrame({"m49": areas[3].astype(int).to_numpy(), "name": names.to_numpy()})


def area_names(areas: pd.DataFrame, iso3: dict[int, str], countries: pd.DataFrame) -> pd.DataFrame:
    """``m49, iso3, name_<lang>``: names from ``countries`` (countries.csv), else CLDR for the
    areas the location list lacks; a name found nowhere fails the run."""
    rows = []
    for m49, name in zip(areas["m49"], areas["name"], strict=True):
        code, iso2 = UNLISTED.get(int(m49), (iso3.get(int(m49), ""), ""))
        if code in countries.index:
            names = {column: str(countries.loc[code, column]) for column in NAMES}
        elif (cldr := cldr_names(iso2) if iso2 else None) is not None:
            names = {f"name_{lang}": text for lang, text in cldr.items()}
        else:
            raise DataValidationError("region areas", f"no name in four languages for {name!r} ({m49})")
        rows.append({"m49": int(m49), "iso3": code, **names})
    return pd.DataFrame(rows)


def region_stock(
    areas: pd.DataFrame,
    totals: pd.DataFrame,
    locations: pd.DataFrame,
    countries: pd.DataFrame,
    region: str = "LAC",
) -> pd.DataFrame:
    """``region, m49, iso3, name_<lang>, year, migrant_stock`` (both sexes) for each area of ``region``.

    ``totals`` is the IMS 2024 total by destination (``iso3, year, sex, value`` with ``m49``
    from ``locations``); an area without figures gets a NaN row for each of the edition's years.
    ``countries`` is the countries table (indexed by ISO3) whose names the app shows.
    """
    iso3 = {int(k): str(v) for k, v in zip(locations["locid"], locations["iso3"].fillna(""), strict=True)}
    stock = totals[totals["sex"] == 0]
    by_code = stock.assign(m49=stock["iso3"].map({v: k for k, v in iso3.items() if v}))
    years = sorted(stock["year"].unique())
    named = area_names(areas, iso3, countries.set_index("iso3", drop=False))
    grid = named.merge(pd.DataFrame({"year": years}), how="cross")
    out = grid.merge(by_code[["m49", "year", "value"]], on=["m49", "year"], how="left")
    out = out.rename(columns={"value": "migrant_stock"})
    out.insert(0, "region", region)
    out = out.astype({"m49": int, "year": int, "migrant_stock": float})
    out = out[["region", "m49", "iso3", *NAMES, "year", "migrant_stock"]]
    return check(out.sort_values(["m49", "year"]).reset_index(drop=True), SCHEMA, "region stock (processed)")
