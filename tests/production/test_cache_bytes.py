"""The download cache holds its byte budget when fed hostile keys through the real app: junk
parameters share the entry of the chart they name, and thousands of distinct views never take
it past its budget (issue 16: junk parameters used to add ~970 MB to a worker)."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator

import pytest
from dash import Dash
from flask_caching import Cache

from dashboard.vocabulary import vocabulary
from server.byte_cache import ByteLRUCache

BUDGET = 4 * 1024 * 1024


def rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.fixture
def small_cache(server_app: Dash) -> Iterator[ByteLRUCache]:
    """The app's download cache swapped for one of :data:`BUDGET` bytes for the test."""
    caches = server_app.server.extensions["cache"]
    (key,) = [k for k in caches if isinstance(k, Cache)]
    before = caches[key]
    assert isinstance(before, ByteLRUCache)
    caches[key] = ByteLRUCache(max_bytes=BUDGET, default_timeout=300)
    try:
        yield caches[key]
    finally:
        caches[key] = before


def test_junk_parameters_share_the_entry_of_their_chart(server_app: Dash, small_cache: ByteLRUCache) -> None:
    client = server_app.server.test_client()
    first = client.get("/download/map.csv?year=2020&lang=es")
    for n in range(200):
        again = client.get(f"/download/map.csv?utm{n}={'x' * n}&lang=es&year=2020&year=1800&lang=zz")
        assert again.data == first.data
    assert len(small_cache) == 1
    assert all(len(key) < 100 for key in small_cache._entries)


def test_ten_thousand_hostile_downloads_stay_under_the_budget(
    server_app: Dash, small_cache: ByteLRUCache
) -> None:
    client = server_app.server.test_client()
    members = sorted(vocabulary().members)
    rng = random.Random(16)
    views = [",".join(rng.sample(members, 3)) for _ in range(400)]  # 400 distinct tables of ~12 kB
    client.get("/download/map.csv")
    before = rss()
    for n in range(10_000):
        junk = f"&junk{n}=" + "x" * rng.randrange(2000)
        response = client.get(f"/download/map.csv?countries={rng.choice(views)}{junk}")
        assert response.status_code == 200
        if n % 500 == 0:
            assert small_cache.size <= BUDGET
    assert small_cache.size <= BUDGET
    assert len(small_cache) > 100  # it was full: the budget, not the traffic, bounded it
    growth = rss() - before
    # The budget, the URL-parse cache and the allocator's slack; before issue 16 it was ~970 MB.
    assert growth < BUDGET + 48 * 1024 * 1024, f"RSS grew by {growth / 1e6:.1f} MB"
