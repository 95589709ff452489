"""The briefing basket (in the browser): adding, removing, clearing and counting happen in the
browser; the panel's list is drawn by the server only while it is open. The deck itself is
``server/briefing.py``."""

from __future__ import annotations

import json
from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard import briefing
from dashboard.stories import BASKET, PRESENTER_KEYS
from layouts import briefing as panel
from layouts import briefing_slides, ids
from layouts.router import page_key, parse_url

ADD = """function(clicks, pathname, search, basket) {
    if (!clicks) { return window.dash_clientside.no_update; }
    const params = new URLSearchParams(search || '');
    %(drop)s.forEach((key) => params.delete(key));
    params.delete('lang');
    const text = params.toString().replace(/%%2C/g, ',');
    const view = (pathname || '/') + (text ? '?' + text : '');
    const kept = (basket || []).filter((v) => v !== view);
    return kept.concat([view]).slice(-%(most)d);
}"""
COUNT = "function(basket) { return String((basket || []).length); }"
REMOVE = """function(clicks, basket) {
    const id = window.dash_clientside.callback_context.triggered_id;
    if (!id || !clicks.some((n) => n)) { return window.dash_clientside.no_update; }
    return (basket || []).filter((_, i) => i !== id.index);
}"""
# Presenting the basket: its count and the links to the views before and after this one.
BASKET_STEPS = """function(basket, _shown, search) {
    const params = new URLSearchParams(search || '');
    if (params.get('story') !== %(basket)s) {
        return Array(5).fill(window.dash_clientside.no_update);
    }
    const views = basket || [];
    const step = parseInt(params.get('step') || '1', 10);
    const link = (i) => {
        const [path, text] = views[i].split('?');
        const query = new URLSearchParams(text || '');
        ['lang', ...%(drop)s].forEach((key) => query.delete(key));
        if (params.get('lang')) { query.set('lang', params.get('lang')); }
        query.set('present', '1'); query.set('story', %(basket)s); query.set('step', String(i + 1));
        return path + '?' + query.toString().replace(/%%2C/g, ',');
    };
    const here = window.location.pathname + window.location.search;
    const before = step > 1 && step - 2 < views.length ? link(step - 2) : null;
    const after = step < views.length ? link(step) : null;
    const style = (href) => 'present-button' + (href ? '' : ' disabled');
    return [before || here, style(before), after || here, style(after), step + ' / ' + views.length];
}"""


def register(app: Dash) -> None:
    """Attach the basket callbacks to ``app`` and the PowerPoint route to its server."""
    basket = Output(ids.BRIEFING_BASKET, "data", allow_duplicate=True)
    app.clientside_callback(
        ADD % {"drop": list(PRESENTER_KEYS), "most": briefing.MAX_VIEWS},
        basket,
        Input(ids.BRIEFING_ADD, "n_clicks"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        State(ids.BRIEFING_BASKET, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        COUNT,
        Output(ids.BRIEFING_COUNT, "children"),
        Input(ids.BRIEFING_BASKET, "data"),
        Input(ids.BRIEFING_COUNT, "id"),
    )
    app.clientside_callback(
        BASKET_STEPS % {"basket": json.dumps(BASKET), "drop": json.dumps(list(PRESENTER_KEYS))},
        Output(ids.PRESENT_PREVIOUS, "href"),
        Output(ids.PRESENT_PREVIOUS, "className"),
        Output(ids.PRESENT_NEXT, "href"),
        Output(ids.PRESENT_NEXT, "className"),
        Output(ids.PRESENT_COUNT, "children"),
        Input(ids.BRIEFING_BASKET, "data"),
        Input(ids.PRESENT_COUNT, "id"),
        State(ids.URL, "search"),
    )
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


def show_basket(is_open: Any, raw: Any, pathname: Any, search: Any) -> dict[str, Any]:
    """The panel's list of the basket's views, drawn only while the panel is open."""
    if is_open is not True:
        raise PreventUpdate  # nothing to draw while the panel is closed
    views = [str(v) for v in raw] if isinstance(raw, list) else []
    lang = parse_url(search if isinstance(search, str) else "").state.lang
    shown = [
        (href, c.caption.title, c.caption.subtitle) for _page, href, c in briefing_slides.charts(views, lang)
    ]
    page = page_key(pathname if isinstance(pathname, str) else "/")
    return {"contents": panel.contents(shown, views, page, lang)}
