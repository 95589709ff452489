"""The dialogue TOML files: schema and references on the real files, and the validator on bad inputs."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dashboard import datasets, dialogue, dialogue_schema
from dashboard.errors import DataValidationError
from dashboard.locale import Locale

FRAMES: dict[str, Callable[..., pd.DataFrame]] = {
    "theme": dialogue.themes,
    "group": dialogue.groups,
    "event": dialogue.events,
    "programme": dialogue.programmes,
    "component": dialogue.components,
    "result": dialogue.results,
    "claim": dialogue.claims,
}
TEXT_FIELDS = {table: spec[1] for table, spec in dialogue_schema.SPECS.items()}


@pytest.fixture(scope="module")
def countries(data_dir: Path) -> set[str]:
    return set(datasets.countries(data_dir)["iso3"])


@pytest.fixture(scope="module")
def group_codes(data_dir: Path) -> set[str]:
    return set(datasets.groups(data_dir)["group"]) | set(dialogue.groups(data_dir)["id"])


def test_the_committed_files_validate(data_dir: Path) -> None:
    docs = dialogue.documents(data_dir)
    assert set(docs) == {"themes.toml", "events.toml", "programmes.toml", "claims.toml"}


@pytest.mark.parametrize("table", sorted(FRAMES))
def test_ids_are_unique_and_tables_not_empty(table: str) -> None:
    frame = FRAMES[table]()
    assert len(frame) > 0
    assert frame["id"].is_unique, frame.loc[frame["id"].duplicated(), "id"].tolist()


@pytest.mark.parametrize("table", sorted(FRAMES))
def test_four_languages_present_and_non_empty(table: str) -> None:
    frame = FRAMES[table]()
    for field in TEXT_FIELDS[table]:
        for lang in dialogue_schema.LANGS:
            column = frame[f"{field}_{lang}"]
            assert column.str.strip().str.len().gt(0).all(), f"{table} {field}_{lang} has an empty text"


@pytest.mark.parametrize("table", sorted(set(FRAMES) - {"theme"}))
def test_every_item_cites_a_seed_file_with_evidence(table: str) -> None:
    for row in FRAMES[table]().itertuples():
        assert row.sources, row.id
        for source in row.sources:
            assert source["file"] in dialogue_schema.SEED_FILES, (row.id, source["file"])
            assert source["evidence"] and all(e.strip() for e in source["evidence"]), row.id


@pytest.mark.parametrize("table", sorted(set(FRAMES) - {"theme", "group"}))
def test_every_theme_used_exists(table: str) -> None:
    theme_ids = set(dialogue.themes()["id"])
    used = {theme for themes in FRAMES[table]()["themes"] for theme in themes}
    assert used <= theme_ids, used - theme_ids


@pytest.mark.parametrize("table", sorted(set(FRAMES) - {"theme", "group"}))
def test_every_country_and_group_code_is_known(
    table: str, countries: set[str], group_codes: set[str]
) -> None:
    frame = FRAMES[table]()
    used = {code for codes in frame["countries"] for code in codes}
    for column in ("country", "presidency"):
        used |= set(frame[column]) - {""} if column in frame else set()
    assert used <= countries, used - countries
    used_groups = {code for codes in frame["groups"] for code in codes}
    assert used_groups <= group_codes, used_groups - group_codes


def test_themes_have_distinct_hex_colours() -> None:
    colours = dialogue.themes()["colour"].str.upper()
    assert colours.is_unique
    assert colours.str.fullmatch(r"#[0-9A-F]{6}").all()


def test_events_are_sorted_and_dated() -> None:
    events = dialogue.events()
    assert events["date"].notna().all()
    assert events["date"].is_monotonic_increasing
    assert set(events["precision"]) <= set(dialogue_schema.DATE_FORMATS)
    ends = events.dropna(subset=["date_end"])
    assert (ends["date_end"] >= ends["date"]).all()


def test_references_between_tables_hold() -> None:
    programme_ids = set(dialogue.programmes()["id"])
    components = dialogue.components().set_index("id")
    assert set(components["programme"]) <= programme_ids
    assert set(dialogue.events()["programme"]) - {""} <= programme_ids
    for row in dialogue.results().itertuples():
        assert row.programme in programme_ids, row.id
        if row.component:
            assert components.loc[row.component, "programme"] == row.programme, row.id


def test_results_with_a_value_have_a_unit() -> None:
    results = dialogue.results()
    with_value = results[results["value"].notna()]
    assert (with_value["unit"] != "").all()
    assert (results.loc[results["value"].isna(), "unit"] == "").all()


def test_claim_notes_are_in_every_language() -> None:
    for claim in dialogue.claims().to_dict("records"):
        for field in ("definition_note", "reason"):
            texts = [dialogue.text(claim, Locale.of(lang), field) for lang in dialogue_schema.LANGS]
            assert all(texts) or not claim[field], (claim["id"], field)


def test_event_notes_are_in_every_language() -> None:
    """Event notes and their sources' notes are shown on the dialogue page, so each is in all four."""
    events = dialogue.events()
    noted = events[events["note"] != ""]
    assert len(noted) >= 20
    for row in noted.to_dict("records"):
        texts = {lang: dialogue.text(row, Locale.of(lang), "note") for lang in dialogue_schema.LANGS}
        assert all(texts.values()), row["id"]
        assert texts["fr"] != texts["en"] and texts["es"] != texts["en"], row["id"]
    source_notes = [s["note"] for row in events.itertuples() for s in row.sources if s["note"]["en"]]
    assert len(source_notes) >= 10
    for note in source_notes:
        assert set(note) == set(dialogue_schema.LANGS) and all(note.values()), note
        assert note["pt"] != note["en"], note


