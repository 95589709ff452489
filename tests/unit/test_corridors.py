"""Folding bilateral pairs: member pairs kept, others summed into the rest of the world."""

from __future__ import annotations

import pandas as pd

from dashboard.etl.corridors import fold


def test_fold_keeps_member_pairs_and_sums_the_rest() -> None:
    pairs = pd.DataFrame(
        {
            "origin": ["MEX", "IND", "CHN", "IND", "OTH", "MAR"],
            "destination": ["USA", "USA", "USA", "GBR", "USA", "ESP"],
            "year": [2024] * 6,
            "migrant_stock": [10.0, 3.0, 2.0, 4.0, 1.0, 5.0],
        }
    )
    out = fold(pairs, members={"MEX", "ESP"}, partners={"USA"}, keys=["year"], value="migrant_stock")
    got = {(r.origin, r.destination): r.migrant_stock for r in out.itertuples()}
    assert got == {
        ("MEX", "USA"): 10.0,  # a member at one end: kept
        ("MAR", "ESP"): 5.0,  # non-member origin of a member destination: kept by name
        ("ROW", "USA"): 5.0,  # India + China to a partner: folded
        ("ROW", "ROW"): 4.0,  # no member, no partner
        ("OTH", "USA"): 1.0,  # UN DESA "Other" stays distinct from the rest of the world
    }
    assert out["migrant_stock"].sum() == pairs["migrant_stock"].sum()
