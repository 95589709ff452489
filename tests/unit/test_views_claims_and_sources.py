"""The claims and sources views, checked against data/dialogue/claims.toml and data/catalogue.json."""

from __future__ import annotations

import json
import tomllib

from dashboard.locale import Locale
from dashboard.paths import ROOT
from dashboard.views import claims, sources


def test_every_seed_claim_is_checked_once_in_order() -> None:
    seeds = tomllib.loads((ROOT / "data" / "dialogue" / "claims.toml").read_text(encoding="utf-8"))
    assert [row["id"] for row, _check in claims.checks()] == [c["id"] for c in seeds["claim"]]


def test_claims_are_computed_once_per_data_folder() -> None:
    assert claims.checks() is claims.checks()
    assert claims.computed() is claims.checks()


def test_years_text_is_a_year_or_a_span() -> None:
    assert claims.years_text({"year_start": 2019, "year_end": 2019}) == "2019"
    assert claims.years_text({"year_start": 2010, "year_end": 2019}) == "2010–2019"


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
