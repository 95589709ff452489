"""Build the long indicator table and the group aggregates from tidy source frames.

Pure functions: frames in, frames out. Values are never rounded; missing stays
missing (no row). A source's exact zeros that mean "not reported" are rows with the
flag ``reported_zero``, ``value`` NaN (no data) and ``published`` 0 (the number as
published); a ratio with such an input is NaN too, with the input's flag.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

REPORTED_ZERO = "reported_zero"
PARTIAL = "partial"
INDICATOR_COLUMNS = ["iso3", "indicator", "year", "value", "published", "flag"]


def tag(tidy: pd.DataFrame, indicator: str, flag_zeros: bool = False) -> pd.DataFrame:
    """Give a tidy ``iso3, year, value`` frame its indicator id and flags."""
    out = tidy[["iso3", "year", "value"]].copy()
    out.insert(1, "indicator", indicator)
    out["value"] = out["value"].astype(float)
    out["published"] = out["value"]
    out["flag"] = ""
    if flag_zeros:
        zero = out["published"] == 0
        out.loc[zero, "flag"] = REPORTED_ZERO
        out.loc[zero, "value"] = np.nan
    return out[INDICATOR_COLUMNS]


def ratio(numerator: pd.DataFrame, denominator: pd.DataFrame, indicator: str, scale: float) -> pd.DataFrame:
    """``numerator / denominator * scale`` where both exist for the same country and year.

    A flagged input (``reported_zero``) gives NaN with that flag, ``published`` the ratio of the
    published numbers; a zero or missing published denominator gives no row.
    """
    merged = numerator.merge(denominator, on=["iso3", "year"], suffixes=("_n", "_d"))
    merged = merged[merged["published_d"] > 0]
    flag = merged["flag_n"].where(merged["flag_n"] != "", merged["flag_d"])
    out = pd.DataFrame(
        {
            "iso3": merged["iso3"],
            "indicator": indicator,
            "year": merged["year"],
            "value": merged["value_n"] / merged["value_d"] * scale,
            "published": merged["published_n"] / merged["published_d"] * scale,
            "flag": flag,
        }
    )
    return out.reset_index(drop=True)


def sum_by(frame: pd.DataFrame, key: str, value: str, iso3: set[str]) -> pd.DataFrame:
    """Sum ``value`` by ``key`` and year for the given countries; all-NA groups stay missing."""
    subset = frame[frame[key].isin(iso3)]
    grouped = subset.groupby([key, "year"], sort=True)[value].sum(min_count=1).dropna()
    return grouped.reset_index().rename(columns={key: "iso3", value: "value"})


def aggregate(
    countries: pd.DataFrame,
    groups: Mapping[str, Sequence[str]],
    catalogue: Sequence[Mapping[str, Any]],
) -> pd.DataFrame:
    """Group values: counts summed, ratios recomputed from summed parts over the same members.

    Returns ``group, indicator, year, value, flag, n_reporting, n_members``. With
    coverage "complete" the value is NaN unless every member reports; with
    "partial" it covers the reporting members and is flagged ``partial`` when some
    are missing. Values flagged ``reported_zero`` count as not reporting.
    """
    usable = countries[countries["flag"] != REPORTED_ZERO]
    by_id = {ind: frame.set_index(["iso3", "year"])["value"] for ind, frame in usable.groupby("indicator")}
    rows: list[pd.DataFrame] = []
    for spec in catalogue:
        if spec["aggregate"] == "ratio":
            parts = [by_id.get(spec["numerator"]), by_id.get(spec["denominator"])]
        else:
            parts = [by_id.get(spec["id"])]
        if any(p is None for p in parts):
            continue
        joined = pd.concat(parts, axis=1, join="inner").dropna()
        for group, members in groups.items():
            rows.append(_group_values(joined, spec, group, members))
    out = pd.concat(rows, ignore_index=True)
    return out.sort_values(["group", "indicator", "year"]).reset_index(drop=True)


def _group_values(
    joined: pd.DataFrame, spec: Mapping[str, Any], group: str, members: Sequence[str]
) -> pd.DataFrame:
    subset = joined[joined.index.get_level_values("iso3").isin(members)]
    sums = subset.groupby(level="year").sum()
    counts = subset.groupby(level="year").size()
    if spec["aggregate"] == "ratio":
        num, den = sums.iloc[:, 0], sums.iloc[:, 1]
        value = (num / den.where(den > 0)) * float(spec["scale"])
    else:
        value = sums.iloc[:, 0]
    n_members = len(members)
    complete = counts == n_members
    if spec["coverage"] == "complete":
        value = value.where(complete)
    out = pd.DataFrame(
        {
            "group": group,
            "indicator": spec["id"],
            "year": sums.index.astype(int),
            "value": value.to_numpy(dtype=float),
            "flag": np.where(complete.to_numpy(), "", PARTIAL),
            "n_reporting": counts.to_numpy(dtype=int),
            "n_members": n_members,
        }
    )
    return out
