"""The in-process cache backend: bounded in bytes (keys, pickled values and overhead counted),
least recently used first out, oversize values refused, safe under concurrent threads, and the
flask-caching ``Cache`` API (``get``/``set``) working on top of it (issue 16)."""

from __future__ import annotations

import pickle
import random
import threading
import time

import pytest
from flask import Flask, Response
from flask_caching import Cache

from server.byte_cache import ENTRY_OVERHEAD, MAX_KEY_CHARS, ByteLRUCache, stored_key

KIB = 1024


def counted(cache: ByteLRUCache) -> int:
    """The bytes the cache should be counting, recomputed from what it holds."""
    return sum(ByteLRUCache.cost(key, dump) for key, (_expiry, dump) in cache._entries.items())


def test_the_least_recently_used_entry_goes_first() -> None:
    value = b"x" * 1000
    one_entry = ByteLRUCache.cost("k0", pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    cache = ByteLRUCache(max_bytes=3 * one_entry, max_value_bytes=one_entry)
    for key in ("k0", "k1", "k2"):
        assert cache.set(key, value)
    assert cache.get("k0") == value  # k0 is now the most recently used
    cache.set("k3", value)
    assert [cache.has(k) for k in ("k0", "k1", "k2", "k3")] == [True, False, True, True]
    assert cache.size == 3 * one_entry == counted(cache)


def test_the_budget_holds_whatever_is_stored() -> None:
    cache = ByteLRUCache(max_bytes=64 * KIB)
    for n in range(2000):
        cache.set(f"key-{n}", b"v" * random.randint(0, 4 * KIB))
        assert cache.size <= 64 * KIB
    assert cache.size == counted(cache) and len(cache) > 10


def test_a_value_over_its_share_of_the_budget_is_not_kept() -> None:
    cache = ByteLRUCache(max_bytes=80 * KIB)  # one value: at most an eighth, 10 KiB
    assert cache.max_value_bytes == 10 * KIB
    assert cache.set("small", b"s" * (9 * KIB))
    assert cache.set("small", b"s" * (11 * KIB)) is False
    assert cache.get("small") is None  # the older, smaller value is not served either
    assert cache.size == 0 and len(cache) == 0


def test_long_keys_are_kept_by_their_digest() -> None:
    cache = ByteLRUCache(max_bytes=64 * KIB)
    key = "view/" + "junk=1&" * 100_000
    cache.set(key, 1)
    assert cache.get(key) == 1
    assert [len(k) for k in cache._entries] == [len(stored_key(key))]
    assert len(stored_key(key)) < MAX_KEY_CHARS


def test_values_are_copies_and_expire() -> None:
    cache = ByteLRUCache(max_bytes=64 * KIB)
    stored = {"a": [1, 2]}
    cache.set("d", stored, timeout=1)
    stored["a"].append(3)
    assert cache.get("d") == {"a": [1, 2]}  # a later change of the object is not in the cache
    assert cache.add("d", "other") is False
    cache._entries["d"] = (time.time() - 1, cache._entries["d"][1])  # as if a second had passed
    assert cache.get("d") is None and cache.size == 0
    assert cache.add("d", "other") and cache.get("d") == "other"


def test_concurrent_threads_keep_the_count_exact() -> None:
    cache = ByteLRUCache(max_bytes=256 * KIB)
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        rng = random.Random(seed)
        try:
            for _ in range(3000):
                key = f"k{rng.randrange(400)}"
                action = rng.random()
                if action < 0.5:
                    cache.set(key, bytes(rng.randrange(4 * KIB)))
                elif action < 0.9:
                    found = cache.get(key)
                    assert found is None or isinstance(found, bytes)
                else:
                    cache.delete(key)
                assert cache.size <= cache.max_bytes
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert cache.size == counted(cache) <= 256 * KIB


def test_flask_caching_builds_it_from_the_config_and_stores_image_bytes() -> None:
    app = Flask(__name__)
    config = {
        "CACHE_TYPE": "server.byte_cache.ByteLRUCache",
        "CACHE_LOCAL_BYTES": 1024 * KIB,
        "CACHE_DEFAULT_TIMEOUT": 60,
    }
    cache = Cache(app, config=config)
    backend = app.extensions["cache"][cache]
    assert isinstance(backend, ByteLRUCache) and backend.max_bytes == 1024 * KIB
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100
    assert cache.set("image:abc", png, timeout=3600)
    assert cache.get("image:abc") == png
    assert cache.set("image:huge", b"0" * (200 * KIB)) is False  # over an eighth of the budget
    assert cache.get("image:huge") is None
    # A cached Response (what ``cached()`` views store) is counted by its pickle: body and headers.
    response = Response(b"a,b\n" * 10_000, mimetype="text/csv")
    cache.set("csv", response)
    dump = pickle.dumps(response, pickle.HIGHEST_PROTOCOL)
    assert len(dump) > 40_000
    png_cost = ByteLRUCache.cost("image:abc", pickle.dumps(png, pickle.HIGHEST_PROTOCOL))
    assert backend.size == png_cost + ByteLRUCache.cost("csv", dump)
    assert cache.get("csv").get_data() == response.get_data()
    assert ENTRY_OVERHEAD > 0


def test_a_budget_below_one_byte_is_refused() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        ByteLRUCache(max_bytes=0)
