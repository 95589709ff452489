"""Everything the map page shows for one filter state, computed in one place.

The layout renders a :class:`MapView` on first load; the callback sends the same view's
value updates (never the shapes) when a control changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard import loading, profiles, tables, transforms, urls
from dashboard.figures import maps
from dashboard.figures.profiles import profile_figure
from dashboard.i18n import unit_label
from dashboard.loading import Indicator
from dashboard.state import FilterState, to_query


@dataclass(frozen=True)
class MapView:
    state: FilterState
    spec: Indicator
    year: int
    source: dict[str, str]
    frame: pd.DataFrame
    log: bool
    query: str

    @property
    def title(self) -> str:
        return self.spec.text("label", self.state.lang)

    @property
    def subtitle(self) -> str:
        return f"{self.year} · {unit_label(self.spec.unit, self.state.lang)}"

    @property
    def definition(self) -> str:
        return self.spec.text("definition", self.state.lang)

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
        return maps.updates(
            self.frame,
            self.spec,
            self.year,
            self.state.lang,
            self.source["name"],
            self.state.region,
            self.log,
            self.state.countries,
            unchanged,
        )

    def table(self) -> pd.DataFrame:
        members = transforms.region_members(loading.countries(), self.state.region)
        return tables.map_table(self.frame, self.spec, self.year, self.source, self.state.lang, members)

    def csv_href(self) -> str:
        return urls.map_csv(self.query)

    def profile(self) -> go.Figure:
        lines = profiles.lines(
            loading.series_by_key(),
            loading.countries(),
            loading.groups(),
            self.spec,
            self.state.countries,
            self.state.lang,
        )
        return profile_figure(lines, self.spec, self.state.lang)

    def key_figures(self) -> list[profiles.KeyFigure]:
        if not self.state.countries:
            return []
        return profiles.key_figures(
            loading.series_by_key(),
            loading.catalogue(),
            loading.sources(),
            self.state.countries[0],
            self.state.lang,
        )


def build(state: FilterState) -> MapView:
    """The view for a (validated) filter state."""
    spec = transforms.indicator(loading.catalogue(), state.indicator)
    year = transforms.resolve_year(spec, state.year)
    lookup = loading.values_by_key().get((spec.id, year))
    frame = transforms.map_values(lookup, loading.countries(), spec, year, state.lang)
    log = state.scale == "log" and maps.log_scale_allowed(spec)
    return MapView(state, spec, year, loading.sources()[spec.source], frame, log, to_query(state))
