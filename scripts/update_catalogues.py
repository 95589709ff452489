"""Extract every ``_("...")`` message from the code and merge it into each language's .po file.

Existing translations are kept; new messages arrive untranslated (and the catalogue
test fails until every language has them). Run: ``python scripts/update_catalogues.py``;
``--add FILE.json`` also fills in translations given as ``{"msgid": {"es": …, "pt": …, "fr": …}}``
(placeholders such as ``{count}`` must match the English).
"""

from __future__ import annotations

import json
import re
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


def added(files: list[str]) -> dict[str, dict[str, str]]:
    """msgid -> {lang: text} from the ``--add`` files; a placeholder mismatch stops the run."""
    out: dict[str, dict[str, str]] = {}
    for name in files:
        for message, texts in json.loads(Path(name).read_text(encoding="utf-8")).items():
            for lang, text in texts.items():
                if set(re.findall(r"{\w*}", text)) != set(re.findall(r"{\w*}", message)):
                    raise SystemExit(f"{name}: {lang} of {message!r} has other placeholders: {text!r}")
            out.setdefault(message, {}).update(texts)
    return out


def merge(lang: str, messages: list[str], new: dict[str, dict[str, str]] | None = None) -> int:
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
        catalog.add(message, (new or {}).get(message, {}).get(lang) or old.get(message, ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True, sort_output=True)
    return sum(1 for m in messages if not ((new or {}).get(m, {}).get(lang) or old.get(m)))


def main() -> int:
    files = sys.argv[sys.argv.index("--add") + 1 :] if "--add" in sys.argv else []
    messages, new = extract(), added(files)
    for lang in LANGUAGES:
        missing = merge(lang, messages, new)
        print(f"{lang}: {len(messages)} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
