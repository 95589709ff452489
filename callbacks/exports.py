"""Export bars and Share menus: the links follow the address bar (which every page keeps equal
to its view), in the browser; "Copy link" and "Copy embed code" write to the clipboard."""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State

from dashboard import urls
from layouts import ids
from layouts.exports import BARS

# The links of a bar: the page's path, then the chart's ``chart=`` (first) and the address bar's query.
HREFS = """function(search) {
    const q = search || '';
    const chart = %(chart)s;
    const query = chart ? '?chart=' + chart + (q.length > 1 ? '&' + q.slice(1) : '') : q;
    return [%(paths)s].map(function(path, i) { return path + (i < 3 ? query : q); });
}"""

# The permalink is the address bar; the embed code frames the bar's embed link. The copied text
# is also shown (selectable) in case the browser refuses the clipboard (plain http, old browsers).
COPY = """function(linkClicks, embedClicks, embedHref) {
    const triggered = (window.dash_clientside.callback_context.triggered[0] || {}).prop_id || '';
    if (!linkClicks && !embedClicks) { return window.dash_clientside.no_update; }
    let text = window.location.href;
    if (triggered.indexOf('copy-embed') >= 0) {
        const src = new URL(embedHref, window.location.href).href.replace(/&/g, '&amp;');
        text = '<iframe src="' + src + '" width="100%%" height="%(height)d" style="border:0" '
            + 'loading="lazy" title="Puentes"></iframe>';
    }
    const fallback = function() {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); } catch (e) { /* the text stays on screen */ }
        document.body.removeChild(area);
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).catch(fallback);
    } else {
        fallback();
    }
    return [text, false];
}"""


def register(app: Dash) -> None:
    """Attach two small browser-side callbacks to every export bar."""
    for bar, spec in BARS.items():
        roles = ["png", "svg", "embed"] + (["csv"] if spec.csv else [])
        paths = [
            urls.export(spec.page, "png"),
            urls.export(spec.page, "svg"),
            urls.embed(spec.page),
            *([spec.csv] if spec.csv else []),
        ]
        app.clientside_callback(
            HREFS % {"chart": json.dumps(spec.chart), "paths": ", ".join(json.dumps(p) for p in paths)},
            *[Output(ids.export_control(bar, role), "href") for role in roles],
            Input(ids.URL, "search"),
            prevent_initial_call=True,
        )
        app.clientside_callback(
            COPY % {"height": spec.embed_height},
            Output(ids.export_control(bar, "snippet"), "value"),
            Output(ids.export_control(bar, "copied"), "hidden"),
            Input(ids.export_control(bar, "copy-link"), "n_clicks"),
            Input(ids.export_control(bar, "copy-embed"), "n_clicks"),
            State(ids.export_control(bar, "embed"), "href"),
            prevent_initial_call=True,
        )
