"""The briefing basket, kept in the browser (localStorage): removing, clearing and counting happen
there; the view to add, the panel's list (only while it is open) and, when presenting the
basket, the links to its steps are built in Python. The deck itself is ``server/briefing.py``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from callbacks.navigation import links_for
from dashboard import briefing, stories, urls
from dashboard.locale import Locale
from dashboard.urls import offline as offline_urls
from dashboard.urls import presenter as presenter_urls
from dashboard.urls.chrome import basket_steps
from dashboard.urls.pages import parse_shared
from dashboard.views import briefing as briefing_views
from dashboard.vocabulary import vocabulary
from layouts import briefing as panel
from layouts import ids
from layouts import presenter as presenter_bar
from layouts.exports import BARS

COUNT = "function(basket) { return String((basket || []).length); }"
REMOVE = """function(clicks, basket) {
    const id = window.dash_clientside.callback_context.triggered_id;
    if (!id || !clicks.some((n) => n)) { return window.dash_clientside.no_update; }
    return (basket || []).filter((_, i) => i !== id.index);
}"""
BASKET_STEP_OUTPUTS = ("previous", "previous_class", "next", "next_class", "count", "saved")


def register(app: Dash) -> None:
    """Bind the basket callbacks to ``app``."""
    basket = Output(ids.BRIEFING_BASKET, "data", allow_duplicate=True)
    app.callback(
        output={"basket": basket},
        inputs={"clicks": Input(ids.BRIEFING_ADD, "n_clicks")},
        state={
            "pathname": State(ids.URL, "pathname"),
            "search": State(ids.URL, "search"),
            "basket": State(ids.BRIEFING_BASKET, "data"),
        },
        prevent_initial_call=True,
    )(add_view)
    for bar in BARS:
        app.callback(
            output={"basket": basket},
            inputs={"clicks": Input(ids.export_control(bar, "add"), "n_clicks")},
            state={
                "pathname": State(ids.URL, "pathname"),
                "search": State(ids.URL, "search"),
                "basket": State(ids.BRIEFING_BASKET, "data"),
            },
            prevent_initial_call=True,
        )(chart_adder(bar))
    app.clientside_callback(
        COUNT,
        Output(ids.BRIEFING_COUNT, "children"),
        Input(ids.BRIEFING_BASKET, "data"),
        Input(ids.BRIEFING_COUNT, "id"),
    )
    app.callback(
        output={
            "previous": Output(ids.PRESENT_PREVIOUS, "href"),
            "previous_class": Output(ids.PRESENT_PREVIOUS, "className"),
            "next": Output(ids.PRESENT_NEXT, "href"),
            "next_class": Output(ids.PRESENT_NEXT, "className"),
            "count": Output(ids.PRESENT_COUNT, "children"),
            "saved": Output(ids.PRESENT_COUNT, "data-saved"),
        },
        inputs={"basket": Input(ids.BRIEFING_BASKET, "data"), "shown": Input(ids.PRESENT_COUNT, "id")},
        state={"pathname": State(ids.URL, "pathname"), "search": State(ids.URL, "search")},
    )(present_basket)
    app.clientside_callback(
        "function(clicks) { return clicks ? true : window.dash_clientside.no_update; }",
        Output(ids.BRIEFING_PANEL, "is_open"),
        Input(ids.BRIEFING_OPEN, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        REMOVE,
        basket,
        Input(ids.briefing_remove_all(), "n_clicks"),
        State(ids.BRIEFING_BASKET, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        "function(clicks) { return clicks ? [] : window.dash_clientside.no_update; }",
        basket,
        Input(ids.BRIEFING_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )

    app.callback(
        output={"contents": Output(ids.BRIEFING_LIST, "children")},
        inputs={"is_open": Input(ids.BRIEFING_PANEL, "is_open"), "raw": Input(ids.BRIEFING_BASKET, "data")},
        state={"pathname": State(ids.URL, "pathname"), "search": State(ids.URL, "search")},
    )(show_basket)


def add_view(clicks: Any, pathname: Any, search: Any, basket: Any) -> dict[str, Any]:
    """ "Add this view": the view (in no language, without presenter parameters, with the ``chart=``
    the address names) goes last in the basket, once; the oldest views drop past
    :data:`briefing.MAX_VIEWS`."""
    if not clicks:
        return {"basket": no_update}
    path = pathname if isinstance(pathname, str) else "/"
    query = search if isinstance(search, str) else ""
    view = links_for(path, query).view
    page = urls.page_key(path)
    if page in urls.CHARTS:  # a chart the address names (``/corridors?chart=map``) stays that chart
        view = urls.chart_view(*urls.split(view), urls.chart_of(page, query))
    kept = [v for v in basket if v != view] if isinstance(basket, list) else []
    return {"basket": [*kept, view][-briefing.MAX_VIEWS :]}


def add_chart(clicks: Any, pathname: Any, search: Any, basket: Any, bar: str) -> dict[str, Any]:
    """ "Add to briefing" under a chart: the view with the bar's ``chart=`` (the corridors' map
    stays the map, the profile the profile), last in the basket, once."""
    if not clicks:
        return {"basket": no_update}
    path = pathname if isinstance(pathname, str) else "/"
    view = links_for(path, search if isinstance(search, str) else "").view
    shown = urls.chart_view(*urls.split(view), BARS[bar].chart)
    kept = [v for v in basket if v != shown] if isinstance(basket, list) else []
    return {"basket": [*kept, shown][-briefing.MAX_VIEWS :]}


def chart_adder(bar: str) -> Callable[..., dict[str, Any]]:
    """The callback of one bar's "Add to briefing" (:func:`add_chart` for ``bar``)."""

    def add(clicks: Any, pathname: Any, search: Any, basket: Any) -> dict[str, Any]:
        return add_chart(clicks, pathname, search, basket, bar)

    add.__name__ = f"add_{bar.replace('-', '_')}"
    return add


