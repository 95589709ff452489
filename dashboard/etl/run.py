"""The ETL pipeline: load inputs / process / save, with progress and a coverage summary."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import pandera.pandas as pa

from dashboard.errors import DataValidationError
from dashboard.etl import catalogue as cat
from dashboard.etl import (
    corridors,
    countries,
    gaps,
    geometry,
    indicators,
    protection,
    readers,
    regions,
    write,
)
from dashboard.etl import reference as ref
from dashboard.etl.validate import check

T = TypeVar("T")

FILES = {
    "totals": "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv",
    "bilateral": "undesa_ims2024/derived/undesa_ims2024_bilateral_by_sex.csv",
    "locations": "undesa_ims2024/derived/undesa_ims2024_locations.csv",
    "unhcr": "unhcr/derived/unhcr_population.csv",
    "netm": "worldbank_wdi/API_SM.POP.NETM_DS2_en_excel_v2_782.xls",
    "remit_received": "worldbank_wdi/API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_6000901.xls",
    "remit_paid": "worldbank_wdi/API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv",
    "population": "worldbank_datahub/population.csv",
    "gdp": "worldbank_datahub/gdp.csv",
    "knomad": "knomad/bilateral_remittance_matrix_2021.xlsx",
    "natural_earth": "natural_earth/ne_50m_admin_0_countries.geojson",
    "undesa2020": "undesa_ims2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
}
UNDESA_EDITION_TAG = "UNPD_2024"
SEX = {0: "total", 1: "male", 2: "female"}

INDICATORS_OUT = pa.DataFrameSchema(
    {
        "iso3": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
        "indicator": pa.Column(str),
        "year": pa.Column(int, pa.Check.in_range(1950, 2030)),
        "value": pa.Column(float, pa.Check(lambda s: s.isna() | (s.abs() < 1e15)), nullable=True),
        "published": pa.Column(float, pa.Check(lambda s: s.notna() & (s.abs() < 1e15))),
        "flag": pa.Column(str, pa.Check.isin(["", indicators.REPORTED_ZERO])),
    },
    checks=[
        # value is NaN exactly where the published number is a flagged zero (no data)
        pa.Check(lambda f: f["value"].isna() == (f["flag"] == indicators.REPORTED_ZERO)),
    ],
    unique=["iso3", "indicator", "year"],
)


def step(name: str, action: Callable[[], T]) -> T:
    """Run one step, printing its name first so a failure is easy to place."""
    print(f"  - {name} ...", flush=True)
    return action()


def load(name: str, path: Path, reader: Callable[[Path], T]) -> T:
    """Read one raw file as a step: whatever goes wrong in ``reader`` (a parser's error, bytes that
    are not text, a missing column or sheet) becomes one :class:`DataValidationError` naming
    ``path`` (:func:`readers.read_failure`), never a traceback."""
    print(f"  - {name} ...", flush=True)
    try:
        return reader(path)
    except Exception as exc:  # noqa: BLE001 - a raw file the reader cannot take is a bad file
        raise readers.read_failure(path, exc) from None


def run(raw_dir: Path, out_dir: Path) -> dict[str, Any]:
    """Read every raw file under ``raw_dir`` and write the processed tables to ``out_dir``."""
    paths = {key: raw_dir / rel for key, rel in FILES.items()}
    members = set(ref.CELAC) | set(ref.EU27)
    project = set(ref.members())
    partners = set(ref.PARTNERS)

    print(f"Puentes ETL: {raw_dir} -> {out_dir}")
    # -- load inputs: each read through load(), which names the file on any failure
    catalogue = step("catalogue", cat.load)
    totals = load("UN DESA IMS 2024 totals", paths["totals"], readers.read_undesa_totals)
    bilateral = load("UN DESA IMS 2024 bilateral", paths["bilateral"], readers.read_undesa_bilateral)
    locations = load("UN DESA locations", paths["locations"], readers.read_undesa_locations)
    unhcr = load("UNHCR population", paths["unhcr"], readers.read_unhcr_population)
    netm, netm_ed = load(
        "WDI net migration", paths["netm"], lambda path: readers.read_wdi_xls(path, "SM.POP.NETM")
    )
    received, received_ed = load(
        "WDI remittances received",
        paths["remit_received"],
        lambda path: readers.read_wdi_xls(path, "BX.TRF.PWKR.CD.DT"),
    )
    paid, paid_ed = load(
        "WDI remittances paid",
        paths["remit_paid"],
        lambda path: readers.read_wdi_csv(path, "BM.TRF.PWKR.CD.DT"),
    )
    population = load("WDI population", paths["population"], readers.read_datahub)
    gdp = load("WDI GDP", paths["gdp"], readers.read_datahub)
    wb_names = load("WDI country names", paths["remit_received"], readers.read_wdi_names)
    names = {**wb_names, **ref.KNOMAD_NAME_FIXES}
    knomad = load(
        "KNOMAD remittance matrix", paths["knomad"], lambda path: readers.read_knomad_matrix(path, names)
    )
    lac_areas = load("UN DESA 2020 region areas", paths["undesa2020"], regions.read_region_areas)
    shapes = load(
        "Natural Earth 50m",
        paths["natural_earth"],
        lambda path: geometry.read_natural_earth(path, members),
    )
    iso2 = load("Natural Earth ISO 2 codes", paths["natural_earth"], geometry.iso2_codes)

    # -- process
    bilateral = _one_edition(bilateral, paths["bilateral"])
    _check_bilateral_sums(bilateral, totals, members, paths["bilateral"], paths["totals"])
    long = step(
        "indicators",
        lambda: _country_indicators(
            project, totals, bilateral, unhcr, netm, received, paid, population, gdp, catalogue
        ),
    )
    long = check(long, INDICATORS_OUT, "indicators (processed)")
    gaps.check_no_structural_zeros(long, members)
    groups = step("aggregates", lambda: indicators.aggregate(long, ref.groups(), catalogue["indicators"]))
    breakdowns = gaps.collapsed_breakdowns(bilateral)
    print(f"    UN DESA breakdown gaps (zero pairs dropped from corridors): {sorted(breakdowns)}")
    migrant_corridors = step(
        "migrant corridors",
        lambda: _migrant_corridors(gaps.without_breakdown_gaps(bilateral, breakdowns), members, partners),
    )
    remittance_corridors = step(
        "remittance corridors", lambda: _remittance_corridors(knomad, members, partners)
    )
    protection_pairs = step("protection corridors", lambda: protection.corridors(unhcr, members))
    points = pd.DataFrame(geometry.label_points(shapes))
    seen = (
        set(migrant_corridors["origin"])
        | set(migrant_corridors["destination"])
        | set(remittance_corridors["sender"])
        | set(remittance_corridors["receiver"])
    )
    country_table = step(
        "countries",
        lambda: countries.build(
            locations, iso2, seen, points, {code: name for name, code in wb_names.items()}
        ),
    )
    _check_codes(long, migrant_corridors, remittance_corridors, country_table)
    lac_stock = step(
        "LAC incl. territories", lambda: regions.region_stock(lac_areas, totals, locations, country_table)
    )
    others = country_table.loc[~country_table["iso3"].isin(members), "iso3"]
    world = load(
        "Natural Earth 50m, rest of the world",
        paths["natural_earth"],
        lambda path: geometry.read_world(path, others),
    )

    # -- save
    editions = {
        "undesa_ims2024": UNDESA_EDITION_TAG,
        "wdi_netm": netm_ed,
        "wdi_remit_received": received_ed,
        "wdi_remit_paid": paid_ed,
    }
    tables: dict[str, Any] = {
        "countries.csv": country_table,
        "groups.csv": countries.groups_table(),
        "catalogue.json": cat.with_coverage(catalogue, long),
        "indicators.parquet": long,
        "aggregates.parquet": groups,
        "corridors.parquet": migrant_corridors,
        "remittance_corridors.parquet": remittance_corridors,
        "protection_corridors.parquet": protection_pairs,
        "region_stock.parquet": lac_stock,
        "geometry.geojson": geometry.dumps(geometry.to_geojson(shapes)),
        "world.geojson": geometry.dumps(
            geometry.to_geojson(world, geometry.WORLD_TOLERANCE_DEG, geometry.WORLD_DECIMALS, snap=True)
        ),
    }
    manifest = step("write", lambda: write.write_all(tables, out_dir, editions))
    summary(long, manifest, members)
    return manifest


def _one_edition(bilateral: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Drop rows of another UN DESA revision (two 1990 rows, neither touching a member)."""
    odd = bilateral[bilateral["source_tag"] != UNDESA_EDITION_TAG]
    if len(odd):
        print(
            f"    dropped {len(odd)} row(s) tagged with another edition: "
            f"{sorted(set(odd['source_tag']))} ({', '.join(odd['destination'].unique())})"
        )
    return bilateral[bilateral["source_tag"] == UNDESA_EDITION_TAG].drop(columns="source_tag")


