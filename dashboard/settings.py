"""Runtime settings from the environment, with defaults for a laptop."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dashboard import paths
from dashboard.urls.links import site_address

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


def _share(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name, "").strip() or str(default)
    try:
        value = float(text)
    except ValueError:
        raise SettingsError(f"{name}={text!r} is not a number") from None
    if not 0 < value <= 1:
        raise SettingsError(f"{name}={text!r} must be above 0 and at most 1")
    return value


def _public_url(text: str) -> str:
    """``PUBLIC_URL`` as ``scheme://host[:port]/path/`` (ending in ``/``), or "" when unset."""
    text = text.strip()
    if not text:
        return ""
    if (address := site_address(text)) is None:
        raise SettingsError(f"PUBLIC_URL={text!r} is not an address like https://puentes.example.org/")
    return address


@dataclass(frozen=True)
class Settings:
    """What ``create_app`` and gunicorn need to know. Documented in README (a test checks it).

    ``cache_url`` empty means an in-process cache (at most ``cache_local_bytes`` per worker);
    ``redis://…`` a cache shared by every replica.
    ``public_url`` is the site's address on slides and saved files (empty: the request's own).
    ``render_queue`` is how many images may wait to be drawn per container (``dashboard.renders``);
    ``render_share`` the largest share of time the render process may draw (it rests in between).
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
    public_url: str = ""
    render_queue: int = 40
    render_share: float = 1.0

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
        public_url = _public_url(env.get("PUBLIC_URL", ""))
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
            public_url=public_url,
            render_queue=_positive_int(env, "RENDER_QUEUE", 40),
            render_share=_share(env, "RENDER_SHARE", 1.0),
            cache_local_bytes=_positive_int(env, "CACHE_LOCAL_BYTES", 64 * 1024 * 1024),
        )
