"""What a source does not cover: structural gaps (no rows) and zeros that mean "not reported".

Two kinds of published zeros are not values (see data/README.md for the evidence per series):

- a *structural gap*: a year in which the source did not collect the figure by country. UNHCR's
  table writes 0 for a category it did not collect (asylum-seekers are 0 worldwide in 1951–92)
  or keeps the figure only under an unknown country (asylum-seekers 1993–99, refugees' origin
  1951–59). Such years are found from the raw table itself (:func:`known_years`) and are dropped:
  no rows at all, so "no data";
- a *breakdown gap*: a destination-year of UN DESA's bilateral matrix in which most origins are
  suddenly 0 while "Other" swells (Egypt 2015: 30 origins instead of 71 and 72 around it, "Other"
  243,495 instead of 8,314 in 2010). Its zero pairs are not estimates of "no migrants" and are
  dropped from the corridors (:func:`collapsed_breakdowns`);
- a *reported zero*: one country's 0 where the series is evidently not reported (World Bank
  remittances since 2005; UNHCR asylum-seekers, whose country total is 0 when no pending cases
  were reported). Those rows stay, flagged ``reported_zero`` with ``value`` NaN and the 0 kept
  in ``published`` (:func:`dashboard.etl.indicators.tag`).

:func:`structural_zeros` is the check that none is left: a year in which every member with a row
has exactly 0 fails the ETL.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.errors import DataValidationError
from dashboard.etl.indicators import sum_by
from dashboard.etl.reference import OTHER_ORIGIN

# UNHCR's codes for an unknown or various country (of origin or of asylum).
UNKNOWN_CODES = frozenset({"UNK", "UKN", "XXA"})


def known_years(table: pd.DataFrame, key: str, column: str) -> set[int]:
    """Years in which ``column`` has a positive value under a known country ``key``.

    Outside them the source has no figure by country: worldwide 0 (not collected) or all of it
    under an unknown country.
    """
    known = table[table[key].notna() & ~table[key].isin(UNKNOWN_CODES) & (table[column] > 0)]
    return {int(year) for year in known["year"].unique()}


def within(frame: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """Only the rows of ``frame`` in ``years`` (the years the source covers by country)."""
    return frame[frame["year"].isin(set(years))].reset_index(drop=True)


def covered_sum(table: pd.DataFrame, key: str, column: str, iso3: set[str]) -> pd.DataFrame:
    """``column`` summed by ``key`` and year for ``iso3``, in the years the source covers by country."""
    return within(sum_by(table, key, column, iso3), known_years(table, key, column))


# A destination-year's breakdown has collapsed when fewer than this share of the origins named in
# both neighbouring years (at least MIN_ORIGINS of them) are non-zero.
COLLAPSE_SHARE = 0.6
MIN_ORIGINS = 10


def collapsed_breakdowns(bilateral: pd.DataFrame) -> set[tuple[str, int]]:
    """(destination, year) where UN DESA broke down far fewer origins than the years around it."""
    named = bilateral[(bilateral["sex"] == 0) & (bilateral["origin"] != OTHER_ORIGIN)]
    counts = (named["migrant_stock"] > 0).groupby([named["destination"], named["year"]]).sum().unstack()
    years = list(counts.columns)
    found = set()
    for destination, row in counts.iterrows():
        for before, year, after in zip(years, years[1:], years[2:], strict=False):
            around = min(row[before], row[after])
            if around >= MIN_ORIGINS and row[year] < COLLAPSE_SHARE * around:
                found.add((str(destination), int(year)))
    return found


def without_breakdown_gaps(bilateral: pd.DataFrame, gaps: set[tuple[str, int]]) -> pd.DataFrame:
    """The bilateral rows minus the zero pairs of collapsed breakdowns (no data, not 0 migrants)."""
    where = pd.Series(
        list(zip(bilateral["destination"], bilateral["year"], strict=True)), index=bilateral.index
    )
    drop = where.isin(gaps) & (bilateral["migrant_stock"] == 0) & (bilateral["origin"] != OTHER_ORIGIN)
    return bilateral[~drop].reset_index(drop=True)


def structural_zeros(long: pd.DataFrame, members: set[str]) -> list[tuple[str, int]]:
    """(indicator, year) where every member with a row has a published 0: a gap taken for data."""
    subset = long[long["iso3"].isin(members)]
    zero = subset["published"].eq(0).groupby([subset["indicator"], subset["year"]]).all()
    return [(str(ind), int(year)) for ind, year in zero[zero].index]


def check_no_structural_zeros(long: pd.DataFrame, members: set[str]) -> None:
    """Fail the run when a year of an indicator is all zeros for the members (a gap to handle)."""
    if found := structural_zeros(long, members):
        raise DataValidationError(
            "indicators (processed)",
            f"every member is exactly 0 in {found[:5]}: a structural gap (not collected), "
            "drop those years or flag the zeros (dashboard/etl/gaps.py)",
        )
