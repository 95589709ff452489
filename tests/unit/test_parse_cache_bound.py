"""The URL-parse cache keeps only queries the app can write: a 1.9 MB query in a forged callback
body is answered (read as empty, with a notice) but never pinned in memory (issue 16)."""

from __future__ import annotations

import sys

from dashboard.urls import pages
from dashboard.urls.query import MAX_QUERY_LENGTH
from dashboard.vocabulary import vocabulary


def test_an_over_long_query_is_parsed_but_not_kept() -> None:
    words = vocabulary()
    pages._parse_shared.cache_clear()  # other tests may have filled it
    before = pages._parse_shared.cache_info().currsize
    for n in range(20):
        huge = f"?year=2020&x{n}=" + "a" * 1_900_000
        parsed = pages.parse_shared(huge, words)
        assert [notice.parameter for notice in parsed.notices] == ["query"]
    assert pages._parse_shared.cache_info().currsize == before
    keys_ok = "?year=2020&" + "b" * (MAX_QUERY_LENGTH - 20)
    pages.parse_shared(keys_ok, words)
    assert pages._parse_shared.cache_info().currsize == before + 1  # a query the app can write: kept


def deep_size(value: object, seen: set[int] | None = None) -> int:
    """Bytes of an object and everything it holds (dataclasses, tuples, strings)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, (tuple, list, frozenset, set)):
        size += sum(deep_size(item, seen) for item in value)
    elif hasattr(value, "__dict__") or hasattr(value, "__dataclass_fields__"):
        size += sum(deep_size(getattr(value, f), seen) for f in getattr(value, "__dataclass_fields__", {}))
    return size


def test_the_cache_is_bounded_in_bytes() -> None:
    """The worst entry (a key of MAX_QUERY_LENGTH 4-byte characters whose values all come back
    as notices) is within PARSE_ENTRY_BYTES, so the whole cache is within PARSE_CACHE_BYTES."""
    words = vocabulary()
    pages._parse_shared.cache_clear()
    half = (MAX_QUERY_LENGTH - 40) // 2
    wide = "\U0001d54f" * half
    key = f"lang={wide}&indicator={wide}"[:MAX_QUERY_LENGTH]
    parsed = pages.parse_shared(key, words)
    assert len(parsed.notices) == 2
    entry = deep_size(key) + deep_size(parsed) + 3 * 8 + 100  # lru_cache's link: 4 slots + key tuple
    assert entry <= pages.PARSE_ENTRY_BYTES
    assert pages._parse_shared.cache_info().maxsize == pages.PARSE_CACHE_ENTRIES
    assert pages.PARSE_CACHE_BYTES <= 18 * 1024 * 1024
