"""The optional shared cache: Redis when ``CACHE_URL=redis://…`` (every replica shares it),
in-process otherwise. It holds the downloads (CSV and XLSX of every chart), keyed by the data
edition and the chart the query names, so a delegation downloading the same table a hundred
times costs one build. No per-user state.

Memory: the in-process cache (:class:`server.byte_cache.ByteLRUCache`) holds at most
``local_bytes`` per worker (default :data:`LOCAL_BYTES`, counted as pickled values plus keys and
overhead) and no value over an eighth of that; Redis holds what its ``maxmemory`` allows
(``allkeys-lru``) and is never sent a value over :data:`server.byte_cache.REDIS_VALUE_BYTES`.
A download's key is the chart state its query reads as (:func:`download_key`), not the raw
query: junk parameters, their order and bad values that read as the defaults share one entry.
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Flask, request
from flask_caching import Cache

from dashboard import datasets, urls
from dashboard.views import charts
from server import byte_cache

CACHED_ROUTES = {urls.MAP_CSV: "map", urls.CORRIDORS_CSV: "corridors"}  # page of each published link
TIMEOUT = 6 * 3600
LOCAL_BYTES = byte_cache.MAX_BYTES


def cache_config(cache_url: str, version: str, local_bytes: int = LOCAL_BYTES) -> dict[str, object]:
    prefix = f"puentes:{version}:"
    if cache_url:
        return {
            "CACHE_TYPE": "server.byte_cache.CappedRedisCache",
            "CACHE_REDIS_URL": cache_url,
            "CACHE_KEY_PREFIX": prefix,
            "CACHE_DEFAULT_TIMEOUT": TIMEOUT,
            # A cache that is down must not take the downloads with it.
            "CACHE_OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    return {
        "CACHE_TYPE": "server.byte_cache.ByteLRUCache",
        "CACHE_KEY_PREFIX": prefix,
        "CACHE_DEFAULT_TIMEOUT": TIMEOUT,
        "CACHE_LOCAL_BYTES": local_bytes,
    }


def succeeded(response: object) -> bool:
    """Only complete answers are kept: an error is recomputed (and may not happen again)."""
    return getattr(response, "status_code", 200) == 200


def download_key(*_args: Any, **view_args: Any) -> str:
    """The cache key of the download being requested: its path and a digest of the chart state
    its query reads as (what the table, its file name and its language depend on). Any query,
    however long or full of junk, gives a key of under 100 characters, and only states the app
    can draw have keys of their own."""
    page = view_args.get("page") or CACHED_ROUTES.get(request.path, "map")
    query = request.query_string.decode("utf-8", errors="replace")
    shown = charts.read(str(page), query)
    digest = hashlib.sha256(repr(shown).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"download:{request.path}:{digest}"


def register(server: Flask, cache_url: str, local_bytes: int = LOCAL_BYTES) -> Cache:
    """Wrap the download routes (found by URL, whoever registered them) with the cache, keyed by
    the data version (``datasets.version()``: a data refresh starts a fresh key space)."""
    cache = Cache(server, config=cache_config(cache_url, datasets.version(), local_bytes))
    for rule in server.url_map.iter_rules():
        if rule.rule in CACHED_ROUTES or rule.rule.startswith(urls.DOWNLOAD):  # every chart's table
            view = server.view_functions[rule.endpoint]
            cached: Any = cache.cached(
                timeout=TIMEOUT, make_cache_key=download_key, response_filter=succeeded
            )(view)
            server.view_functions[rule.endpoint] = cached
    return cache
