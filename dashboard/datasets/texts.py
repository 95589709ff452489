"""The hand-curated documents of data/: the dialogue's TOML files and the presenter's stories.

They are read here as parsed documents, not yet checked: :mod:`dashboard.dialogue` and
:mod:`dashboard.stories` validate them and build their records (cached as registered loaders).
Nothing here is cached, so that a loader that reads a document again sees the file as it is.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml

from dashboard.datasets.files import read_bytes, read_text
from dashboard.datasets.registry import folder, take
from dashboard.errors import DataValidationError

DIALOGUE = "dialogue"
STORIES = "stories"
# The dialogue's files, in the order they are checked (a reference points at an item already seen).
DIALOGUE_FILES = ("themes.toml", "programmes.toml", "events.toml", "claims.toml")


def dialogue_folder(data_dir: Path | None = None) -> Path:
    return folder(data_dir) / DIALOGUE


def stories_folder(data_dir: Path | None = None) -> Path:
    return folder(data_dir) / STORIES


def story_files(data_dir: Path | None = None) -> list[Path]:
    """Every story file (``stories/*.yaml``), sorted by name."""
    return sorted(stories_folder(data_dir).glob("*.yaml"))


def hand_curated(data_dir: Path | None = None) -> list[Path]:
    """Every hand-curated file the app loads (the dialogue's, present or not, then each story):
    listed in ``manifest.json`` beside the tables and verified with them at start."""
    return [dialogue_folder(data_dir) / name for name in DIALOGUE_FILES] + story_files(data_dir)


def dialogue_documents(data_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """The dialogue's TOML files, parsed (not validated), by file name (parsed once at start: what
    :func:`~dashboard.datasets.files.verify` parsed is handed over)."""
    handed = take("texts:dialogue", folder(data_dir))
    if handed is not None:
        return handed  # type: ignore[no-any-return]
    where = dialogue_folder(data_dir)
    documents = {}
    for name in DIALOGUE_FILES:
        try:
            documents[name] = tomllib.loads(read_text(where / name))
        except tomllib.TOMLDecodeError as exc:
            raise DataValidationError(str(where / name), f"invalid TOML ({exc})") from None
    return documents


def story_documents(data_dir: Path | None = None) -> dict[Path, Any]:
    """Every story file, parsed (not validated), by path (parsed once at start, as the dialogue's)."""
    handed = take("texts:stories", folder(data_dir))
    if handed is not None:
        return handed  # type: ignore[no-any-return]
    documents = {}
    for file in story_files(data_dir):
        try:
            documents[file] = yaml.safe_load(read_text(file))
        except yaml.YAMLError as exc:
            raise DataValidationError(str(file), f"invalid YAML ({exc})") from None
    return documents


def text_bytes(data_dir: Path | None = None) -> dict[str, bytes]:
    """Every hand-curated file's bytes by path in data/ (what the data version hashes besides
    the manifest, which lists only the tables the pipeline writes)."""
    where = folder(data_dir)
    files = hand_curated(data_dir)
    return {path.relative_to(where).as_posix(): read_bytes(path) for path in files if path.exists()}
