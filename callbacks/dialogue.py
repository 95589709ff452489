"""Dialogue and programme pages glue: theme and year filters -> timeline; a click -> the event's
card; the programme filter -> cards and results."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from dashboard import dialogue, timeline
from layouts import dialogue_page, ids, programmes_page
from layouts.router import parse_url


def register(app: Dash) -> None:
    """Attach the dialogue page callbacks to ``app``."""

    @app.callback(
        Output(ids.DIALOGUE_TIMELINE, "figure"),
        Input(ids.DIALOGUE_THEMES, "value"),
        Input(ids.DIALOGUE_YEARS, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def filter_timeline(themes: Any, years: Any, search: Any) -> Any:
        lang = parse_url(search).state.lang
        chosen = [t for t in themes if isinstance(t, str)] if isinstance(themes, list) else []
        span = (
            years
            if isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years)
            else None
        )
        rows = timeline.select(
            dialogue.events(), chosen, tuple(span) if span else (timeline.FIRST_YEAR, timeline.LAST_YEAR)
        )
        return timeline.figure(rows, dialogue.themes(), lang)

    @app.callback(
        Output(ids.DIALOGUE_DETAIL, "children"),
        Input(ids.DIALOGUE_TIMELINE, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_event(click: Any, search: Any) -> Any:
        return dialogue_page.event_card(timeline.clicked_event(click), parse_url(search).state)

    @app.callback(
        Output(ids.PROGRAMMES_BODY, "children"),
        Input(ids.PROGRAMMES_FILTER, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def filter_programmes(programme: Any, search: Any) -> Any:
        return programmes_page.body(
            programme if isinstance(programme, str) else "all", parse_url(search).state.lang
        )
