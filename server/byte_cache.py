"""The in-process cache backend: least recently used first out, bounded in bytes, thread-safe.

flask-caching's ``SimpleCache`` is bounded by a count of entries, and an entry is whatever a
view returned: 512 downloads of a 2 MB table are a gigabyte. Here every value is pickled when it
is stored (as ``SimpleCache`` does: a cached ``Response`` is a copy that later hooks cannot
change) and counted as the pickle's length plus its key and :data:`ENTRY_OVERHEAD` for the
bookkeeping, so :attr:`ByteLRUCache.size` is what the cache holds, within a few percent. A value
over ``max_value_bytes`` is not stored at all (it would push out many useful ones), and keys
longer than :data:`MAX_KEY_CHARS` are replaced by their digest.

Selected by ``CACHE_TYPE = "server.byte_cache.ByteLRUCache"`` with ``CACHE_LOCAL_BYTES`` (the
budget) and ``CACHE_LOCAL_VALUE_BYTES`` (the largest value) in the cache config. The shared cache
(``CACHE_TYPE = "server.byte_cache.CappedRedisCache"``) is bounded by Redis's own ``maxmemory``
and never sends one value over :data:`REDIS_VALUE_BYTES`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import pickle
import threading
import time
from collections import OrderedDict
from typing import Any

from flask import Flask
from flask_caching.backends.base import BaseCache
from flask_caching.backends.rediscache import RedisCache

logger = logging.getLogger(__name__)

MAX_BYTES = 64 * 1024 * 1024
VALUE_FRACTION = 8  # by default, one value is at most an eighth of the budget
ENTRY_OVERHEAD = 256  # per entry: the ordered-dict slot and links, the tuple, the expiry, the key object
MAX_KEY_CHARS = 256


def stored_key(key: str) -> str:
    """``key`` itself, or its digest when it is longer than :data:`MAX_KEY_CHARS`."""
    if len(key) <= MAX_KEY_CHARS:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class ByteLRUCache(BaseCache):
    """A cache of pickled values within ``max_bytes`` (keys, values and overhead counted); the
    least recently used entries go first. Every method holds one lock."""

    def __init__(
        self,
        max_bytes: int = MAX_BYTES,
        max_value_bytes: int | None = None,
        default_timeout: int = 300,
        ignore_delete_many_errors: bool = False,
    ) -> None:
        super().__init__(default_timeout=default_timeout, ignore_delete_many_errors=ignore_delete_many_errors)
        if max_bytes < 1:
            raise ValueError("max_bytes must be at least 1")
        self.max_bytes = max_bytes
        self.max_value_bytes = max_bytes // VALUE_FRACTION if max_value_bytes is None else max_value_bytes
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()  # key -> (expiry or 0, pickle)
        self._bytes = 0
        self._lock = threading.RLock()

    @classmethod
    def factory(
        cls, app: Flask, config: dict[str, Any], args: list[Any], kwargs: dict[str, Any]
    ) -> ByteLRUCache:
        """flask-caching's constructor hook: the budget from ``CACHE_LOCAL_BYTES``."""
        max_bytes = int(config.get("CACHE_LOCAL_BYTES", MAX_BYTES))
        value_bytes = config.get("CACHE_LOCAL_VALUE_BYTES")
        kwargs.update(max_bytes=max_bytes, max_value_bytes=None if value_bytes is None else int(value_bytes))
        return cls(*args, **kwargs)

    @staticmethod
    def cost(key: str, dump: bytes) -> int:
        """The bytes one entry is counted for."""
        return len(key.encode("utf-8", "surrogatepass")) + len(dump) + ENTRY_OVERHEAD

    @property
    def size(self) -> int:
        """Bytes held, as counted (never over ``max_bytes``)."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def _expiry(self, timeout: int | dt.timedelta | None) -> float:
        seconds = self._normalize_timeout(timeout)
        return 0.0 if seconds == 0 else time.time() + seconds

    def _drop(self, key: str) -> bool:
        found = self._entries.pop(key, None)
        if found is None:
            return False
        self._bytes -= self.cost(key, found[1])
        return True

    def _live(self, key: str) -> bytes | None:
        """The pickle under ``key`` if present and fresh (an expired one is dropped)."""
        found = self._entries.get(key)
        if found is None:
            return None
        expiry, dump = found
        if expiry and expiry <= time.time():
            self._drop(key)
            return None
        return dump

    def _store(self, key: str, value: Any, timeout: int | dt.timedelta | None) -> bool:
        dump = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        self._drop(key)  # a value refused below must not leave an older one served
        cost = self.cost(key, dump)
        if cost > self.max_value_bytes:
            logger.info("cache: a value of %d bytes is not kept (at most %d)", cost, self.max_value_bytes)
            return False
        self._entries[key] = (self._expiry(timeout), dump)
        self._bytes += cost
        while self._bytes > self.max_bytes:
            old, (_expiry, old_dump) = self._entries.popitem(last=False)
            self._bytes -= self.cost(old, old_dump)
        return True

    def get(self, key: str) -> Any:
        key = stored_key(key)
        with self._lock:
            dump = self._live(key)
            if dump is None:
                return None
            self._entries.move_to_end(key)
        return pickle.loads(dump)

    def set(self, key: str, value: Any, timeout: int | dt.timedelta | None = None) -> bool:
        key = stored_key(key)
        with self._lock:
            return self._store(key, value, timeout)

    def add(self, key: str, value: Any, timeout: int | dt.timedelta | None = None) -> bool:
        key = stored_key(key)
        with self._lock:
            if self._live(key) is not None:
                return False
            return self._store(key, value, timeout)

    def delete(self, key: str) -> bool:
        with self._lock:
            return self._drop(stored_key(key))

    def has(self, key: str) -> bool:
        with self._lock:
            return self._live(stored_key(key)) is not None

    def clear(self) -> bool:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
        return True

    def inc(self, key: str, delta: int = 1) -> int | None:
        with self._lock:
            return super().inc(key, delta)

    def dec(self, key: str, delta: int = 1) -> int | None:
        with self._lock:
            return super().dec(key, delta)


REDIS_VALUE_BYTES = 8 * 1024 * 1024


class CappedRedisCache(RedisCache):
    """flask-caching's Redis backend that never sends a value over :data:`REDIS_VALUE_BYTES`
    (pickled). Redis holds the whole within its own ``maxmemory`` with ``allkeys-lru``."""

    max_value_bytes = REDIS_VALUE_BYTES

    def _dump(self, value: Any) -> bytes | None:
        dump = self.serializer.dumps(value)
        if dump is not None and len(dump) > self.max_value_bytes:
            limit = self.max_value_bytes
            logger.info("cache: a value of %d bytes is not sent (at most %d)", len(dump), limit)
            return None
        return dump

    def set(self, key: str, value: Any, timeout: int | dt.timedelta | None = None) -> Any:
        dump = self._dump(value)
        if dump is None:
            return False
        seconds = self._normalize_timeout(timeout)
        return self._write_client.set(
            name=f"{self._get_prefix()}{key}", value=dump, ex=seconds if seconds != -1 else None
        )

    def add(self, key: str, value: Any, timeout: int | dt.timedelta | None = None) -> Any:
        dump = self._dump(value)
        if dump is None:
            return False
        seconds = self._normalize_timeout(timeout)
        name = f"{self._get_prefix()}{key}"
        created = self._write_client.setnx(name=name, value=dump)
        if created and seconds != -1:
            self._write_client.expire(name=name, time=seconds)
        return created

    def set_many(self, mapping: dict[str, Any], timeout: int | dt.timedelta | None = None) -> list[Any]:
        return [key for key, value in mapping.items() if self.set(key, value, timeout)]
