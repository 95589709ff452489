"""Everything the corridors page shows for one state, computed in one place (the layout
renders it on first load, the callback on every change, the CSV route downloads it)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import pandas as pd

from dashboard import corridors, datasets, urls
from dashboard.figures import corridors as figures
from dashboard.figures import diaspora as diaspora_figures
from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState
from dashboard.urls.corridors import query as corridors_query
from dashboard.urls.shared import FilterState
from dashboard.views import corridor_words as words
from dashboard.views.corridor_sets import bloc_members, direction_sets, estimated_receivers, real_countries

DEFAULT_BASE = 2000
TOP_NODES = 7
TABLE_ROWS = 25
CSV_COLUMNS = [
    "origin",
    "origin_name",
    "destination",
    "destination_name",
    "year",
    "sex",
    "migrant_stock",
    "source",
    "edition",
    "licence",
]


@datasets.derived(maxsize=None)
def names(locale: Locale) -> dict[str, str]:
    """ISO3 -> country name in ``locale`` (pseudo-codes included)."""
    table = datasets.countries()
    return dict(zip(table["iso3"], table[f"name_{locale.lang}"], strict=True))


@datasets.derived(maxsize=None)
def blocs() -> dict[str, str]:
    table = datasets.countries()
    return dict(zip(table["iso3"], table["bloc"], strict=True))


@datasets.derived(maxsize=None)
def diaspora_table(sex: str) -> pd.DataFrame:
    """Where every CELAC diaspora lives, every year, for one sex (computed once)."""
    celac = bloc_members("CELAC")
    return corridors.diaspora(datasets.corridors_by_sex()[sex], celac, celac, bloc_members("EU27"))


@dataclass(frozen=True)
class CorridorView:
    shared: FilterState
    state: CorridorState  # resolved: year, base and focus are set
    origins: corridors.Codes
    destinations: corridors.Codes
    current: pd.DataFrame
    query: str
    locale: Locale

    @property
    def year(self) -> int:
        assert self.state.year is not None
        return self.state.year

    @property
    def needs_choice(self) -> bool:
        """Custom with nothing chosen: every panel of the selection asks for a choice."""
        return words.needs_choice(self.state)

    def direction_label(self, listed: int | None = None) -> str:
        """What was chosen, naming the countries: "Venezuela, Colombia → Spain, Portugal" (a long
        side counted, or with ``listed`` its first names and "and N more")."""
        return words.title(self.state, names(self.locale), self.locale, listed)

    def sex_label(self) -> str:
        _ = self.locale.gettext
        return {"total": _("both sexes"), "female": _("women"), "male": _("men")}[self.state.sex]

    def heading(self, listed: int | None = None) -> str:
        """The flow diagram's heading on the page (the prompt when nothing is chosen)."""
        if self.needs_choice:
            return words.prompt(self.locale)
        _ = self.locale.gettext
        return _("{direction} · migrants (people), mid-{year}, {sex}").format(
            direction=self.direction_label(listed), year=self.year, sex=self.sex_label()
        )

    def names_note(self) -> str:
        """The names of a long side the heading only counts ("Origins: Argentina, …"), or ""."""
        return words.names_note(self.state, names(self.locale), self.locale)

    def subtitle(self) -> str:
        """The heading in one line for an image or a slide: a long side as its first names and
        "and N more" (the page counts it and lists every name below)."""
        return self.heading(words.MAX_LISTED)

    def flows_message(self) -> tuple[str, ...]:
        """Why the flow diagram draws nothing (the prompt, or no migrants recorded), or ()."""
        if self.needs_choice:
            return (words.prompt(self.locale),)
        if self.current["migrant_stock"].gt(0).any():
            return ()
        return words.no_migrants(self.direction_label(), self.year, self.sex_label(), self.locale)

    def panel_keys(self) -> dict[str, tuple[object, ...]]:
        """What each panel depends on: a callback re-sends only the panels whose key changed."""
        s = self.state
        sets = (s.direction, s.origins, s.destinations, self.year, s.sex, self.locale)
        return {
            "flows": sets,
            "trend": sets,
            "table": (*sets, s.base),
            "map": (s.focus, s.side, self.year, s.sex, self.locale),
            "diaspora": (self.year, s.sex, self.locale),
            "diaspora_time": (s.sex, self.diaspora_origin(), self.locale),
            "remittances": (s.direction, s.origins, s.destinations, self.locale),
        }

    def total(self) -> float:
        return float(self.current["migrant_stock"].sum())

    def flows_figure(self) -> dict[str, Any]:
        """The Sankey of the chosen corridors, or a message saying why there is none (an empty
        Sankey draws a blank and makes plotly.js throw)."""
        shown = self.flows_message()
        if shown:
            return figures.message(shown, self.locale, figures.FLOWS_HEIGHT)
        links = corridors.flows(self.current, TOP_NODES)
        return figures.sankey(links, names(self.locale), blocs(), self.locale, self.unrecorded())

    def unrecorded(self) -> str:
        """The chosen countries with no migrant recorded in these corridors (no node says so)."""
        shown = self.current[self.current["migrant_stock"] > 0]
        lookup = names(self.locale)
        missing = [
            lookup.get(code, code)
            for codes, column in ((self.state.origins, "origin"), (self.state.destinations, "destination"))
            for code in codes
            if code not in set(shown[column])
        ]
        return words.unrecorded(missing, self.locale)

    def focus_title(self) -> str:
        _ = self.locale.gettext
        name = names(self.locale).get(self.state.focus or "", "")
        if self.state.side == "destination":
            return _("Where migrants in {country} come from, {year}").format(country=name, year=self.year)
        return _("Where emigrants from {country} live, {year}").format(country=name, year=self.year)

    def focus_figure(self) -> dict[str, Any]:
        focus = self.state.focus or ""
        frame = datasets.corridors_by_key().get((self.year, self.state.sex), self.current.iloc[:0])
        values = corridors.focus_values(frame, focus, self.state.side)
        values = values[values.index.isin(real_countries())]
        if not values.gt(0).any():
            lookup = names(self.locale)
            ends = [words.side_label((), "origin", lookup, self.locale), lookup.get(focus, focus)]
            if self.state.side == "origin":
                ends = [lookup.get(focus, focus), words.side_label((), "destination", lookup, self.locale)]
            pair = " → ".join(ends)
            what = words.no_migrants(pair, self.year, self.sex_label(), self.locale)[0]
            return figures.message([what], self.locale, figures.MAP_HEIGHT)
        return figures.focus_map(
            values,
            focus,
            names(self.locale),
            datasets.member_codes(),
            (urls.GEOMETRY, urls.WORLD_GEOMETRY),
            self.locale,
        )

    def ranked(self) -> pd.DataFrame:
        """The ranked corridors with names, base-year stock and growth (unrounded)."""
        base_year = self.state.base
        base = None
        if base_year is not None:
            base_all = datasets.corridors_by_key().get((base_year, self.state.sex))
            if base_all is not None:
                base = corridors.select(base_all, self.origins, self.destinations)
        table = corridors.ranked(self.current, base)
        lookup = names(self.locale)
        return table.assign(
            origin_name=table["origin"].map(lookup), destination_name=table["destination"].map(lookup)
        )

    def csv(self) -> pd.DataFrame:
        """One row per origin, destination, year and sex (the year shown and the base year)."""
        years = sorted({self.year, *([self.state.base] if self.state.base is not None else [])})
        parts = [
            corridors.to_csv_rows(
                datasets.corridors_by_key(), self.origins, self.destinations, y, self.state.sex
            )
            for y in years
        ]
        out = pd.concat(parts, ignore_index=True)
        english = Locale.of("en")
        lookup = names(english)
        source = datasets.sources()["undesa_ims2024"]
        return out.assign(
            origin_name=out["origin"].map(lookup),
            destination_name=out["destination"].map(lookup),
            source=source["name"],
            edition=datasets.source_field(source, "edition", english),
            licence=datasets.source_field(source, "licence", english),
        )[CSV_COLUMNS]

    def csv_href(self) -> str:
        return urls.corridors_csv(self.query)

    @cached_property
    def _diaspora_origin(self) -> str:
        """The CELAC origin of the time series: the focus if it is one, else the largest."""
        celac = bloc_members("CELAC")
        if self.state.focus in celac:
            return str(self.state.focus)
        return corridors.largest_origin(self.current, celac) or "MEX"

    def diaspora_origin(self) -> str:
        return self._diaspora_origin

    def _diaspora(self) -> pd.DataFrame:
        return diaspora_table(self.state.sex)

    def diaspora_figure(self) -> dict[str, Any]:
        table = self._diaspora()
        return diaspora_figures.diaspora_bars(
            table[table["year"] == self.year], names(self.locale), self.locale
        )

    def diaspora_area_figure(self) -> dict[str, Any]:
        table = self._diaspora()
        return diaspora_figures.diaspora_area(table[table["origin"] == self.diaspora_origin()], self.locale)

    def remittances(self) -> pd.DataFrame:
        """Remittances flow back: from the destinations to the origins."""
        return corridors.remittances(datasets.remittance_corridors(), self.destinations, self.origins)

    def _chosen(self, side: str) -> tuple[str, ...]:
        """The codes of one side in the reader's order (a preset's bloc by name; () = open)."""
        codes = self.origins if side == "origin" else self.destinations
        if codes is None:
            return ()
        if self.state.direction == "custom":
            return self.state.origins if side == "origin" else self.state.destinations
        lookup = names(self.locale)
        return tuple(sorted(codes, key=lambda code: str(lookup.get(code, code)).casefold()))

    def unestimated(self) -> list[str]:
        """The chosen receivers (the origins) KNOMAD 2021 has no remittance estimate for, by name."""
        empty = corridors.without_estimates(
            datasets.remittance_corridors(), self.origins, estimated_receivers()
        )
        lookup = names(self.locale)
        return sorted((lookup.get(code, code) for code in empty), key=str.casefold)

    def remittance_figure(self) -> dict[str, Any]:
        """The largest remittance corridors back along the chosen ones; the prompt, or why there
        is no estimate, instead of empty axes."""
        if self.needs_choice:
            return figures.message([words.prompt(self.locale)], self.locale, figures.REMITTANCE_HEIGHT)
        rows = self.remittances()
        lookup = names(self.locale)
        if rows.empty:
            senders = words.remittance_side(self._chosen("destination"), lookup, self.locale)
            receivers = words.remittance_side(self._chosen("origin"), lookup, self.locale)
            shown = words.no_remittances(senders, receivers, self.unestimated(), self.locale)
            return figures.message(shown, self.locale, figures.REMITTANCE_HEIGHT)
        note = words.unestimated(self.unestimated(), self.locale)
        return figures.remittance_bars(rows, lookup, self.locale, note)


def build(shared: FilterState, state: CorridorState) -> CorridorView:
    """Resolve defaults (latest year, base 2000, focus = largest destination) and select rows."""
    years = datasets.corridor_years()
    year = state.year if state.year in years else years[-1]
    base = state.base if state.base in years else (DEFAULT_BASE if DEFAULT_BASE in years else years[0])
    origins, destinations = direction_sets(state.direction, tuple(state.origins), tuple(state.destinations))
    frame = datasets.corridors_by_key()[(year, state.sex)]
    current = corridors.select(frame, origins, destinations)
    focus = state.focus or corridors.largest_destination(current) or "ESP"
    side = state.side if state.focus else "destination"
    resolved = replace(state, year=year, base=base, focus=focus, side=side)
    query = corridors_query(shared, replace(state, year=year if state.year is not None else None))
    return CorridorView(shared, resolved, origins, destinations, current, query, Locale.of(shared.lang))
