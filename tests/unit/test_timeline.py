"""The dialogue timeline's pure pieces, on tiny frames."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import timeline
from dashboard.datasets import Indicator
from dashboard.figures.profiles import meeting_marks, profile_figure
from dashboard.locale import Locale
from dashboard.profiles import Line

THEMES = pd.DataFrame(
    {"id": ["remittances", "asylum"], "colour": ["#111111", "#222222"]}
    | {f"label_{lang}": ["Remittances", "Asylum"] for lang in ("en", "es", "pt", "fr")}
)


BRUSSELS = {"en": "Brussels", "es": "Bruselas", "pt": "Bruxelas", "fr": "Bruxelles"}


def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "kind": ["hlm", "summit", "trend", "seminar"],
            "date": pd.to_datetime(["2009-09-25", "2010-05-01", "1970-01-01", "2019-03-01"]),
            "date_end": pd.to_datetime(["2009-09-26", "2010-05-01", None, "2019-03-01"]),
            "precision": ["day", "month", "year", "month"],
            "approximate": [False, False, True, True],
            "themes": [("asylum",), ("remittances", "asylum"), (), ()],
            "city": ["Brussels", "Madrid", "", "Madrid"],
        }
        | {f"title_{lang}": ["A", "B", "C", "D"] for lang in ("en", "es", "pt", "fr")}
        | {f"city_{lang}": [brussels, "Madrid", "", "Madrid"] for lang, brussels in BRUSSELS.items()}
    )


def test_select_keeps_lanes_years_and_any_theme() -> None:
    assert list(timeline.select(events())["id"]) == ["a", "b", "d"]  # trends are not events
    assert list(timeline.select(events(), ["asylum"])["id"]) == ["a", "b"]
    assert list(timeline.select(events(), years=(2010, 2020))["id"]) == ["b", "d"]


def test_dates_are_as_precise_as_the_source() -> None:
    rows = timeline.records(events())
    assert timeline.date_label(rows[0], Locale.of("en")) == "25–26 September 2009"
    assert timeline.date_label(rows[0], Locale.of("es")) == "25–26 de septiembre de 2009"
    assert timeline.date_label(rows[1], Locale.of("en")) == "May 2010"
    assert timeline.date_label(rows[1], Locale.of("fr")) == "mai 2010"
    assert timeline.date_label(rows[3], Locale.of("pt")) == "março de 2019 (≈)"


def test_figure_colours_by_first_theme_and_keeps_unthemed_events() -> None:
    figure = timeline.figure(timeline.select(events()), THEMES, Locale.of("en"))
    by_name = {t["name"]: t for t in figure["data"]}
    assert [c[0] for c in by_name["Asylum"]["customdata"]] == ["a"]
    assert [c[0] for c in by_name["Remittances"]["customdata"]] == ["b"]
    assert [c[0] for c in by_name["No theme stated"]["customdata"]] == ["d"]
    assert timeline.clicked_event({"points": [{"customdata": ["b", "B"]}]}) == "b"
    assert timeline.clicked_event({"points": []}) is None and timeline.clicked_event("x") is None


GROUPS = pd.DataFrame(
    {"group": ["CELAC", "EU27", "southern_europe"], "members": ["MEX PER", "ESP BEL", "ESP"]}
)


def placed_events() -> pd.DataFrame:
    frame = events()
    return frame.assign(
        country=["BEL", "ESP", "", ""],
        presidency=["SWE", "", "", ""],
        countries=[(), (), (), ("MEX",)],
        groups=[("EU27", "CELAC"), ("EU27", "CELAC"), (), ("southern_europe",)],
    )


def test_an_empty_selection_keeps_its_lanes_and_says_so() -> None:
    figure = timeline.figure(
        timeline.select(events(), ["nothing"]), THEMES, Locale.of("en"), kinds={"hlm", "summit"}
    )
    assert figure["data"] == [] and figure["layout"]["yaxis"]["categoryarray"] == [
        "Summits",
        "High Level Meetings",
    ]
    assert figure["layout"]["annotations"][0]["text"] == "No event matches these filters"


def test_a_country_keeps_events_held_there_presided_or_naming_it_not_whole_blocs() -> None:
    rows = placed_events()
    assert list(timeline.select(rows, countries=["ESP"], groups=GROUPS)["id"]) == ["b", "d"]  # d: its group
    assert list(timeline.select(rows, countries=["SWE"], groups=GROUPS)["id"]) == ["a"]  # EU presidency
    assert (
        list(timeline.select(rows, countries=["PER"], groups=GROUPS)["id"]) == []
    )  # CELAC-wide is not Peru's


def test_meetings_are_hlms_and_summits_of_both_sides_at_mid_period() -> None:
    rows = placed_events().assign(id=["hlm_9", "summit_x", "c", "d"])
    found = timeline.meetings(rows, Locale.of("en"))
    assert [(m.id, m.label, m.number) for m in found] == [
        ("hlm_9", "HLM IX", "IX"),
        ("summit_x", "Madrid summit", ""),
    ]
    brussels = rows.assign(id=["hlm_9", "summit_x", "c", "d"], kind=["summit", "hlm", "trend", "seminar"])
    assert (
        "Bruxelles" in timeline.meetings(brussels, Locale.of("fr"))[0].label
    )  # the city in the reader's language
    hover = timeline.figure(timeline.select(events()), THEMES, Locale.of("es"))["data"]
    assert "Bruselas" in [c[3] for t in hover for c in t["customdata"]]
    assert found[0].year == pytest.approx(2009 + (267 + 0.5) / 365, abs=1e-3)  # 25 Sep 2009
    assert found[1].year == pytest.approx(2010 + (120 + 15.5) / 365, abs=1e-3)  # "May 2010": mid-May


def meeting(year: float, number: str = "", label: str = "") -> timeline.Meeting:
    return timeline.Meeting(f"m{year}", year, label or f"HLM {number}", "title", number)


def test_profile_marks_only_meetings_in_range_and_share_labels_when_crowded() -> None:
    crowd = [meeting(2008.5, label="Lima summit"), meeting(2010.1, "II"), meeting(2010.2, "III"),
             meeting(2010.4, label="Madrid summit"), meeting(2014.9, "IX")]  # fmt: skip
    marks = meeting_marks(crowd, 2000, 2024, Locale.of("en"))
    assert len(marks["shapes"]) == 5  # every meeting keeps its own line
    assert [a["text"] for a in marks["annotations"]] == ["Lima summit", "HLM II–III + summit", "HLM IX"]
    assert marks["annotations"][1]["hovertext"] == "title<br>title<br>title"
    assert marks["annotations"][1]["yshift"] > marks["annotations"][0]["yshift"]  # stacked, not overlapping
    assert meeting_marks(crowd, 1990, 2005, Locale.of("en"))["shapes"] == []
    wide = meeting_marks(crowd, 1900, 2024, Locale.of("en"))  # a longer axis: closer on screen, fewer labels
    assert [a["text"] for a in wide["annotations"]] == ["HLM II–III + 2 summits", "HLM IX"]


def test_profile_figure_draws_the_meetings_within_its_years_only() -> None:
    spec = Indicator(
        "stock", "stocks", "persons", "s", False, "sequential", "complete", {"en": "S"}, {}, "", ()
    )
    line = Line("ESP", "Spain", pd.Series([1.0, 2.0], index=[2005, 2010]), False)
    meetings = [meeting(2008.5, label="Lima summit"), meeting(2014.9, "IX")]
    figure = profile_figure([line], spec, Locale.of("en"), meetings).to_plotly_json()["layout"]
    assert [s["x0"] for s in figure["shapes"]] == [2008.5]
    assert [a["text"] for a in figure["annotations"]] == ["Lima summit"]
    assert figure["margin"]["t"] > 10  # room above the plot for the label
    assert "shapes" not in profile_figure([line], spec, Locale.of("en")).to_plotly_json()["layout"]  # opt-in


def test_the_event_card_names_the_eu_presidency_in_the_readers_language() -> None:
    from dashboard.urls.shared import FilterState
    from layouts.dialogue_page import event_card

    card = str(event_card("hlm_1", FilterState(lang="fr"), Locale.of("fr")))
    assert "Présidence de l’UE : Suède" in card and ": SWE" not in card


def dated(**fields: object) -> dict[str, object]:
    """One event row as the timeline reads it, with only what a date label needs."""
    return {"date_end": pd.NaT, "approximate": False, "disputed": False, "sources": ()} | fields


def test_a_disputed_date_shows_every_seeds_reading_in_its_own_precision() -> None:
    row = dated(
        date=pd.Timestamp("2008"),
        date_end=pd.Timestamp("2009"),
        precision="year",
        disputed=True,
        sources=(
            {"file": "001", "date_start": "2008", "date_end": "2008"},
            {"file": "000", "date_start": "2009-06", "date_end": "2009-06", "precision": "month"},
        ),
    )
    assert timeline.date_label(row, Locale.of("en")) == "2008 or June 2009"
    assert timeline.date_label(row, Locale.of("pt")) == "2008 ou junho de 2009"
    assert timeline.date_label(row | {"disputed": False}, Locale.of("en")) == "2008 – 2009"


def test_a_year_the_source_leaves_out_is_said_to_be_inferred() -> None:
    row = dated(date=pd.Timestamp("2012-11-28"), date_end=pd.Timestamp("2012-11-28"), precision="day")
    assert timeline.date_label(row, Locale.of("en")) == "28 November 2012"
    inferred = row | {"year_inferred": True}
    assert timeline.date_label(inferred, Locale.of("en")) == "28 November (year not stated; 2012 inferred)"
    assert (
        timeline.date_label(inferred, Locale.of("es")) == "28 de noviembre (año no indicado; se deduce 2012)"
    )


def test_an_ongoing_action_says_so() -> None:
    row = dated(date=pd.Timestamp("2017"), precision="year", ongoing=True)
    assert timeline.date_label(row, Locale.of("en")) == "2017 – ongoing"
    assert timeline.date_label(row, Locale.of("fr")) == "2017 – en cours"
    assert timeline.date_label(row | {"ongoing": False}, Locale.of("en")) == "2017"
