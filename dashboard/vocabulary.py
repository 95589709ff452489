"""The data's :class:`~dashboard.urls.pages.Vocabulary`: what URL values are checked against,
built from the loaded tables and the dialogue seeds (the URL package never loads data itself)."""

from __future__ import annotations

from functools import lru_cache

from dashboard import datasets, dialogue, programmes, timeline, transforms
from dashboard.urls.pages import Vocabulary


def vocabulary() -> Vocabulary:
    """The vocabulary of the loaded data; a new one once ``datasets.clear_caches()`` ran."""
    return _build(datasets.member_arrays())


# Keyed on ``datasets.member_arrays()`` (hashed by identity) as the map caches are: new data, a
# new vocabulary, without a loader list of its own to keep in step with the data layer's.
@lru_cache(maxsize=2)
def _build(_data: datasets.MemberArrays) -> Vocabulary:
    return Vocabulary(
        indicator_years=transforms.years_by_indicator(datasets.catalogue()),
        countries=frozenset(datasets.countries()["iso3"]),
        corridor_years=datasets.corridor_years(),
        themes=frozenset(dialogue.themes()["id"]),
        components=programmes.component_ids(dialogue.components()),
        dialogue_span=(timeline.FIRST_YEAR, timeline.LAST_YEAR),
    )
