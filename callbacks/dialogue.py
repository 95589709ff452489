"""Dialogue and programme pages glue: the timeline's filters -> address bar + timeline; a click ->
the event's card; the programme filters -> address bar, component choices, map, cards and results."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from callbacks.navigation import written
from dashboard import timeline
from dashboard.locale import Locale
from dashboard.urls.dialogue import query as dialogue_query
from dashboard.urls.dialogue import with_controls as with_dialogue_controls
from dashboard.urls.pages import page_query, parse_dialogue, parse_programmes, parse_shared
from dashboard.urls.programmes import query as programmes_query
from dashboard.urls.programmes import with_controls as with_programme_controls
from dashboard.urls.shared import with_selection
from dashboard.views import dialogue as dialogue_view
from dashboard.views import programmes as programmes_view
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
    words = vocabulary()
    state = parse_shared(search, words).state
    chosen = countries if isinstance(countries, list) else []
    return with_selection(state, words.indicator_years, countries=chosen, known_countries=words.countries)


def filter_timeline(themes: Any, years: Any, countries: Any, pathname: Any, search: Any) -> dict[str, Any]:
    """The timeline's filters -> the address bar and the timeline."""
    text = search if isinstance(search, str) else ""
    state = shared_with(text, countries)
    words = vocabulary()
    before = parse_dialogue(text, words)[0]
    page = with_dialogue_controls(before, themes, years, words.themes, dialogue_view.SPAN)
    query = dialogue_query(state, page, dialogue_view.SPAN)
    if query == page_query("dialogue", parse_shared(text, words).state, text, words):
        raise PreventUpdate  # the controls show what the address bar says
    locale = Locale.of(state.lang)
    return {
        "search": query,
        "written": written(pathname, query),
        "timeline": dialogue_view.timeline_figure(state, page, locale),
        "events": dialogue_view.event_options(state, page, locale),
    }


def show_event(click: Any, search: Any) -> dict[str, Any]:
    """A click on the timeline -> the event's card."""
    state = parse_shared(search, vocabulary()).state
    return {"detail": dialogue_page.event_card(timeline.clicked_event(click), state, Locale.of(state.lang))}


def choose_event(chosen: Any, search: Any) -> dict[str, Any]:
    """An event chosen in the list under the timeline (the keyboard's way) -> the event's card."""
    state = parse_shared(search, vocabulary()).state
    event_id = chosen if isinstance(chosen, str) else None
    return {"detail": dialogue_page.event_card(event_id, state, Locale.of(state.lang))}


def changed_programme_control(triggered: Any) -> str:
    """The name of the programme filter whose change fired the callback (``""`` if none)."""
    return next((name for name, i in PROGRAMME_CONTROLS.items() if i == triggered), "")


def filter_programmes(
    programme: Any, component: Any, themes: Any, countries: Any, pathname: Any, search: Any
) -> dict[str, Any]:
    """The programme filters -> the address bar, the component choices, map, caption and results."""
    values = {"programme": programme, "component": component, "themes": themes, "countries": countries}
    text = search if isinstance(search, str) else ""
    changed = changed_programme_control(ctx.triggered_id)
    state = shared_with(text, countries)
    words = vocabulary()
    page = with_programme_controls(
        parse_programmes(text, words)[0], changed, values, words.components, words.themes
    )
    query = programmes_query(state, page)
    if query == page_query("programmes", parse_shared(text, words).state, text, words):
        raise PreventUpdate  # the controls show what the address bar says
    view = programmes_view.build(state, page)
    figure, caption, reached, body = programmes_page.panels(view)
    return {
        "search": query,
        "written": written(pathname, query),
        "component_options": programmes_page.component_options(page.programme, view.locale),
        "component": page.component or None,
        "map": figure,
        "caption": caption,
        "reached": reached,
        "body": body,
    }


def address_bar() -> dict[str, Any]:
    """The address bar and the ``app-search`` store, written together (a new dict per callback:
    Dash merges the inputs into the ``state`` dict it is given, so dicts are never shared)."""
    return {
        "search": Output(ids.URL, "search", allow_duplicate=True),
        "written": Output(ids.APP_SEARCH, "data", allow_duplicate=True),
    }


def where() -> dict[str, Any]:
    """The address bar as state (a new dict per callback, see :func:`address_bar`)."""
    return {"pathname": State(ids.URL, "pathname"), "search": State(ids.URL, "search")}


def register(app: Dash) -> None:
    """Bind the dialogue and programmes page callbacks to ``app``."""
    app.callback(
        output={
            **address_bar(),
            "timeline": Output(ids.DIALOGUE_TIMELINE, "figure"),
            "events": Output(ids.DIALOGUE_EVENT, "options"),
        },
        inputs={
            "themes": Input(ids.DIALOGUE_THEMES, "value"),
            "years": Input(ids.DIALOGUE_YEARS, "value"),
            "countries": Input(ids.DIALOGUE_COUNTRIES, "value"),
        },
        state=where(),
        prevent_initial_call=True,
    )(filter_timeline)
    app.callback(
        output={"detail": Output(ids.DIALOGUE_DETAIL, "children")},
        inputs={"click": Input(ids.DIALOGUE_TIMELINE, "clickData")},
        state={"search": State(ids.URL, "search")},
        prevent_initial_call=True,
    )(show_event)
    app.callback(
        output={"detail": Output(ids.DIALOGUE_DETAIL, "children", allow_duplicate=True)},
        inputs={"chosen": Input(ids.DIALOGUE_EVENT, "value")},
        state={"search": State(ids.URL, "search")},
        prevent_initial_call=True,
    )(choose_event)
    app.callback(
        output={
            **address_bar(),
            "component_options": Output(ids.PROGRAMMES_COMPONENT, "options"),
            "component": Output(ids.PROGRAMMES_COMPONENT, "value"),
            "map": Output(ids.PROGRAMMES_MAP, "figure"),
            "caption": Output(ids.PROGRAMMES_MAP_CAPTION, "children"),
            "reached": Output(ids.PROGRAMMES_REACHED, "children"),
            "body": Output(ids.PROGRAMMES_BODY, "children"),
        },
        inputs={name: Input(i, "value") for name, i in PROGRAMME_CONTROLS.items()},
        state=where(),
        prevent_initial_call=True,
    )(filter_programmes)
