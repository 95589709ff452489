"""Everything the programmes page shows for one state: the reach rows its filters keep, the map
figure and caption, the countries reached, the programmes' cards and their results, and the
filters' choices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from dashboard import datasets, dialogue, programmes, timeline, transforms, urls
from dashboard.figures.programmes import programme_map
from dashboard.locale import Locale
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.views.programme_choices import component_options as component_options
from dashboard.views.programme_choices import country_options as country_options
from dashboard.views.programme_choices import names_in, reach_records, reach_rows, table_records
from dashboard.views.programme_choices import programme_names as programme_names
from dashboard.views.programme_choices import programme_options as programme_options


def selected(state: FilterState, page: ProgrammeState) -> pd.DataFrame:
    """The programme, component and result rows the filters keep."""
    return programmes.select(reach_rows(), page.programme, page.component, page.themes, state.countries)


def selected_records(state: FilterState, page: ProgrammeState) -> list[dict[str, Any]]:
    """:func:`selected` as records, in the same order."""
    wanted = (page.programme, page.component, tuple(page.themes), tuple(state.countries))
    return [row for row in reach_records() if programmes.keeps(row, *wanted)]


def unit_words(locale: Locale) -> dict[str, str]:
    _ = locale.gettext
    return {
        "people": _("people"),
        "institutions": _("institutions"),
        "countries": _("countries"),
        "activities": _("activities"),
        "pilot_projects": _("pilot projects"),
        "partnerships": _("partnerships"),
        "lines_of_work": _("lines of work"),
        "percent_change": "%",
    }


def value_text(row: dict[str, Any], locale: Locale) -> str:
    """ "350 people", "+280 %", or "" when the seed states no figure."""
    if pd.isna(row["value"]):
        return ""
    words = unit_words(locale).get(row["unit"], row["unit"])
    number = locale.number(row["value"])
    return f"+{number} %" if row["unit"] == "percent_change" else f"{number} {words}"


def group_names(codes: Any, locale: Locale) -> list[str]:
    """Names of group codes: data/groups.csv, then the seed-only groups of themes.toml."""
    names = _group_names(locale)
    return [names.get(code, str(code)) for code in codes]


@datasets.derived(maxsize=8)
def _group_names(locale: Locale) -> dict[Any, str]:
    table, extra = datasets.groups(), dialogue.groups().set_index("id")
    names = {code: dialogue.text(extra.loc[code], locale, "label") for code in extra.index}
    names.update(
        {
            code: str(table.loc[code].get(f"name_{locale.lang}") or table.loc[code, "name_en"])
            for code in table.index
        }
    )
    return names


def places(row: dict[str, Any], locale: Locale) -> str:
    codes = list(row["countries"])
    names = transforms.country_names(datasets.countries(), codes, locale) if codes else []
    return ", ".join([*names, *group_names(row["groups"], locale)])


@dataclass(frozen=True)
class Reached:
    """One country on the map, as a row of the list beside it."""

    country: str
    programmes: str  # the programmes naming it: what the map's colour counts
    results: str  # "2 results": how many of the results listed below name it


Citation = tuple[str, str]  # (the document's title in the reader's language, its seed file)


@dataclass(frozen=True)
class ProgrammeCard:
    title: str
    facts: str
    summary: str
    figures: tuple[tuple[str, str], ...]  # (value, label) of each result with a figure
    files: tuple[Citation, ...]


@dataclass(frozen=True)
class Result:
    programme: str
    label: str
    summary: str
    figure: str
    where: str
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class ProgrammesView:
    """What the filters change: map figure and caption, countries reached, cards and results."""

    state: FilterState
    page: ProgrammeState
    figure: dict[str, Any]
    caption: str
    reached: tuple[Reached, ...]
    cards: tuple[ProgrammeCard, ...]
    results: tuple[Result, ...]
    locale: Locale


def build(state: FilterState, page: ProgrammeState) -> ProgrammesView:
    rows = selected_records(state, page)
    locale = Locale.of(state.lang)
    ids = {row["id"] for row in rows if row["level"] == "result"}
    named = {row["programme"] for row in rows}
    tables = table_records()
    kept = [row["id"] for row in tables["programme"] if row["id"] in named]
    results = [row["id"] for row in tables["result"] if row["id"] in ids]
    names = names_in(locale)
    table = programmes.reached(rows)
    words = _result_words(locale)
    cards = _cards(locale)
    return ProgrammesView(
        state,
        page,
        programme_map(table, names, datasets.countries(), (urls.GEOMETRY, urls.WORLD_GEOMETRY), locale),
        map_caption(rows, locale, table),
        reached(rows, locale, table),
        tuple(
            replace(
                cards[p],
                figures=tuple(f for r in results if words[r][0] == p and (f := words[r][1]) is not None),
            )
            for p in kept
        ),
        tuple(words[r][2] for r in results) if kept else (),
        locale,
    )


@datasets.derived(maxsize=8)
def _result_words(locale: Locale) -> dict[str, tuple[str, tuple[str, str] | None, Result]]:
    """Each result's programme, its figure on its programme's card (None without a figure) and
    its entry in the list of results, in ``locale``."""
    names = names_in(locale)
    return {
        r["id"]: (
            r["programme"],
            (value_text(r, locale), dialogue.text(r, locale, "label")) if pd.notna(r["value"]) else None,
            Result(
                names[r["programme"]],
                dialogue.text(r, locale, "label"),
                dialogue.text(r, locale, "summary"),
                value_text(r, locale),
                places(r, locale),
                citations(r["files"], locale),
            ),
        )
        for r in table_records()["result"]
    }


@datasets.derived(maxsize=8)
def _cards(locale: Locale) -> dict[str, ProgrammeCard]:
    """Each programme's card in ``locale`` without its results' figures (the filters choose those)."""
    empty = dialogue.results().iloc[:0]
    return {row["id"]: card(row, empty, locale) for row in table_records()["programme"]}


def citations(files: Any, locale: Locale) -> tuple[Citation, ...]:
    """Each seed file as (its document's title, the file name), in the order given."""
    return tuple((dialogue.document_title(f, locale), f) for f in dict.fromkeys(files))


def map_caption(
    rows: pd.DataFrame | Sequence[Mapping[str, Any]], locale: Locale, table: pd.DataFrame | None = None
) -> str:
    """How many countries the map shows, what its colour and the list beside it count, and the
    groups it credits whole instead of drawing their members (``table``: :func:`programmes.reached`
    of the rows, if already made)."""
    _ = locale.gettext
    count = len(programmes.reached(rows) if table is None else table)
    text = locale.ngettext(
        "{count} country named by the selected programmes, components and results.",
        "{count} countries named by the selected programmes, components and results.",
        count,
    ).format(count=locale.number(count))
    text += " " + _(
        "The colour counts the programmes that name a country; the list counts the results that name it."
    )
    regions = programmes.regions(rows)
    if regions:
        text += " " + _("Groups, credited as a whole and not drawn: {groups}.").format(
            groups=", ".join(group_names(regions, locale))
        )
    return text


def results_text(count: int, locale: Locale) -> str:
    """ "1 result", "2 results" (the reader's plural forms)."""
    return locale.ngettext("{count} result", "{count} results", count).format(count=locale.number(count))


def reached(
    rows: pd.DataFrame | Sequence[Mapping[str, Any]], locale: Locale, table: pd.DataFrame | None = None
) -> tuple[Reached, ...]:
    """Each country reached, by name, with the programmes that reached it and how often."""
    table = programmes.reached(rows) if table is None else table
    names = names_in(locale)
    codes = list(table.index)
    countries = dict(zip(codes, transforms.country_names(datasets.countries(), codes, locale), strict=True))
    return tuple(
        Reached(
            countries[code],
            ", ".join(names.get(p, p) for p in row["programmes"]),
            results_text(int(row["results"]), locale),
        )
        for code, row in sorted(table.iterrows(), key=lambda item: countries[item[0]])
    )


def card(row: dict[str, Any], results: pd.DataFrame, locale: Locale) -> ProgrammeCard:
    """Who ran a programme, when, its budget, and its results that state a figure."""
    _ = locale.gettext
    facts = []
    if row["implementers"]:
        facts.append(_("Implemented by {names}").format(names=", ".join(row["implementers"])))
    if pd.notna(row["date"]):
        facts.append(timeline.date_label(row, locale))
    if pd.notna(row["budget_amount"]):
        facts.append(budget_text(row, locale))
    figures = [
        r for r in timeline.records(results[results["programme"] == row["id"]]) if pd.notna(r["value"])
    ]
    return ProgrammeCard(
        dialogue.text(row, locale),
        " · ".join(facts),
        dialogue.text(row, locale, "summary"),
        tuple((value_text(r, locale), dialogue.text(r, locale, "label")) for r in figures),
        citations(sorted(set(row["files"])), locale),
    )


def budget_text(row: dict[str, Any], locale: Locale) -> str:
    """ "Budget: EUR 3,000,000", or the amount alone with "currency not stated" where the source
    gives none (no currency is ever supplied)."""
    _ = locale.gettext
    amount = locale.number(row["budget_amount"])
    if row["budget_currency"]:
        return _("Budget: {amount}").format(amount=f"{row['budget_currency']} {amount}")
    return _("Budget: {amount} (currency not stated)").format(amount=amount)
