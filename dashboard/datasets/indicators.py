"""The indicator catalogue and the sources' descriptions (``catalogue.json``), as records.

Both refuse a catalogue without reader-facing text in every language of the app.

Besides its label, definition and method, an indicator says what its source does not cover
(``gaps``), where a computed ratio's denominator comes from (``denominator_source``, a key of
:func:`sources`) and why numerator and denominator editions differ (``editions_note``): read the
notes with :meth:`Indicator.note`, which gives "" when there is nothing to say.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dashboard.datasets.files import read
from dashboard.datasets.registry import folder, loader
from dashboard.errors import DataValidationError
from dashboard.i18n import LANGUAGES
from dashboard.locale import Locale


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry, as the app needs it."""

    id: str
    group: str
    unit: str
    source: str
    computed: bool
    colour: str
    coverage: str
    label: dict[str, str]
    definition: dict[str, str]
    method: dict[str, str]
    years: tuple[int, ...]
    denominator_source: str = ""  # source key of a computed ratio's denominator; "" otherwise
    editions_note: dict[str, str] = dataclasses.field(default_factory=dict)  # why editions differ; "" if not
    gaps: dict[str, str] = dataclasses.field(default_factory=dict)  # what the source does not cover, and why

    def text(self, field: str, locale: Locale) -> str:
        """Label, definition or method in ``locale``.

        :func:`catalogue` refuses a catalogue.json without text in every language of the app, so
        English only stands in for a language the app does not ship (or a record built by hand).
        """
        values: dict[str, str] = getattr(self, field)
        return values[locale.lang] if locale.lang in values else values.get("en", "")

    def note(self, field: str, locale: Locale) -> str:
        """``gaps`` or ``editions_note`` in ``locale``: "" when there is nothing to say."""
        values: dict[str, str] = getattr(self, field)
        return str(values.get(locale.lang) or values.get("en") or "")

    def computed_method(self, locale: Locale) -> str:
        """How a computed indicator is made, in ``locale``; empty for a published one."""
        return self.text("method", locale) if self.computed else ""


@loader
def catalogue(data_dir: Path | None = None) -> dict[str, Indicator]:
    """Indicators by id, in catalogue order."""
    raw = read("catalogue.json", folder(data_dir))
    out = {}
    for spec in raw["indicators"]:
        out[spec["id"]] = Indicator(
            id=spec["id"],
            group=spec["group"],
            unit=spec["unit"],
            source=spec["source"],
            computed=bool(spec["computed"]),
            colour=spec["colour"],
            coverage=spec["coverage"],
            label=dict(spec["label"]),
            definition=dict(spec["definition"]),
            method=dict(spec["method"]),
            years=tuple(spec["years"]),
            denominator_source=str(spec.get("denominator_source") or ""),
            editions_note=dict(spec.get("editions_note") or {}),
            gaps=dict(spec.get("gaps") or {}),
        )
        _check_texts(out[spec["id"]], folder(data_dir) / "catalogue.json")
        _check_notes(out[spec["id"]], set(raw["sources"]), folder(data_dir) / "catalogue.json")
    return out


def _check_texts(spec: Indicator, path: Path) -> None:
    """Every reader-facing text in every language of the app (none silently shown in English)."""
    required = ("label", "definition", "method") if spec.computed else ("label", "definition")
    for field in required:
        values = getattr(spec, field)
        if missing := [lang for lang in LANGUAGES if not str(values.get(lang) or "").strip()]:
            raise DataValidationError(str(path), f"indicator {spec.id!r}: {field} has no text in {missing}")


NOTES = ("gaps", "editions_note")


def _check_notes(spec: Indicator, source_keys: set[str], path: Path) -> None:
    """A note is said in every language or in none; a denominator's source is a known source."""
    for name in NOTES:
        values = getattr(spec, name)
        said = [lang for lang in LANGUAGES if str(values.get(lang) or "").strip()]
        if said and len(said) != len(LANGUAGES):
            missing = [lang for lang in LANGUAGES if lang not in said]
            raise DataValidationError(str(path), f"indicator {spec.id!r}: {name} has no text in {missing}")
    if spec.denominator_source and spec.denominator_source not in source_keys:
        raise DataValidationError(
            str(path), f"indicator {spec.id!r}: unknown denominator_source {spec.denominator_source!r}"
        )


# A source's fields that readers see in their language, each ``{lang: text}`` in catalogue.json
# (a licence code such as CC BY 4.0 is the same text in every language).
SOURCE_TEXTS = ("edition", "licence")


@loader
def sources(data_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Dataset descriptions (name, edition, licence, citation, url) by source key.

    ``edition`` and ``licence`` are ``{lang: text}``: show them with :func:`source_field`.
    """
    path = folder(data_dir) / "catalogue.json"
    raw = read("catalogue.json", folder(data_dir))
    out = {key: dict(value) for key, value in raw["sources"].items()}
    for key, source in out.items():
        for field in SOURCE_TEXTS:
            values = source.get(field)
            if not isinstance(values, dict):
                raise DataValidationError(str(path), f"source {key!r}: {field} is not a table of languages")
            if missing := [lang for lang in LANGUAGES if not str(values.get(lang) or "").strip()]:
                raise DataValidationError(str(path), f"source {key!r}: {field} has no text in {missing}")
    return out


def source_field(source: Mapping[str, Any], field: str, locale: Locale) -> str:
    """A source's ``edition`` or ``licence`` (or any plain field, e.g. ``name``) in ``locale``.

    :func:`sources` refuses a catalogue.json without text in every language of the app, so English
    only stands in for a language the app does not ship.
    """
    value = source[field]
    if isinstance(value, Mapping):
        return str(value.get(locale.lang) or value.get("en", ""))
    return str(value)