def test_shown_notes_allow_none_cities_one_name_and_other_tables_free(data_dir: Path) -> None:
    docs = copy.deepcopy(VALID)
    docs["events.toml"]["event"][0]["note"] = TEXT
    docs["programmes.toml"]["programme"][0]["note"] = "A curator's note, never shown."
    run_validator(docs, data_dir)
    docs["events.toml"]["event"][0]["city"] = {
        "en": "Brussels",
        "es": "Bruselas",
        "pt": "Bruxelas",
        "fr": "Bruxelles",
    }
    run_validator(docs, data_dir)
    row = dialogue._row("event", docs["events.toml"]["event"][0])
    assert row["note"] == "x" and row["note_pt"] == "x"
    assert row["city"] == "Brussels" and dialogue.text(row, Locale.of("fr"), "city") == "Bruxelles"
    lima = dialogue._row("event", {**docs["events.toml"]["event"][0], "city": "Lima"})
    assert [dialogue.text(lima, Locale.of(lang), "city") for lang in dialogue_schema.LANGS] == ["Lima"] * 4
    assert row["sources"][0]["note"] == {lang: "" for lang in dialogue_schema.LANGS}


def test_claims_map_to_known_measures(data_dir: Path, countries: set[str], group_codes: set[str]) -> None:
    indicators = set(datasets.catalogue(data_dir))
    for claim in dialogue.claims().itertuples():
        assert claim.unit in dialogue_schema.UNITS and claim.definition_note, claim.id
        if not claim.comparable:
            assert claim.reason.strip(), claim.id
        if claim.compare_kind == "indicator":
            assert claim.compare_indicator in indicators, claim.id
        elif claim.compare_kind == "corridor":
            assert claim.compare_table == "corridors" and claim.compare_origin and claim.compare_destination
        codes = {*claim.compare_geography, *claim.compare_origin, *claim.compare_destination}
        assert codes <= countries | group_codes, claim.id


def test_text_falls_back_to_english() -> None:
    row = dialogue.events().iloc[0]
    assert dialogue.text(row, Locale.of("fr")) == row["title_fr"]
    assert dialogue.text(row, Locale.of("de")) == row["title_en"]
    assert dialogue.text(row, Locale.of("es"), "summary") == row["summary_es"]
    assert dialogue.text({"en": "Lima", "es": ""}, Locale.of("es")) == "Lima"


