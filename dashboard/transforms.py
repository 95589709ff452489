"""DataFrame in, DataFrame out: the selections and rankings the pages show.

Helpers take their data as arguments (never load it themselves) and never mutate
what they are given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from dashboard.datasets import Indicator, MemberArrays
from dashboard.errors import UnknownIndicator
from dashboard.locale import Locale
from dashboard.readings import real_values

REGION_BLOCS = {"both": ("CELAC", "EU27"), "celac": ("CELAC",), "eu": ("EU27",)}
INDICATOR_GROUPS = ("stocks", "shares", "flows", "refugees", "remittances", "population")


def region_members(countries: pd.DataFrame, region: str) -> list[str]:
    """ISO3 codes of the members shown for a region switch value (both, celac, eu)."""
    blocs = REGION_BLOCS.get(region, REGION_BLOCS["both"])
    return sorted(countries.loc[countries["bloc"].isin(blocs), "iso3"])


def resolve_year(spec: Indicator, year: int | None) -> int:
    """The requested year if the indicator has it, else its latest year."""
    if year is not None and year in spec.years:
        return year
    return spec.years[-1]


def map_values(
    lookup: pd.DataFrame | None, countries: pd.DataFrame, spec: Indicator, year: int, locale: Locale
) -> pd.DataFrame:
    """One row per CELAC and EU member: value (NaN = no data), rank within its bloc, display text.

    ``lookup`` holds ``value, flag`` indexed by ISO3 for this indicator and year (None when
    nothing was published). Rank 1 is the largest value in the bloc (ties share the best
    rank); no data has no rank. The app itself uses :func:`member_values` (same frame, from
    pre-indexed arrays); this is the frame-in, frame-out form.
    """
    members = countries[countries["bloc"].isin(("CELAC", "EU27"))].reset_index(drop=True).sort_values("iso3")
    codes = members["iso3"].to_numpy()
    if lookup is None:
        values = np.full(len(codes), np.nan)
        flags = np.full(len(codes), "", dtype=object)
    else:
        found = lookup.reindex(codes)
        values = found["value"].to_numpy(dtype=float)
        flags = found["flag"].fillna("").to_numpy(dtype=object)
    columns = {c: members[c].to_numpy() for c in ("iso3", "bloc", "lon", "lat", "area_km2")}
    return _value_frame(columns, members[f"name_{locale.lang}"].to_numpy(), values, flags, spec.unit, locale)


def member_values(
    members: MemberArrays, indicator_id: str, unit: str, year: int, locale: Locale
) -> pd.DataFrame:
    """:func:`map_values` from the pre-indexed member arrays: runs on a map interaction whose
    (indicator, year, language) is not cached yet, so it does no lookups in frames."""
    found = members.values.get((indicator_id, year))
    if found is None:
        values = np.full(len(members.iso3), np.nan)
        flags = np.full(len(members.iso3), "", dtype=object)
    else:
        values, flags = found
    columns = {
        "iso3": members.iso3,
        "bloc": members.bloc,
        "lon": members.lon,
        "lat": members.lat,
        "area_km2": members.area_km2,
    }
    return _value_frame(columns, members.names[locale.lang], values, flags, unit, locale)


def _value_frame(
    columns: Mapping[str, np.ndarray],
    names: np.ndarray,
    values: np.ndarray,
    flags: np.ndarray,
    unit: str,
    locale: Locale,
) -> pd.DataFrame:
    """The map frame from member columns in ISO3 order and their aligned values: ranks in bloc.

    A flagged zero is no data here (:func:`dashboard.readings.real_values`): never coloured,
    ranked, counted or written as a value by anything drawn from this frame.
    """
    values = real_values(values, flags)
    blocs = np.asarray(columns["bloc"])
    same_bloc = blocs[:, None] == blocs[None, :]
    has = ~np.isnan(values)
    greater = (values[None, :] > values[:, None]) & same_bloc & has[None, :]
    rank = np.where(has, greater.sum(axis=1) + 1.0, np.nan)
    n_in_bloc = (same_bloc & has[None, :]).sum(axis=1)
    return pd.DataFrame(
        {
            "iso3": columns["iso3"],
            "bloc": blocs,
            "name": names,
            "lon": columns["lon"],
            "lat": columns["lat"],
            "area_km2": columns["area_km2"],
            "value": values,
            "flag": flags,
            "rank": rank,
            "n_in_bloc": n_in_bloc,
            "display": [locale.value(v, unit) for v in values.tolist()],
        }
    )


def indicator_options(catalogue: Mapping[str, Indicator], locale: Locale) -> list[dict[str, str]]:
    """Dropdown options in catalogue group order: ``{"label", "value", "group"}``."""
    order = {group: i for i, group in enumerate(INDICATOR_GROUPS)}
    specs = sorted(catalogue.values(), key=lambda s: order.get(s.group, len(order)))
    return [{"label": s.text("label", locale), "value": s.id, "group": s.group} for s in specs]


def indicator(catalogue: Mapping[str, Indicator], indicator_id: str) -> Indicator:
    """Catalogue entry by id, or :class:`UnknownIndicator`."""
    try:
        return catalogue[indicator_id]
    except KeyError:
        raise UnknownIndicator(indicator_id) from None


def country_names(countries: pd.DataFrame, codes: Iterable[str], locale: Locale) -> list[str]:
    """Names in ``locale`` for ISO3 or pseudo-codes, in the given order."""
    names = countries[f"name_{locale.lang}"]
    return [str(names.get(code, code)) for code in codes]


def years_by_indicator(catalogue: Mapping[str, Indicator]) -> dict[str, tuple[int, ...]]:
    """Indicator id -> the years it has data for (used to check URL years)."""
    return {spec.id: spec.years for spec in catalogue.values()}


def country_options(countries: pd.DataFrame, locale: Locale) -> list[dict[str, str]]:
    """The 60 members as dropdown options, sorted by name in the reader's language."""
    members = countries[countries["bloc"].isin(("CELAC", "EU27"))]
    options = [
        {"label": str(n), "value": str(c)}
        for c, n in zip(members["iso3"], members[f"name_{locale.lang}"], strict=True)
    ]
    return sorted(options, key=lambda o: o["label"])


def clicked_country(click_data: object) -> str | None:
    """ISO3 of the country a map click landed on (a shape's location or a marker's customdata)."""
    try:
        point = click_data["points"][0]  # type: ignore[index]
    except (TypeError, KeyError, IndexError):
        return None
    if not isinstance(point, dict):
        return None
    code = point.get("location")
    if code is None and isinstance(point.get("customdata"), list) and point["customdata"]:
        code = point["customdata"][-1]
    return code if isinstance(code, str) and len(code) == 3 and code.isalpha() else None


def toggle(selected: Iterable[str], code: str | None, limit: int) -> list[str]:
    """Add a country to the selection, or remove it if already there; oldest drops past ``limit``."""
    current = list(selected)
    if code is None:
        return current
    if code in current:
        return [c for c in current if c != code]
    return [*current, code][-limit:]
