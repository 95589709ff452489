"""Bilateral corridor tables: keep every pair that touches a CELAC or EU member.

Pairs with no member at either end are summed into "rest of the world" (``ROW``)
except at the ends that are named partners (USA, Canada, ...), so that partner
totals still add up.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.etl.reference import OTHER_ORIGIN, REST_OF_WORLD


def fold(
    pairs: pd.DataFrame, members: set[str], partners: set[str], keys: Sequence[str], value: str
) -> pd.DataFrame:
    """Keep member-touching pairs as they are; fold the others into ``ROW`` and sum.

    ``keys`` are the extra key columns (e.g. year, sex) besides origin and destination.
    """
    touches = pairs["origin"].isin(members) | pairs["destination"].isin(members)
    kept = pairs[touches]
    rest = pairs[~touches].copy()
    keep_origin = partners | {OTHER_ORIGIN}
    rest["origin"] = rest["origin"].where(rest["origin"].isin(keep_origin), REST_OF_WORLD)
    rest["destination"] = rest["destination"].where(rest["destination"].isin(partners), REST_OF_WORLD)
    columns = ["origin", "destination", *keys]
    folded = rest.groupby(columns, sort=True)[value].sum().reset_index()
    out = pd.concat([kept[[*columns, value]], folded], ignore_index=True)
    return out.sort_values(columns).reset_index(drop=True)
