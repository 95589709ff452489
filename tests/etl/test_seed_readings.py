"""Issue 13, item 10: where the seeds differ or are silent, data/dialogue keeps every reading and
shows only what the seed gives. Expected values are read from the seed texts themselves
(../shared/seeds, skipped when absent), never from the app's output."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

from dashboard import datasets, dialogue, dialogue_schema, paths, programmes, timeline
from dashboard.locale import Locale
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.views import dialogue as dialogue_view
from dashboard.views import programmes as programmes_view

pytestmark = pytest.mark.seeds

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")  # fmt: skip
CURRENCY = re.compile(r"\b(eur|euros?|usd|us\$|dollars?|€|\$)", re.IGNORECASE)
EN = Locale.of("en")


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    """The five seed files (and the README), whitespace-normalised and case-folded."""
    folder = paths.seeds_dir()
    names = (*dialogue_schema.SEED_FILES, "README.md")
    if not all((folder / name).exists() for name in names):
        pytest.skip(f"seed documents not present at {folder} (set PUENTES_SEEDS_DIR)")
    return {name: normalise((folder / name).read_text(encoding="utf-8")) for name in names}


def events_toml() -> list[dict[str, Any]]:
    return list(dialogue.documents()["events.toml"]["event"])


def event_row(event_id: str) -> dict[str, Any]:
    return next(r for r in timeline.records(dialogue.events()) if r["id"] == event_id)


def date_parts(value: str) -> list[set[str]]:
    """What a seed must write for a date at its precision: the year; the month (by name, or as in
    "24/02/2020" and "gob.cl/media/2013/01"); the day."""
    parts = value.split("-")
    out = [{parts[0]}]
    if len(parts) > 1:
        out.append({MONTHS[int(parts[1]) - 1], f"/{parts[1]}/", f"{parts[0]}/{parts[1]}"})
    if len(parts) > 2:
        out.append({str(int(parts[2]))})
    return out


@pytest.mark.parametrize("event", events_toml(), ids=lambda e: e["id"])
def test_each_event_date_is_as_precise_as_its_evidence_and_no_more(
    seeds: dict[str, str], event: dict[str, Any]
) -> None:
    """Each date, at its precision, is in the words the event quotes from its seeds; a year the seed
    leaves out is flagged (``year_inferred``) and an approximate date says so in its note."""
    if event.get("approximate"):
        assert event["note"], event["id"]
        return
    quoted = normalise(" ".join(e for s in event["sources"] for e in s["evidence"]))
    stated = [event, *(s for s in event["sources"] if "date_start" in s)]
    for where in stated:
        for value in filter(None, (where.get("date_start"), where.get("date_end"))):
            needed = date_parts(value)[1:] if event.get("year_inferred") else date_parts(value)
            missing = [sorted(options) for options in needed if not any(o in quoted for o in options)]
            assert missing == [], f"{event['id']} {value}: {missing} not in its evidence"


def test_hlm_vii_shows_the_day_and_month_the_seed_gives_and_says_the_year_is_inferred(
    seeds: dict[str, str],
) -> None:
    bullet = re.search(r"during the cypriot eu presidency, on (\d+) (\w+), the vii", seeds[
        "001_8c253848710d4524.txt"])  # fmt: skip
    assert bullet is not None
    day, month = bullet.groups()
    assert not re.search(r"\b(19|20)\d\d\b", bullet.group(0))  # no year in the sentence
    row = event_row("hlm_7")
    assert row["year_inferred"] and (row["date"].day, MONTHS[row["date"].month - 1]) == (int(day), month)
    label = timeline.date_label(row, EN)
    assert label.startswith(f"{day} {month.capitalize()} (year not stated")
    assert f"{day} {month.capitalize()} {row['date'].year}" not in label
    assert "inferred" in label and str(row["date"].year) in label


def test_the_lima_summit_keeps_2008_and_june_2009_each_with_its_file(seeds: dict[str, str]) -> None:
    assert "summit of lima in 2008" in seeds["001_8c253848710d4524.txt"]
    assert re.search(r"in june 2009, .{0,80}launched at the lima summit", seeds["000_df0e79ac1bf68b0e.txt"])
    row = event_row("summit_lima_2008")
    assert row["disputed"]
    dated = {s["file"]: (s["date_start"], s.get("precision", row["precision"])) for s in row["sources"]}
    assert dated == {
        "001_8c253848710d4524.txt": ("2008", "year"),
        "000_df0e79ac1bf68b0e.txt": ("2009-06", "month"),
    }
    assert timeline.date_label(row, EN) == "2008 or June 2009"
    assert timeline.date_label(row, Locale.of("es")) == "2008 o junio de 2009"


def test_no_budget_carries_a_currency_its_seed_does_not_give(seeds: dict[str, str]) -> None:
    budget = re.search(r"total budget of ([^.]*)\.", seeds["000_df0e79ac1bf68b0e.txt"])
    assert budget is not None and budget.group(1) == "3 million" and not CURRENCY.search(budget.group(1))
    for row in timeline.records(dialogue.programmes()):
        if pd.isna(row["budget_amount"]):
            continue
        cited = " ".join(seeds[f] for f in row["files"])
        assert not row["budget_currency"] or normalise(row["budget_currency"]) in cited, row["id"]
    card = programmes_view.build(FilterState(), ProgrammeState(programme="eu_celac_project")).cards[0]
    assert "Budget: 3,000,000 (currency not stated)" in card.facts and not CURRENCY.search(card.facts)


def test_no_result_or_document_title_names_a_currency_its_seed_does_not_give(seeds: dict[str, str]) -> None:
    for row in timeline.records(dialogue.results()):
        cited = " ".join(seeds[f] for f in row["files"])
        for lang in ("en", "es", "pt", "fr"):
            for field in ("label", "summary"):
                found = CURRENCY.findall(row[f"{field}_{lang}"])
                assert all(normalise(c) in cited for c in found), (row["id"], field, lang, found)
    for row in timeline.records(dialogue.seed_documents()):
        assert not [c for c in CURRENCY.findall(row["title_en"]) if normalise(c) not in seeds[row["file"]]]


def test_the_755_trained_follow_the_seeds_reading(seeds: dict[str, str]) -> None:
    phrase = re.search(r"training for (\d+) (government officials)", seeds["003_ee5460814acfab00.txt"])
    assert phrase is not None
    value, who = int(phrase.group(1)), phrase.group(2)
    row = dialogue.results().set_index("id").loc["mieux_mexico_2_training"]
    assert row["value"] == value
    assert who in row["label_en"].casefold() and f"{value} are {who}" in row["summary_en"].casefold()
    assert "together with" not in row["summary_en"]  # the old, opposite reading


def test_the_oecs_is_credited_as_a_group_not_as_its_members(seeds: dict[str, str]) -> None:
    everything = " ".join(seeds[f] for f in dialogue_schema.SEED_FILES)
    assert "oecs" in seeds["000_df0e79ac1bf68b0e.txt"]
    members = dialogue.group_members(datasets.groups())["oecs"]
    names = datasets.countries().loc[list(members), "name_en"]
    # No seed names an OECS member ("Dominica" is not "Dominican Republic").
    assert not [n for n in names if re.search(rf"\b{re.escape(normalise(n))}\b", everything)]
    reach = programmes_view.reach_rows().set_index("id")
    assert reach.loc["eu_celac_partnerships", "regions"] == ("oecs",)
    assert not set(members) & {code for places in reach["places"] for code in places}
    assert not set(members) & set(programmes.reached(reach.reset_index()).index)


def test_the_eu_celac_project_start_extension_and_end_are_events(seeds: dict[str, str]) -> None:
    text = seeds["000_df0e79ac1bf68b0e.txt"]
    start = re.search(r"started in (\w+) (\d{4}) for an initial duration of (\d+) months", text)
    end = re.search(r"extended by (\w+) months and will end in (\w+) (\d{4})", text)
    assert start is not None and end is not None
    first = pd.Timestamp(f"{start.group(2)}-{MONTHS.index(start.group(1)) + 1:02d}")
    last = pd.Timestamp(f"{end.group(3)}-{MONTHS.index(end.group(2)) + 1:02d}")
    planned_end = first + pd.DateOffset(months=int(start.group(3)))  # first month after the 48
    rows = {r["id"]: r for r in timeline.records(dialogue.events())}
    assert (rows["eu_celac_project_start"]["date"], rows["eu_celac_project_start"]["precision"]) == (
        first,
        "month",
    )
    assert (rows["eu_celac_project_end"]["date"], rows["eu_celac_project_end"]["precision"]) == (
        last,
        "month",
    )
    extension = rows["eu_celac_project_extension"]
    assert (extension["date"], extension["date_end"]) == (planned_end, last) and extension["approximate"]
    assert {r["programme"] for i, r in rows.items() if i.startswith("eu_celac_project_")} == {
        "eu_celac_project"
    }


MIEUX_ACTIONS = re.compile(
    r"(mexico ii|mexico|costa rica i|and ii|iberred|peru iii) \((\d{4})(?:\s*[-–]\s*(ongoing|\d{4}))?\)"
)
ACTION_EVENTS = {"mexico": "mieux_mexico_1_action", "mexico ii": "mieux_mexico_2_action",
                 "costa rica i": "mieux_costa_rica_1_action", "and ii": "mieux_costa_rica_2_action",
                 "iberred": "mieux_iberred_action", "peru iii": "mieux_peru_3_action"}  # fmt: skip


def test_every_mieux_action_is_on_the_timeline_with_the_seeds_years(seeds: dict[str, str]) -> None:
    found = MIEUX_ACTIONS.findall(seeds["003_ee5460814acfab00.txt"])
    assert {name for name, *_ in found} == set(ACTION_EVENTS)
    rows = {r["id"]: r for r in timeline.records(dialogue.events())}
    for name, start, end in found:
        row = rows[ACTION_EVENTS[name]]
        assert (row["kind"], row["programme"], row["precision"]) == ("programme", "mieux", "year")
        assert row["date"] == pd.Timestamp(start)
        if end == "ongoing":
            assert row["ongoing"] and pd.isna(row["date_end"])
            assert timeline.date_label(row, EN) == f"{start} – ongoing"
        else:
            assert row["date_end"] == pd.Timestamp(end or start) and not row["ongoing"]
        assert row["id"] in set(timeline.select(dialogue.events())["id"])


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_each_seed_is_shown_by_its_readme_title(seeds: dict[str, str]) -> None:
    documents = dialogue.seed_documents().set_index("file")
    assert sorted(documents.index) == sorted(dialogue_schema.SEED_FILES)
    for file in dialogue_schema.SEED_FILES:
        row = re.search(rf"\| {re.escape(file)} \| ([^|]*)\|", seeds["README.md"])
        assert row is not None
        title = words(documents.loc[file, "title_en"])
        assert words(row.group(1))[: len(title)] == title, file
    card = dialogue_view.event("hlm_9", FilterState(), EN)
    assert card is not None
    assert [(s.title, s.file) for s in card.sources] == [
        (documents.loc["000_df0e79ac1bf68b0e.txt", "title_en"], "000_df0e79ac1bf68b0e.txt")
    ]
