"""The dialogue timeline's pure pieces, on tiny frames."""

from __future__ import annotations

import pandas as pd

from dashboard import timeline

THEMES = pd.DataFrame(
    {"id": ["remittances", "asylum"], "colour": ["#111111", "#222222"]}
    | {f"label_{lang}": ["Remittances", "Asylum"] for lang in ("en", "es", "pt", "fr")}
)


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
    )


def test_select_keeps_lanes_years_and_any_theme() -> None:
    assert list(timeline.select(events())["id"]) == ["a", "b", "d"]  # trends are not events
    assert list(timeline.select(events(), ["asylum"])["id"]) == ["a", "b"]
    assert list(timeline.select(events(), years=(2010, 2020))["id"]) == ["b", "d"]


def test_dates_are_as_precise_as_the_source() -> None:
    rows = timeline.records(events())
    assert timeline.date_label(rows[0], "en") == "2009-09-25 – 2009-09-26"
    assert timeline.date_label(rows[1], "en") == "2010-05"
    assert timeline.date_label(rows[3], "en") == "2019-03 (≈)"


def test_figure_colours_by_first_theme_and_keeps_unthemed_events() -> None:
    figure = timeline.figure(timeline.select(events()), THEMES, "en")
    by_name = {t["name"]: t for t in figure["data"]}
    assert [c[0] for c in by_name["Asylum"]["customdata"]] == ["a"]
    assert [c[0] for c in by_name["Remittances"]["customdata"]] == ["b"]
    assert [c[0] for c in by_name["No theme stated"]["customdata"]] == ["d"]
    assert timeline.clicked_event({"points": [{"customdata": ["b", "B"]}]}) == "b"
    assert timeline.clicked_event({"points": []}) is None and timeline.clicked_event("x") is None
