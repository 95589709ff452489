"""data/dialogue/ against the five source documents in ../shared/seeds.

Every evidence string must appear in the file it cites, the key facts of each item (dates,
places, presidencies, figures) must appear in its cited files, the events and results the
issue lists must be present with the seeds' values, and our texts must not copy the seeds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from dashboard import dialogue, dialogue_schema, paths

pytestmark = pytest.mark.seeds

# Items whose year is ours, not a literal of the cited file (each is explained in its `note`).
DERIVED_DATES = {
    "hlm_7": "001 gives '28 November' without a year; 2012 inferred from the Cypriot presidency",
    "eurosocial_seminar_madrid": "24/02/2020 minus 'eleven months'",
}
PRESIDENCY_WORDS = {
    "SWE": "Swedish",
    "ESP": "Spanish",
    "BEL": "Belgian",
    "HUN": "Hungarian",
    "DNK": "Danish",
    "CYP": "Cypriot",
    "LTU": "Lithuanian",
}
NUMBER_WORDS = {5: "five", 6: "six", 7: "seven", 11: "eleven", 14: "fourteen", 30: "thirty"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    """The five seed files, whitespace-normalised and case-folded; skipped when absent."""
    folder = paths.seeds_dir()
    if not all((folder / name).exists() for name in dialogue_schema.SEED_FILES):
        pytest.skip(f"seed documents not present at {folder} (set PUENTES_SEEDS_DIR)")
    return {
        name: normalise((folder / name).read_text(encoding="utf-8")) for name in dialogue_schema.SEED_FILES
    }


def items() -> Iterator[tuple[str, dict[str, Any]]]:
    docs = dialogue.documents()
    for table, (file, *_) in dialogue_schema.SPECS.items():
        for item in docs[file].get(table, []):
            yield table, item


def cited_text(item: dict[str, Any], seeds: dict[str, str]) -> str:
    return " ".join(seeds[source["file"]] for source in item.get("sources", []))


def test_the_seed_folder_holds_the_five_cited_files() -> None:
    folder = paths.seeds_dir()
    if not folder.exists():
        pytest.skip(f"seed documents not present at {folder}")
    assert sorted(p.name for p in folder.glob("*.txt")) == sorted(dialogue_schema.SEED_FILES)


def test_every_evidence_string_is_in_its_cited_file(seeds: dict[str, str]) -> None:
    missing = [
        f"{table} {item['id']}: {source['file']}: {evidence!r}"
        for table, item in items()
        for source in item.get("sources", [])
        for evidence in source["evidence"]
        if normalise(evidence) not in seeds[source["file"]]
    ]
    assert missing == []


def spellings(value: float) -> set[str]:
    """Ways a seed may write a figure: 350, 2.2, eleven, 9.5 million."""
    out = {f"{value:g}"}
    if value in NUMBER_WORDS:
        out.add(NUMBER_WORDS[int(value)])
    if value >= 1_000_000:
        out.add(f"{value / 1_000_000:g} million")
    return out


def date_facts(item: dict[str, Any]) -> Iterator[set[str]]:
    """Year, month and day of the start and end dates, as a seed may write them (June, /06/)."""
    for value in filter(None, (item.get("date_start", ""), item.get("date_end", ""))):
        parts = str(value).split("-")
        yield {parts[0]}
        if len(parts) > 1:
            yield {MONTHS[int(parts[1]) - 1], f"/{parts[1]}/"}
        if len(parts) > 2:
            yield {str(int(parts[2])), parts[2]}


def test_key_facts_appear_in_the_cited_files(seeds: dict[str, str]) -> None:
    problems = []
    for table, item in items():
        if table == "theme":
            continue
        text = cited_text(item, seeds)
        facts: list[str | set[str]] = []
        if not item.get("approximate") and item["id"] not in DERIVED_DATES:
            facts += list(date_facts(item))
        facts += [str(item[key]) for key in ("year_start", "year_end") if item.get(key)]
        if city := item.get("city"):  # a place name: the seed's (English) form
            facts.append(city["en"] if isinstance(city, dict) else city)
        if item.get("presidency"):
            facts.append(PRESIDENCY_WORDS[item["presidency"]])
        if "value" in item:
            facts.append(spellings(item["value"]))
        if item.get("budget", {}).get("amount"):
            facts.append(spellings(item["budget"]["amount"]))
        for fact in facts:
            options = {fact} if isinstance(fact, str) else fact
            if not any(normalise(option) in text for option in options):
                problems.append(
                    f"{table} {item['id']}: {sorted(options)} not in {item['sources'][0]['file']}"
                )
    assert problems == [], "\n".join(problems)


def test_derived_dates_explain_themselves() -> None:
    events = dialogue.events().set_index("id")
    for event_id in DERIVED_DATES:
        assert events.loc[event_id, "note"], event_id
    assert all(row.note for row in events.itertuples() if row.approximate)


# --- required coverage (issue 5) ----------------------------------------------------------


def event(event_id: str) -> pd.Series:
    return dialogue.events().set_index("id").loc[event_id]


HLMS = [
    ("hlm_1", "2009-09-25", "2009-09-25", "Brussels", "SWE"),
    ("hlm_2", "2010-02-17", "2010-02-18", "Madrid", "ESP"),
    ("hlm_3", "2010-03-15", "2010-03-16", "Madrid", "ESP"),
    ("hlm_4", "2010-12-17", "2010-12-17", "", "BEL"),
    ("hlm_5", "2011-05-24", "2011-05-25", "Brussels", "HUN"),
    ("hlm_6", "2012-05-25", "2012-05-25", "", "DNK"),
    ("hlm_7", "2012-11-28", "2012-11-28", "", "CYP"),
    ("hlm_8", "2013-11-26", "2013-11-27", "Brussels", "LTU"),
    ("hlm_9", "2014-11-13", "2014-11-13", "Brussels", ""),
]


@pytest.mark.parametrize(("event_id", "start", "end", "city", "presidency"), HLMS)
def test_each_high_level_meeting(
    seeds: dict[str, str], event_id: str, start: str, end: str, city: str, presidency: str
) -> None:
    row = event(event_id)
    assert (row["kind"], row["precision"], row["city"], row["presidency"]) == ("hlm", "day", city, presidency)
    assert (row["date"], row["date_end"]) == (pd.Timestamp(start), pd.Timestamp(end))
    assert row["themes"] or event_id == "hlm_9"  # 000 states no theme for the IX meeting


EVENTS = [
    ("gamm_2005", "policy", "2005", "2005", "year", ""),
    ("summit_lima_2008", "summit", "2008", "2009", "year", "Lima"),  # 001: 2008; 000: June 2009
    ("dialogue_launch_2009", "dialogue", "2009-06", "2009-06", "month", ""),
    ("summit_madrid_2010", "summit", "2010-05", "2010-05", "month", "Madrid"),
    ("summit_santiago_2013", "summit", "2013-01-25", "2013-01-26", "day", "Santiago"),
    ("celac_comayagua_2012", "meeting", "2012-08-19", "2012-08-21", "day", "Comayagua"),
    ("csm_forum_santiago_2012", "forum", "2012-11-04", "2012-11-06", "day", "Santiago"),
    ("unda_final_meeting_2012", "meeting", "2012-04", "2012-04", "month", "New York"),
    ("regional_expert_meeting_2013", "meeting", "2013", "2013", "year", ""),
    ("rcpd_montevideo_2013", "conference", "2013-08", "2013-08", "month", "Montevideo"),
    ("eurosocial_seminar_madrid", "seminar", "2019-03", "2019-03", "month", "Madrid"),
]


@pytest.mark.parametrize(("event_id", "kind", "start", "end", "precision", "city"), EVENTS)
def test_each_required_event(
    seeds: dict[str, str], event_id: str, kind: str, start: str, end: str, precision: str, city: str
) -> None:
    row = event(event_id)
    assert (row["kind"], row["precision"], row["city"]) == (kind, precision, city)
    assert (row["date"], row["date_end"]) == (pd.Timestamp(start), pd.Timestamp(end))


def test_comayagua_keeps_both_date_statements(seeds: dict[str, str]) -> None:
    item = next(item for _, item in items() if item["id"] == "celac_comayagua_2012")
    assert item["disputed"]
    stated = {(s["date_start"], s["date_end"]) for s in item["sources"] if "date_start" in s}
    assert stated == {("2012-08-19", "2012-08-20"), ("2012-08-20", "2012-08-21")}


def test_the_hlm_count_disagreement_is_kept(seeds: dict[str, str]) -> None:
    row = event("dialogue_launch_2009")
    assert row["disputed"]
    evidence = {e for source in row["sources"] for e in source["evidence"]}
    assert {"seven High Level Meetings", "IX High Level Meeting"} <= evidence
    assert sorted(dialogue.events().query("kind == 'hlm'")["id"]) == [f"hlm_{n}" for n in range(1, 10)]


def test_the_eurosocial_seminar_date_is_derived_and_says_so(seeds: dict[str, str]) -> None:
    row = event("eurosocial_seminar_madrid")
    assert row["approximate"] and "eleven months" in row["note"].lower()
    assert "Eleven months after the international seminar" in row["sources"][0]["evidence"]


def result(result_id: str) -> pd.Series:
    return dialogue.results().set_index("id").loc[result_id]


RESULTS = [
    ("eu_celac_people_trained", "people_trained", 350),
    ("eu_celac_institutions", "institutions", 150),
    ("eu_celac_countries", "countries", 30),
    ("eu_celac_pilot_projects", "pilot_project", 5),
    ("eu_celac_partnerships", "partnership", 6),
    ("mieux_activities_2017", "activities", 21),
    ("mieux_mexico_2_training", "people_trained", 755),
    ("eurosocial_lines_of_work", "line_of_work", 14),
]


@pytest.mark.parametrize(("result_id", "kind", "value"), RESULTS)
def test_each_required_result(seeds: dict[str, str], result_id: str, kind: str, value: int) -> None:
    row = result(result_id)
    assert (row["kind"], row["value"]) == (kind, value)


def test_eu_celac_project_facts(seeds: dict[str, str]) -> None:
    project = dialogue.programmes().set_index("id").loc["eu_celac_project"]
    assert project["implementers"] == ("IOM", "FIIAPP")
    assert (project["date"], project["date_end"], project["precision"]) == (
        pd.Timestamp("2011-01"),
        pd.Timestamp("2015-07"),
        "month",
    )
    # 000: "a total budget of 3 million", no currency named: none is recorded.
    assert (project["budget_amount"], project["budget_currency"]) == (3_000_000, "")
    assert len(dialogue.components().query("programme == 'eu_celac_project'")) == 3
    assert result("eu_celac_pilot_projects")["countries"] == ("GTM", "MEX", "PER", "DOM", "URY")
    partnerships = result("eu_celac_partnerships")
    assert (partnerships["countries"], partnerships["groups"]) == (("BOL", "BRA", "COL", "HTI"), ("oecs",))
    assert result("eu_celac_data_support")["countries"] == ("PER", "BOL", "ECU")
    assert result("mieux_activities_2017")["date"] == pd.Timestamp("2017")


def test_mieux_actions_and_eclac_countries(seeds: dict[str, str]) -> None:
    actions = set(dialogue.components().query("programme == 'mieux'")["id"])
    assert actions == {
        f"mieux_{a}" for a in ("mexico_1", "mexico_2", "costa_rica_1", "costa_rica_2", "iberred", "peru_3")
    }
    assert result("mieux_iberred_protocol")["groups"] == ("iberoamerica",)
    assert set(result("eclac_meeting_countries_2012")["countries"]) == {
        "ARG",
        "CHL",
        "ECU",
        "HND",
        "MEX",
        "PER",
        "URY",
    }
    regional = dialogue.results().query("programme == 'eurosocial_plus' and kind == 'regional_action'")
    assert len(regional) == 3


# --- our own wording ----------------------------------------------------------------------

RUN = 8


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def runs(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def test_no_title_or_summary_copies_a_seed_sentence(seeds: dict[str, str]) -> None:
    seed_runs = set().union(*(runs(text) for text in seeds.values()))
    copied = []
    for table, item in items():
        for field in ("title", "summary", "label"):
            if field in item and (shared := runs(item[field]["en"]) & seed_runs):
                copied.append(f"{table} {item['id']} {field}: {' '.join(sorted(shared)[0])!r}")
    assert copied == []
