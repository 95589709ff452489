"""Everything the map page shows for one filter state, computed in one place.

The layout renders a :class:`MapView` on first load; the callback sends the same view's
value updates (never the shapes) when a control changes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import datasets, dialogue, profiles, tables, timeline, transforms, urls
from dashboard.datasets import Indicator
from dashboard.figures import map_colours, map_hover, maps
from dashboard.figures.profiles import profile_figure
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as to_query

# What is kept, per (indicator, year, language) for frames and tables and per (indicator,
# selection, language) for profiles: a reader scrubbing every year of a few indicators stays
# within it. Each entry is small (~60 rows, or a few short series).
FRAMES_KEPT = 512
TABLES_KEPT = 128
PROFILES_KEPT = 128
UPDATES_KEPT = 1024


@dataclass(frozen=True)
class MapView:
    state: FilterState
    spec: Indicator
    year: int
    source: dict[str, Any]
    frame: pd.DataFrame
    log: bool
    query: str
    locale: Locale

    @property
    def title(self) -> str:
        return self.spec.text("label", self.locale)

    @property
    def subtitle(self) -> str:
        return f"{self.year} · {self.locale.unit(self.spec.unit)}"

    @property
    def definition(self) -> str:
        return self.spec.text("definition", self.locale)

    @property
    def method(self) -> str:
        """How a computed indicator is made, in the page's language ("" for a published one)."""
        return self.spec.computed_method(self.locale)

    def figure(self) -> dict[str, Any]:
        """The full map figure (first render only): the base figure with the current values."""
        return maps.apply(maps.base_figure(self.frame, urls.GEOMETRY), self.updates())

    def updates(self, previous: FilterState | None = None) -> list[maps.Update]:
        """Value-only changes for a figure already in the browser, drawn for ``previous``."""
        unchanged: frozenset[str] = frozenset()
        if previous is not None:
            unchanged = frozenset(
                name
                for name, same in (
                    ("region", previous.region == self.state.region),
                    ("selection", previous.countries == self.state.countries),
                )
                if same
            )
        if previous is None:  # the first render: the figure takes these lists as its own
            return maps.updates(
                self.frame,
                self.spec,
                self.year,
                self.locale,
                self.source["name"],
                self.state.region,
                self.log,
                self.state.countries,
                unchanged,
            )
        return list(
            member_updates(
                self.spec.id,
                self.year,
                self.locale,
                self.state.region,
                self.log,
                self.state.countries,
                unchanged,
            )
        )

    def table(self) -> pd.DataFrame:
        """The map table (a copy: the caller may change it)."""
        return member_table(self.spec.id, self.year, self.locale, self.state.region).copy()

    def csv_href(self) -> str:
        return urls.map_csv(self.query)

    def profile(self) -> dict[str, Any]:
        """The profile chart as a figure dict (a copy: the caller may change it)."""
        return copy.deepcopy(profile_json(self.spec.id, self.state.countries, self.locale))

    def key_figures(self) -> list[profiles.KeyFigure]:
        if not self.state.countries:
            return []
        return profiles.key_figures(
            datasets.series_by_key(),
            datasets.catalogue(),
            datasets.sources(),
            self.state.countries[0],
            self.locale,
        )


# The caches below key on the data version (``datasets.derived``): new data, new entries.


@datasets.derived(maxsize=FRAMES_KEPT)
def member_frame(indicator_id: str, unit: str, year: int, locale: Locale) -> pd.DataFrame:
    """The map frame of one indicator, year and language, computed once and shared: never mutate it."""
    return transforms.member_values(datasets.member_arrays(), indicator_id, unit, year, locale)


@datasets.derived(maxsize=UPDATES_KEPT)
def member_updates(
    indicator_id: str,
    year: int,
    locale: Locale,
    region: str,
    log: bool,
    countries: tuple[str, ...],
    unchanged: frozenset[str],
) -> tuple[maps.Update, ...]:
    """The value updates of one view after another (readers scrub the same years back and
    forth); shared: the caller only reads them."""
    spec = transforms.indicator(datasets.catalogue(), indicator_id)
    frame = member_frame(spec.id, spec.unit, year, locale)
    source = datasets.sources()[spec.source]["name"]
    return tuple(maps.updates(frame, spec, year, locale, source, region, log, countries, unchanged))


@datasets.derived(maxsize=TABLES_KEPT)
def member_table(indicator_id: str, year: int, locale: Locale, region: str) -> pd.DataFrame:
    """The map table of one indicator, year, language and region; shared: never mutate it."""
    spec = transforms.indicator(datasets.catalogue(), indicator_id)
    frame = member_frame(spec.id, spec.unit, year, locale)
    shown = transforms.region_members(datasets.countries(), region)
    return tables.map_table(frame, spec, year, datasets.sources()[spec.source], locale, shown)


@datasets.derived(maxsize=PROFILES_KEPT)
def profile_json(indicator_id: str, countries: tuple[str, ...], locale: Locale) -> dict[str, Any]:
    """The profile chart of an indicator for a selection, as plain JSON; shared: never mutate it."""
    spec = transforms.indicator(datasets.catalogue(), indicator_id)
    lines = profiles.lines(
        datasets.series_by_key(), datasets.countries(), datasets.groups(), spec, countries, locale
    )
    meetings = timeline.meetings(dialogue.events(), locale)
    figure: dict[str, Any] = profile_figure(lines, spec, locale, meetings).to_plotly_json()
    return figure


def build(state: FilterState) -> MapView:
    """The view for a (validated) filter state."""
    spec = transforms.indicator(datasets.catalogue(), state.indicator)
    year = transforms.resolve_year(spec, state.year)
    locale = Locale.of(state.lang)
    frame = member_frame(spec.id, spec.unit, year, locale)
    log = state.scale == "log" and map_colours.log_scale_allowed(spec)
    return MapView(state, spec, year, datasets.sources()[spec.source], frame, log, to_query(state), locale)


def clear_caches() -> None:
    """Forget every cached frame, table, profile and formatted number."""
    member_frame.cache_clear()
    member_updates.cache_clear()
    member_table.cache_clear()
    profile_json.cache_clear()
    map_hover.clear_caches()
