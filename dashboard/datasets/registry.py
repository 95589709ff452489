"""The registry of loaders: which data folder is read, and every cache built from it.

A loader is a function of the data folder (``data_dir``, default: the folder chosen by
:func:`use`) whose result is cached; :func:`loader` registers it, so that :func:`clear` and
:func:`warm` are derived from one list instead of hand-kept ones. Caches of values computed
from the data elsewhere (:func:`dashboard.datasets.derived`) are registered here too, so that
:func:`use` starts every one of them afresh.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from dashboard import paths

T = TypeVar("T")


class Clearable(Protocol):
    def cache_clear(self) -> None: ...


class Loader(Generic[T]):
    """A cached function of the data folder; ``f()`` and ``f(None)`` share one entry. ``runs``
    counts how often the function itself ran (once per data version: a test checks)."""

    def __init__(self, function: Callable[[Path | None], T]) -> None:
        self._function = function
        self._cached = functools.cache(self._compute)
        self.name = f"{function.__module__}.{function.__qualname__}"
        self.runs = 0
        functools.update_wrapper(self, function)

    def _compute(self, data_dir: Path | None) -> T:
        self.runs += 1
        return self._function(data_dir)

    def __call__(self, data_dir: Path | None = None) -> T:
        return self._cached(data_dir)

    def cache_clear(self) -> None:
        self._cached.cache_clear()

    def cache_info(self) -> Any:
        return self._cached.cache_info()

    def __repr__(self) -> str:
        return f"<loader {self.name}>"


_FOLDER: list[Path] = []  # the folder chosen by :func:`use`; empty: ``paths.data_dir()``
_LOADERS: list[Loader[Any]] = []
_DERIVED: list[Clearable] = []
# Values the start-up check built, by (name, folder), until the first call for that folder takes
# them: the check and the warm-up after it read and parse each file once, not twice.
_HANDED: dict[tuple[str, Path], Any] = {}


def hand_over(name: str, data_dir: Path, value: Any) -> None:
    """Keep ``value`` for the first :func:`take` of ``name`` in ``data_dir``."""
    _HANDED[(name, Path(data_dir))] = value


def take(name: str, data_dir: Path) -> Any:
    """The value handed over for ``name`` in ``data_dir`` (then forgotten), or None."""
    return _HANDED.pop((name, Path(data_dir)), None)


def forget_handed() -> None:
    """Drop every value handed over and not taken (a new start-up check starts afresh)."""
    _HANDED.clear()


def loader(function: Callable[[Path | None], T]) -> Loader[T]:
    """Cache ``function`` (a function of the data folder) and register it to be cleared and warmed."""
    registered = Loader(function)
    _LOADERS.append(registered)
    return registered


def keep(cache: Clearable) -> None:
    """Register a cache of values derived from the data: cleared with the loaders."""
    _DERIVED.append(cache)


def loaders() -> tuple[Loader[Any], ...]:
    """Every registered loader, in registration order (a loader comes after those it reads)."""
    return tuple(_LOADERS)


def folder(data_dir: Path | None = None) -> Path:
    """``data_dir`` if given, else the folder chosen by :func:`use`, else ``paths.data_dir()``."""
    if data_dir is not None:
        return Path(data_dir)
    return _FOLDER[0] if _FOLDER else paths.data_dir()


def use(data_dir: Path) -> None:
    """Read every file from ``data_dir`` from now on (the app's verified folder); caches start afresh."""
    _FOLDER[:] = [Path(data_dir)]
    clear()


def clear() -> None:
    """Forget every cached table, index, document and derived value (and so the data version)."""
    for registered in _LOADERS:
        registered.cache_clear()
    for cache in _DERIVED:
        cache.cache_clear()


def warm(data_dir: Path | None = None) -> None:
    """Build every registered loader now (at start-up), not on the first request."""
    for registered in _LOADERS:
        registered(data_dir)
