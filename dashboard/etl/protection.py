"""UNHCR's population table by origin and country of asylum, kept pair by pair for the members.

The indicators sum UNHCR over every origin (``asylum_seekers_hosted``) or every host
(``refugees_origin``); a claim about one origin in given hosts (Venezuelans seeking asylum in
Brazil and Peru) needs the pairs themselves. This step keeps every pair whose origin and country
of asylum are both CELAC or EU members, with the three protection columns. A cell UNHCR did not
report stays missing: ``oip`` before 2018, and asylum-seekers before 2000, when UNHCR published
no figures by country (its by-country zeros of those years are "not collected", not none).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from dashboard.etl.validate import check

MEASURES = ("refugees", "asylum_seekers", "oip")
# UNHCR has asylum-seekers by country of asylum only from 2000 (SOURCES.md §3, issue 13 item 1).
FIRST_ASYLUM_SEEKER_YEAR = 2000
ISO3 = pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$"))
VALUE = pa.Column(float, pa.Check.ge(0), nullable=True)
SCHEMA = pa.DataFrameSchema(
    {"origin": ISO3, "asylum": ISO3, "year": pa.Column(int), **dict.fromkeys(MEASURES, VALUE)},
    unique=["origin", "asylum", "year"],
)


def corridors(unhcr: pd.DataFrame, members: set[str]) -> pd.DataFrame:
    """``origin, asylum, year, refugees, asylum_seekers, oip`` for member -> member pairs.

    ``unhcr`` is :func:`dashboard.etl.readers.read_unhcr_population`'s frame (one row per
    origin, asylum and year); values are as published, NaN where UNHCR has none.
    """
    rows = unhcr[unhcr["coo_iso"].isin(members) & unhcr["coa_iso"].isin(members)]
    out = rows.rename(columns={"coo_iso": "origin", "coa_iso": "asylum"})[
        ["origin", "asylum", "year", *MEASURES]
    ].copy()
    out = out.groupby(["origin", "asylum", "year"], as_index=False)[list(MEASURES)].sum(min_count=1)
    out.loc[out["year"] < FIRST_ASYLUM_SEEKER_YEAR, "asylum_seekers"] = float("nan")
    out = out.astype({"year": int, **dict.fromkeys(MEASURES, float)})
    out = out.sort_values(["origin", "asylum", "year"]).reset_index(drop=True)
    return check(out, SCHEMA, "protection corridors (processed)")
