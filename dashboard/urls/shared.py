"""The filters every page shares:
``?indicator=gdp&year=2024&region=both&countries=ESP,ECU&groups=caricom,mercosur&lang=es``.

``groups`` names aggregate groups (blocs, sub-regions, organisations: the ``group`` codes of
``data/groups.csv``) that profiles and the table show beside the chosen countries.

Parsing never fails: unknown or malformed values fall back to defaults and are reported as
notices (the offending parameter and value, for the translation layer to word).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES
from dashboard.urls.query import ISO3, Notice, build, parse_codes, parse_ids, read

REGIONS = ("both", "celac", "eu")
SCALES = ("linear", "log")
DEFAULT_INDICATOR = "migrant_stock"
MAX_COUNTRIES = 6
MAX_GROUPS = 4
# The query keys of the shared filters, in the order :func:`query` writes them.
SHARED_KEYS = ("indicator", "year", "region", "countries", "groups", "lang", "scale")


@dataclass(frozen=True)
class FilterState:
    """Filters shared by every page; ``year=None`` means the indicator's latest year."""

    indicator: str = DEFAULT_INDICATOR
    year: int | None = None
    region: str = "both"
    countries: tuple[str, ...] = ()
    lang: str = DEFAULT_LANGUAGE
    scale: str = "linear"
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Parsed:
    state: FilterState
    notices: tuple[Notice, ...] = field(default_factory=tuple)


def parse(
    search: object,
    indicators: Mapping[str, Sequence[int]],
    known_countries: Collection[str],
    known_groups: Collection[str] = (),
) -> Parsed:
    """Filter state from a query string, given each indicator's years, the known country codes
    and the known group codes (an unknown group, or one past :data:`MAX_GROUPS`, is a notice)."""
    values = read(search)
    if values.too_long is not None:
        return Parsed(FilterState(), (values.too_long,))
    notices: list[Notice] = []
    lang = values.choose("lang", LANGUAGES, DEFAULT_LANGUAGE, notices)
    indicator = values.choose("indicator", indicators, DEFAULT_INDICATOR, notices)
    region = values.choose("region", REGIONS, "both", notices)
    scale = values.choose("scale", SCALES, "linear", notices)
    years = [str(y) for y in indicators.get(indicator, ())]
    year_text = values.choose("year", years, "", notices)
    state = FilterState(
        indicator=indicator,
        year=int(year_text) if year_text else None,
        region=region,
        lang=lang,
        scale=scale,
    )
    countries = values.first("countries")
    if countries is not None:
        codes = parse_codes(countries, known_countries, "countries", notices, MAX_COUNTRIES)
        state = replace(state, countries=codes)
    groups = values.first("groups")
    if groups is not None:
        chosen = parse_ids(groups, known_groups, "groups", notices)
        if len(chosen) > MAX_GROUPS:
            notices.append(Notice("groups", ",".join(chosen[MAX_GROUPS:])))
        state = replace(state, groups=chosen[:MAX_GROUPS])
    return Parsed(state, tuple(notices))


def query(state: FilterState) -> str:
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
    if state.groups:
        params["groups"] = ",".join(state.groups)
    if state.lang != default.lang:
        params["lang"] = state.lang
    if state.scale != default.scale:
        params["scale"] = state.scale
    return build(params)


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
    groups: Sequence[str] | None = None,
    known_groups: Collection[str] | None = None,
) -> FilterState:
    """The state after control changes, each checked like a URL value.

    A year the (new) indicator lacks becomes its latest; unknown values keep the current
    setting; countries and groups are de-duplicated and capped at :data:`MAX_COUNTRIES` and
    :data:`MAX_GROUPS`.
    """
    chosen = indicator if indicator is not None and indicator in indicators else state.indicator
    years = indicators.get(chosen, ())
    kept_year = year if year in years else (state.year if state.year in years and year is None else None)
    picked = state.countries
    if countries is not None:
        valid = (c for c in countries if isinstance(c, str) and ISO3.match(c))
        picked = tuple(dict.fromkeys(c for c in valid if known_countries is None or c in known_countries))
    compared = state.groups
    if groups is not None:
        compared = tuple(
            dict.fromkeys(
                g for g in groups if isinstance(g, str) and (known_groups is None or g in known_groups)
            )
        )
    return replace(
        state,
        indicator=chosen,
        year=kept_year,
        region=region if region in REGIONS else state.region,
        scale=scale if scale in SCALES else state.scale,
        countries=picked[:MAX_COUNTRIES],
        groups=compared[:MAX_GROUPS],
    )


def same_view(a: FilterState, b: FilterState, indicators: Mapping[str, Sequence[int]]) -> bool:
    """True when two states show the same thing (no year and the latest year are the same view)."""

    def resolved(state: FilterState) -> FilterState:
        years = indicators.get(state.indicator, ())
        return replace(state, year=state.year if state.year is not None else (years[-1] if years else None))

    return resolved(a) == resolved(b)
