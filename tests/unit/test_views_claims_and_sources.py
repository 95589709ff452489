"""The claims and sources views, checked against data/dialogue/claims.toml and data/catalogue.json."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from dashboard import claim_words, dialogue, paths
from dashboard import claims as dashboard_claims
from dashboard.dialogue_schema import SEED_FILES as SEEDS
from dashboard.locale import Locale
from dashboard.paths import ROOT
from dashboard.urls.shared import FilterState
from dashboard.views import claims, sources
from layouts import claims_panel


def test_every_seed_claim_is_checked_once_in_order() -> None:
    seeds = tomllib.loads((ROOT / "data" / "dialogue" / "claims.toml").read_text(encoding="utf-8"))
    assert [row["id"] for row, _check in claims.checks()] == [c["id"] for c in seeds["claim"]]


def test_claims_are_computed_once_per_data_folder() -> None:
    assert claims.checks() is claims.checks()
    assert claims.computed() is claims.checks()


def test_years_text_is_a_year_or_a_span() -> None:
    assert claims.years_text({"year_start": 2019, "year_end": 2019}) == "2019"
    assert claims.years_text({"year_start": 2010, "year_end": 2019}) == "2010–2019"


def walk(component: Any) -> Iterator[Any]:
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None:
            yield from walk(child)


def text_of(component: Any) -> str:
    return " ".join(c for c in walk(component) if isinstance(c, str))


def part(card: Any, class_name: str) -> Any:
    (found,) = [c for c in walk(card) if class_name in str(getattr(c, "className", "") or "").split()]
    return found


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr"])
def test_the_document_says_only_the_documents_words_and_puentes_reading_is_apart(lang: str) -> None:
    locale = Locale.of(lang)
    if not all((paths.seeds_dir() / name).exists() for name in SEEDS):
        pytest.skip(f"seed documents not present at {paths.seeds_dir()}")
    seeds = {name: normalise((paths.seeds_dir() / name).read_text(encoding="utf-8")) for name in SEEDS}
    for row, check in claims.checks():
        card = claims_panel.claim_card(row, check, FilterState(lang=lang), locale)
        words = part(card, "claim-document-words")
        quotes = [c for c in walk(words) if isinstance(c, str) and c.startswith("“")]
        assert quotes, row["id"]
        for quote, source in zip(quotes, [s for s in row["sources"] for _ in s["evidence"]], strict=True):
            assert normalise(quote.strip("“”")) in seeds[source["file"]], (row["id"], quote)
            assert source["file"] in text_of(words)
        summary = dialogue.text(row, locale, "summary")
        assert summary not in text_of(words)  # Puentes' wording is not the document's
        assert summary in text_of(part(card, "claim-reading"))
        assert claim_words.claim_text(row, locale) in text_of(part(card, "claim-document"))


def test_the_regions_name_and_missing_areas_come_from_the_data() -> None:
    en = Locale.of("en")
    assert claims.region_name("LAC", en) == (
        "Latin America and the Caribbean, UN DESA region: 33 states and 17 territories"
    )
    assert claims.region_name("LAC", Locale.of("es")).startswith("América Latina y el Caribe")
    # UN DESA has no figures for these two; their names are CLDR's, in the reader's language
    assert claims.missing_areas("LAC", 2015, en) == "St. Barthélemy, St. Martin"
    assert claims.missing_areas("LAC", 2015, Locale.of("es")) == "San Bartolomé, San Martín"
    value = dashboard_claims.Value(2015, 1.0, "persons", "s", where=("region:LAC",), coverage=(48, 50))
    assert claims.coverage_text(value, en) == "48 of 50 areas with figures"
    assert claims.where_text(dashboard_claims.Value(2015, 1.0, "persons", "s", where=("CELAC",)), en) == (
        "CELAC: 33 states"
    )


def test_the_venezuelan_claim_is_measured_like_with_like() -> None:
    row, check = next((r, c) for r, c in claims.checks() if r["id"].startswith("venezuelan_asylum"))
    assert check.comparable
    assert claims.measure(row, Locale.of("en")) == (
        "Asylum-seekers born in Venezuela, in Brazil, Peru (UNHCR, by origin and country of asylum)"
        " — change between the two years"
    )
    card = claims_panel.claim_card(row, check, FilterState(lang="en"), Locale.of("en"))
    shown = text_of(card)
    assert "+643.2 %" in shown and "Not comparable" not in shown and "Why not comparable" not in shown


def test_sources_follow_the_catalogue_in_the_readers_language() -> None:
    catalogue = json.loads((ROOT / "data" / "catalogue.json").read_text(encoding="utf-8"))["sources"]
    shown = sources.sources(Locale.of("es"))
    assert [s.key for s in shown] == list(catalogue)
    first = shown[0]
    assert first.name == catalogue[first.key]["name"]
    assert first.edition == catalogue[first.key]["edition"]["es"]
    assert first.licence == catalogue[first.key]["licence"]["es"]


def test_every_indicator_names_its_source_and_years() -> None:
    catalogue = json.loads((ROOT / "data" / "catalogue.json").read_text(encoding="utf-8"))
    entries = sources.indicators(Locale.of("en"))
    assert len(entries) == len(catalogue["indicators"])
    names = {s["name"] for s in catalogue["sources"].values()}
    assert all(e.source in names for e in entries)