# --- the validator on tiny bad inputs ---------------------------------------------------

TEXT = {"en": "x", "es": "x", "pt": "x", "fr": "x"}
SOURCE = {"file": dialogue_schema.SEED_FILES[1], "evidence": ["Brussels"], "note": ""}
VALID: dict[str, dict[str, list[dict[str, Any]]]] = {
    "themes.toml": {
        "theme": [{"id": "remittances", "colour": "#E69F00", "label": TEXT}],
        "group": [{"id": "lac", "label": TEXT, "sources": [SOURCE]}],
        "document": [{"id": "dialogue_page", "file": dialogue_schema.SEED_FILES[1], "title": TEXT}],
    },
    "programmes.toml": {
        "programme": [{"id": "demo", "name": "Demo", "title": TEXT, "summary": TEXT, "sources": [SOURCE]}],
        "component": [
            {
                "id": "data",
                "programme": "demo",
                "kind": "component",
                "title": TEXT,
                "summary": TEXT,
                "sources": [SOURCE],
            }
        ],
        "result": [
            {
                "id": "trained",
                "programme": "demo",
                "component": "data",
                "kind": "people_trained",
                "value": 350,
                "unit": "people",
                "groups": ["lac", "oecs"],
                "label": TEXT,
                "summary": TEXT,
                "sources": [SOURCE],
            }
        ],
    },
    "events.toml": {
        "event": [
            {
                "id": "hlm_1",
                "kind": "hlm",
                "date_start": "2009-09-25",
                "date_end": "2009-09-25",
                "precision": "day",
                "country": "BEL",
                "presidency": "SWE",
                "countries": [],
                "themes": ["remittances"],
                "programme": "demo",
                "title": TEXT,
                "summary": TEXT,
                "sources": [SOURCE],
            }
        ]
    },
    "claims.toml": {
        "claim": [
            {
                "id": "stock",
                "measure": "international_migrant_stock",
                "value": 9500000,
                "unit": "persons",
                "year_start": 2017,
                "year_end": 2017,
                "comparable": True,
                "definition_note": "x",
                "compare": {"kind": "indicator", "indicator": "migrant_stock", "geography": ["CELAC"]},
                "title": TEXT,
                "summary": TEXT,
                "sources": [SOURCE],
            }
        ]
    },
}


def run_validator(docs: dict[str, Any], data_dir: Path) -> None:
    dialogue_schema.validate(
        docs,
        countries=datasets.countries(data_dir)["iso3"],
        groups=datasets.groups(data_dir)["group"],
        indicators=datasets.catalogue(data_dir),
        folder=Path("dialogue"),
    )


def test_the_tiny_valid_input_passes(data_dir: Path) -> None:
    run_validator(copy.deepcopy(VALID), data_dir)


def test_an_event_may_flag_an_inferred_year_or_an_ongoing_action_and_date_each_source(data_dir: Path) -> None:
    docs = copy.deepcopy(VALID)
    docs["events.toml"]["event"][0].update(
        year_inferred=True,
        ongoing=True,
        sources=[{**SOURCE, "date_start": "2009-06", "date_end": "2009-06", "precision": "month"}],
    )
    run_validator(docs, data_dir)


def test_each_seed_file_has_one_document_title() -> None:
    files = list(dialogue.seed_documents()["file"])
    assert sorted(files) == sorted(dialogue_schema.SEED_FILES)
    assert all(dialogue.seed_documents()[f"title_{lang}"].str.strip().all() for lang in dialogue_schema.LANGS)


def first(docs: dict[str, Any], file: str, table: str) -> dict[str, Any]:
    return dict(docs[file][table][0])