def _check_bilateral_sums(
    bilateral: pd.DataFrame, totals: pd.DataFrame, members: set[str], path: Path, totals_path: Path
) -> None:
    """Every member's bilateral rows must add up to its published total (same edition); a total or
    a set of bilateral rows missing altogether names the file that lacks it (cut short?)."""
    sums = (
        bilateral[bilateral["destination"].isin(members)]
        .groupby(["destination", "year", "sex"])["migrant_stock"]
        .sum()
    )
    published = totals[totals["iso3"].isin(members)].set_index(["iso3", "year", "sex"])["value"]
    published.index.names = sums.index.names
    no_total = sums.index.difference(published.index)
    if len(no_total):
        raise DataValidationError(
            str(totals_path),
            f"no total for {len(no_total)} destination/year/sex of the bilateral file (cut short?), "
            f"e.g. {list(no_total[:3])}",
        )
    no_rows = published.index.difference(sums.index)
    if len(no_rows):
        raise DataValidationError(
            str(path), f"no rows for {len(no_rows)} published total(s) (cut short?), e.g. {list(no_rows[:3])}"
        )
    diff = sums - published
    bad = diff[diff.abs() > 0]
    if len(bad):
        raise DataValidationError(str(path), f"bilateral rows do not sum to totals for {list(bad.index[:5])}")


