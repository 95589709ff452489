"""Runtime settings from the environment, with defaults for a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dashboard import paths


@dataclass(frozen=True)
class Settings:
    """What ``create_app`` needs to know. Documented in README (a test checks it)."""

    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8050
    title: str = "Puentes"

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            data_dir=paths.data_dir(),
            host=os.environ.get("HOST", "127.0.0.1"),
            port=int(os.environ.get("PORT", "8050")),
        )
