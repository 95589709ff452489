"""Hand-curated reference facts: who belongs to which bloc and organisation.

Sources: CELAC and EU membership (33 and 27 states), UN M49 sub-regions
(unstats.un.org/unsd/methodology/m49), ISO 3166-1 alpha-2 codes, and the
current member lists of the sub-regional organisations as published on their
own sites (CARICOM full members, SICA member states, MERCOSUR States Parties
in force, Andean Community, Pacific Alliance, OECS full members). Memberships
are today's and are applied to every year; MERCOSUR excludes Venezuela,
suspended since 2016, and includes Bolivia, a State Party since 2024.
"""

from __future__ import annotations

from typing import Final

# iso3 -> (iso2, M49 sub-region)
CELAC: Final[dict[str, tuple[str, str]]] = {
    "ATG": ("AG", "caribbean"),
    "ARG": ("AR", "south_america"),
    "BHS": ("BS", "caribbean"),
    "BRB": ("BB", "caribbean"),
    "BLZ": ("BZ", "central_america"),
    "BOL": ("BO", "south_america"),
    "BRA": ("BR", "south_america"),
    "CHL": ("CL", "south_america"),
    "COL": ("CO", "south_america"),
    "CRI": ("CR", "central_america"),
    "CUB": ("CU", "caribbean"),
    "DMA": ("DM", "caribbean"),
    "DOM": ("DO", "caribbean"),
    "ECU": ("EC", "south_america"),
    "SLV": ("SV", "central_america"),
    "GRD": ("GD", "caribbean"),
    "GTM": ("GT", "central_america"),
    "GUY": ("GY", "south_america"),
    "HTI": ("HT", "caribbean"),
    "HND": ("HN", "central_america"),
    "JAM": ("JM", "caribbean"),
    "MEX": ("MX", "central_america"),
    "NIC": ("NI", "central_america"),
    "PAN": ("PA", "central_america"),
    "PRY": ("PY", "south_america"),
    "PER": ("PE", "south_america"),
    "KNA": ("KN", "caribbean"),
    "LCA": ("LC", "caribbean"),
    "VCT": ("VC", "caribbean"),
    "SUR": ("SR", "south_america"),
    "TTO": ("TT", "caribbean"),
    "URY": ("UY", "south_america"),
    "VEN": ("VE", "south_america"),
}

EU27: Final[dict[str, tuple[str, str]]] = {
    "AUT": ("AT", "western_europe"),
    "BEL": ("BE", "western_europe"),
    "BGR": ("BG", "eastern_europe"),
    "HRV": ("HR", "southern_europe"),
    "CYP": ("CY", "western_asia"),
    "CZE": ("CZ", "eastern_europe"),
    "DNK": ("DK", "northern_europe"),
    "EST": ("EE", "northern_europe"),
    "FIN": ("FI", "northern_europe"),
    "FRA": ("FR", "western_europe"),
    "DEU": ("DE", "western_europe"),
    "GRC": ("GR", "southern_europe"),
    "HUN": ("HU", "eastern_europe"),
    "IRL": ("IE", "northern_europe"),
    "ITA": ("IT", "southern_europe"),
    "LVA": ("LV", "northern_europe"),
    "LTU": ("LT", "northern_europe"),
    "LUX": ("LU", "western_europe"),
    "MLT": ("MT", "southern_europe"),
    "NLD": ("NL", "western_europe"),
    "POL": ("PL", "eastern_europe"),
    "PRT": ("PT", "southern_europe"),
    "ROU": ("RO", "eastern_europe"),
    "SVK": ("SK", "eastern_europe"),
    "SVN": ("SI", "southern_europe"),
    "ESP": ("ES", "southern_europe"),
    "SWE": ("SE", "northern_europe"),
}

# Main non-member destinations and origins of CELAC and EU migrants.
PARTNERS: Final[dict[str, tuple[str, str]]] = {
    "USA": ("US", "northern_america"),
    "CAN": ("CA", "northern_america"),
    "GBR": ("GB", "northern_europe"),
    "CHE": ("CH", "western_europe"),
    "NOR": ("NO", "northern_europe"),
    "AUS": ("AU", "australia_new_zealand"),
    "JPN": ("JP", "eastern_asia"),
}

