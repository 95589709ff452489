"""Everything the map page shows for one filter state, computed in one place.

The layout renders a :class:`MapView` on first load; the callback sends the same view's
value updates (never the shapes) when a control changes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import datasets, dialogue, profiles, readings, tables, timeline, transforms, urls
from dashboard.datasets import Indicator
from dashboard.figures import map_colours, map_hover, maps
from dashboard.figures.profiles import profile_figure
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as to_query
from dashboard.views.map_labels import presenter_labels
from dashboard.views.profile_data import key_figure_column, profile_series

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

    @property
    def denominator(self) -> str:
        """The source key of a computed ratio's denominator ("" for a published indicator)."""
        return self.spec.denominator_source

    @property
    def editions_note(self) -> str:
        """Why numerator and denominator editions differ, in the page's language ("" if they do not)."""
        return readings.note(self.spec, "editions_note", self.locale)

    def figure(self, presenting: bool = False) -> dict[str, Any]:
        """The full map figure (first render only): the base figure with the current values
        (and, when presenting, the values that matter written on the map)."""
        return maps.apply(maps.base_figure(self.frame, urls.GEOMETRY), self.updates(presenting=presenting))

    def labels(self) -> tuple[str, ...]:
        """The countries a presented map labels (see :func:`presenter_labels`)."""
        return presenter_labels(self.frame, self.state.region, self.state.countries)

    def label_updates(self) -> list[maps.Update]:
        """The presented map's labels for this view (they follow year, region and selection)."""
        return maps.label_updates(self.frame, self.spec.unit, self.locale, self.labels())

    def updates(self, previous: FilterState | None = None, presenting: bool = False) -> list[maps.Update]:
        """Value-only changes for a figure already in the browser, drawn for ``previous``;
        with the labels when ``presenting``."""
        labels = self.label_updates() if presenting else []
        return self._value_updates(previous) + labels

    def _value_updates(self, previous: FilterState | None) -> list[maps.Update]:
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
        return member_table(self.spec.id, self.year, self.locale, self.state.region, self.state.groups).copy()

    def table_rows(self) -> list[dict[str, Any]]:
        """The table's rows as the page shows them (see :func:`tables.table_rows`)."""
        table = datasets.countries()
        column = table[f"name_{self.locale.lang}"].astype(str)
        names = dict(zip(table["iso3"].astype(str), column, strict=True))
        return tables.table_rows(self.table(), self.spec, self.locale, names)

    def csv_href(self) -> str:
        return urls.map_csv(self.query)

    def profile(self) -> dict[str, Any]:
        """The profile chart as a figure dict (a copy: the caller may change it)."""
        return copy.deepcopy(profile_json(self.spec.id, self.state.countries, self.state.groups, self.locale))

    def key_figures(self) -> list[profiles.KeyFigures]:
        """Key figures of every selected country and every chosen group, side by side."""
        return [
            *(f for code in self.state.countries for f in key_figure_column(code, False, self.locale)),
            *(f for code in self.state.groups for f in key_figure_column(code, True, self.locale)),
        ]

    def compared(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each chosen group's name and its members' names (the profile lists them)."""
        table = datasets.groups()
        names = table[f"name_{self.locale.lang}"]
        return [
            (str(names[code]), profiles.group_members(table, datasets.countries(), code, self.locale))
            for code in self.state.groups
            if code in table.index
        ]


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
def member_table(
    indicator_id: str, year: int, locale: Locale, region: str, groups: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The map table of one indicator, year, language and region, with a row for each of the
    region's blocs and each chosen group; shared: never mutate it."""
    spec = transforms.indicator(datasets.catalogue(), indicator_id)
    frame = member_frame(spec.id, spec.unit, year, locale)
    shown = transforms.region_members(datasets.countries(), region)
    codes = [*transforms.REGION_BLOCS.get(region, transforms.REGION_BLOCS["both"])]
    codes += [g for g in groups if g not in codes]
    sources = datasets.sources()
    denominator = spec.denominator_source
    return tables.map_table(
        frame,
        spec,
        year,
        sources[spec.source],
        locale,
        shown,
        aggregates=aggregate_rows(spec.id, year, codes, locale),
        published=published_values(spec.id, year),
        denominator=sources.get(denominator) if denominator else None,
    )


def aggregate_rows(indicator_id: str, year: int, codes: list[str], locale: Locale) -> list[tables.Aggregate]:
    """Each group's value in ``year`` (NaN = no data) with its coverage and members."""
    table, series = datasets.groups(), profile_series()
    out = []
    for code in codes:
        if code not in table.index:
            continue
        rows = series.get((indicator_id, code), pd.DataFrame())
        row: dict[Any, Any] = rows.loc[year].to_dict() if year in rows.index else {}
        out.append(
            tables.Aggregate(
                code,
                str(table.loc[code, f"name_{locale.lang}"]),
                float(row.get("value", float("nan"))),
                float(row.get("n_reporting", float("nan"))),
                float(table.loc[code, "n_members"]),  # type: ignore[arg-type]
                tuple(str(table.loc[code, "members"]).split()),
                str(row.get("flag", "")),
            )
        )
    return out


def published_values(indicator_id: str, year: int) -> dict[str, float]:
    """ISO3 -> the number as the source published it (a flagged zero's 0 included)."""
    values = datasets.indicator_values()
    rows = values[(values["indicator"] == indicator_id) & (values["year"] == year)]
    column = "published" if "published" in rows.columns else "value"
    return {str(code): float(v) for code, v in zip(rows["iso3"], rows[column], strict=True)}


@datasets.derived(maxsize=PROFILES_KEPT)
def profile_json(
    indicator_id: str, countries: tuple[str, ...], groups: tuple[str, ...], locale: Locale
) -> dict[str, Any]:
    """The profile chart of an indicator for a selection and the chosen groups, as plain JSON;
    shared: never mutate it."""
    spec = transforms.indicator(datasets.catalogue(), indicator_id)
    lines = profiles.lines(
        profile_series(), datasets.countries(), datasets.groups(), spec, countries, locale, groups
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
    profile_series.cache_clear()
    map_hover.clear_caches()
