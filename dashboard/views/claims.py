"""The dialogue page's "What the documents say vs. what the data say": each claim of the seeds
with Puentes' own value(s) for the same measure, and the words around them."""

from __future__ import annotations

from typing import Any

from dashboard import claim_words, claims, datasets, dialogue, transforms
from dashboard.locale import Locale

Checked = list[tuple[dict[str, Any], claims.Check]]


def checks() -> Checked:
    """Every claim with Puentes' values, computed from data/ once per loaded data folder."""
    return computed()


@datasets.derived(maxsize=2)  # keyed on the data version: new data, a new entry
def computed() -> Checked:
    rows = [{str(k): v for k, v in row.items()} for row in dialogue.claims().to_dict("records")]
    return [
        (
            row,
            claims.check(
                row,
                indicators=datasets.indicator_values(),
                aggregates=datasets.aggregates(),
                corridors=datasets.corridors(),
                groups=datasets.groups(),
                catalogue=datasets.catalogue(),
                protection=datasets.protection_corridors(),
                region_stock=datasets.region_stock(),
            ),
        )
        for row in rows
    ]


def place_names(codes: Any, locale: Locale) -> str:
    """Names of countries and groups, joined: "Mexico, European Union"."""
    groups, countries = _group_names(locale), _country_names(locale)
    return ", ".join(groups[c] if c in groups else countries.get(c, str(c)) for c in codes)


@datasets.derived(maxsize=8)
def _group_names(locale: Locale) -> dict[str, str]:
    table = datasets.groups()
    return {
        str(c): str(table.loc[c].get(f"name_{locale.lang}") or table.loc[c, "name_en"]) for c in table.index
    }


@datasets.derived(maxsize=8)
def _country_names(locale: Locale) -> dict[str, str]:
    codes = [str(c) for c in datasets.countries()["iso3"]]
    return dict(zip(codes, transforms.country_names(datasets.countries(), codes, locale), strict=True))


def measure(row: dict[str, Any], locale: Locale) -> str:
    """What Puentes computes for the claim, in words."""
    _ = locale.gettext
    if row["compare_kind"] == "protection":
        what = _("{measure} born in {origin}, in {asylum} (UNHCR, by origin and country of asylum)").format(
            measure=protection_measure(row["compare_measure"], locale),
            origin=place_names(row["compare_origin"], locale),
            asylum=place_names(row["compare_asylum"], locale),
        )
        return what + (
            " — " + _("change between the two years") if row["compare_method"] == "percent_change" else ""
        )
    if row["compare_kind"] == "corridor":
        return _(
            "Emigrants born in {origin} living in {destination}, as a share of all emigrants born there"
        ).format(
            origin=place_names(row["compare_origin"], locale),
            destination=place_names(row["compare_destination"], locale),
        )
    spec = datasets.catalogue()[row["compare_indicator"]]
    what = spec.text("label", locale)
    if not row.get("compare_region"):  # else each group of values names its geography
        what += f", {place_names(row['compare_geography'], locale)}"
    method = row["compare_method"]
    if method == "annual_growth":
        return what + " — " + _("average growth a year (compound)")
    if method == "percent_change":
        return what + " — " + _("change between the two years")
    return what


def protection_measure(measure: str, locale: Locale) -> str:
    """A UNHCR column in words: "Asylum-seekers"."""
    _ = locale.gettext
    return {
        "asylum_seekers": _("Asylum-seekers"),
        "refugees": _("Refugees"),
        "oip": _("Other people in need of international protection"),
    }[measure]


def region_name(region: str, locale: Locale) -> str:
    """A UN region with what it counts: "Latin America and the Caribbean, UN DESA region: 33 states
    and 17 territories", the counts read from the data."""
    _ = locale.gettext
    states, areas = region_counts(region)
    territories = areas - states
    return _("Latin America and the Caribbean, UN DESA region: {states} and {territories}").format(
        states=locale.ngettext("{count} state", "{count} states", states).format(count=locale.number(states)),
        territories=locale.ngettext("{count} territory", "{count} territories", territories).format(
            count=locale.number(territories)
        ),
    )


@datasets.derived(maxsize=None)
def region_counts(region: str) -> tuple[int, int]:
    """(CELAC states, all areas) of a UN region, read from the data once."""
    areas = datasets.region_stock()
    codes = areas.loc[areas["region"] == region, ["m49", "iso3"]].drop_duplicates()
    celac = str(datasets.groups().loc["CELAC", "members"]).split()
    return int(codes["iso3"].isin(celac).sum()), len(codes)


def where_text(value: claims.Value, locale: Locale) -> str:
    """What a value covers when a card shows several: a UN region, a group, or countries."""
    if not value.where:
        return ""
    if value.where[0].startswith("region:"):
        return region_name(value.where[0].removeprefix("region:"), locale)
    table = datasets.groups()
    if len(value.where) == 1 and value.where[0] in table.index:
        count = int(str(table.loc[value.where[0], "n_members"]))
        return locale.ngettext("{group}: {count} state", "{group}: {count} states", count).format(
            group=place_names(value.where, locale), count=locale.number(count)
        )
    return place_names(value.where, locale)


def coverage_text(value: claims.Value, locale: Locale) -> str:
    """ "48 of 50 areas with figures" for a region value; "" when every area has one."""
    if value.coverage is None or value.coverage[0] == value.coverage[1]:
        return ""
    known, total = value.coverage
    return locale.ngettext(
        "{known} of {total} area with figures", "{known} of {total} areas with figures", total
    ).format(known=locale.number(known), total=locale.number(total))


@datasets.derived(maxsize=64)
def missing_areas(region: str, year: int, locale: Locale) -> str:
    """Names of a region's areas without a figure for ``year``: "Saint-Barthélemy, Saint-Martin"."""
    areas = datasets.region_stock()
    rows = areas[(areas["region"] == region) & (areas["year"] == year) & areas["migrant_stock"].isna()]
    return ", ".join(str(name) for name in rows[f"name_{locale.lang}"])


def context_place(row: dict[str, Any], locale: Locale) -> str:
    """Where a claim's context stock lives: its geography, or a corridor claim's origins."""
    return place_names(row.get("compare_geography") or row.get("compare_origin") or (), locale)


def parts_text(value: claims.Value, locale: Locale) -> str:
    """The inputs of a computed value: "5,804,693 → 8,304,032 people" or "22,069,899 of 33,216,456"."""
    _ = locale.gettext
    if len(value.parts) != 2:
        return ""
    first, second = (claim_words.format_amount(p, value.parts_unit, locale) for p in value.parts)
    if value.base is None:
        return _("{part} of {whole}").format(part=first, whole=second)
    return f"{value.base}: {first} → {value.year}: {second}"


def source_text(key: str, locale: Locale) -> str:
    """A source and its edition: "Source: World Bank WDI · edition …"."""
    _ = locale.gettext
    src = datasets.sources()[key]
    return f"{_('Source')}: {src['name']} · {_('edition')} {datasets.source_field(src, 'edition', locale)}"


def years_text(row: dict[str, Any]) -> str:
    """The claim's year or span: "2019" or "2010–2019"."""
    if row["year_start"] == row["year_end"]:
        return str(row["year_start"])
    return f"{row['year_start']}–{row['year_end']}"
