"""The data-version token, and caches of values derived from the data keyed on it.

:func:`version` is a short digest of the verified ``manifest.json`` (which holds every table's
hash) and of the hand-curated dialogue and story files. Every cache of the app keys on it: the
derived caches here, the callback answers and the shared download cache (whose keys other
replicas read, hence a digest and not a counter). A data refresh starts a fresh key space.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, ParamSpec, TypeVar

from dashboard.datasets.files import read
from dashboard.datasets.registry import folder, keep, loader
from dashboard.datasets.texts import text_bytes

P = ParamSpec("P")
R = TypeVar("R")
DIGITS = 12


@loader
def manifest(data_dir: Path | None = None) -> dict[str, Any]:
    """The manifest written by the ETL (editions and file hashes)."""
    return dict(read("manifest.json", folder(data_dir)))


def digest(manifest: Mapping[str, object], texts: Mapping[str, bytes] | None = None) -> str:
    """A short digest of a manifest and of the hand-curated files' bytes (by path)."""
    hashed = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode())
    for name, content in sorted((texts or {}).items()):
        hashed.update(b"\0" + name.encode() + b"\0" + hashlib.sha256(content).digest())
    return hashed.hexdigest()[:DIGITS]


@loader
def version(data_dir: Path | None = None) -> str:
    """The data-version token of the folder: every cache keys on it."""
    return digest(manifest(data_dir), text_bytes(data_dir))


class Derived(Generic[P, R]):
    """A function of the data and its arguments, cached per (data version, arguments)."""

    def __init__(self, function: Callable[P, R], maxsize: int | None) -> None:
        def compute(_version: str, *args: Any, **kwargs: Any) -> R:
            return function(*args, **kwargs)

        self._cached = functools.lru_cache(maxsize=maxsize)(compute)
        self._lookup: Callable[..., R] = self._cached  # arguments are hashable, as for lru_cache
        functools.update_wrapper(self, function)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._lookup(version(), *args, **kwargs)

    def cache_clear(self) -> None:
        self._cached.cache_clear()

    def cache_info(self) -> Any:
        return self._cached.cache_info()


def derived(maxsize: int | None = 128) -> Callable[[Callable[P, R]], Derived[P, R]]:
    """Cache a value computed from the data, keyed on :func:`version` besides its arguments (new
    data never meets old entries) and cleared with the loaders. Shared: callers never mutate it."""

    def decorate(function: Callable[P, R]) -> Derived[P, R]:
        cached = Derived(function, maxsize)
        keep(cached)
        return cached

    return decorate
