"""The hand-curated dialogue data (``data/dialogue/*.toml``), validated, as tidy frames.

Events, programmes, components, results and claims extracted from the five source documents
(``../shared/seeds``); the schema is in ``data/dialogue/README.md``. Any problem raises
:class:`DataValidationError` naming the file and the item. Frames are cached: do not mutate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard import datasets
from dashboard.errors import DataValidationError
from dashboard.locale import Locale

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
# Inline tables and their keys, with the value a frame gets when a key is absent.
SUBFIELDS: dict[str, dict[str, Any]] = {
    "budget": {"amount": None, "currency": "", "note": ""},
    "compare": {"kind": "", "indicator": "", "table": "", "geography": (), "origin": (), "destination": (),
                "years": (), "method": ""},
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
FLAGS = {"disputed", "approximate", "ongoing"}
_TEXTS, _COMMON = ("title", "summary"), ("countries", "groups", "themes", "note")
_DATES = ("date_start", "date_end", "precision")
# table -> (file, text fields, required fields, optional fields); checked in this order so
# that every reference points at an item already seen.
SPECS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "theme": ("themes.toml", ("label",), ("colour",), ()),
    "group": ("themes.toml", ("label",), ("sources",), ("note",)),
    "programme": ("programmes.toml", _TEXTS, ("name", "sources"), ("full_name", "implementers", "funders",
                  "partners", "budget", "ongoing", *_DATES, *_COMMON)),
    "component": ("programmes.toml", _TEXTS, ("programme", "kind", "sources"),
                  ("lead", "ongoing", *_DATES, *_COMMON)),
    "result": ("programmes.toml", ("label", "summary"), ("programme", "kind", "sources"),
               ("component", "value", "unit", "qualifier", *_DATES, *_COMMON)),
    "event": ("events.toml", _TEXTS, ("kind", "date_start", "precision", "sources"),
              ("date_end", "city", "country", "presidency", "programme", "disputed", "approximate",
               *_COMMON)),
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
    if table != "theme" and not item["sources"]:
        raise fail("needs at least one source")
    for source in item.get("sources", []):
        if not isinstance(source, dict) or source.get("file") not in SEED_FILES:
            raise fail(f"source {source!r} does not cite one of the seed files")
        evidence = source.get("evidence") or []
        if not evidence or any(not isinstance(e, str) or not e.strip() for e in evidence):
            raise fail(f"source {source['file']} needs at least one non-empty evidence string")
        _check_dates(source, item.get("precision", "") if "date_start" in source else "", fail)


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
    if compare and compare.get("kind") not in {"indicator", "corridor"}:
        raise fail(f"compare kind {compare.get('kind')!r} is not indicator or corridor")
    if compare.get("kind") == "indicator" and compare.get("indicator") not in known["indicators"]:
        raise fail(f"unknown indicator {compare.get('indicator')!r}")
    codes = [*compare.get("geography", []), *compare.get("origin", []), *compare.get("destination", [])]
    if bad := [c for c in codes if c not in known["countries"] | known["groups"]]:
        raise fail(f"unknown compare code(s) {bad}")


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


@datasets.loader
def documents(data_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """The four TOML files of ``<data_dir>/dialogue``, parsed and validated, by file name."""
    docs = datasets.dialogue_documents(data_dir)
    countries, groups = datasets.countries(data_dir)["iso3"], datasets.groups(data_dir)["group"]
    folder = datasets.dialogue_folder(data_dir)
    validate(docs, countries=countries, groups=groups, indicators=datasets.catalogue(data_dir), folder=folder)
    return docs


def _row(table: str, item: Mapping[str, Any]) -> dict[str, Any]:
    _, texts, required, optional = SPECS[table]
    row: dict[str, Any] = {"id": item["id"]}
    for field in (*required, *optional):
        value = item.get(field)
        if field in LISTS:
            row[field] = tuple(value or ())
        elif field in FLAGS:
            row[field] = bool(value)
        elif field in SUBFIELDS:
            for key, empty in SUBFIELDS[field].items():
                part = (value or {}).get(key, empty)
                row[f"{field}_{key}"] = tuple(part) if isinstance(part, list) else part
        elif field == "sources":
            sources = [{**source, "evidence": tuple(source["evidence"])} for source in item["sources"]]
            if table in SHOWN_NOTES:
                for source in sources:
                    source["note"] = {lang: (source.get("note") or {}).get(lang, "") for lang in LANGS}
            row["sources"] = tuple(sources)
            row["files"] = tuple(dict.fromkeys(source["file"] for source in sources))
        elif field in (*NOTES, *NAMES) or (field == "note" and table in SHOWN_NOTES):
            notes = value if isinstance(value, dict) else {lang: value or "" for lang in LANGS}
            row[field] = notes["en"]
            row.update({f"{field}_{lang}": notes[lang] for lang in LANGS})
        elif field in ("date_start", "date_end"):
            row["date" if field == "date_start" else "date_end"] = pd.Timestamp(value) if value else pd.NaT
        else:
            row[field] = "" if value is None and field != "value" else value
    for field in texts:
        row.update({f"{field}_{lang}": item[field][lang] for lang in LANGS})
    return row


def _frame(table: str, data_dir: Path | None) -> pd.DataFrame:
    frame = pd.DataFrame([_row(table, item) for item in documents(data_dir)[SPECS[table][0]].get(table, [])])
    return frame.sort_values(["date", "id"]).reset_index(drop=True) if table == "event" else frame


@datasets.loader
def themes(data_dir: Path | None = None) -> pd.DataFrame:
    """The theme taxonomy: ``id, colour, label_<lang>``, in file order."""
    return _frame("theme", data_dir)


@datasets.loader
def groups(data_dir: Path | None = None) -> pd.DataFrame:
    """Groups the seeds name that ``data/groups.csv`` lacks (``iberoamerica``, ``lac``)."""
    return _frame("group", data_dir)


@datasets.loader
def events(data_dir: Path | None = None) -> pd.DataFrame:
    """Dated events sorted by ``date`` (start), with ``date_end``, ``precision`` and ``sources``."""
    return _frame("event", data_dir)


@datasets.loader
def programmes(data_dir: Path | None = None) -> pd.DataFrame:
    """The programmes: implementers, dates, ``budget_amount``/``budget_currency``, texts, sources."""
    return _frame("programme", data_dir)


@datasets.loader
def components(data_dir: Path | None = None) -> pd.DataFrame:
    """Components, MIEUX actions and EUROsociAL+ areas; ``programme`` links each to its programme."""
    return _frame("component", data_dir)


@datasets.loader
def results(data_dir: Path | None = None) -> pd.DataFrame:
    """What each programme did: ``kind``, ``value``/``unit`` where stated, places, themes, sources."""
    return _frame("result", data_dir)


@datasets.loader
def claims(data_dir: Path | None = None) -> pd.DataFrame:
    """Figures the seeds state about migration, with ``compare_*`` mapping to Puentes' measures."""
    return _frame("claim", data_dir)