def _country_indicators(
    project: set[str],
    totals: pd.DataFrame,
    bilateral: pd.DataFrame,
    unhcr: pd.DataFrame,
    netm: pd.DataFrame,
    received: pd.DataFrame,
    paid: pd.DataFrame,
    population: pd.DataFrame,
    gdp: pd.DataFrame,
    catalogue: dict[str, Any],
) -> pd.DataFrame:
    tag = indicators.tag
    stock = totals[totals["sex"] == 0]
    female = totals[totals["sex"] == 2]
    emigrants = indicators.sum_by(bilateral[bilateral["sex"] == 0], "origin", "migrant_stock", project)
    base = [
        tag(stock, "migrant_stock"),
        tag(female, "female_migrant_stock"),
        tag(emigrants, "emigrant_stock"),
        tag(netm, "net_migration"),
        tag(gaps.covered_sum(unhcr, "coa_iso", "refugees", project), "refugees_hosted"),
        # a country's 0 asylum-seekers: no pending cases reported (data/README.md)
        tag(
            gaps.covered_sum(unhcr, "coa_iso", "asylum_seekers", project),
            "asylum_seekers_hosted",
            flag_zeros=True,
        ),
        tag(gaps.covered_sum(unhcr, "coa_iso", "oip", project), "other_protection_hosted"),
        tag(gaps.covered_sum(unhcr, "coo_iso", "refugees", project), "refugees_origin"),
        tag(received, "remittances_received", flag_zeros=True),
        tag(paid, "remittances_paid", flag_zeros=True),
        tag(population, "population"),
        tag(gdp, "gdp"),
    ]
    long = pd.concat(base, ignore_index=True)
    long = long[long["iso3"].isin(project)]
    by_id = {ind: frame for ind, frame in long.groupby("indicator")}
    computed = [
        indicators.ratio(by_id[spec["numerator"]], by_id[spec["denominator"]], spec["id"], spec["scale"])
        for spec in catalogue["indicators"]
        if spec["computed"] and spec["aggregate"] == "ratio"
    ]
    long = pd.concat([long, *computed], ignore_index=True)
    long["year"] = long["year"].astype(int)
    return long.sort_values(["indicator", "iso3", "year"]).reset_index(drop=True)


