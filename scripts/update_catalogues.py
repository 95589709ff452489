"""Extract every ``_("...")`` message from the code and merge it into each language's .po file.

Existing translations are kept; new messages arrive untranslated (and the catalogue
test fails until every language has them). Run: ``python scripts/update_catalogues.py``;
``--add FILE.json`` also fills in translations given as ``{"msgid": {"es": …, "pt": …, "fr": …}}``
(placeholders such as ``{count}`` must match the English). A plural message, written
``locale.ngettext("{n} country", "{n} countries", n)``, is keyed by its singular and translated as a
list of the language's plural forms: ``{"{n} country": {"es": ["{n} país", "{n} países", "{n} países"]}}``.
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
SOURCES = ("dashboard", "layouts", "callbacks", "server")
KEYWORDS = {"_": None, "ngettext": (1, 2)}
Message = str | tuple[str, str]  # a plain message, or a plural one as (singular, plural)
Text = str | list[str]  # a translation, or a plural message's forms
LANGUAGES = ("es", "pt", "fr")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # keeps the files stable between runs


def extract_all() -> list[Message]:
    """Every message used in the code, plain and plural, sorted by its (singular) id."""
    found: set[Message] = set()
    for folder in SOURCES:
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, comment_tags=()
        ):
            if isinstance(message, str):
                found.add(message)
            elif isinstance(message, tuple) and len(message) == 2 and all(message):
                found.add((str(message[0]), str(message[1])))
    return sorted(found, key=lambda m: m if isinstance(m, str) else m[0])


def extract() -> list[str]:
    """Every plain (``_("…")``) message id used in the code, sorted."""
    return [m for m in extract_all() if isinstance(m, str)]


def extract_plurals() -> list[tuple[str, str]]:
    """Every plural (``ngettext``) message used in the code, as (singular, plural)."""
    return [m for m in extract_all() if isinstance(m, tuple)]


def added(files: list[str]) -> dict[str, dict[str, Text]]:
    """msgid -> {lang: text or plural forms} from the ``--add`` files; a placeholder mismatch stops
    the run."""
    out: dict[str, dict[str, Text]] = {}
    for name in files:
        for message, texts in json.loads(Path(name).read_text(encoding="utf-8")).items():
            for lang, text in texts.items():
                for form in [text] if isinstance(text, str) else text:
                    if set(re.findall(r"{\w*}", form)) != set(re.findall(r"{\w*}", message)):
                        raise SystemExit(f"{name}: {lang} of {message!r} has other placeholders: {form!r}")
            out.setdefault(message, {}).update(texts)
    return out


def merge(lang: str, messages: list[Message], new: dict[str, dict[str, Text]] | None = None) -> int:
    """Rewrite ``<lang>/LC_MESSAGES/messages.po`` with ``messages``; returns how many lack a translation."""
    path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    old: dict[str, Text] = {}
    if path.exists():
        with path.open("rb") as handle:
            for m in read_po(handle):
                if isinstance(m.id, tuple):
                    old[str(m.id[0])] = [str(form) for form in m.string]
                elif m.id:
                    old[str(m.id)] = str(m.string)
    catalog = Catalog(
        locale=lang, project="Puentes", fuzzy=False, creation_date=FIXED_DATE, revision_date=FIXED_DATE
    )
    missing = 0
    for message in messages:
        key = message if isinstance(message, str) else message[0]
        text = (new or {}).get(key, {}).get(lang) or old.get(key)
        if isinstance(message, str):
            text = text if isinstance(text, str) else ""
        else:
            forms = list(text) if isinstance(text, list) else []
            text = tuple(forms) if len(forms) == catalog.num_plurals else ("",) * catalog.num_plurals
        missing += not all([text] if isinstance(text, str) else text)
        catalog.add(message, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True, sort_output=True)
    return missing


def main() -> int:
    files = sys.argv[sys.argv.index("--add") + 1 :] if "--add" in sys.argv else []
    messages, new = extract_all(), added(files)
    for lang in LANGUAGES:
        missing = merge(lang, messages, new)
        print(f"{lang}: {len(messages)} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