BAD: list[tuple[str, str, Callable[[dict[str, Any]], None], str]] = [
    (
        "events.toml",
        "event",
        lambda e: e.update(themes=["weather"]),
        r"unknown themes code\(s\) \['weather'\]",
    ),
    ("events.toml", "event", lambda e: e.update(countries=["XXX"]), r"unknown countries code\(s\) \['XXX'\]"),
    ("events.toml", "event", lambda e: e.update(presidency="Swedish"), r"unknown presidency"),
    ("events.toml", "event", lambda e: e.update(date_start="2009-13-01"), r"not a calendar date"),
    ("events.toml", "event", lambda e: e.update(precision="month"), r"does not match precision 'month'"),
    ("events.toml", "event", lambda e: e.update(precision="week"), r"precision 'week' is not one of"),
    ("events.toml", "event", lambda e: e.update(date_end="2009-09-01"), r"bad date range"),
    ("events.toml", "event", lambda e: e.update(title={"en": "x", "es": "x", "fr": "x"}), r"title needs"),
    ("events.toml", "event", lambda e: e.update(summary={**TEXT, "pt": " "}), r"summary needs"),
    ("events.toml", "event", lambda e: e.update(sources=[]), r"at least one source"),
    ("events.toml", "event", lambda e: e.pop("sources"), r"missing field\(s\) \['sources'\]"),
    ("events.toml", "event", lambda e: e.update(sources=[{**SOURCE, "file": "notes.txt"}]), r"seed files"),
    ("events.toml", "event", lambda e: e.update(sources=[{**SOURCE, "evidence": []}]), r"evidence"),
    ("events.toml", "event", lambda e: e.update(programme="elsewhere"), r"unknown programme 'elsewhere'"),
    ("events.toml", "event", lambda e: e.update(tittle=TEXT), r"unknown field\(s\) \['tittle'\]"),
    ("events.toml", "event", lambda e: e.update(kind="party"), r"kind 'party'"),
    ("events.toml", "event", lambda e: e.update(id="HLM-1"), r"snake_case"),
    (
        "events.toml",
        "event",
        lambda e: e.update(sources=[{**SOURCE, "date_start": "2009-09"}]),
        r"does not match precision 'day'",
    ),
    ("programmes.toml", "result", lambda r: r.update(groups=["atlantis"]), r"unknown groups code\(s\)"),
    ("programmes.toml", "result", lambda r: r.update(component="remittances"), r"unknown component"),
    ("programmes.toml", "result", lambda r: r.update(programme="other"), r"unknown programme 'other'"),
    ("programmes.toml", "result", lambda r: r.update(unit=""), r"a value needs a unit"),
    ("programmes.toml", "result", lambda r: r.update(qualifier="maybe"), r"qualifier 'maybe'"),
    ("programmes.toml", "component", lambda c: c.update(programme="other"), r"unknown programme"),
    ("programmes.toml", "programme", lambda p: p.update(budget={"amount": 3, "money": "EUR"}), r"budget"),
    ("themes.toml", "theme", lambda t: t.update(colour="blue"), r"colour 'blue'"),
    ("themes.toml", "document", lambda d: d.update(file="notes.txt"), r"not one of the seed files"),
    ("themes.toml", "document", lambda d: d.update(title={"en": "x"}), r"title needs"),
    (
        "events.toml",
        "event",
        lambda e: e.update(sources=[{**SOURCE, "date_start": "2009", "precision": "month"}]),
        r"'2009' does not match precision 'month'",
    ),
    ("themes.toml", "theme", lambda t: t.update(id="Remittances"), r"snake_case"),
    (
        "claims.toml",
        "claim",
        lambda c: c.update(compare={**c["compare"], "indicator": "x"}),
        r"unknown indicator",
    ),
    ("claims.toml", "claim", lambda c: c.update(comparable=False), r"needs a reason"),
    ("claims.toml", "claim", lambda c: c.update(unit="people"), r"unit in"),
    ("claims.toml", "claim", lambda c: c.update(year_end=2000), r"year_start is after year_end"),
    ("claims.toml", "claim", lambda c: c.update(origin="ZZZ"), r"unknown origin"),
    ("claims.toml", "claim", lambda c: c.update(definition_note={"en": "x"}), r"definition_note needs"),
    (
        "claims.toml",
        "claim",
        lambda c: c.update(comparable=False, reason={"es": "x"}),
        r"reason needs non-empty",
    ),
    ("claims.toml", "claim", lambda c: c.update(reason=3), r"reason must be a string or a table"),
    (
        "events.toml",
        "event",
        lambda e: e.update(note={"en": "x", "es": "x", "fr": "x"}),
        r"note needs non-empty text in each of \['en', 'es', 'pt', 'fr'\]",
    ),
    ("events.toml", "event", lambda e: e.update(note="English only"), r"note needs non-empty text"),
    (
        "events.toml",
        "event",
        lambda e: e.update(city={"en": "Brussels", "fr": "Bruxelles"}),
        r"city needs non-empty text in each of .* \(or one name for every language\)",
    ),
    ("events.toml", "event", lambda e: e.update(city=["Brussels"]), r"city must be a string or a table"),
    ("events.toml", "event", lambda e: e.update(note={**TEXT, "fr": " "}), r"note needs non-empty text"),
    ("events.toml", "event", lambda e: e.update(note={**TEXT, "de": "x"}), r"unknown language\(s\) \['de'\]"),
    (
        "events.toml",
        "event",
        lambda e: e.update(sources=[{**SOURCE, "note": {"en": "x", "es": "x", "fr": "x"}}]),
        rf"source {dialogue_schema.SEED_FILES[1]} note needs non-empty text in each of",
    ),
    (
        "events.toml",
        "event",
        lambda e: e.update(sources=[{**SOURCE, "note": "English only"}]),
        rf"source {dialogue_schema.SEED_FILES[1]} note needs",
    ),
]