def text(item: Mapping[str, Any] | pd.Series, locale: Locale, field: str = "title") -> str:
    """``item[lang]`` for a ``{lang: text}`` mapping, else ``item[f"{field}_{lang}"]``; English fallback."""
    if "en" in item:
        return str(item.get(locale.lang) or item["en"])
    return str(item.get(f"{field}_{locale.lang}") or item[f"{field}_en"])


# Groups that stand for a whole side of the dialogue (or a region the seeds do not enumerate):
# an item naming them is region-wide, not a visit to each member country.
REGION_WIDE = frozenset({"CELAC", "EU27"})


def group_members(group_table: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """``data/groups.csv`` as group code -> member ISO3 codes."""
    return {
        str(g): tuple(str(m).split())
        for g, m in zip(group_table["group"], group_table["members"], strict=True)
    }


def places(
    countries: Iterable[str], groups: Iterable[str], members: Mapping[str, Sequence[str]], *extra: str
) -> tuple[str, ...]:
    """ISO3 codes an item names: its countries, ``extra`` codes (e.g. where an event was held),
    and the members of its sub-regional groups (OECS -> ATG DMA GRD KNA LCA VCT; ``members``
    from :func:`group_members`). Blocs and seed-only groups (``lac``, ``iberoamerica``) are
    region-wide: see :func:`regions`."""
    codes = [*countries, *(c for c in extra if c)]
    for code in groups:
        if code in members and code not in REGION_WIDE:
            codes += members[code]
    return tuple(dict.fromkeys(codes))


def regions(groups: Iterable[str], members: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The groups of an item that are region-wide (not mapped to member countries)."""
    return tuple(code for code in groups if code in REGION_WIDE or code not in members)
