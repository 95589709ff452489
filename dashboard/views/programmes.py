"""Everything the programmes page shows for one state: the reach rows its filters keep, the map
figure and caption, the countries reached, the programmes' cards and their results, and the
filters' choices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import datasets, dialogue, programmes, timeline, transforms, urls
from dashboard.figures.programmes import programme_map
from dashboard.locale import Locale
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.views.dialogue import place_options


def reach_rows() -> pd.DataFrame:
    """Every programme, component and result with the places it reached."""
    return programmes.reach(
        dialogue.programmes(), dialogue.components(), dialogue.results(), datasets.groups()
    )


def selected(state: FilterState, page: ProgrammeState) -> pd.DataFrame:
    """The programme, component and result rows the filters keep."""
    return programmes.select(reach_rows(), page.programme, page.component, page.themes, state.countries)


def programme_names(locale: Locale) -> dict[str, str]:
    return {row["id"]: dialogue.text(row, locale) for row in timeline.records(dialogue.programmes())}


def programme_options(locale: Locale) -> list[dict[str, str]]:
    _ = locale.gettext
    table = dialogue.programmes()
    return [{"label": _("All programmes"), "value": "all"}] + [
        {"label": dialogue.text(row, locale), "value": row["id"]} for row in timeline.records(table)
    ]


def component_options(programme: str, locale: Locale) -> list[dict[str, str]]:
    """The components of one programme, or of every programme named "Programme — component"."""
    names = programme_names(locale)
    table = dialogue.components()
    rows = table[table["programme"] == programme] if programme else table
    return [
        {
            "label": dialogue.text(row, locale)
            if programme
            else f"{names[row['programme']]} — {dialogue.text(row, locale)}",
            "value": row["id"],
        }
        for row in timeline.records(rows)
    ]


def country_options(state: FilterState, locale: Locale) -> list[dict[str, str]]:
    """The members and every country a programme reached, as the country filter's choices."""
    codes = {code for places_ in reach_rows()["places"] for code in places_}
    return place_options(codes | set(state.countries), locale)


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
    table, extra = datasets.groups(), dialogue.groups().set_index("id")
    out = []
    for code in codes:
        if code in table.index:
            out.append(str(table.loc[code].get(f"name_{locale.lang}") or table.loc[code, "name_en"]))
        elif code in extra.index:
            out.append(dialogue.text(extra.loc[code], locale, "label"))
        else:
            out.append(str(code))
    return out


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
    rows = selected(state, page)
    locale = Locale.of(state.lang)
    kept = dialogue.programmes()
    kept = kept[kept["id"].isin(set(rows["programme"]))]
    results = dialogue.results()
    results = results[results["id"].isin(set(rows.loc[rows["level"] == "result", "id"]))]
    names = programme_names(locale)
    return ProgrammesView(
        state,
        page,
        programme_map(
            programmes.reached(rows),
            names,
            datasets.countries(),
            (urls.GEOMETRY, urls.WORLD_GEOMETRY),
            locale,
        ),
        map_caption(rows, locale),
        reached(rows, locale),
        tuple(card(row, results, locale) for row in timeline.records(kept)),
        tuple(
            Result(
                names[r["programme"]],
                dialogue.text(r, locale, "label"),
                dialogue.text(r, locale, "summary"),
                value_text(r, locale),
                places(r, locale),
                citations(r["files"], locale),
            )
            for r in timeline.records(results)
        )
        if not kept.empty
        else (),
        locale,
    )


def citations(files: Any, locale: Locale) -> tuple[Citation, ...]:
    """Each seed file as (its document's title, the file name), in the order given."""
    return tuple((dialogue.document_title(f, locale), f) for f in dict.fromkeys(files))


def map_caption(rows: pd.DataFrame, locale: Locale) -> str:
    """How many countries the map shows, what its colour and the list beside it count, and the
    groups it credits whole instead of drawing their members."""
    _ = locale.gettext
    count = len(programmes.reached(rows))
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


def reached(rows: pd.DataFrame, locale: Locale) -> tuple[Reached, ...]:
    """Each country reached, by name, with the programmes that reached it and how often."""
    table = programmes.reached(rows)
    names = programme_names(locale)
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
