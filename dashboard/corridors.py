"""Corridor transforms: which pairs a direction means, ranked corridors with growth, the
top-N flows with the remainder as "other", linked-map values, where each diaspora lives,
and the remittance corridors. DataFrames in, DataFrames out; no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import numpy as np
import pandas as pd

OTHER_ORIGINS = "*other-origins"
OTHER_DESTINATIONS = "*other-destinations"
# Where a CELAC diaspora lives: the four parts of the split, in stacking order.
DIASPORA_PARTS = ("usa", "eu", "celac", "rest")

Codes = frozenset[str] | None  # None = every code


def bloc_codes(countries: pd.DataFrame, bloc: str) -> frozenset[str]:
    """ISO3 codes of a bloc (``CELAC`` or ``EU27``)."""
    return frozenset(countries.loc[countries["bloc"] == bloc, "iso3"])


def direction_sets(
    direction: str,
    countries: pd.DataFrame,
    origins: Collection[str] = (),
    destinations: Collection[str] = (),
) -> tuple[Codes, Codes]:
    """(origins, destinations) for a direction; ``custom`` uses the given sets.

    "CELAC → rest of world" means every destination outside both blocs (USA, Canada, …). In a
    custom direction one empty side means every country; both empty mean nothing is chosen yet:
    two empty sets, so no corridor is selected (never every pair, "Rest of the world → Rest of
    the world" included, as if it were a result).
    """
    celac, eu = bloc_codes(countries, "CELAC"), bloc_codes(countries, "EU27")
    if direction == "eu_celac":
        return eu, celac
    if direction == "celac_celac":
        return celac, celac
    if direction == "celac_world":
        rest = frozenset(countries["iso3"]) - celac - eu
        return celac, rest
    if direction == "custom":
        if not origins and not destinations:
            return frozenset(), frozenset()
        return (frozenset(origins) or None), (frozenset(destinations) or None)
    return celac, eu


def select(frame: pd.DataFrame, origins: Codes, destinations: Codes) -> pd.DataFrame:
    """Rows of ``origin, destination, migrant_stock`` whose ends are in the two sets."""
    keep = np.ones(len(frame), dtype=bool)
    if origins is not None:
        keep &= frame["origin"].isin(origins).to_numpy()
    if destinations is not None:
        keep &= frame["destination"].isin(destinations).to_numpy()
    return frame.loc[keep]


def ranked(current: pd.DataFrame, base: pd.DataFrame | None) -> pd.DataFrame:
    """Corridors by size with the base-year stock and growth since then (%).

    Growth is empty where the base stock is missing or 0 (no meaningful percentage).
    """
    out = current[["origin", "destination", "migrant_stock"]].sort_values(
        ["migrant_stock", "origin", "destination"], ascending=[False, True, True]
    )
    if base is None:
        return out.assign(base_stock=np.nan, growth=np.nan).reset_index(drop=True)
    then = base[["origin", "destination", "migrant_stock"]].rename(columns={"migrant_stock": "base_stock"})
    merged = out.merge(then, on=["origin", "destination"], how="left")
    base_stock = merged["base_stock"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(base_stock > 0, (merged["migrant_stock"].to_numpy() / base_stock - 1) * 100, np.nan)
    return merged.assign(growth=growth)


def _totals(codes: Iterable[str], values: Iterable[float]) -> dict[str, float]:
    """Sum of ``values`` by code, codes in sorted order (as a pandas group-by gives them)."""
    totals: dict[str, float] = {}
    for code, value in zip(codes, values, strict=True):
        totals[code] = totals.get(code, 0.0) + value
    return {code: totals[code] for code in sorted(totals)}


def _top(totals: Mapping[str, float], k: int) -> list[str]:
    ordered = sorted(totals, key=lambda code: -totals[code])  # stable: ties stay in code order
    return [str(code) for code in ordered[:k] if totals[code] > 0]


def flows(current: pd.DataFrame, k: int = 7) -> pd.DataFrame:
    """``source, target, value``: the top ``k`` origins and destinations by total, every other
    origin folded into :data:`OTHER_ORIGINS` and destination into :data:`OTHER_DESTINATIONS`.
    The values add up to the total of ``current``; zero links are left out."""
    if current.empty:
        return pd.DataFrame({"source": [], "target": [], "value": []})
    origin = current["origin"].tolist()
    destination = current["destination"].tolist()
    stock = [0.0 if value != value else value for value in current["migrant_stock"].tolist()]  # NaN: none
    origins = _top(_totals(origin, stock), k)
    destinations = _top(_totals(destination, stock), k)
    kept_origins, kept_destinations = set(origins), set(destinations)
    links: dict[tuple[str, str], float] = {}  # in first-seen order, as a group-by without sorting
    for o, d, value in zip(origin, destination, stock, strict=True):
        key = (o if o in kept_origins else OTHER_ORIGINS, d if d in kept_destinations else OTHER_DESTINATIONS)
        links[key] = links.get(key, 0.0) + value
    order = {code: i for i, code in enumerate([*origins, OTHER_ORIGINS, *destinations, OTHER_DESTINATIONS])}
    shown = sorted(
        ((o, d, value) for (o, d), value in links.items() if value > 0),
        key=lambda link: (order[link[0]], order[link[1]]),
    )
    return pd.DataFrame(
        {
            "source": pd.Series([o for o, _d, _v in shown], dtype=current["origin"].dtype),
            "target": pd.Series([d for _o, d, _v in shown], dtype=current["destination"].dtype),
            "value": pd.Series([v for _o, _d, v in shown], dtype=float),
        }
    )


def largest_destination(current: pd.DataFrame) -> str | None:
    """The destination with the most migrants in ``current`` (the default linked-map focus)."""
    if current.empty:
        return None
    stock = [0.0 if value != value else value for value in current["migrant_stock"].tolist()]
    totals = _totals(current["destination"].tolist(), stock)
    return str(max(totals, key=lambda code: totals[code]))  # the first of equal totals, by code


def largest_origin(current: pd.DataFrame, among: Collection[str]) -> str | None:
    """The origin of ``among`` with the most emigrants in ``current`` (the first of equal totals
    by code), or None when none of them is an origin there."""
    stock = [0.0 if value != value else value for value in current["migrant_stock"].tolist()]
    totals = _totals(current["origin"].tolist(), stock)
    mine = [code for code in totals if code in among]
    return str(max(mine, key=lambda code: totals[code])) if mine else None


def focus_values(frame: pd.DataFrame, focus: str, side: str) -> pd.Series:
    """For a destination: migrants by origin; for an origin: emigrants by destination."""
    mine, other = ("destination", "origin") if side == "destination" else ("origin", "destination")
    rows = frame.loc[frame[mine] == focus]
    return rows.set_index(other)["migrant_stock"].sort_values(ascending=False)


def diaspora(
    frame: pd.DataFrame, origins: Collection[str], celac: Collection[str], eu: Collection[str]
) -> pd.DataFrame:
    """Where each origin's emigrants live: ``origin, year, usa, eu, celac, rest, total``.

    ``frame`` holds every year of one sex. "celac" means other CELAC countries; "rest" is
    everything else (Canada, the United Kingdom, …). Shares are left to the figure.
    """
    rows = frame.loc[frame["origin"].isin(origins)]
    dest = rows["destination"]
    part = np.select(
        [dest.eq("USA").to_numpy(), dest.isin(eu).to_numpy(), dest.isin(celac).to_numpy()],
        ["usa", "eu", "celac"],
        default="rest",
    )
    table = (
        rows.assign(part=part)
        .pivot_table(index=["origin", "year"], columns="part", values="migrant_stock", aggfunc="sum")
        .reindex(columns=list(DIASPORA_PARTS))
        .fillna(0.0)
    )
    table["total"] = table[list(DIASPORA_PARTS)].sum(axis=1)
    return table.reset_index()


def remittances(frame: pd.DataFrame, senders: Codes, receivers: Codes, n: int = 10) -> pd.DataFrame:
    """The ``n`` largest remittance corridors (KNOMAD 2021, US$ millions) between two sets."""
    keep = np.ones(len(frame), dtype=bool)
    if senders is not None:
        keep &= frame["sender"].isin(senders).to_numpy()
    if receivers is not None:
        keep &= frame["receiver"].isin(receivers).to_numpy()
    rows = frame.loc[keep, ["sender", "receiver", "usd_millions"]]
    return rows.sort_values(["usd_millions", "sender", "receiver"], ascending=[False, True, True]).head(n)


def without_estimates(
    frame: pd.DataFrame, receivers: Codes, estimated: Collection[str] | None = None
) -> list[str]:
    """The chosen receivers the remittance matrix gives no estimate for at all (an empty column:
    KNOMAD 2021 has none for Venezuela, Cuba, the Bahamas or Barbados), in the order given
    (``estimated``: the frame's receivers, if already known)."""
    if receivers is None:
        return []
    estimated = set(frame["receiver"]) if estimated is None else estimated
    return sorted(code for code in receivers if code not in estimated)


def to_csv_rows(
    by_key: Mapping[tuple[int, str], pd.DataFrame],
    origins: Codes,
    destinations: Codes,
    year: int,
    sex: str,
) -> pd.DataFrame:
    """One row per origin, destination, year and sex: what the download holds."""
    rows = select(
        by_key.get((year, sex), pd.DataFrame(columns=["origin", "destination", "migrant_stock"])),
        origins,
        destinations,
    )
    out = rows[["origin", "destination", "migrant_stock"]].sort_values(
        ["migrant_stock", "origin", "destination"], ascending=[False, True, True]
    )
    return out.assign(year=year, sex=sex)[["origin", "destination", "year", "sex", "migrant_stock"]]
