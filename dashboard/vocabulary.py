"""The data's :class:`~dashboard.urls.pages.Vocabulary`: what URL values are checked against,
built from the loaded tables and the dialogue seeds (the URL package never loads data itself)."""

from __future__ import annotations

from dashboard import datasets, dialogue, programmes, timeline, transforms
from dashboard.urls.pages import Vocabulary


@datasets.derived(maxsize=1)  # keyed on the data version: new data, a new vocabulary
def vocabulary() -> Vocabulary:
    """The vocabulary of the loaded data."""
    return Vocabulary(
        indicator_years=transforms.years_by_indicator(datasets.catalogue()),
        countries=frozenset(datasets.countries()["iso3"]),
        members=datasets.member_codes(),
        corridor_years=datasets.corridor_years(),
        themes=frozenset(dialogue.themes()["id"]),
        components=programmes.component_ids(dialogue.components()),
        dialogue_span=(timeline.FIRST_YEAR, timeline.LAST_YEAR),
        groups=frozenset(datasets.groups()["group"]),
    )
