"""The one place that maps the URL query string to the shared filter state and back.

``?indicator=migrant_stock&year=2024&region=both&countries=ESP,ECU&lang=es``. Parsing
never fails: unknown or malformed values fall back to defaults and are reported as
notices (message ids for the translation layer plus the offending parameter).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES

REGIONS = ("both", "celac", "eu")
SCALES = ("linear", "log")
DEFAULT_INDICATOR = "migrant_stock"
MAX_COUNTRIES = 6
MAX_QUERY_LENGTH = 2000
ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class FilterState:
    """Filters shared by every page; ``year=None`` means the indicator's latest year."""

    indicator: str = DEFAULT_INDICATOR
    year: int | None = None
    region: str = "both"
    countries: tuple[str, ...] = ()
    lang: str = DEFAULT_LANGUAGE
    scale: str = "linear"


@dataclass(frozen=True)
class Notice:
    """Something in the URL that was not understood and was replaced by a default."""

    parameter: str
    value: str


@dataclass(frozen=True)
class Parsed:
    state: FilterState
    notices: tuple[Notice, ...] = field(default_factory=tuple)


def _query_text(search: object) -> str:
    """The query without its ``?``; anything but a string (a forged callback value) is empty."""
    return search.lstrip("?") if isinstance(search, str) else ""


def _first(query: Mapping[str, Sequence[str]], key: str) -> str | None:
    values = query.get(key)
    return values[0] if values else None


def parse(
    search: str | None,
    indicators: Mapping[str, Sequence[int]],
    known_countries: frozenset[str] | set[str],
) -> Parsed:
    """Filter state from a query string, given each indicator's years and the known codes."""
    text = _query_text(search)
    notices: list[Notice] = []
    if len(text) > MAX_QUERY_LENGTH:
        return Parsed(FilterState(), (Notice("query", text[:40] + "…"),))
    query = parse_qs(text, keep_blank_values=True)

    def choose(key: str, allowed: Collection[str], default: str) -> str:
        value = _first(query, key)
        if value is None or value in allowed:
            return value if value is not None else default
        notices.append(Notice(key, value))
        return default

    lang = choose("lang", LANGUAGES, DEFAULT_LANGUAGE)
    indicator = choose("indicator", indicators, DEFAULT_INDICATOR)
    region = choose("region", REGIONS, "both")
    scale = choose("scale", SCALES, "linear")
    years = [str(y) for y in indicators.get(indicator, ())]
    year_text = choose("year", years, "")
    state = FilterState(
        indicator=indicator,
        year=int(year_text) if year_text else None,
        region=region,
        lang=lang,
        scale=scale,
    )

    countries = _first(query, "countries")
    if countries is not None:
        codes = parse_codes(countries, known_countries, "countries", notices, MAX_COUNTRIES)
        state = replace(state, countries=codes)
    return Parsed(state, tuple(notices))


# The query keys of the shared filters, in the order to_query writes them.
SHARED_KEYS = ("indicator", "year", "region", "countries", "lang", "scale")


def to_query(state: FilterState) -> str:
    """Query string (with leading ``?``) for a state; default values are left out."""
    params: dict[str, str] = {}
    default = FilterState()
    if state.indicator != default.indicator:
        params["indicator"] = state.indicator
    if state.year is not None:
        params["year"] = str(state.year)
    if state.region != default.region:
        params["region"] = state.region
    if state.countries:
        params["countries"] = ",".join(state.countries)
    if state.lang != default.lang:
        params["lang"] = state.lang
    if state.scale != default.scale:
        params["scale"] = state.scale
    return "?" + urlencode(params, safe=",") if params else ""


