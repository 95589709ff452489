"""Load and check the hand-written indicator catalogue (``catalogue.toml``)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.errors import DataValidationError
from dashboard.etl.reference import LANGUAGES

CATALOGUE_FILE = Path(__file__).with_name("catalogue.toml")
REQUIRED = (
    "id",
    "group",
    "unit",
    "source",
    "computed",
    "aggregate",
    "coverage",
    "colour",
    "label",
    "definition",
    "method",
)
# What readers see: a table with non-empty text in every language the app ships.
TEXT_FIELDS = ("label", "definition", "method")
# Optional notes, each a table of texts in every language when given: what the source does not
# cover and why (``gaps``), why a computed ratio's numerator and denominator editions differ
# (``editions_note``).
NOTE_FIELDS = ("gaps", "editions_note")
SOURCE_FIELDS = ("name", "publisher", "edition", "licence", "citation", "url", "raw")
# What readers see of a source besides its published name and citation: a table of texts by
# language. ``licence`` may instead be one string, the licence's own name or code (CC BY 4.0),
# the same in every language; the ETL writes both as ``{lang: text}``.
SOURCE_TEXTS = ("edition", "licence")
UNITS = {"persons", "percent", "per_1000", "usd"}
GROUPS = {"stocks", "shares", "flows", "refugees", "remittances", "population"}


def load(path: Path = CATALOGUE_FILE) -> dict[str, Any]:
    """The catalogue as ``{"sources": {...}, "indicators": [...]}``, checked for consistency."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    sources = raw.get("sources", {})
    indicators = raw.get("indicator", [])
    ids = [spec.get("id") for spec in indicators]
    problems = []
    if len(set(ids)) != len(ids):
        problems.append("duplicate indicator ids")
    for spec in indicators:
        name = spec.get("id", "?")
        problems += [f"{name}: missing {key!r}" for key in REQUIRED if key not in spec]
        if spec.get("source") not in sources:
            problems.append(f"{name}: unknown source {spec.get('source')!r}")
        if spec.get("unit") not in UNITS:
            problems.append(f"{name}: unknown unit {spec.get('unit')!r}")
        if spec.get("group") not in GROUPS:
            problems.append(f"{name}: unknown group {spec.get('group')!r}")
        if spec.get("aggregate") == "ratio":
            for part in ("numerator", "denominator", "scale"):
                if part not in spec:
                    problems.append(f"{name}: ratio without {part!r}")
            for part in ("numerator", "denominator"):
                if spec.get(part) not in ids:
                    problems.append(f"{name}: {part} {spec.get(part)!r} is not an indicator")
            if (denominator := spec.get("denominator_source")) not in sources:
                problems.append(f"{name}: denominator_source {denominator!r} is not a source")
        for field in NOTE_FIELDS:
            if field in spec and any(str(v).strip() for v in dict(spec[field]).values()):
                problems += language_problems(name, field, spec[field])
        problems += text_problems(spec)
    for key, source in sources.items():
        problems += [f"source {key}: missing {field!r}" for field in SOURCE_FIELDS if field not in source]
        problems += source_problems(key, source)
    if problems:
        raise DataValidationError(str(path), "; ".join(problems))
    return {
        "sources": {key: with_source_texts(source) for key, source in sources.items()},
        "indicators": [with_texts(spec) for spec in indicators],
    }


def source_problems(key: str, source: dict[str, Any]) -> list[str]:
    """What is missing from a source's reader-facing edition and licence, per field and language."""
    problems = []
    for field in SOURCE_TEXTS:
        values = source.get(field)
        if values is None or (field == "licence" and isinstance(values, str) and values.strip()):
            continue  # a missing key is reported as such; a licence code is the same in every language
        kind = "a licence code or a table" if field == "licence" else "a table"
        problems += language_problems(f"source {key}", field, values, kind)
    return problems


def language_problems(owner: str, field: str, values: object, kind: str = "a table") -> list[str]:
    """What is wrong with one ``{lang: text}`` table: not a table, a language without text, or a
    language the app does not ship."""
    if not isinstance(values, dict):
        return [f"{owner}: {field} must be {kind} of texts by language {list(LANGUAGES)}"]
    problems = []
    missing = [
        lang for lang in LANGUAGES if not isinstance(values.get(lang), str) or not values[lang].strip()
    ]
    if missing:
        problems.append(
            f"{owner}: {field} has no text in {', '.join(missing)}"
            f" (each of {', '.join(LANGUAGES)} is required)"
        )
    if unknown := sorted(set(values) - set(LANGUAGES)):
        problems.append(f"{owner}: {field} has unknown language(s) {unknown}")
    return problems


def with_source_texts(source: dict[str, Any]) -> dict[str, Any]:
    """The source with ``edition`` and ``licence`` as ``{lang: text}`` (a licence code in each)."""
    texts = {
        field: dict.fromkeys(LANGUAGES, source[field])
        if isinstance(source[field], str)
        else {lang: source[field][lang] for lang in LANGUAGES}
        for field in SOURCE_TEXTS
    }
    return {**source, **texts}


def text_problems(spec: dict[str, Any]) -> list[str]:
    """What is missing from an indicator's reader-facing texts, one line per field and language.

    ``label`` and ``definition`` need non-empty text in each of :data:`LANGUAGES`; so does
    ``method``, which may instead be ``""`` (nothing to explain) unless the indicator is computed.
    """
    name, problems = spec.get("id", "?"), []
    for field in TEXT_FIELDS:
        values = spec.get(field)
        if values is None:
            continue  # reported as a missing key
        if field == "method" and values == "":
            if spec.get("computed"):
                problems.append(f"{name}: method is empty but the indicator is computed")
            continue
        problems += language_problems(name, field, values)
    return problems


def with_texts(spec: dict[str, Any]) -> dict[str, Any]:
    """The indicator with every text field as ``{lang: text}`` (an empty method in each language)."""
    texts = {
        field: {lang: spec[field][lang] for lang in LANGUAGES}
        if spec[field]
        else dict.fromkeys(LANGUAGES, "")
        for field in TEXT_FIELDS
    }
    return {**spec, **texts}


def with_coverage(catalogue: dict[str, Any], indicators: pd.DataFrame) -> dict[str, Any]:
    """Add the years each indicator has a real value for (any member country; NaN is no data),
    and the notes every indicator carries (empty when there is nothing to say)."""
    real = indicators[indicators["value"].notna()]
    years = real.groupby("indicator")["year"].unique()
    out = {"sources": catalogue["sources"], "indicators": []}
    for spec in catalogue["indicators"]:
        found = sorted(int(y) for y in years.get(spec["id"], []))
        notes = {name: spec.get(name) or dict.fromkeys(LANGUAGES, "") for name in NOTE_FIELDS}
        out["indicators"].append(
            {**spec, **notes, "denominator_source": spec.get("denominator_source", ""), "years": found}
        )
    return out
