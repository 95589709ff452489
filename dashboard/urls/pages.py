"""A page's URL read as a whole, given the data's :class:`Vocabulary`: the shared filters
(cached per search string) and each page's own parameters. Parsing takes what it checks values
against as an argument; it never loads data itself (``dashboard.vocabulary`` builds one)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from dashboard.urls import corridors, dialogue, programmes, shared
from dashboard.urls.query import MAX_QUERY_LENGTH, Notice, text_of


@dataclass(frozen=True, eq=False)  # hashed by identity: caches keyed on it forget with new data
class Vocabulary:
    """What URL values are checked against: each indicator's years, the known country codes (and
    the 60 CELAC and EU members among them, which the map can select), the corridor years, the
    dialogue's themes, each component's programme, the timeline's span and the aggregate groups
    (blocs, sub-regions, organisations) profiles and tables may compare."""

    indicator_years: Mapping[str, tuple[int, ...]]
    countries: frozenset[str]
    members: frozenset[str]
    corridor_years: tuple[int, ...]
    themes: frozenset[str]
    components: Mapping[str, str]
    dialogue_span: tuple[int, int]
    groups: frozenset[str] = frozenset()


def parse_shared(search: object, vocabulary: Vocabulary) -> shared.Parsed:
    """The shared filters of a URL and their notices (anything but a string reads as empty).
    Only queries the app can write are cached: an over-long one (read as empty, with a notice)
    is parsed each time. The cache is bounded in bytes whatever a callback body carries: at most
    :data:`PARSE_CACHE_ENTRIES` entries of at most :data:`PARSE_ENTRY_BYTES` each (a key of
    MAX_QUERY_LENGTH characters of up to 4 bytes, and notices quoting at most as much again),
    :data:`PARSE_CACHE_BYTES` = 18 MiB a worker; ASCII queries, as browsers send, about a quarter."""
    text = text_of(search)
    if len(text) > MAX_QUERY_LENGTH:
        return _parse_shared.__wrapped__(text, vocabulary)
    return _parse_shared(text, vocabulary)


PARSE_CACHE_ENTRIES = 1024
PARSE_ENTRY_BYTES = 2 * (4 * MAX_QUERY_LENGTH + 100) + 2048  # key, quoted values, state and slots
PARSE_CACHE_BYTES = PARSE_CACHE_ENTRIES * PARSE_ENTRY_BYTES


@lru_cache(maxsize=PARSE_CACHE_ENTRIES)
def _parse_shared(text: str, vocabulary: Vocabulary) -> shared.Parsed:
    return shared.parse(text, vocabulary.indicator_years, vocabulary.countries, vocabulary.groups)


def parse_corridors(
    search: object, vocabulary: Vocabulary
) -> tuple[corridors.CorridorState, tuple[Notice, ...]]:
    """The corridors page's own state and notices."""
    return corridors.parse(search, vocabulary.corridor_years, vocabulary.countries)


def parse_dialogue(
    search: object, vocabulary: Vocabulary
) -> tuple[dialogue.DialogueState, tuple[Notice, ...]]:
    """The dialogue timeline's own state and notices."""
    return dialogue.parse(search, vocabulary.themes, vocabulary.dialogue_span)


def parse_programmes(
    search: object, vocabulary: Vocabulary
) -> tuple[programmes.ProgrammeState, tuple[Notice, ...]]:
    """The programmes page's own state and notices."""
    return programmes.parse(search, vocabulary.components, vocabulary.themes)


def page_query(page: str, state: shared.FilterState, search: object, vocabulary: Vocabulary) -> str:
    """The canonical query of ``page`` for the shared ``state``, keeping the page's own
    parameters from ``search`` (the language switch and the navbar keep the view)."""
    if page == "corridors":
        return corridors.query(state, parse_corridors(search, vocabulary)[0])
    if page == "dialogue":
        return dialogue.query(state, parse_dialogue(search, vocabulary)[0], vocabulary.dialogue_span)
    if page == "programmes":
        return programmes.query(state, parse_programmes(search, vocabulary)[0])
    return shared.query(state)
