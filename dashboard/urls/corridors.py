"""The corridors page's own parameters (``direction``, ``origins``, ``destinations``, ``sex``,
``base``, ``focus``, ``side``; its year is the shared ``year``) and how its controls change them."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from dashboard.urls.query import ISO3, Notice, is_number, join, parse_codes, read
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as shared_query

DIRECTIONS = ("celac_eu", "eu_celac", "celac_celac", "celac_world", "custom")
SEXES = ("total", "female", "male")
SIDES = ("destination", "origin")
MAX_CORRIDOR_CODES = 40


@dataclass(frozen=True)
class CorridorState:
    """What the corridors page shows, beside the shared filters.

    ``direction`` picks the origin and destination sets (``custom`` uses ``origins`` and
    ``destinations``; an empty set means every country); ``focus`` is the country of the
    linked map, read as a destination (``side="destination"``: where its migrants come from)
    or as an origin (where its emigrants live). ``year=None`` is the latest corridor year,
    ``base=None`` the default base year for growth.
    """

    direction: str = "celac_eu"
    origins: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    year: int | None = None
    sex: str = "total"
    base: int | None = None
    focus: str | None = None
    side: str = "destination"


def corridor_year(text: str | None, years: Sequence[int]) -> int | None:
    """A corridor year from the shared ``year``: exact, else the latest corridor year before
    it (the map's 2012 shows the 2010 corridors), else None (the latest)."""
    if text is None or not is_number(text) or not years:
        return None
    year = int(text)
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier and year <= years[-1] else None


def parse(
    search: object, years: Sequence[int], known: Collection[str]
) -> tuple[CorridorState, tuple[Notice, ...]]:
    """The corridors page's parameters from a query string; bad values -> defaults + notices.

    Only this page's own parameters produce notices here (the shared ones are reported by
    :func:`dashboard.urls.shared.parse`). Origins or destinations in the link mean ``direction=custom``.
    """
    values = read(search)
    if values.too_long is not None:
        return CorridorState(), ()
    notices: list[Notice] = []
    direction = values.choose("direction", DIRECTIONS, "celac_eu", notices)
    origins = parse_codes(values.first("origins") or "", known, "origins", notices, MAX_CORRIDOR_CODES)
    destinations = parse_codes(
        values.first("destinations") or "", known, "destinations", notices, MAX_CORRIDOR_CODES
    )
    if origins or destinations:
        direction = "custom"
    base_text = values.choose("base", [str(y) for y in years], "", notices)
    focus_text = values.first("focus")
    focus = None
    if focus_text is not None:
        focus = focus_text.upper() if focus_text.upper() in known and ISO3.match(focus_text.upper()) else None
        if focus is None:
            notices.append(Notice("focus", focus_text))
    state = CorridorState(
        direction=direction,
        origins=origins,
        destinations=destinations,
        year=corridor_year(values.first("year"), years),
        sex=values.choose("sex", SEXES, "total", notices),
        base=int(base_text) if base_text else None,
        focus=focus,
        side=values.choose("side", SIDES, "destination", notices),
    )
    return state, tuple(notices)


def query(shared: FilterState, corridor: CorridorState) -> str:
    """Query string of the corridors page: the shared filters (its year = the corridor year)
    followed by the page's own non-default parameters."""
    params: dict[str, str] = {}
    default = CorridorState()
    if corridor.direction == "custom":
        if corridor.origins:
            params["origins"] = ",".join(corridor.origins)
        if corridor.destinations:
            params["destinations"] = ",".join(corridor.destinations)
        if not corridor.origins and not corridor.destinations:
            params["direction"] = "custom"
    elif corridor.direction != default.direction:
        params["direction"] = corridor.direction
    if corridor.sex != default.sex:
        params["sex"] = corridor.sex
    if corridor.base is not None:
        params["base"] = str(corridor.base)
    if corridor.focus:
        params["focus"] = corridor.focus
        if corridor.side != default.side:
            params["side"] = corridor.side
    return join(shared_query(replace(shared, year=corridor.year)), params)


def with_controls(
    current: CorridorState,
    changed: str,
    controls: Mapping[str, object],
    years: Sequence[int],
    known: Collection[str],
) -> CorridorState:
    """The corridors page's state after the control ``changed`` moved; every value is checked
    like a URL value (bad ones keep the current setting).

    Choosing origins or destinations makes the direction ``custom``; choosing a preset
    direction clears them; a click on the map focuses the clicked country and flips the map
    between "where its migrants come from" and "where its emigrants live".
    """

    def codes(value: object) -> tuple[str, ...]:
        items = value if isinstance(value, list) else []
        valid = (c for c in items if isinstance(c, str) and ISO3.match(c) and c in known)
        return tuple(dict.fromkeys(valid))[:MAX_CORRIDOR_CODES]

    def pick(key: str, allowed: Collection[object], default: object) -> object:
        value = controls.get(key)
        return value if value in allowed else default

    state = replace(
        current,
        year=pick("year", years, current.year),  # type: ignore[arg-type]
        sex=pick("sex", SEXES, current.sex),  # type: ignore[arg-type]
        base=pick("base", years, current.base),  # type: ignore[arg-type]
    )
    if changed == "direction" and controls.get("direction") in DIRECTIONS:
        direction = str(controls["direction"])
        keep = direction == "custom"
        return replace(
            state,
            direction=direction,
            origins=state.origins if keep else (),
            destinations=state.destinations if keep else (),
        )
    if changed in ("origins", "destinations"):
        return replace(
            state,
            direction="custom",
            origins=codes(controls.get("origins")),
            destinations=codes(controls.get("destinations")),
        )
    clicked = controls.get("clicked")
    if changed == "map" and isinstance(clicked, str) and clicked in known:
        flipped = "origin" if current.side == "destination" else "destination"
        return replace(state, focus=clicked, side=flipped)
    focus = controls.get("focus")
    if changed == "focus" and isinstance(focus, str) and focus in known:
        return replace(state, focus=focus)
    if changed == "side":
        return replace(state, side=pick("side", SIDES, current.side))  # type: ignore[arg-type]
    return state
