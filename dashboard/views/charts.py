"""Which chart a page and its state show as an export, an embed or a briefing slide: one
:class:`exports.Chart` (figure, caption, file name) from the page's views."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard import urls
from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.pages import parse_corridors, parse_dialogue, parse_shared
from dashboard.urls.shared import FilterState
from dashboard.views import corridors as corridor_view
from dashboard.views import dialogue as dialogue_view
from dashboard.views import exports
from dashboard.views import map as map_view
from dashboard.vocabulary import vocabulary


@dataclass(frozen=True)
class ChartState:
    """What a chart URL names: the page, the shared filters, the page's own state and ``chart=``."""

    page: str
    shared: FilterState
    corridors: CorridorState = field(default_factory=CorridorState)
    dialogue: DialogueState = field(default_factory=DialogueState)
    name: str = ""


def read(page: str, query: str) -> ChartState:
    """The chart state of ``/page?query`` (bad values give the page's defaults, as on the page)."""
    words = vocabulary()
    shared = parse_shared(query, words).state
    if page == "corridors":
        own = parse_corridors(query, words)[0]
        return ChartState(page, shared, corridors=own, name=urls.chart_of(page, query))
    if page == "dialogue":
        return ChartState(page, shared, dialogue=parse_dialogue(query, words)[0])
    return ChartState(page, shared)


def chart(shown: ChartState) -> exports.Chart:
    """The chart itself: the map page's choropleth, a corridors chart, or the dialogue timeline."""
    if shown.page == "map":
        return exports.map_chart(map_view.build(shown.shared))
    if shown.page == "corridors":
        view = corridor_view.build(shown.shared, shown.corridors)
        return exports.corridors_chart(view, shown.name or urls.chart_of("corridors", ""))
    locale = Locale.of(shown.shared.lang)
    figure = dialogue_view.timeline_figure(shown.shared, shown.dialogue, locale)
    return exports.dialogue_chart(figure, locale, shown.dialogue, shown.shared.countries)
