"""The one registry of charts: for each page and ``chart=`` name, the figure it draws as an
export, embed or briefing slide (:class:`exports.Chart`), the table its CSV and XLSX hold, and
its export bar. The export and download routes, the embed page, the basket and the slides all
dispatch here, so a chart registered once gets all of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from dashboard import urls
from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.pages import parse_corridors, parse_dialogue, parse_programmes, parse_shared
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.views import chart_exports, chart_tables, exports, series
from dashboard.views import corridors as corridor_view
from dashboard.views import dialogue as dialogue_view
from dashboard.views import map as map_view
from dashboard.views import programmes as programme_view
from dashboard.vocabulary import vocabulary


@dataclass(frozen=True)
class ChartState:
    """What a chart URL names: the page, the shared filters, the page's own state and ``chart=``
    (always resolved: the page's default chart when the URL names none or an unknown one)."""

    page: str
    shared: FilterState
    corridors: CorridorState = field(default_factory=CorridorState)
    dialogue: DialogueState = field(default_factory=DialogueState)
    name: str = ""
    programmes: ProgrammeState = field(default_factory=ProgrammeState)


def read(page: str, query: str) -> ChartState:
    """The chart state of ``/page?query`` (bad values give the page's defaults, as on the page)."""
    words = vocabulary()
    shared = parse_shared(query, words).state
    name = urls.chart_of(page, query)
    if page == "corridors":
        return ChartState(page, shared, corridors=parse_corridors(query, words)[0], name=name)
    if page == "dialogue":
        return ChartState(page, shared, dialogue=parse_dialogue(query, words)[0], name=name)
    if page == "programmes":
        return ChartState(page, shared, programmes=parse_programmes(query, words)[0], name=name)
    return ChartState(page, shared, name=name)


@dataclass(frozen=True)
class ChartSpec:
    """One registered chart: its page and name, the figure and the table of a state, and the
    export bar (``layouts/exports.py`` ``BARS``) the page shows under it."""

    page: str
    name: str
    figure: Callable[[ChartState], exports.Chart]
    table: Callable[[ChartState], pd.DataFrame]
    bar: str


def _map(shown: ChartState) -> map_view.MapView:
    return map_view.build(shown.shared)


def _corridors(shown: ChartState) -> corridor_view.CorridorView:
    return corridor_view.build(shown.shared, shown.corridors)


def _locale(shown: ChartState) -> Locale:
    return Locale.of(shown.shared.lang)


def _timeline(shown: ChartState) -> exports.Chart:
    locale = _locale(shown)
    figure = dialogue_view.timeline_figure(shown.shared, shown.dialogue, locale)
    return exports.dialogue_chart(figure, locale, shown.dialogue, shown.shared.countries)


def _programmes(shown: ChartState) -> exports.Chart:
    locale = _locale(shown)
    return chart_exports.programmes_chart(programme_view.build(shown.shared, shown.programmes), locale)


SPECS = (
    ChartSpec("map", "map", lambda s: exports.map_chart(_map(s)), lambda s: _map(s).table(), "map"),
    ChartSpec(
        "map",
        "profile",
        lambda s: chart_exports.profile_chart(_map(s)),
        lambda s: series.profile_table(_map(s)),
        "map-profile",
    ),
    ChartSpec(
        "corridors",
        "flows",
        lambda s: exports.corridors_chart(_corridors(s), "flows"),
        lambda s: _corridors(s).csv(),
        "corridors-flows",
    ),
    ChartSpec(
        "corridors",
        "map",
        lambda s: exports.corridors_chart(_corridors(s), "map"),
        lambda s: chart_tables.corridor_map(_corridors(s)),
        "corridors-map",
    ),
    ChartSpec(
        "corridors",
        "trend",
        lambda s: chart_exports.trend_chart(_corridors(s)),
        lambda s: series.trend_table(_corridors(s)),
        "corridors-trend",
    ),
    ChartSpec(
        "corridors",
        "diaspora",
        lambda s: chart_exports.diaspora_chart(_corridors(s)),
        lambda s: chart_tables.diaspora(_corridors(s)),
        "corridors-diaspora",
    ),
    ChartSpec(
        "corridors",
        "remittances",
        lambda s: chart_exports.remittance_chart(_corridors(s)),
        lambda s: chart_tables.remittances(_corridors(s)),
        "corridors-remittances",
    ),
    ChartSpec(
        "dialogue",
        "timeline",
        _timeline,
        lambda s: chart_tables.timeline(s.shared, s.dialogue, _locale(s)),
        "dialogue-timeline",
    ),
    ChartSpec(
        "programmes",
        "programmes",
        _programmes,
        lambda s: chart_tables.programmes(s.shared, s.programmes, _locale(s)),
        "programmes-map",
    ),
)
REGISTRY: dict[tuple[str, str], ChartSpec] = {(spec.page, spec.name): spec for spec in SPECS}


def spec(page: str, name: str) -> ChartSpec:
    """The registered chart ``name`` of ``page`` (the page's default chart for an unknown name)."""
    return REGISTRY.get((page, name)) or REGISTRY[(page, urls.CHARTS[page][0])]


def chart(shown: ChartState) -> exports.Chart:
    """The chart itself, as an export, embed or slide draws it."""
    return spec(shown.page, shown.name).figure(shown)


def table(shown: ChartState) -> pd.DataFrame:
    """The table of exactly what the chart shows (every year where the chart shows years)."""
    return spec(shown.page, shown.name).table(shown)


def filename(shown: ChartState) -> str:
    """The file name stem of the chart's downloads (the image's, so files of one chart match)."""
    return chart(shown).filename