def with_selection(
    state: FilterState,
    indicators: Mapping[str, Sequence[int]],
    *,
    indicator: str | None = None,
    year: int | None = None,
    region: str | None = None,
    scale: str | None = None,
    countries: Sequence[str] | None = None,
    known_countries: Collection[str] | None = None,
) -> FilterState:
    """The state after control changes, each checked like a URL value.

    A year the (new) indicator lacks becomes its latest; unknown values keep the current
    setting; countries are de-duplicated and capped at :data:`MAX_COUNTRIES`.
    """
    chosen = indicator if indicator is not None and indicator in indicators else state.indicator
    years = indicators.get(chosen, ())
    kept_year = year if year in years else (state.year if state.year in years and year is None else None)
    picked = state.countries
    if countries is not None:
        valid = (c for c in countries if isinstance(c, str) and ISO3.match(c))
        picked = tuple(dict.fromkeys(c for c in valid if known_countries is None or c in known_countries))
    return replace(
        state,
        indicator=chosen,
        year=kept_year,
        region=region if region in REGIONS else state.region,
        scale=scale if scale in SCALES else state.scale,
        countries=picked[:MAX_COUNTRIES],
    )


def same_view(a: FilterState, b: FilterState, indicators: Mapping[str, Sequence[int]]) -> bool:
    """True when two states show the same thing (no year and the latest year are the same view)."""

    def resolved(state: FilterState) -> FilterState:
        years = indicators.get(state.indicator, ())
        return replace(state, year=state.year if state.year is not None else (years[-1] if years else None))

    return resolved(a) == resolved(b)


# -- the corridors page's own parameters ---------------------------------------------------

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


def parse_codes(
    value: str, known: Collection[str], key: str, notices: list[Notice], limit: int
) -> tuple[str, ...]:
    """Known ISO3 codes from a comma-separated value, de-duplicated and capped at ``limit``;
    everything else (and the codes past the cap) becomes a notice for ``key``."""
    codes: list[str] = []
    for code in value.split(","):
        code = code.strip().upper()
        if not code or code in codes:
            continue
        if ISO3.match(code) and code in known:
            codes.append(code)
        else:
            notices.append(Notice(key, code))
    if len(codes) > limit:
        notices.append(Notice(key, ",".join(codes[limit:])))
    return tuple(codes[:limit])


def corridor_year(text: str | None, years: Sequence[int]) -> int | None:
    """A corridor year from the shared ``year``: exact, else the latest corridor year before
    it (the map's 2012 shows the 2010 corridors), else None (the latest)."""
    if text is None or not text.isdigit() or not years:
        return None
    year = int(text)
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier and year <= years[-1] else None


def parse_corridors(
    search: str | None, years: Sequence[int], known: Collection[str]
) -> tuple[CorridorState, tuple[Notice, ...]]:
    """The corridors page's parameters from a query string; bad values -> defaults + notices.

    Only this page's own parameters produce notices here (the shared ones are reported by
    :func:`parse`). Origins or destinations in the link mean ``direction=custom``.
    """
    text = _query_text(search)
    if len(text) > MAX_QUERY_LENGTH:
        return CorridorState(), ()
    query = parse_qs(text, keep_blank_values=True)
    notices: list[Notice] = []

    def choose(key: str, allowed: Collection[str], default: str) -> str:
        value = _first(query, key)
        if value is None or value in allowed:
            return value if value is not None else default
        notices.append(Notice(key, value))
        return default

    direction = choose("direction", DIRECTIONS, "celac_eu")
    origins = parse_codes(_first(query, "origins") or "", known, "origins", notices, MAX_CORRIDOR_CODES)
    destinations = parse_codes(
        _first(query, "destinations") or "", known, "destinations", notices, MAX_CORRIDOR_CODES
    )
    if origins or destinations:
        direction = "custom"
    base_text = choose("base", [str(y) for y in years], "")
    focus_text = _first(query, "focus")
    focus = None
    if focus_text is not None:
        focus = focus_text.upper() if focus_text.upper() in known and ISO3.match(focus_text.upper()) else None
        if focus is None:
            notices.append(Notice("focus", focus_text))
    state = CorridorState(
        direction=direction,
        origins=origins,
        destinations=destinations,
        year=corridor_year(_first(query, "year"), years),
        sex=choose("sex", SEXES, "total"),
        base=int(base_text) if base_text else None,
        focus=focus,
        side=choose("side", SIDES, "destination"),
    )
    return state, tuple(notices)


def corridors_query(shared: FilterState, corridor: CorridorState) -> str:
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
    head = to_query(replace(shared, year=corridor.year))
    if not params:
        return head
    tail = urlencode(params, safe=",")
    return f"{head}&{tail}" if head else f"?{tail}"