def present_basket(basket: Any, shown: Any, pathname: Any, search: Any) -> dict[str, Any]:
    """Presenting the basket: its count and the links to the views before and after this one (a
    link at either end stays on this view, greyed out). The basket lives in the browser."""
    text = search if isinstance(search, str) else ""
    presenter = presenter_urls.parse(text, stories.stories()).presenter
    if presenter.story != presenter_urls.BASKET:
        return dict.fromkeys(BASKET_STEP_OUTPUTS, no_update)
    lang = parse_shared(text, vocabulary()).state.lang
    views = briefing.views([str(v) for v in basket] if isinstance(basket, list) else [])
    steps = basket_steps(views, presenter.step, lang)
    here = urls.with_query(pathname if isinstance(pathname, str) else "/", text)
    return {
        "previous": steps.previous or here,
        "previous_class": "present-button" + ("" if steps.previous else " disabled"),
        "next": steps.next or here,
        "next_class": "present-button" + ("" if steps.next else " disabled"),
        "count": steps.count,
        "saved": json.dumps(basket_saved(views, presenter.step, Locale.of(lang), here, steps.next)),
    }


def basket_saved(
    views: list[tuple[str, str]], step: int, locale: Locale, here: str, after: str | None
) -> list[dict[str, Any]]:
    """The basket's view shown and the next, for assets/presenter.js to save while the network is
    up (``here`` and ``after``: their addresses in presenter mode)."""
    count = len(views)
    shown = [(step, here), (step + 1, after)]
    return [
        presenter_bar.saved_entry(
            n, count, address, offline_urls.view(urls.with_query(*views[n - 1]), locale.lang)
        )
        for n, address in shown
        if address is not None and 1 <= n <= count
    ]


def show_basket(is_open: Any, raw: Any, pathname: Any, search: Any) -> dict[str, Any]:
    """The panel's list of the basket's views, drawn only while the panel is open."""
    if is_open is not True:
        raise PreventUpdate  # nothing to draw while the panel is closed
    views = [str(v) for v in raw] if isinstance(raw, list) else []
    locale = Locale.of(parse_shared(search, vocabulary()).state.lang)
    shown = [
        (href, c.caption.title, c.caption.subtitle) for _page, href, c in briefing_views.charts(views, locale)
    ]
    page = urls.page_key(pathname if isinstance(pathname, str) else "/")
    return {"contents": panel.contents(shown, views, page, locale)}