@pytest.mark.parametrize(("file", "table", "mutate", "message"), BAD, ids=[b[3][:40] for b in BAD])
def test_the_validator_names_file_and_item(
    file: str, table: str, mutate: Callable[[dict[str, Any]], None], message: str, data_dir: Path
) -> None:
    docs = copy.deepcopy(VALID)
    item = first(docs, file, table)
    mutate(item)
    docs[file][table][0] = item
    item_id = item.get("id")
    with pytest.raises(DataValidationError, match=rf"{file}: {table} '{item_id}': .*{message}"):
        run_validator(docs, data_dir)


def test_a_duplicate_id_is_named(data_dir: Path) -> None:
    docs = copy.deepcopy(VALID)
    docs["events.toml"]["event"].append(copy.deepcopy(docs["events.toml"]["event"][0]))
    with pytest.raises(DataValidationError, match=r"events\.toml: event 'hlm_1': duplicate id"):
        run_validator(docs, data_dir)


# --- the files on disk ------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path, data_dir: Path) -> Iterator[Path]:
    target = tmp_path / "data"
    target.mkdir()
    for name in ("countries.csv", "groups.csv", "catalogue.json"):
        shutil.copy(data_dir / name, target / name)
    shutil.copytree(data_dir / "dialogue", target / "dialogue")
    yield target
    datasets.clear_caches()


def test_a_copy_loads_like_the_original(data_copy: Path) -> None:
    assert len(dialogue.events(data_copy)) == len(dialogue.events())


def test_a_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "dialogue" / "claims.toml").unlink()
    with pytest.raises(DataValidationError, match=r"claims\.toml: file not found"):
        dialogue.claims(data_copy)


def test_invalid_toml_is_named(data_copy: Path) -> None:
    (data_copy / "dialogue" / "events.toml").write_text("[[event]\nid = ", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"events\.toml: invalid TOML"):
        dialogue.events(data_copy)


def test_a_bad_item_on_disk_is_named_with_its_file(data_copy: Path) -> None:
    path = data_copy / "dialogue" / "events.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('presidency = "SWE"', 'presidency = "SWD"'))
    with pytest.raises(DataValidationError, match=r"events\.toml: event 'hlm_1': unknown presidency"):
        dialogue.events(data_copy)
