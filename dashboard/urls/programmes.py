"""The programmes page's own parameters (``programme``, ``component``, ``themes``) beside the
shared filters, whose ``countries`` is its country filter."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from dashboard.urls.query import Notice, join, parse_ids, read
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as shared_query


@dataclass(frozen=True)
class ProgrammeState:
    """The programmes page's filters: one programme and one of its components ("" = all), themes."""

    programme: str = ""
    component: str = ""
    themes: tuple[str, ...] = ()


def parse(
    search: object, components: Mapping[str, str], themes: Collection[str]
) -> tuple[ProgrammeState, tuple[Notice, ...]]:
    """The page's ``programme``, ``component`` (``components``: id -> its programme) and
    ``themes``. A component alone implies its programme; one of another programme is dropped."""
    values = read(search)
    if values.too_long is not None:
        return ProgrammeState(), ()
    notices: list[Notice] = []
    programme = values.first("programme") or ""
    if programme and programme not in set(components.values()):
        notices.append(Notice("programme", programme))
        programme = ""
    component = values.first("component") or ""
    if component and (
        component not in components or components[component] != (programme or components[component])
    ):
        notices.append(Notice("component", component))
        component = ""
    programme = components[component] if component else programme
    return ProgrammeState(
        programme, component, parse_ids(values.first("themes"), themes, "themes", notices)
    ), tuple(notices)


def query(shared: FilterState, programmes: ProgrammeState) -> str:
    """Query string of the programmes page: the shared filters, then its own non-default ones."""
    params = {"programme": programmes.programme, "component": programmes.component}
    params = {key: value for key, value in params.items() if value}
    if programmes.themes:
        params["themes"] = ",".join(programmes.themes)
    return join(shared_query(shared), params)


def with_controls(
    current: ProgrammeState, changed: str, controls: Mapping[str, object], components: Mapping[str, str],
    themes: Collection[str],
) -> ProgrammeState:  # fmt: skip
    """The programmes page's state after a control moved; bad values keep the current setting.
    Choosing a programme clears a component of another; choosing a component sets its programme."""
    # Only strings (or None) can name a programme or component: a forged list is not hashable.
    programme, component = (
        value if value is None or isinstance(value, str) else "\0"
        for value in (controls.get("programme"), controls.get("component"))
    )
    chosen = controls.get("themes")
    picked = (
        tuple(dict.fromkeys(t for t in chosen if isinstance(t, str) and t in themes))
        if isinstance(chosen, list)
        else current.themes
    )
    state = replace(current, themes=picked)
    if changed == "programme" and (programme in set(components.values()) or programme in ("", "all", None)):
        name = "" if programme in ("all", None) else str(programme)
        keep = state.component if components.get(state.component) == name else ""
        return replace(state, programme=name, component=keep)
    if changed == "component" and (component in components or component in ("", None)):
        name = str(component or "")
        return replace(state, component=name, programme=components[name] if name else state.programme)
    return state
