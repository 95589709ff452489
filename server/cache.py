"""The optional shared cache: Redis when ``CACHE_URL=redis://…`` (every replica shares it),
in-process otherwise. It holds the downloads (CSV and XLSX of every chart), keyed by the data
edition and the query, so a delegation downloading the same table a hundred times costs one
build. No per-user state."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_caching import Cache

from dashboard import datasets, urls

CACHED_ROUTES = (urls.MAP_CSV, urls.CORRIDORS_CSV)
TIMEOUT = 6 * 3600
LOCAL_ENTRIES = 512


def cache_config(cache_url: str, version: str) -> dict[str, object]:
    prefix = f"puentes:{version}:"
    if cache_url:
        return {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": cache_url,
            "CACHE_KEY_PREFIX": prefix,
            "CACHE_DEFAULT_TIMEOUT": TIMEOUT,
            # A cache that is down must not take the downloads with it.
            "CACHE_OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    return {
        "CACHE_TYPE": "SimpleCache",
        "CACHE_KEY_PREFIX": prefix,
        "CACHE_DEFAULT_TIMEOUT": TIMEOUT,
        "CACHE_THRESHOLD": LOCAL_ENTRIES,
    }


def succeeded(response: object) -> bool:
    """Only complete answers are kept: an error is recomputed (and may not happen again)."""
    return getattr(response, "status_code", 200) == 200


def register(server: Flask, cache_url: str) -> Cache:
    """Wrap the download routes (found by URL, whoever registered them) with the cache, keyed by
    the data version (``datasets.version()``: a data refresh starts a fresh key space)."""
    cache = Cache(server, config=cache_config(cache_url, datasets.version()))
    for rule in server.url_map.iter_rules():
        if rule.rule in CACHED_ROUTES or rule.rule.startswith(urls.DOWNLOAD):  # every chart's table
            view = server.view_functions[rule.endpoint]
            cached: Any = cache.cached(timeout=TIMEOUT, query_string=True, response_filter=succeeded)(view)
            server.view_functions[rule.endpoint] = cached
    return cache
