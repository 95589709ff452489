"""The dialogue page's "What the documents say vs. what the data say": each claim of the seeds
with Puentes' own value(s) for the same measure, and the words around them."""

from __future__ import annotations

from typing import Any

from dashboard import claims, datasets, dialogue, transforms
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
            ),
        )
        for row in rows
    ]


def place_names(codes: Any, locale: Locale) -> str:
    """Names of countries and groups, joined: "Mexico, European Union"."""
    table = datasets.groups()
    names = [
        str(table.loc[c].get(f"name_{locale.lang}") or table.loc[c, "name_en"])
        if c in table.index
        else transforms.country_names(datasets.countries(), [c], locale)[0]
        for c in codes
    ]
    return ", ".join(names)


def measure(row: dict[str, Any], locale: Locale) -> str:
    """What Puentes computes for the claim, in words."""
    _ = locale.gettext
    if row["compare_kind"] == "corridor":
        return _(
            "Emigrants born in {origin} living in {destination}, as a share of all emigrants born there"
        ).format(
            origin=place_names(row["compare_origin"], locale),
            destination=place_names(row["compare_destination"], locale),
        )
    spec = datasets.catalogue()[row["compare_indicator"]]
    what = f"{spec.text('label', locale)}, {place_names(row['compare_geography'], locale)}"
    method = row["compare_method"]
    if method == "annual_growth":
        return what + " — " + _("average growth a year (compound)")
    if method == "percent_change":
        return what + " — " + _("change between the two years")
    return what


def parts_text(value: claims.Value, locale: Locale) -> str:
    """The inputs of a computed value: "5,804,693 → 8,304,032 people" or "22,069,899 of 33,216,456"."""
    _ = locale.gettext
    if len(value.parts) != 2:
        return ""
    first, second = (claims.format_amount(p, value.parts_unit, locale) for p in value.parts)
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