def with_corridor_controls(
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


# -- the dialogue and programmes pages' own parameters -----------------------------------------
# Both use the shared ``countries`` as their country filter.


@dataclass(frozen=True)
class DialogueState:
    """The timeline's filters beside the shared ones: themes (none = all) and a year span."""

    themes: tuple[str, ...] = ()
    start: int = 2005
    end: int = 2020


@dataclass(frozen=True)
class ProgrammeState:
    """The programmes page's filters: one programme and one of its components ("" = all), themes."""

    programme: str = ""
    component: str = ""
    themes: tuple[str, ...] = ()


def parse_ids(value: str | None, known: Collection[str], key: str, notices: list[Notice]) -> tuple[str, ...]:
    """Known ids from a comma-separated value, de-duplicated; the others become notices."""
    ids = [part.strip() for part in (value or "").split(",") if part.strip()]
    for bad in [i for i in ids if i not in known]:
        notices.append(Notice(key, bad))
    return tuple(dict.fromkeys(i for i in ids if i in known))


def parse_dialogue(
    search: str | None, themes: Collection[str], span: tuple[int, int]
) -> tuple[DialogueState, tuple[Notice, ...]]:
    """The timeline's ``themes``, ``from`` and ``to``; bad values -> defaults + notices."""
    text = _query_text(search)
    if len(text) > MAX_QUERY_LENGTH:
        return DialogueState(start=span[0], end=span[1]), ()
    query = parse_qs(text, keep_blank_values=True)
    notices: list[Notice] = []
    chosen = parse_ids(_first(query, "themes"), themes, "themes", notices)
    bounds = []
    for key, default in (("from", span[0]), ("to", span[1])):
        value = _first(query, key)
        ok = value is not None and value.isdigit() and span[0] <= int(value) <= span[1]
        if value is not None and not ok:
            notices.append(Notice(key, value))
        bounds.append(int(value) if ok and value is not None else default)
    start, end = sorted(bounds)
    return DialogueState(chosen, start, end), tuple(notices)


def dialogue_query(shared: FilterState, dialogue: DialogueState, span: tuple[int, int]) -> str:
    """Query string of the timeline: the shared filters, then its own non-default ones."""
    params: dict[str, str] = {}
    if dialogue.themes:
        params["themes"] = ",".join(dialogue.themes)
    if dialogue.start != span[0]:
        params["from"] = str(dialogue.start)
    if dialogue.end != span[1]:
        params["to"] = str(dialogue.end)
    return _join(to_query(shared), params)


def _join(head: str, params: Mapping[str, str]) -> str:
    if not params:
        return head
    tail = urlencode(params, safe=",")
    return f"{head}&{tail}" if head else f"?{tail}"


def parse_programmes(
    search: str | None, components: Mapping[str, str], themes: Collection[str]
) -> tuple[ProgrammeState, tuple[Notice, ...]]:
    """The programmes page's ``programme``, ``component`` (``components``: id -> its programme)
    and ``themes``. A component alone implies its programme; one of another programme is dropped."""
    text = _query_text(search)
    if len(text) > MAX_QUERY_LENGTH:
        return ProgrammeState(), ()
    query = parse_qs(text, keep_blank_values=True)
    notices: list[Notice] = []
    programme = _first(query, "programme") or ""
    if programme and programme not in set(components.values()):
        notices.append(Notice("programme", programme))
        programme = ""
    component = _first(query, "component") or ""
    if component and (
        component not in components or components[component] != (programme or components[component])
    ):
        notices.append(Notice("component", component))
        component = ""
    programme = components[component] if component else programme
    return ProgrammeState(
        programme, component, parse_ids(_first(query, "themes"), themes, "themes", notices)
    ), tuple(notices)


def programmes_query(shared: FilterState, programmes: ProgrammeState) -> str:
    """Query string of the programmes page: the shared filters, then its own non-default ones."""
    params = {"programme": programmes.programme, "component": programmes.component}
    params = {key: value for key, value in params.items() if value}
    if programmes.themes:
        params["themes"] = ",".join(programmes.themes)
    return _join(to_query(shared), params)


def with_programme_controls(
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


def with_dialogue_controls(
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
