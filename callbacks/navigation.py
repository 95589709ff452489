"""Navbar links follow the address bar: when a page rewrites the URL (a control changed), the
page links keep the new shared filters and the language links the whole view. In the browser,
no server round trip; the server-rendered navbar is right at every page load."""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State

from dashboard.i18n import DEFAULT_LANGUAGE
from dashboard.urls.presenter import PRESENTER_KEYS
from dashboard.urls.shared import SHARED_KEYS
from layouts import ids

# search, pathname, the ids of the page, language and "present this view" links -> their hrefs.
FOLLOW_THE_URL = """function(search, pathname, pages, languages, presenting) {
    const shared = %s;
    const current = new URLSearchParams(search || '');
    const query = (params) => {
        const text = params.toString().replace(/%%2C/g, ',');
        return text ? '?' + text : '';
    };
    const kept = new URLSearchParams();
    shared.forEach((key) => { if (current.has(key)) { kept.set(key, current.get(key)); } });
    const pageLinks = pages.map((id) => '/' + id.page + query(kept));
    const languageLinks = languages.map((id) => {
        const params = new URLSearchParams(current);
        if (id.lang === %s) { params.delete('lang'); } else { params.set('lang', id.lang); }
        return (pathname || '/') + query(params);
    });
    const viewing = new URLSearchParams();
    current.forEach((value, key) => { if (!%s.includes(key)) { viewing.append(key, value); } });
    viewing.set('present', '1');
    const presentLinks = presenting.map(() => (pathname || '/') + query(viewing));
    return [pageLinks, languageLinks, presentLinks];
}"""


def register(app: Dash) -> None:
    """Attach the navbar-follows-the-URL callback to ``app``."""
    app.clientside_callback(
        FOLLOW_THE_URL
        % (json.dumps(list(SHARED_KEYS)), json.dumps(DEFAULT_LANGUAGE), json.dumps(list(PRESENTER_KEYS))),
        Output(ids.nav_link_all(), "href"),
        Output(ids.language_link_all(), "href"),
        Output(ids.present_link_all(), "href"),
        Input(ids.URL, "search"),
        State(ids.URL, "pathname"),
        State(ids.nav_link_all(), "id"),
        State(ids.language_link_all(), "id"),
        State(ids.present_link_all(), "id"),
        prevent_initial_call=True,
    )
