"""Extract every ``_("...")`` message from the code and merge it into each language's .po file.

Existing translations are kept; new messages arrive untranslated (and the catalogue
test fails for Spanish until they are translated). Run: ``python scripts/update_catalogues.py``.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "dashboard" / "locales"
SOURCES = ("dashboard", "layouts", "callbacks")
LANGUAGES = ("es", "pt", "fr")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # keeps the files stable between runs


def extract() -> list[str]:
    """Every message id used in the code, sorted."""
    found: set[str] = set()
    for folder in SOURCES:
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords={"_": None}, comment_tags=()
        ):
            if isinstance(message, str):
                found.add(message)
    return sorted(found)


def merge(lang: str, messages: list[str]) -> int:
    """Rewrite ``<lang>/LC_MESSAGES/messages.po`` with ``messages``; returns how many lack a translation."""
    path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    old: dict[str, str] = {}
    if path.exists():
        with path.open("rb") as handle:
            old = {str(m.id): str(m.string) for m in read_po(handle) if m.id}
    catalog = Catalog(
        locale=lang, project="Puentes", fuzzy=False, creation_date=FIXED_DATE, revision_date=FIXED_DATE
    )
    for message in messages:
        catalog.add(message, old.get(message, ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True, sort_output=True)
    return sum(1 for m in messages if not old.get(m))


def main() -> int:
    messages = extract()
    for lang in LANGUAGES:
        missing = merge(lang, messages)
        print(f"{lang}: {len(messages)} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
