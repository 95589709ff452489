"""The programmes page's data, names and choices, made once per data version (and language): the
reach rows, the programmes, components and results as records, programme names, the filters'
options."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard import datasets, dialogue, programmes, timeline
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views.dialogue import place_options


@datasets.derived(maxsize=1)
def reach_rows() -> pd.DataFrame:
    """Every programme, component and result with the places it reached."""
    return programmes.reach(
        dialogue.programmes(), dialogue.components(), dialogue.results(), datasets.groups()
    )


@datasets.derived(maxsize=1)
def reach_records() -> tuple[dict[str, Any], ...]:
    """:func:`reach_rows` as records (what a filter goes through, once per data version)."""
    return tuple(timeline.records(reach_rows()))


@datasets.derived(maxsize=1)
def table_records() -> dict[str, tuple[dict[str, Any], ...]]:
    """The programmes, components and results tables as records, once per data version."""
    return {
        "programme": tuple(timeline.records(dialogue.programmes())),
        "component": tuple(timeline.records(dialogue.components())),
        "result": tuple(timeline.records(dialogue.results())),
    }


def programme_names(locale: Locale) -> dict[str, str]:
    return dict(names_in(locale))


@datasets.derived(maxsize=8)
def names_in(locale: Locale) -> dict[str, str]:
    return {row["id"]: dialogue.text(row, locale) for row in table_records()["programme"]}


def programme_options(locale: Locale) -> list[dict[str, str]]:
    return [dict(option) for option in _programme_options(locale)]


@datasets.derived(maxsize=8)
def _programme_options(locale: Locale) -> tuple[dict[str, str], ...]:
    _ = locale.gettext
    return tuple(
        [{"label": _("All programmes"), "value": "all"}]
        + [{"label": dialogue.text(row, locale), "value": row["id"]} for row in table_records()["programme"]]
    )


def component_options(programme: str, locale: Locale) -> list[dict[str, str]]:
    """The components of one programme, or of every programme named "Programme — component"."""
    return [dict(option) for option in _component_options(programme, locale)]


@datasets.derived(maxsize=64)
def _component_options(programme: str, locale: Locale) -> tuple[dict[str, str], ...]:
    names = names_in(locale)
    rows = table_records()["component"]
    return tuple(
        {
            "label": dialogue.text(row, locale)
            if programme
            else f"{names[row['programme']]} — {dialogue.text(row, locale)}",
            "value": row["id"],
        }
        for row in rows
        if not programme or row["programme"] == programme
    )


@datasets.derived(maxsize=1)
def reached_places() -> frozenset[str]:
    """Every country a programme, component or result reached."""
    return frozenset(code for row in reach_records() for code in row["places"])


def country_options(state: FilterState, locale: Locale) -> list[dict[str, str]]:
    """The members and every country a programme reached, as the country filter's choices."""
    return place_options(reached_places() | set(state.countries), locale)
