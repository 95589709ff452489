"""Locale ticks: round values, exact labels, CLDR compact forms (never an English SI suffix)."""

from __future__ import annotations

import pytest

from dashboard.figures.ticks import tick_labels, tick_values, ticks
from dashboard.locale import Locale


def test_tick_values_cover_the_data_with_round_steps() -> None:
    assert tick_values(0, 154.7e9) == [0, 50e9, 100e9, 150e9, 200e9]
    assert tick_values(-525_116, 275_022) == [-600e3, -400e3, -200e3, 0, 200e3, 400e3]
    assert tick_values(0.1, 0.35, 2) == [0.0, 0.2, 0.4]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["0", "50bn", "100bn", "150bn", "200bn"]),
        ("es", ["0", "50\xa0mil\xa0M", "100\xa0mil\xa0M", "150\xa0mil\xa0M", "200\xa0mil\xa0M"]),
        ("pt", ["0", "50\xa0mM", "100\xa0mM", "150\xa0mM", "200\xa0mM"]),
        ("fr", ["0", "50\xa0Md", "100\xa0Md", "150\xa0Md", "200\xa0Md"]),
    ],
)
def test_billions_read_as_billions_in_every_language(lang: str, expected: list[str]) -> None:
    # Mexico's remittances received 2022: US$ 61.1 bn (WDI), far below 10^12 in any language.
    assert ticks([61.1e9, 154.7e9], Locale.of(lang))["ticktext"] == expected


def test_labels_keep_the_decimals_the_step_needs() -> None:
    assert tick_labels([1.2e6, 1.25e6, 1.3e6], Locale.of("es")) == ["1,2\xa0M", "1,25\xa0M", "1,3\xa0M"]


def test_no_values_no_ticks() -> None:
    assert ticks([None, float("nan")], Locale.of("en")) == {}


def test_a_narrow_range_across_a_compact_boundary_keeps_distinct_labels() -> None:
    labels = ticks([999_000, 1_001_000], Locale.of("en"), zero=False)["ticktext"]
    assert len(set(labels)) == len(labels)
