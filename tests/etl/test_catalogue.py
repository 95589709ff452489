"""The indicator catalogue needs every reader-facing text in English, Spanish, Portuguese and French."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.errors import DataValidationError
from dashboard.etl import catalogue as cat
from dashboard.i18n import LANGUAGES

SOURCE = """
[sources.s]
name = "A dataset"
publisher = "An office"
edition = { en = "release of 2024", es = "versión de 2024", pt = "versão de 2024", fr = "version de 2024" }
licence = "CC BY 4.0"
citation = "An office (2024). A dataset."
url = "https://example.org/"
raw = "a.csv"
"""


def texts(word: str, skip: str = "") -> str:
    return "".join(f'{lang} = "{word} ({lang})"\n' for lang in LANGUAGES if lang != skip)


def indicator(
    ident: str = "stock", *, computed: bool = False, method: str = "", skip: tuple[str, str] = ("", "")
) -> str:
    """One ``[[indicator]]`` entry; ``skip=(field, lang)`` leaves that language out of that field."""
    body = f"""
[[indicator]]
id = "{ident}"
group = "stocks"
unit = "persons"
source = "s"
computed = {str(computed).lower()}
aggregate = "sum"
coverage = "complete"
colour = "sequential"
"""
    if not method:
        body += 'method = ""\n'
    for field in ("label", "definition", *(["method"] if method else [])):
        body += f"\n[indicator.{field}]\n" + texts(
            method if field == "method" else field, skip[1] if skip[0] == field else ""
        )
    return body


def load(tmp_path: Path, *indicators: str, source: str = SOURCE) -> dict[str, Any]:
    path = tmp_path / "catalogue.toml"
    path.write_text(source + "".join(indicators), encoding="utf-8")
    return cat.load(path)


def test_a_complete_catalogue_loads_with_every_text_in_every_language(tmp_path: Path) -> None:
    out = load(tmp_path, indicator(), indicator("share", computed=True, method="how"))
    stock, share = out["indicators"]
    assert stock["definition"] == {lang: f"definition ({lang})" for lang in LANGUAGES}
    assert stock["method"] == dict.fromkeys(LANGUAGES, "")  # no method: empty in each language
    assert share["method"]["fr"] == "how (fr)"


@pytest.mark.parametrize("field", ["label", "definition", "method"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_language_fails_naming_the_indicator_and_field(
    tmp_path: Path, field: str, lang: str
) -> None:
    broken = indicator("emigrant_share", computed=True, method="how", skip=(field, lang))
    with pytest.raises(DataValidationError, match=rf"emigrant_share: {field} has no text in {lang} "):
        load(tmp_path, indicator(), broken)


def test_blank_text_counts_as_missing(tmp_path: Path) -> None:
    blank = indicator().replace('pt = "definition (pt)"', 'pt = "  "')
    with pytest.raises(DataValidationError, match=r"stock: definition has no text in pt"):
        load(tmp_path, blank)


def test_every_missing_language_is_listed_at_once(tmp_path: Path) -> None:
    only_two = indicator().replace('pt = "label (pt)"\nfr = "label (fr)"\n', "")
    with pytest.raises(DataValidationError, match=r"stock: label has no text in pt, fr"):
        load(tmp_path, only_two)


def test_a_text_given_as_a_single_string_fails(tmp_path: Path) -> None:
    english_only = indicator("share", computed=True).replace(
        'method = ""', 'method = "numerator / denominator"'
    )
    with pytest.raises(DataValidationError, match=r"share: method must be a table of texts by language"):
        load(tmp_path, english_only)


def test_a_computed_indicator_needs_a_method(tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match=r"share: method is empty but the indicator is computed"):
        load(tmp_path, indicator("share", computed=True))


def test_an_unknown_language_code_fails(tmp_path: Path) -> None:
    typo = indicator().replace('pt = "label (pt)"', 'pt = "label (pt)"\npt_BR = "rótulo"')
    with pytest.raises(DataValidationError, match=r"stock: label has unknown language\(s\) \['pt_BR'\]"):
        load(tmp_path, typo)


def test_the_shipped_catalogue_has_every_text_in_every_language() -> None:
    for spec in cat.load()["indicators"]:
        for field in cat.TEXT_FIELDS:
            if field == "method" and not spec["computed"] and not spec["method"]["en"]:
                continue
            assert all(spec[field][lang].strip() for lang in LANGUAGES), (spec["id"], field)
            # English copied into two other languages would leave at most two distinct texts
            distinct = {spec[field][lang] for lang in LANGUAGES}
            assert len(distinct) > 2, (spec["id"], field, "untranslated?")


def test_the_app_refuses_a_processed_catalogue_missing_a_language(tmp_path: Path) -> None:
    no_years = pd.DataFrame(
        {"indicator": pd.Series(dtype=str), "year": pd.Series(dtype=int), "value": pd.Series(dtype=float)}
    )
    processed = cat.with_coverage(load(tmp_path, indicator()), no_years)
    del processed["indicators"][0]["definition"]["fr"]
    (tmp_path / "catalogue.json").write_text(json.dumps(processed), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"indicator 'stock': definition has no text in \['fr'\]"):
        datasets.catalogue(tmp_path)


# --- a source's edition and licence: what every source line shows, in the reader's language ---


def test_edition_and_licence_are_written_as_a_text_per_language(tmp_path: Path) -> None:
    source = load(tmp_path, indicator())["sources"]["s"]
    assert source["edition"] == {
        "en": "release of 2024",
        "es": "versión de 2024",
        "pt": "versão de 2024",
        "fr": "version de 2024",
    }
    assert source["licence"] == dict.fromkeys(LANGUAGES, "CC BY 4.0")  # a licence code, in each language
    public = SOURCE.replace(
        'licence = "CC BY 4.0"',
        'licence = { en = "Public domain", es = "Dominio público",'
        ' pt = "Domínio público", fr = "Domaine public" }',
    )
    assert load(tmp_path, indicator(), source=public)["sources"]["s"]["licence"]["pt"] == "Domínio público"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_edition_missing_a_language_fails_naming_the_source_and_field(tmp_path: Path, lang: str) -> None:
    broken = _without(SOURCE, "edition", lang)
    with pytest.raises(DataValidationError, match=rf"source s: edition has no text in {lang} "):
        load(tmp_path, indicator(), source=broken)


def _without(source: str, field: str, lang: str) -> str:
    """``source`` with ``lang`` left out of the inline table of ``field``."""
    line = next(line for line in source.splitlines() if line.startswith(f"{field} = {{"))
    parts = [p for p in line[len(field) + 5 : -2].split(", ") if not p.startswith(f"{lang} =")]
    return source.replace(line, f"{field} = {{ {', '.join(parts)} }}")


def test_an_english_only_edition_or_a_partial_licence_fails(tmp_path: Path) -> None:
    english = SOURCE.replace(
        next(x for x in SOURCE.splitlines() if x.startswith("edition")), 'edition = "2024"'
    )
    with pytest.raises(DataValidationError, match=r"source s: edition must be a table of texts by language"):
        load(tmp_path, indicator(), source=english)
    partial = SOURCE.replace(
        'licence = "CC BY 4.0"', 'licence = { en = "Public domain", fr = "Domaine public" }'
    )
    with pytest.raises(DataValidationError, match=r"source s: licence has no text in es, pt "):
        load(tmp_path, indicator(), source=partial)


def test_the_shipped_sources_have_edition_and_licence_in_every_language() -> None:
    sources = cat.load()["sources"]
    for key, source in sources.items():
        for field in cat.SOURCE_TEXTS:
            assert set(source[field]) == set(LANGUAGES), (key, field)
            assert all(source[field][lang].strip() for lang in LANGUAGES), (key, field)
    assert sources["wdi_netm"]["edition"]["fr"].startswith("WDI du 2024-02-21")
    assert sources["natural_earth"]["licence"]["es"] == "Dominio público"


def test_the_app_refuses_a_processed_source_missing_a_language(tmp_path: Path) -> None:
    no_years = pd.DataFrame(
        {"indicator": pd.Series(dtype=str), "year": pd.Series(dtype=int), "value": pd.Series(dtype=float)}
    )
    processed = cat.with_coverage(load(tmp_path, indicator()), no_years)
    del processed["sources"]["s"]["edition"]["pt"]
    (tmp_path / "catalogue.json").write_text(json.dumps(processed), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"source 's': edition has no text in \['pt'\]"):
        datasets.sources(tmp_path)
    processed["sources"]["s"]["edition"] = "2024"
    (tmp_path / "catalogue.json").write_text(json.dumps(processed), encoding="utf-8")
    datasets.sources.cache_clear()
    with pytest.raises(DataValidationError, match=r"source 's': edition is not a table of languages"):
        datasets.sources(tmp_path)


# --- issue 13: what a source does not cover, and where a ratio's denominator comes from ---

RATIO = """
[[indicator]]
id = "share"
group = "shares"
unit = "percent"
source = "s"
computed = true
aggregate = "ratio"
numerator = "stock"
denominator = "stock"
scale = 100
coverage = "complete"
colour = "sequential"
"""


def ratio_indicator(extra: str = "") -> str:
    body = RATIO + extra
    for field in ("label", "definition", "method"):
        body += f"\n[indicator.{field}]\n" + texts(field)
    return body


def test_a_ratio_needs_the_source_of_its_denominator(tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match=r"share: denominator_source None is not a source"):
        load(tmp_path, indicator(), ratio_indicator())
    with pytest.raises(DataValidationError, match=r"share: denominator_source 'pop' is not a source"):
        load(tmp_path, indicator(), ratio_indicator('denominator_source = "pop"\n'))
    assert load(tmp_path, indicator(), ratio_indicator('denominator_source = "s"\n'))


def test_a_note_said_in_some_languages_only_fails(tmp_path: Path) -> None:
    gaps = "\n[indicator.gaps]\n" + texts("gaps", skip="fr")
    with pytest.raises(DataValidationError, match=r"stock: gaps has no text in fr"):
        load(tmp_path, indicator() + gaps)


def test_the_app_reads_the_notes_and_says_nothing_when_there_is_none(tmp_path: Path) -> None:
    from dashboard.locale import Locale

    notes = "\n[indicator.gaps]\n" + texts("gaps")
    out = load(tmp_path, indicator() + notes, ratio_indicator('denominator_source = "s"\n'))
    rows = pd.DataFrame({"indicator": ["stock"], "year": [2020], "value": [float("nan")]})
    processed = cat.with_coverage(out, rows)
    assert processed["indicators"][0]["years"] == []  # a year with no real value is not covered
    (tmp_path / "catalogue.json").write_text(json.dumps(processed), encoding="utf-8")
    stock, share = datasets.catalogue(tmp_path).values()
    assert stock.note("gaps", Locale("pt")) == "gaps (pt)"
    assert stock.note("editions_note", Locale("fr")) == "" and stock.denominator_source == ""
    assert share.denominator_source == "s" and share.note("gaps", Locale("es")) == ""


def test_the_app_refuses_a_note_missing_a_language_or_an_unknown_denominator(tmp_path: Path) -> None:
    no_years = pd.DataFrame({"indicator": [], "year": [], "value": []})
    processed = cat.with_coverage(
        load(tmp_path, indicator(), ratio_indicator('denominator_source = "s"\n')), no_years
    )
    processed["indicators"][0]["gaps"] = {"en": "a gap"}
    (tmp_path / "catalogue.json").write_text(json.dumps(processed), encoding="utf-8")
    with pytest.raises(
        DataValidationError, match=r"indicator 'stock': gaps has no text in \['es', 'pt', 'fr'\]"
    ):
        datasets.catalogue(tmp_path)
    processed["indicators"][0]["gaps"] = {}
    processed["indicators"][1]["denominator_source"] = "nowhere"
    (tmp_path / "catalogue.json").write_text(json.dumps(processed), encoding="utf-8")
    datasets.catalogue.cache_clear()
    with pytest.raises(DataValidationError, match=r"unknown denominator_source 'nowhere'"):
        datasets.catalogue(tmp_path)


def test_the_shipped_ratios_name_their_denominators_source_and_say_when_editions_differ() -> None:
    shipped = cat.load()
    for spec in shipped["indicators"]:
        if spec["aggregate"] != "ratio":
            assert not spec.get("denominator_source"), spec["id"]
            continue
        assert spec["denominator_source"] in shipped["sources"], spec["id"]
        same_edition = spec["denominator_source"] == spec["source"]
        note = spec.get("editions_note") or {}
        assert bool(note) != same_edition, (spec["id"], "an editions note exactly when editions differ")
    by_id = {spec["id"]: spec for spec in shipped["indicators"]}
    assert by_id["female_migrant_share"]["denominator_source"] == "undesa_ims2024"  # both IMS 2024
    assert by_id["net_migration_rate"]["denominator_source"] == "wdi_population"
    assert "2024-02-21" in by_id["net_migration_rate"]["editions_note"]["en"]
    assert by_id["remittances_gdp"]["denominator_source"] == "wdi_gdp"
    for key in ("wdi_population", "wdi_gdp"):
        assert shipped["sources"][key]["licence"] == dict.fromkeys(LANGUAGES, "CC BY 4.0")


def test_the_shipped_notes_are_translated() -> None:
    for spec in cat.load()["indicators"]:
        for field in cat.NOTE_FIELDS:
            values = spec.get(field)
            if not values:
                continue
            assert set(values) == set(LANGUAGES) and all(values[lang].strip() for lang in LANGUAGES)
            assert len(set(values.values())) == len(LANGUAGES), (spec["id"], field, "untranslated?")
