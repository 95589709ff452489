"""Which chart a page and its state show as an export, an embed or a briefing slide: one
:class:`exports.Chart` (figure, caption, file name) from the page's views."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard import corridor_view, datasets, dialogue, exports, map_view, transforms
from dashboard.state import CorridorState, DialogueState, FilterState, parse, parse_corridors, parse_dialogue
from dashboard.views import dialogue as dialogue_view


@dataclass(frozen=True)
class ChartState:
    """What a chart URL names: the page, the shared filters, the page's own state and ``chart=``."""

    page: str
    shared: FilterState
    corridors: CorridorState = field(default_factory=CorridorState)
    dialogue: DialogueState = field(default_factory=DialogueState)
    name: str = ""


def read(page: str, query: str) -> ChartState:
    """The chart state of ``/page?query`` (bad values give the page's defaults, as on the page).

    Interim: it binds ``dashboard.state``'s parsers to the data as the pages do; the URL
    package (issue 12, item 1) takes this over.
    """
    years = transforms.years_by_indicator(datasets.catalogue())
    codes = frozenset(datasets.countries()["iso3"])
    shared = parse(query, years, codes).state
    if page == "corridors":
        own = parse_corridors(query, datasets.corridor_years(), codes)[0]
        return ChartState(page, shared, corridors=own, name=exports.chart_of(page, query))
    if page == "dialogue":
        themes = set(dialogue.themes()["id"])
        return ChartState(page, shared, dialogue=parse_dialogue(query, themes, dialogue_view.SPAN)[0])
    return ChartState(page, shared)


def chart(shown: ChartState) -> exports.Chart:
    """The chart itself: the map page's choropleth, a corridors chart, or the dialogue timeline."""
    if shown.page == "map":
        return exports.map_chart(map_view.build(shown.shared))
    if shown.page == "corridors":
        view = corridor_view.build(shown.shared, shown.corridors)
        return exports.corridors_chart(view, shown.name or exports.chart_of("corridors", ""))
    figure = dialogue_view.timeline_figure(shown.shared, shown.dialogue)
    return exports.dialogue_chart(figure, shown.shared.lang, shown.dialogue, shown.shared.countries)
