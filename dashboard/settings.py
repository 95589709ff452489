"""Runtime settings from the environment, with defaults for a laptop."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dashboard import paths

LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
CACHE_SCHEMES = ("redis://", "rediss://", "unix://")


class SettingsError(ValueError):
    """An environment variable has a value the server cannot start with."""


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip() or str(default)
    try:
        value = int(text)
    except ValueError:
        raise SettingsError(f"{name}={text!r} is not a whole number") from None
    if value < 1:
        raise SettingsError(f"{name}={text!r} must be at least 1")
    return value


@dataclass(frozen=True)
class Settings:
    """What ``create_app`` and gunicorn need to know. Documented in README (a test checks it).

    ``cache_url`` empty means an in-process cache (at most ``cache_local_bytes`` per worker);
    ``redis://…`` a cache shared by every replica.
    """

    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = 2
    threads: int = 4
    log_level: str = "info"
    cache_url: str = ""
    cache_local_bytes: int = 64 * 1024 * 1024
    title: str = "Puentes"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``os.environ`` (or ``env``); a bad value fails with one clear line."""
        env = os.environ if env is None else env
        log_level = env.get("LOG_LEVEL", "").strip().lower() or "info"
        if log_level not in LOG_LEVELS:
            raise SettingsError(f"LOG_LEVEL={log_level!r} is not one of {', '.join(LOG_LEVELS)}")
        cache_url = env.get("CACHE_URL", "").strip()
        if cache_url and not cache_url.startswith(CACHE_SCHEMES):
            raise SettingsError(f"CACHE_URL must start with {' or '.join(CACHE_SCHEMES)} (or be empty)")
        port = _positive_int(env, "PORT", 8050)
        if port > 65535:
            raise SettingsError(f"PORT={port} is not a TCP port")
        return cls(
            data_dir=paths.data_dir(),
            host=env.get("HOST", "").strip() or "127.0.0.1",
            port=port,
            workers=_positive_int(env, "WORKERS", 2),
            threads=_positive_int(env, "THREADS", 4),
            log_level=log_level,
            cache_url=cache_url,
            cache_local_bytes=_positive_int(env, "CACHE_LOCAL_BYTES", 64 * 1024 * 1024),
        )
