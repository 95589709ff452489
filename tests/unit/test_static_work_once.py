"""Static work is done once per data version (issue 17): each loader runs once at start, the
pages' precomputations are built once, and what the pages show is what the seeds and the
processed files say (expected values read from those files, not from the app)."""

from __future__ import annotations

import csv
import math
import tomllib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import app  # noqa: F401 - imports every module that registers a loader, as the server does
from dashboard import corridors, datasets, series, timeline
from dashboard.datasets import registry
from dashboard.locale import Locale
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.views import dialogue as dialogue_view
from dashboard.views import programme_choices
from dashboard.views import programmes as programmes_view
from layouts.router import render

PAGES = ("map", "corridors", "dialogue", "programmes", "sources")


@pytest.fixture
def fresh(data_dir: Path) -> Iterator[Path]:
    """Start as the server does (verify, use, warm) and put the folder back afterwards."""
    before = list(registry._FOLDER)
    yield data_dir
    registry._FOLDER[:] = before
    datasets.clear()


def seeds(data_dir: Path, name: str) -> dict[str, list[dict[str, object]]]:
    with (data_dir / "dialogue" / name).open("rb") as file:
        return tomllib.load(file)


def test_each_loader_runs_once_per_data_version_at_start(fresh: Path) -> None:
    runs = {loader.name: loader.runs for loader in datasets.loaders()}
    datasets.verify(fresh)
    datasets.use(fresh)
    datasets.warm()
    for page in PAGES:  # every page, in two languages: nothing is loaded again
        render(f"/{page}", "")
        render(f"/{page}", "?lang=fr")
    datasets.warm()
    again = {loader.name: loader.runs - runs[loader.name] for loader in datasets.loaders()}
    assert again == dict.fromkeys(runs, 1)
    assert registry._HANDED == {}  # what the check read was all taken by the loaders


def test_a_new_data_version_runs_each_loader_again(fresh: Path) -> None:
    datasets.use(fresh)
    datasets.warm()
    runs = {loader.name: loader.runs for loader in datasets.loaders()}
    datasets.use(fresh)  # a refresh: every cache starts afresh
    datasets.warm()
    assert {loader.name: loader.runs - runs[loader.name] for loader in datasets.loaders()} == dict.fromkeys(
        runs, 1
    )


def test_the_pages_precomputations_are_built_once(fresh: Path) -> None:
    datasets.use(fresh)
    states = [FilterState(), FilterState(countries=("MEX",)), FilterState(lang="es")]
    for _ in range(3):
        for state in states:
            dialogue_view.build(state, DialogueState(themes=("asylum",)))
            dialogue_view.build(state, DialogueState())
            programmes_view.build(state, ProgrammeState(programme="mieux"))
            programmes_view.build(state, ProgrammeState(themes=("remittances",)))
    for once in (
        dialogue_view.timeline_events,
        dialogue_view.event_places,
        programme_choices.reach_rows,
        programme_choices.reach_records,
        programme_choices.table_records,
    ):
        assert once.cache_info().misses == 1
    for per_language in (
        dialogue_view.timeline_points,
        programmes_view._cards,
        programmes_view._result_words,
    ):
        assert per_language.cache_info().misses == 2  # en and es


def test_the_timeline_shows_the_seed_events_of_its_lanes_and_years(data_dir: Path) -> None:
    events = seeds(data_dir, "events.toml")["event"]

    def expected(themes: set[str], start: int, end: int) -> set[str]:
        return {
            str(e["id"])
            for e in events
            if e["kind"] in timeline.LANES
            and start <= int(str(e["date_start"])[:4]) <= end
            and (not themes or themes & set(e["themes"]))  # type: ignore[arg-type]
        }

    for themes, (start, end) in (((), (2005, 2020)), (("asylum",), (2005, 2020)), ((), (2008, 2012))):
        figure = dialogue_view.timeline_figure(
            FilterState(), DialogueState(themes, start, end), Locale.of("en")
        )
        shown = [point[0] for trace in figure["data"] for point in trace["customdata"]]
        assert len(shown) == len(set(shown))
        assert set(shown) == expected(set(themes), start, end)
        for trace in figure["data"]:  # each theme's markers in date order
            assert trace["x"] == sorted(trace["x"])


def test_a_country_keeps_the_events_held_there_or_naming_it_or_its_group(data_dir: Path) -> None:
    events = seeds(data_dir, "events.toml")["event"]
    with (data_dir / "groups.csv").open(encoding="utf-8") as file:
        members = {row["group"]: row["members"].split() for row in csv.DictReader(file)}
    for country in ("MEX", "ESP", "ATG"):
        kept = set()
        for e in events:
            if e["kind"] not in timeline.LANES or not 2005 <= int(str(e["date_start"])[:4]) <= 2020:
                continue
            named = {*e["countries"], e["country"], e["presidency"]}  # type: ignore[misc]
            for group in e["groups"]:  # type: ignore[attr-defined]
                if group not in ("CELAC", "EU27"):
                    named |= set(members.get(str(group), ()))
            if country in named:
                kept.add(str(e["id"]))
        state = FilterState(countries=(country,))
        shown = {row["id"] for row in dialogue_view.events(state, DialogueState())}
        assert shown == kept, country


