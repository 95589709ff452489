"""Numbers in addresses are plain digits 0-9: "²" or "①" pass ``str.isdigit`` but not ``int``, and
must read as a bad value (a notice, the default), never an error (found by hypothesis)."""

from __future__ import annotations

import pytest

from dashboard import stories
from dashboard.urls import corridors, presenter
from dashboard.urls.query import is_number


@pytest.mark.parametrize("text", ["²", "①", "٣", "2⁰", "", " 1", "-1", "1.5"])
def test_only_plain_digits_are_numbers(text: str) -> None:
    assert not is_number(text)


def test_plain_digits_are() -> None:
    assert is_number("2024") and is_number("0")


@pytest.mark.parametrize("year", ["²", "20²4", "①"])
def test_a_corridor_year_in_other_digits_is_the_latest(year: str) -> None:
    assert corridors.corridor_year(year, [1990, 2000, 2024]) is None
    assert corridors.corridor_year("2010", [1990, 2000, 2024]) == 2000


@pytest.mark.parametrize("step", ["²", "①"])
def test_a_story_step_in_other_digits_is_step_one_with_a_notice(step: str) -> None:
    shown = presenter.parse(f"?present=1&story={stories.DEFAULT_STORY}&step={step}", stories.stories())
    assert shown.presenter.step == 1 and [n.parameter for n in shown.notices] == ["step"]
    basket = presenter.parse(f"?present=1&story=basket&step={step}", stories.stories())
    assert basket.presenter.story == "basket" and [n.parameter for n in basket.notices] == ["step"]
