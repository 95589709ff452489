"""Dialogue and programme pages glue: the timeline's filters -> address bar + timeline; a click ->
the event's card; the programme filters -> address bar, component choices, map, cards and results."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard import datasets, dialogue, programmes, timeline, transforms
from dashboard.urls.dialogue import query as dialogue_query
from dashboard.urls.dialogue import with_controls as with_dialogue_controls
from dashboard.urls.pages import page_query, parse_dialogue, parse_programmes, parse_shared
from dashboard.urls.programmes import query as programmes_query
from dashboard.urls.programmes import with_controls as with_programme_controls
from dashboard.urls.shared import with_selection
from dashboard.views import dialogue as dialogue_view
from dashboard.vocabulary import vocabulary
from layouts import dialogue_page, ids, programmes_page

PROGRAMME_CONTROLS = {
    "programme": ids.PROGRAMMES_FILTER,
    "component": ids.PROGRAMMES_COMPONENT,
    "themes": ids.PROGRAMMES_THEMES,
    "countries": ids.PROGRAMMES_COUNTRIES,
}


def shared_with(search: Any, countries: Any) -> Any:
    """The shared state of the address bar with the page's country choice."""
    years = transforms.years_by_indicator(datasets.catalogue())
    known = frozenset(datasets.countries()["iso3"])
    state = parse_shared(search, vocabulary()).state
    return with_selection(
        state, years, countries=countries if isinstance(countries, list) else [], known_countries=known
    )


def register(app: Dash) -> None:
    """Attach the dialogue and programmes page callbacks to ``app``."""
    address = [
        Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.APP_SEARCH, "data", allow_duplicate=True),
    ]

    @app.callback(
        *address,
        Output(ids.DIALOGUE_TIMELINE, "figure"),
        Input(ids.DIALOGUE_THEMES, "value"),
        Input(ids.DIALOGUE_YEARS, "value"),
        Input(ids.DIALOGUE_COUNTRIES, "value"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def filter_timeline(themes: Any, years: Any, countries: Any, pathname: Any, search: Any) -> Any:
        text = search if isinstance(search, str) else ""
        state = shared_with(text, countries)
        before = parse_dialogue(text, vocabulary())[0]
        page = with_dialogue_controls(before, themes, years, set(dialogue.themes()["id"]), dialogue_page.SPAN)
        query = dialogue_query(state, page, dialogue_page.SPAN)
        if query == page_query("dialogue", parse_shared(text, vocabulary()).state, text, vocabulary()):
            raise PreventUpdate  # the controls show what the address bar says
        return query, {"path": pathname, "search": query}, dialogue_view.timeline_figure(state, page)

    @app.callback(
        Output(ids.DIALOGUE_DETAIL, "children"),
        Input(ids.DIALOGUE_TIMELINE, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_event(click: Any, search: Any) -> Any:
        return dialogue_page.event_card(
            timeline.clicked_event(click), parse_shared(search, vocabulary()).state
        )

    @app.callback(
        *address,
        Output(ids.PROGRAMMES_COMPONENT, "options"),
        Output(ids.PROGRAMMES_COMPONENT, "value"),
        Output(ids.PROGRAMMES_MAP, "figure"),
        Output(ids.PROGRAMMES_MAP_CAPTION, "children"),
        Output(ids.PROGRAMMES_REACHED, "children"),
        Output(ids.PROGRAMMES_BODY, "children"),
        *[Input(i, "value") for i in PROGRAMME_CONTROLS.values()],
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def filter_programmes(*args: Any) -> Any:
        values = dict(zip(PROGRAMME_CONTROLS, args[:4], strict=True))
        pathname, text = args[4], args[5] if isinstance(args[5], str) else ""
        changed = next((k for k, i in PROGRAMME_CONTROLS.items() if i == ctx.triggered_id), "")
        state = shared_with(text, values["countries"])
        components, themes = programmes.component_ids(dialogue.components()), set(dialogue.themes()["id"])
        page = with_programme_controls(
            parse_programmes(text, vocabulary())[0], changed, values, components, themes
        )
        query = programmes_query(state, page)
        if query == page_query("programmes", parse_shared(text, vocabulary()).state, text, vocabulary()):
            raise PreventUpdate  # the controls show what the address bar says
        options = programmes_page.component_options(page.programme, state.lang)
        written = {"path": pathname, "search": query}
        return query, written, options, page.component or None, *programmes_page.panels(state, page)
