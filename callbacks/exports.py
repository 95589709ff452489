"""Export bars and Share menus: the links follow the address bar (which every page keeps equal
to its view), built in Python (:mod:`dashboard.urls.chrome`); "Copy link" and "Copy embed code"
write to the clipboard, in the browser."""

from __future__ import annotations

import json
from typing import Any

from dash import Dash, Input, Output, State

from dashboard.urls.chrome import export_links
from layouts import ids
from layouts.exports import BARS

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


def export_hrefs(bar: str, search: Any) -> dict[str, Any]:
    """The links of export bar ``bar`` for the address bar's query."""
    spec = BARS[bar]
    links = export_links(spec.page, spec.chart, search if isinstance(search, str) else "")
    return {"png": links.png, "svg": links.svg, "embed": links.embed, "csv": links.csv, "xlsx": links.xlsx}


# A bar's links, copied in the browser from what the page stored with the address (see
# ``navigation.written``): the strings were built in Python.
COPY_BAR = """function(written) {
    const bar = (((written || {}).links || {}).bars || {})[%(bar)s];
    const roles = %(roles)s;
    if (!bar) { return roles.map(() => window.dash_clientside.no_update); }
    return roles.map((role) => bar[role]);
}"""


def roles(bar: str) -> list[str]:
    """The linked controls of an export bar: PNG, SVG, embed, CSV and XLSX."""
    return ["png", "svg", "embed", "csv", "xlsx"]


def register(app: Dash) -> None:
    """Bind each export bar's links to the address bar and its Share menu to the clipboard."""
    for bar, spec in BARS.items():
        app.clientside_callback(
            COPY_BAR % {"bar": json.dumps(bar), "roles": json.dumps(roles(bar))},
            *[Output(ids.export_control(bar, role), "href") for role in roles(bar)],
            Input(ids.APP_SEARCH, "data"),
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