def _migrant_corridors(bilateral: pd.DataFrame, members: set[str], partners: set[str]) -> pd.DataFrame:
    folded = corridors.fold(bilateral, members, partners, ["year", "sex"], "migrant_stock")
    folded["sex"] = folded["sex"].map(SEX)
    return folded


def _remittance_corridors(knomad: pd.DataFrame, members: set[str], partners: set[str]) -> pd.DataFrame:
    folded = corridors.fold(knomad, members, partners, [], "value")
    folded.insert(2, "year", 2021)
    return folded.rename(columns={"origin": "sender", "destination": "receiver", "value": "usd_millions"})


def _check_codes(
    long: pd.DataFrame, migrants: pd.DataFrame, money: pd.DataFrame, table: pd.DataFrame
) -> None:
    known = set(table["iso3"])
    for name, codes in (
        ("indicators", set(long["iso3"])),
        ("corridors", set(migrants["origin"]) | set(migrants["destination"])),
        ("remittance corridors", set(money["sender"]) | set(money["receiver"])),
    ):
        unknown = sorted(codes - known)
        if unknown:
            raise DataValidationError(name, f"codes missing from countries.csv: {unknown[:10]}")


def summary(long: pd.DataFrame, manifest: dict[str, Any], members: set[str]) -> None:
    """Rows per table and, per indicator, member countries covered and years."""
    print("\nTables written:")
    for name, info in manifest["files"].items():
        rows = f"{info['rows']:>9,} rows" if info["rows"] is not None else "           -"
        print(f"  {name:<30}{rows}")
    print(f"\nCoverage of the {len(members)} members (countries with a real value, years; flagged zeros):")
    subset = long[long["iso3"].isin(members)]
    for ind, group in subset.groupby("indicator"):
        frame = group[group["value"].notna()]
        years = sorted(frame["year"].unique())
        print(
            f"  {ind:<26}{frame['iso3'].nunique():>3} countries  {len(years):>3} years "
            f"({years[0]}-{years[-1]})  {len(frame):>6,} values  {len(group) - len(frame):>4} flagged"
        )
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m dashboard.etl [--raw-dir DIR] [--out-dir DIR]``."""
    import argparse

    from dashboard import paths

    parser = argparse.ArgumentParser(prog="python -m dashboard.etl", description=__doc__)
    parser.add_argument("--raw-dir", type=Path, default=paths.raw_dir())
    parser.add_argument("--out-dir", type=Path, default=paths.data_dir())
    args = parser.parse_args(argv)
    try:
        run(args.raw_dir, args.out_dir)
    except DataValidationError as exc:
        sys.stdout.flush()
        problem = " ".join(exc.problem.split())
        where = shown(exc.file, args.raw_dir)
        print(f"ETL failed, {args.out_dir} left unchanged: {where}: {problem}", file=sys.stderr)
        return 1
    return 0


def shown(file: str, raw_dir: Path) -> str:
    """A raw file by its path in the raw folder (as SOURCES.md names it); any other name as is."""
    try:
        return Path(file).relative_to(raw_dir).as_posix()
    except ValueError:
        return file
