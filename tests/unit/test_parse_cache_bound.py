"""The URL-parse cache keeps only queries the app can write: a 1.9 MB query in a forged callback
body is answered (read as empty, with a notice) but never pinned in memory (issue 16)."""

from __future__ import annotations

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
