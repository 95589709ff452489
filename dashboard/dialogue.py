"""The hand-curated dialogue data (``data/dialogue/*.toml``), validated, as tidy frames.

Events, programmes, components, results and claims extracted from the five source documents
(``../shared/seeds``); the schema is in ``data/dialogue/README.md`` and
:mod:`dashboard.dialogue_schema`, which raises :class:`DataValidationError` naming the file and the
item of any problem. Frames are cached: do not mutate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard import datasets
from dashboard.dialogue_schema import (
    FLAGS,
    LANGS,
    LISTS,
    NAMES,
    NOTES,
    SHOWN_NOTES,
    SPECS,
    SUBFIELDS,
    validate,
)
from dashboard.locale import Locale


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
def seed_documents(data_dir: Path | None = None) -> pd.DataFrame:
    """The five source documents: ``id, file, title_<lang>`` (titles from the seeds' README)."""
    return _frame("document", data_dir)


def document_title(file: str, locale: Locale) -> str:
    """The title of the seed document ``file`` in the reader's language (the file name when unknown):
    what a citation shows, with the file name beside it as a detail."""
    table = seed_documents()
    titles = dict(zip(table["file"], table[f"title_{locale.lang}"], strict=True))
    return str(titles.get(file) or file)


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
