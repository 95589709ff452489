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


def _first(query: Mapping[str, Sequence[str]], key: str) -> str | None:
    values = query.get(key)
    return values[0] if values else None


def parse(
    search: str | None,
    indicators: Mapping[str, Sequence[int]],
    known_countries: frozenset[str] | set[str],
) -> Parsed:
    """Filter state from a query string, given each indicator's years and the known codes."""
    text = (search or "").lstrip("?")
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
        codes: list[str] = []
        for code in countries.split(","):
            code = code.strip().upper()
            if not code or code in codes:
                continue
            if ISO3.match(code) and code in known_countries:
                codes.append(code)
            else:
                notices.append(Notice("countries", code))
        if len(codes) > MAX_COUNTRIES:
            notices.append(Notice("countries", ",".join(codes[MAX_COUNTRIES:])))
        state = replace(state, countries=tuple(codes[:MAX_COUNTRIES]))
    return Parsed(state, tuple(notices))


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
