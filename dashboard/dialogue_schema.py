"""The schema of the hand-curated dialogue data (``data/dialogue/*.toml``) and its validation.

What each table holds (:data:`SPECS`), the vocabularies its fields take, and :func:`validate`, which
raises :class:`DataValidationError` naming the file and the item of the first problem. The frames
built from valid records are in :mod:`dashboard.dialogue`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.errors import DataValidationError

# fmt: off
LANGS = ("en", "es", "pt", "fr")
SEED_FILES = ("000_df0e79ac1bf68b0e.txt", "001_8c253848710d4524.txt", "002_40a7fa9c1b874f21.txt",
              "003_ee5460814acfab00.txt", "004_917ba9d10bb49044.txt")
DATE_FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
KINDS = {
    "event": {"summit", "hlm", "dialogue", "meeting", "forum", "conference", "seminar", "policy", "programme",
              "trend"},
    "component": {"component", "action", "area", "workstream", "project"},
    "result": {"people_trained", "institutions", "countries", "activities", "activities_change",
               "pilot_project", "partnership", "publication", "technical_support", "framework", "cooperation",
               "policy", "protocol", "guidelines", "training_curriculum", "recommendations", "line_of_work",
               "regional_action", "national_action"},
}
UNITS = {"persons", "percent", "percent_change", "percent_per_year"}
QUALIFIERS = {"", "over", "almost", "about", "roughly", "estimate", "average"}
# Claims: UNHCR origin x asylum pairs (`asylum`, `measure`, `each` host too), a UN region beside the
# geography (`region`, in data/region_stock.parquet) and the origin whose emigrants a later bracket
# also counts (`context_origin`).
CLAIM_COMPARE: dict[str, Any] = {"asylum": (), "measure": "", "each": False, "region": "",
                                  "context_origin": ""}
CLAIM_KINDS, CLAIM_REGIONS = {"indicator", "corridor", "protection"}, {"LAC"}
PROTECTION_MEASURES = {"refugees", "asylum_seekers", "oip"}
# Inline tables and their keys, with the value a frame gets when a key is absent.
SUBFIELDS: dict[str, dict[str, Any]] = {
    "budget": {"amount": None, "currency": "", "note": ""},
    "compare": {"kind": "", "indicator": "", "table": "", "geography": (), "origin": (), "destination": (),
                "years": (), "method": "", **CLAIM_COMPARE},
}
LISTS = {"countries", "groups", "themes", "lead", "implementers", "funders", "partners"}
# Explanations that may be one English string or a table of the four languages.
NOTES = ("definition_note", "reason")
# Tables whose `note` and whose sources' `note` the app shows: each is a table of the four
# languages, or "" for none (the notes of other tables are curators' notes, never shown).
SHOWN_NOTES = frozenset({"event"})
# Place names: one string where the name is the same in every language (Lima), else a table of
# the four (Brussels, Bruselas, Bruxelas, Bruxelles).
NAMES = ("city",)
FLAGS = {"disputed", "approximate", "ongoing", "year_inferred"}
_TEXTS, _COMMON = ("title", "summary"), ("countries", "groups", "themes", "note")
_DATES = ("date_start", "date_end", "precision")
# table -> (file, text fields, required fields, optional fields); checked in this order so
# that every reference points at an item already seen.
SPECS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "theme": ("themes.toml", ("label",), ("colour",), ()),
    "group": ("themes.toml", ("label",), ("sources",), ("note",)),
    # The five seed documents by their titles (the seeds' README), so a citation names a document.
    "document": ("themes.toml", ("title",), ("file",), ()),
    "programme": ("programmes.toml", _TEXTS, ("name", "sources"), ("full_name", "implementers", "funders",
                  "partners", "budget", "ongoing", *_DATES, *_COMMON)),
    "component": ("programmes.toml", _TEXTS, ("programme", "kind", "sources"),
                  ("lead", "ongoing", *_DATES, *_COMMON)),
    "result": ("programmes.toml", ("label", "summary"), ("programme", "kind", "sources"),
               ("component", "value", "unit", "qualifier", *_DATES, *_COMMON)),
    "event": ("events.toml", _TEXTS, ("kind", "date_start", "precision", "sources"),
              ("date_end", "city", "country", "presidency", "programme", "disputed", "approximate",
               "year_inferred", "ongoing", *_COMMON)),
    "claim": ("claims.toml", _TEXTS, ("measure", "value", "unit", "year_start", "year_end", "comparable",
                                      "definition_note", "sources"),
              ("qualifier", "origin", "reason", "compare", *_COMMON)),
}
# fmt: on
Fail = Callable[[str], DataValidationError]
Known = dict[str, set[str]]


def _check_dates(item: Mapping[str, Any], precision: str, fail: Fail) -> None:
    start, end = str(item.get("date_start", "")), str(item.get("date_end", ""))
    if not (precision or start or end):
        return
    if precision not in DATE_FORMATS:
        raise fail(f"precision {precision!r} is not one of {sorted(DATE_FORMATS)}")
    for value in filter(None, (start, end)):
        if not re.fullmatch(DATE_FORMATS[precision], value):
            raise fail(f"date {value!r} does not match precision {precision!r}")
        try:
            pd.Timestamp(value)
        except ValueError:
            raise fail(f"date {value!r} is not a calendar date") from None
    if not start or (end and pd.Timestamp(end) < pd.Timestamp(start)):
        raise fail(f"bad date range {start!r}..{end!r}")


def _check_item(table: str, item: Mapping[str, Any], known: Known, fail: Fail) -> None:
    _, texts, required, optional = SPECS[table]
    missing = [k for k in (*texts, *required) if k not in item]
    unknown = sorted(set(item) - {"id", *texts, *required, *optional})
    if missing or unknown:
        raise fail(f"missing field(s) {missing}" if missing else f"unknown field(s) {unknown}")
    for field in texts:
        values = item[field]
        if not isinstance(values, dict) or any(not str(values.get(lang, "")).strip() for lang in LANGS):
            raise fail(f"{field} needs non-empty text in each of {list(LANGS)}")
    if table in SHOWN_NOTES:
        _check_shown_notes(item, fail)
    for field in (*NOTES, *NAMES):
        values = item.get(field, "")
        either = "one name for every language" if field in NAMES else "one English string"
        if isinstance(values, dict) and any(not str(values.get(lang, "")).strip() for lang in LANGS):
            raise fail(f"{field} needs non-empty text in each of {list(LANGS)} (or {either})")
        if not isinstance(values, dict | str):
            raise fail(f"{field} must be a string or a table of {list(LANGS)}")
    iso3, places = known["countries"], known["countries"] | known["groups"]
    vocabularies = {"countries": iso3, "groups": known["groups"], "themes": known["themes"], "country": iso3}
    for field, allowed in (vocabularies | {"presidency": iso3, "origin": places}).items():
        value = item.get(field) or []
        if bad := [code for code in ([value] if isinstance(value, str) else value) if code not in allowed]:
            raise fail(f"unknown {field} code(s) {bad}")
    for field, keys in SUBFIELDS.items():
        if not isinstance(item.get(field, {}), dict) or set(item.get(field, {})) - set(keys):
            raise fail(f"{field} must be a table with keys among {sorted(keys)}")
    if table in KINDS and item["kind"] not in KINDS[table]:
        raise fail(f"kind {item['kind']!r} is not one of {sorted(KINDS[table])}")
    if table == "theme" and not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(item["colour"])):
        raise fail(f"colour {item['colour']!r} is not #RRGGBB")
    _check_dates(item, item.get("precision", ""), fail)
    if table == "document" and item["file"] not in SEED_FILES:
        raise fail(f"file {item['file']!r} is not one of the seed files")
    if "sources" in required and not item["sources"]:
        raise fail("needs at least one source")
    for source in item.get("sources", []):
        if not isinstance(source, dict) or source.get("file") not in SEED_FILES:
            raise fail(f"source {source!r} does not cite one of the seed files")
        evidence = source.get("evidence") or []
        if not evidence or any(not isinstance(e, str) or not e.strip() for e in evidence):
            raise fail(f"source {source['file']} needs at least one non-empty evidence string")
        # A statement's own date, in its own precision when it differs from the item's (Lima: 2008
        # in one seed, June 2009 in another).
        stated = source.get("precision", item.get("precision", ""))
        _check_dates(source, stated if "date_start" in source else "", fail)


def _check_shown_notes(item: Mapping[str, Any], fail: Fail) -> None:
    """A shown note is "" (none) or a table with non-empty text in each of the four languages."""
    notes = [("note", item.get("note", ""))]
    notes += [
        (f"source {s.get('file')} note", s.get("note", ""))
        for s in item.get("sources", [])
        if isinstance(s, dict)
    ]
    for where, values in notes:
        if values == "":
            continue
        if not isinstance(values, dict) or any(not str(values.get(lang, "")).strip() for lang in LANGS):
            raise fail(f'{where} needs non-empty text in each of {list(LANGS)} (or "" for none)')
        if unknown := sorted(set(values) - set(LANGS)):
            raise fail(f"{where} has unknown language(s) {unknown}")


def _check_links(table: str, item: Mapping[str, Any], ids: dict[str, Any], known: Known, fail: Fail) -> None:
    programme, component = item.get("programme", ""), item.get("component", "")
    if programme and programme not in ids["programme"]:
        raise fail(f"unknown programme {programme!r}")
    if component and ids["component"].get(component, {}).get("programme") != programme:
        raise fail(f"unknown component {component!r} for programme {programme!r}")
    if table == "result" and ("value" in item) != bool(item.get("unit")):
        raise fail("a value needs a unit and a unit needs a value")
    if item.get("qualifier", "") not in QUALIFIERS:
        raise fail(f"qualifier {item['qualifier']!r} is not one of {sorted(QUALIFIERS)}")
    if table == "claim":
        _check_claim(item, known, fail)


def _check_claim(item: Mapping[str, Any], known: Known, fail: Fail) -> None:
    if item["unit"] not in UNITS or not isinstance(item["value"], int | float):
        raise fail(f"needs a numeric value and a unit in {sorted(UNITS)}")
    if not int(item["year_start"]) <= int(item["year_end"]):
        raise fail("year_start is after year_end")
    compare = item.get("compare", {})
    if not isinstance(item["comparable"], bool):
        raise fail("comparable must be true or false")
    reason = item.get("reason", "")
    if (
        not item["comparable"]
        and not str(reason.get("en", "") if isinstance(reason, dict) else reason).strip()
    ):
        raise fail("comparable = false needs a reason")
    if item["comparable"] and not compare:
        raise fail("comparable = true needs a compare mapping")
    if compare and compare.get("kind") not in CLAIM_KINDS:
        raise fail(f"compare kind {compare.get('kind')!r} is not one of {sorted(CLAIM_KINDS)}")
    if compare.get("kind") == "indicator" and compare.get("indicator") not in known["indicators"]:
        raise fail(f"unknown indicator {compare.get('indicator')!r}")
    _check_claim_compare(compare, fail)
    codes = [*compare.get("geography", []), *compare.get("origin", []), *compare.get("destination", [])]
    codes += [*compare.get("asylum", []), *filter(None, [compare.get("context_origin", "")])]
    if bad := [c for c in codes if c not in known["countries"] | known["groups"]]:
        raise fail(f"unknown compare code(s) {bad}")


def _check_claim_compare(compare: Mapping[str, Any], fail: Fail) -> None:
    if compare.get("kind") == "protection" and compare.get("measure") not in PROTECTION_MEASURES:
        raise fail(
            f"protection measure {compare.get('measure')!r} is not one of {sorted(PROTECTION_MEASURES)}"
        )
    if compare.get("kind") == "protection" and not (compare.get("origin") and compare.get("asylum")):
        raise fail("a protection comparison needs origin and asylum codes")
    if compare.get("region", "") not in {"", *CLAIM_REGIONS}:
        raise fail(f"unknown region {compare.get('region')!r}")


def validate(
    documents: Mapping[str, Mapping[str, Any]],
    *,
    countries: Iterable[str],
    groups: Iterable[str],
    indicators: Iterable[str],
    folder: Path = Path("data/dialogue"),
) -> None:
    """Check parsed TOML ``{file name: document}`` against the schema and the known codes."""
    known = dict(countries=set(countries), groups=set(groups), themes=set(), indicators=set(indicators))
    ids: dict[str, dict[str, Any]] = {table: {} for table in SPECS}
    for table, (file, *_) in SPECS.items():
        for item in documents.get(file, {}).get(table, []):

            def fail(problem: str, t: str = table, f: str = file, i: Any = item) -> DataValidationError:
                return DataValidationError(str(folder / f), f"{t} {i.get('id')!r}: {problem}")

            if not isinstance(item.get("id"), str) or not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", item["id"]):
                raise fail("id must be snake_case")
            if item["id"] in ids[table]:
                raise fail("duplicate id")
            _check_item(table, item, known, fail)
            _check_links(table, item, ids, known, fail)
            ids[table][item["id"]] = item
            if table in ("theme", "group"):
                known[f"{table}s"].add(item["id"])
