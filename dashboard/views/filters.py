"""What the pages' filters offer, from the data: indicators by group, countries by name, the
corridor codes and years (layouts draw the dropdowns and sliders)."""

from __future__ import annotations

from typing import Any

from dashboard import datasets, transforms
from dashboard.locale import Locale
from dashboard.views.corridors import names


def _copies(options: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """Fresh option dicts from the ones made once (a caller may change its own)."""
    return [dict(option) for option in options]


def indicator_options(locale: Locale) -> list[dict[str, Any]]:
    """Every indicator (label, value, group), in the catalogue's groups."""
    return _copies(_indicator_options(locale))


@datasets.derived(maxsize=8)
def _indicator_options(locale: Locale) -> tuple[dict[str, Any], ...]:
    return tuple(transforms.indicator_options(datasets.catalogue(), locale))


def country_options(locale: Locale) -> list[dict[str, str]]:
    """The 60 members by name in ``locale``."""
    return _copies(_country_options(locale))


@datasets.derived(maxsize=8)
def _country_options(locale: Locale) -> tuple[dict[str, str], ...]:
    return tuple(transforms.country_options(datasets.countries(), locale))


def group_options(locale: Locale) -> list[dict[str, str]]:
    """The aggregate groups a profile can compare: blocs, then sub-regions, then organisations."""
    return _copies(_group_options(locale))


@datasets.derived(maxsize=8)
def _group_options(locale: Locale) -> tuple[dict[str, str], ...]:
    table = datasets.groups()
    order = {"bloc": 0, "subregion": 1, "organisation": 2}
    rows = sorted(
        zip(table["group"], table["kind"], table[f"name_{locale.lang}"], strict=True),
        key=lambda row: (order.get(str(row[1]), len(order)), str(row[2])),
    )
    return tuple({"label": str(name), "value": str(code)} for code, _kind, name in rows)


def country_names(codes: list[str], locale: Locale) -> list[str]:
    """Names of ISO3 codes in ``locale``."""
    return transforms.country_names(datasets.countries(), codes, locale)


def corridor_codes(locale: Locale) -> list[dict[str, str]]:
    """Every country of the corridor table, by name; the two pseudo-codes last."""
    return _copies(_corridor_codes(locale))


@datasets.derived(maxsize=8)
def _corridor_codes(locale: Locale) -> tuple[dict[str, str], ...]:
    table = datasets.countries()
    lookup = names(locale)
    real = sorted((c for c in table["iso3"] if c not in ("ROW", "OTH")), key=lambda c: lookup[c])
    return tuple({"label": f"{lookup[c]} ({c})", "value": c} for c in [*real, "ROW", "OTH"])


def corridor_years() -> tuple[int, ...]:
    """The years of the corridor table."""
    return datasets.corridor_years()
