"""The dialogue timeline's own parameters (``themes``, ``from``, ``to``) beside the shared
filters, whose ``countries`` is its country filter."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from dashboard.urls.query import Notice, is_number, join, parse_ids, read
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as shared_query


@dataclass(frozen=True)
class DialogueState:
    """The timeline's filters beside the shared ones: themes (none = all) and a year span."""

    themes: tuple[str, ...] = ()
    start: int = 2005
    end: int = 2020


def parse(
    search: object, themes: Collection[str], span: tuple[int, int]
) -> tuple[DialogueState, tuple[Notice, ...]]:
    """The timeline's ``themes``, ``from`` and ``to``; bad values -> defaults + notices."""
    values = read(search)
    if values.too_long is not None:
        return DialogueState(start=span[0], end=span[1]), ()
    notices: list[Notice] = []
    chosen = parse_ids(values.first("themes"), themes, "themes", notices)
    bounds = []
    for key, default in (("from", span[0]), ("to", span[1])):
        value = values.first(key)
        ok = value is not None and is_number(value) and span[0] <= int(value) <= span[1]
        if value is not None and not ok:
            notices.append(Notice(key, value))
        bounds.append(int(value) if ok and value is not None else default)
    start, end = sorted(bounds)
    return DialogueState(chosen, start, end), tuple(notices)


def query(shared: FilterState, dialogue: DialogueState, span: tuple[int, int]) -> str:
    """Query string of the timeline: the shared filters, then its own non-default ones."""
    params: dict[str, str] = {}
    if dialogue.themes:
        params["themes"] = ",".join(dialogue.themes)
    if dialogue.start != span[0]:
        params["from"] = str(dialogue.start)
    if dialogue.end != span[1]:
        params["to"] = str(dialogue.end)
    return join(shared_query(shared), params)


def with_controls(
    current: DialogueState, themes: object, years: object, known: Collection[str], span: tuple[int, int]
) -> DialogueState:
    """The timeline's state after its controls moved; bad values keep the current setting."""
    picked = (
        tuple(dict.fromkeys(t for t in themes if isinstance(t, str) and t in known))
        if isinstance(themes, list)
        else current.themes
    )
    bounds = (
        sorted(int(y) for y in years)
        if isinstance(years, list)
        and len(years) == 2
        and all(isinstance(y, int) and span[0] <= y <= span[1] for y in years)
        else [current.start, current.end]
    )
    return DialogueState(picked, bounds[0], bounds[1])