ORGANISATIONS: Final[dict[str, tuple[str, ...]]] = {
    "caricom": (
        "ATG",
        "BHS",
        "BRB",
        "BLZ",
        "DMA",
        "GRD",
        "GUY",
        "HTI",
        "JAM",
        "KNA",
        "LCA",
        "VCT",
        "SUR",
        "TTO",
    ),
    "sica": ("BLZ", "CRI", "DOM", "SLV", "GTM", "HND", "NIC", "PAN"),
    "mercosur": ("ARG", "BOL", "BRA", "PRY", "URY"),
    "andean": ("BOL", "COL", "ECU", "PER"),
    "pacific_alliance": ("CHL", "COL", "MEX", "PER"),
    "oecs": ("ATG", "DMA", "GRD", "KNA", "LCA", "VCT"),
}

# Group code -> names (en, es, pt, fr). Sub-region names follow UN M49.
GROUP_NAMES: Final[dict[str, tuple[str, str, str, str]]] = {
    "CELAC": ("CELAC", "CELAC", "CELAC", "CELAC"),
    "EU27": ("European Union (27)", "Unión Europea (27)", "União Europeia (27)", "Union européenne (27)"),
    "caribbean": ("Caribbean", "Caribe", "Caribe", "Caraïbes"),
    "central_america": ("Central America", "Centroamérica", "América Central", "Amérique centrale"),
    "south_america": ("South America", "América del Sur", "América do Sul", "Amérique du Sud"),
    "northern_europe": ("Northern Europe", "Europa septentrional", "Europa Setentrional", "Europe du Nord"),
    "western_europe": ("Western Europe", "Europa occidental", "Europa Ocidental", "Europe de l'Ouest"),
    "southern_europe": ("Southern Europe", "Europa meridional", "Europa Meridional", "Europe du Sud"),
    "eastern_europe": ("Eastern Europe", "Europa oriental", "Europa Oriental", "Europe de l'Est"),
    "western_asia": ("Western Asia", "Asia occidental", "Ásia Ocidental", "Asie occidentale"),
    "caricom": ("CARICOM", "CARICOM", "CARICOM", "CARICOM"),
    "sica": ("SICA", "SICA", "SICA", "SICA"),
    "mercosur": ("MERCOSUR", "MERCOSUR", "MERCOSUL", "MERCOSUR"),
    "andean": ("Andean Community", "Comunidad Andina", "Comunidade Andina", "Communauté andine"),
    "pacific_alliance": (
        "Pacific Alliance",
        "Alianza del Pacífico",
        "Aliança do Pacífico",
        "Alliance du Pacifique",
    ),
    "oecs": ("OECS", "OECO", "OECO", "OECO"),
}

# Pseudo-codes used in corridor tables.
REST_OF_WORLD: Final = "ROW"
OTHER_ORIGIN: Final = "OTH"  # UN DESA code 2003, origins it does not break down
PSEUDO_NAMES: Final[dict[str, tuple[str, str, str, str]]] = {
    REST_OF_WORLD: ("Rest of the world", "Resto del mundo", "Resto do mundo", "Reste du monde"),
    OTHER_ORIGIN: (
        "Other (not broken down by UN DESA)",
        "Otros (sin desglose de UN DESA)",
        "Outros (sem discriminação da UN DESA)",
        "Autres (non ventilés par l'UN DESA)",
    ),
}

LANGUAGES: Final = ("en", "es", "pt", "fr")


def members() -> dict[str, tuple[str, str, str]]:
    """Every country of the project: iso3 -> (iso2, bloc, sub-region)."""
    out: dict[str, tuple[str, str, str]] = {}
    for bloc, table in (("CELAC", CELAC), ("EU27", EU27), ("partner", PARTNERS)):
        for iso3, (iso2, subregion) in table.items():
            out[iso3] = (iso2, bloc, subregion)
    return out


def groups() -> dict[str, tuple[str, ...]]:
    """Aggregate groups: code -> member iso3 codes (CELAC, EU27, sub-regions, organisations)."""
    out: dict[str, tuple[str, ...]] = {"CELAC": tuple(CELAC), "EU27": tuple(EU27)}
    for bloc in (CELAC, EU27):
        for iso3, (_, subregion) in bloc.items():
            out[subregion] = (*out.get(subregion, ()), iso3)
    out.update(ORGANISATIONS)
    return out


# KNOMAD spells a few countries differently from the WDI files used to code names.
KNOMAD_NAME_FIXES: Final[dict[str, str]] = {
    "Czech Republic": "CZE",
    "Faeroe Islands": "FRO",
    "Korea, Dem. Rep.": "PRK",
    "Turkey": "TUR",
    "Vietnam": "VNM",
}