def test_the_programme_results_and_figures_are_the_seeds_in_file_order(data_dir: Path) -> None:
    documents = seeds(data_dir, "programmes.toml")
    for programme in ("", "mieux", "eu_celac_project"):
        view = programmes_view.build(FilterState(), ProgrammeState(programme=programme))
        results = [r for r in documents["result"] if not programme or r["programme"] == programme]
        assert [r.label for r in view.results] == [r["label"]["en"] for r in results]  # type: ignore[index]
        cards = {c.title: c for c in view.cards}
        for p in documents["programme"]:
            if programme and p["id"] != programme:
                continue
            card = cards[p["title"]["en"]]  # type: ignore[index]
            stated = [r for r in results if r["programme"] == p["id"] and "value" in r]
            assert [label for _value, label in card.figures] == [r["label"]["en"] for r in stated]  # type: ignore[index]


def test_the_member_arrays_and_lookups_are_the_parquet_rows(data_dir: Path) -> None:
    raw = pd.read_parquet(data_dir / "indicators.parquet")
    members = datasets.member_arrays()
    for (indicator, year), rows in list(raw.groupby(["indicator", "year"]))[::40]:
        values, flags = members.values[(str(indicator), int(year))]
        by_code = {str(r.iso3): r for r in rows.itertuples()}
        for i, code in enumerate(members.iso3):
            row = by_code.get(code)
            if row is None:
                assert math.isnan(values[i]) and flags[i] == ""
            else:
                assert (math.isnan(values[i]) and pd.isna(row.value)) or values[i] == row.value
                assert flags[i] == (row.flag if isinstance(row.flag, str) else "")
        lookup = datasets.values_by_key()[(str(indicator), int(year))]
        assert sorted(lookup.index) == sorted(by_code)
        code = next(iter(by_code))
        line = datasets.series_by_key()[(str(indicator), code)]
        expected = raw[(raw["indicator"] == indicator) & (raw["iso3"] == code)].set_index("year")["value"]
        assert line.to_dict() == pytest.approx(expected.to_dict(), nan_ok=True)
    assert ("nothing", 1990) not in datasets.values_by_key()
    with pytest.raises(KeyError):
        datasets.values_by_key()[("nothing", 1990)]


SAMPLE = pd.DataFrame(
    {
        "origin": ["ECU", "COL", "ECU", "PER", "BOL", "COL", "ARG"],
        "destination": ["ESP", "ESP", "ITA", "ESP", "ITA", "USA", "ITA"],
        "migrant_stock": [400.0, 300.0, 100.0, 50.0, 50.0, 0.0, 25.0],
    }
)


def test_flows_fold_the_rest_and_keep_every_migrant() -> None:
    links = corridors.flows(SAMPLE, k=2)
    # Origins by total: ECU 500, COL 300 (kept); PER 50, BOL 50, ARG 25 folded. Destinations: ESP 750,
    # ITA 175 (kept); USA 0 never drawn. Sources in rank order, then the folded ones.
    assert list(zip(links["source"], links["target"], links["value"], strict=True)) == [
        ("ECU", "ESP", 400.0),
        ("ECU", "ITA", 100.0),
        ("COL", "ESP", 300.0),
        (corridors.OTHER_ORIGINS, "ESP", 50.0),
        (corridors.OTHER_ORIGINS, "ITA", 75.0),
    ]
    assert links["value"].sum() == SAMPLE["migrant_stock"].sum()


def test_the_largest_ends_take_the_first_code_of_equal_totals() -> None:
    assert corridors.largest_destination(SAMPLE) == "ESP"
    assert corridors.largest_destination(SAMPLE[SAMPLE["destination"] != "ESP"]) == "ITA"
    assert corridors.largest_origin(SAMPLE, {"PER", "BOL"}) == "BOL"  # 50 each: BOL first by code
    assert corridors.largest_origin(SAMPLE, {"VEN"}) is None
    assert corridors.largest_destination(SAMPLE.iloc[:0]) is None


def test_trend_lines_have_a_gap_where_a_year_has_no_row() -> None:
    over_time = pd.DataFrame(
        {
            "origin": ["ECU", "ECU", "COL"],
            "destination": ["ESP", "ESP", "ESP"],
            "year": [1990, 2000, 2000],
            "migrant_stock": [10.0, 30.0, 5.0],
        }
    )
    lines = series.lines(over_time, [("ECU", "ESP"), ("COL", "ESP"), ("PER", "ESP")], [1990, 1995, 2000])
    assert np.array_equal(lines[("ECU", "ESP")], [10.0, np.nan, 30.0], equal_nan=True)
    assert np.array_equal(lines[("COL", "ESP")], [np.nan, np.nan, 5.0], equal_nan=True)
    assert np.isnan(lines[("PER", "ESP")]).all()
