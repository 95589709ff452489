"""The corridor page's sets, made once per data version: each bloc's members, what a direction
means for the loaded countries, and the receivers the remittance matrix estimates."""

from __future__ import annotations

from dashboard import corridors, datasets


@datasets.derived(maxsize=None)
def bloc_members(bloc: str) -> frozenset[str]:
    """The ISO3 codes of ``CELAC`` or ``EU27``."""
    return corridors.bloc_codes(datasets.countries(), bloc)


@datasets.derived(maxsize=256)
def direction_sets(
    direction: str, origins: tuple[str, ...], destinations: tuple[str, ...]
) -> tuple[corridors.Codes, corridors.Codes]:
    """:func:`corridors.direction_sets` of the loaded countries (frozen sets, shared)."""
    return corridors.direction_sets(direction, datasets.countries(), origins, destinations)


@datasets.derived(maxsize=None)
def estimated_receivers() -> frozenset[str]:
    """Every receiver the remittance matrix gives an estimate for."""
    return frozenset(datasets.remittance_corridors()["receiver"])


@datasets.derived(maxsize=None)
def real_countries() -> frozenset[str]:
    """Every country code but the two pseudo-codes (rest of the world, other)."""
    return frozenset(datasets.countries()["iso3"]) - {"ROW", "OTH"}
