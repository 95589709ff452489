"""The countries table: codes, bloc, sub-region, memberships and names in four languages.

Names come from CLDR through Babel by ISO 3166 alpha-2 code; places without an
ISO 2 code (UN DESA areas such as the Channel Islands) keep UN DESA's English name
in every language, and the ``name_source`` column says which applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
from babel import Locale

from dashboard.errors import DataValidationError
from dashboard.etl import reference as ref

COLUMNS = [
    "iso3",
    "iso2",
    "m49",
    "bloc",
    "subregion",
    *ref.ORGANISATIONS,
    *(f"name_{lang}" for lang in ref.LANGUAGES),
    "name_source",
    "lon",
    "lat",
    "area_km2",
]


def cldr_names(iso2: str) -> dict[str, str] | None:
    """Country name per language from CLDR, or None when CLDR has no such territory."""
    names = {}
    for lang in ref.LANGUAGES:
        name = Locale(lang).territories.get(iso2)
        if name is None:
            return None
        names[lang] = name
    return names


def build(
    locations: pd.DataFrame,
    iso2_by_iso3: Mapping[str, str],
    others: Iterable[str],
    points: pd.DataFrame,
    fallback_names: Mapping[str, str],
) -> pd.DataFrame:
    """One row per member, partner and other country seen in the corridor tables.

    ``locations`` is UN DESA's ``locid, iso3, name`` (M49 codes); ``iso2_by_iso3`` codes
    non-members; ``points`` holds ``iso3, lon, lat, area_km2`` from the geometry step;
    ``fallback_names`` (World Bank English names) name places UN DESA does not list.
    """
    by_iso3 = locations.dropna(subset=["iso3"]).drop_duplicates("iso3").set_index("iso3")
    m49 = {str(k): int(v) for k, v in by_iso3["locid"].items()}
    english: dict[str, str] = dict(fallback_names)
    english.update({str(k): str(v) for k, v in by_iso3["name"].items()})
    rows = []
    members = ref.members()
    codes = sorted(set(members) | (set(others) - {ref.REST_OF_WORLD, ref.OTHER_ORIGIN}))
    for iso3 in codes:
        if iso3 in members and iso3 not in m49:
            raise DataValidationError("undesa_ims2024_locations.csv", f"no UN DESA location for {iso3}")
        if iso3 not in english:
            raise DataValidationError("countries", f"no name in any source for {iso3}")
        iso2, bloc, subregion = members.get(iso3, (iso2_by_iso3.get(iso3, ""), "other", ""))
        names = cldr_names(iso2) if iso2 else None
        source = "cldr" if names else ("undesa" if iso3 in m49 else "worldbank")
        if names is None:
            if iso3 in members:
                raise DataValidationError("CLDR", f"no name for member {iso3} ({iso2})")
            names = dict.fromkeys(ref.LANGUAGES, english[iso3])
        row = {
            "iso3": iso3,
            "iso2": iso2,
            "m49": m49.get(iso3, -1),
            "bloc": bloc,
            "subregion": subregion,
            "name_source": source,
        }
        row.update({org: iso3 in isos for org, isos in ref.ORGANISATIONS.items()})
        row.update({f"name_{lang}": names[lang] for lang in ref.LANGUAGES})
        rows.append(row)
    for code, names_t in ref.PSEUDO_NAMES.items():
        row = {
            "iso3": code,
            "iso2": "",
            "m49": -1,
            "bloc": "pseudo",
            "subregion": "",
            "name_source": "puentes",
        }
        row.update(dict.fromkeys(ref.ORGANISATIONS, False))
        row.update({f"name_{lang}": n for lang, n in zip(ref.LANGUAGES, names_t, strict=True)})
        rows.append(row)
    table = pd.DataFrame(rows).merge(points, on="iso3", how="left")
    return table[COLUMNS]


def groups_table() -> pd.DataFrame:
    """One row per aggregate group: code, kind, members (space separated), names."""
    rows = []
    for code, isos in ref.groups().items():
        kind = (
            "bloc"
            if code in ("CELAC", "EU27")
            else ("organisation" if code in ref.ORGANISATIONS else "subregion")
        )
        row = {"group": code, "kind": kind, "members": " ".join(sorted(isos)), "n_members": len(isos)}
        row.update({f"name_{lang}": n for lang, n in zip(ref.LANGUAGES, ref.GROUP_NAMES[code], strict=True)})
        rows.append(row)
    return pd.DataFrame(rows)
