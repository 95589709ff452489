"""The export bar beside a chart: PNG and SVG of the current view (and its CSV), and a Share
menu that copies the permalink or an ``<iframe>`` embed code."""

from __future__ import annotations

from typing import NamedTuple

import dash_bootstrap_components as dbc
from dash import html

from dashboard import urls
from dashboard.locale import Locale
from dashboard.urls.chrome import export_links
from layouts.ids import EXPORT_BARS, export_control

BUTTON = "btn btn-outline-secondary btn-sm"


class Bar(NamedTuple):
    """Which chart an export bar exports, whether it offers the page's CSV, and how tall an
    embed of the chart should be by default (pixels; the embed itself is responsive)."""

    page: str
    chart: str | None
    csv: str | None
    embed_height: int


BARS = {
    "map": Bar("map", None, urls.MAP_CSV, 620),
    "corridors-flows": Bar("corridors", None, urls.CORRIDORS_CSV, 640),
    "corridors-map": Bar("corridors", "map", None, 560),
    "dialogue-timeline": Bar("dialogue", None, None, 640),
}
assert tuple(BARS) == EXPORT_BARS


def export_bar(bar: str, query: str, locale: Locale) -> html.Div:
    """PNG, SVG (and CSV) links for ``query`` and the Share menu; the callbacks in
    :mod:`callbacks.exports` keep the links equal to the address bar as the view changes."""
    _ = locale.gettext
    page, chart, csv, _height = BARS[bar]
    hrefs = export_links(page, chart, csv, query)  # the same links the callbacks copy
    links = [
        html.A(
            "PNG",
            id=export_control(bar, "png"),
            href=hrefs.png,
            download="",
            className=BUTTON,
            title=_("Download the chart as an image (PNG)"),
        ),
        html.A(
            "SVG",
            id=export_control(bar, "svg"),
            href=hrefs.svg,
            download="",
            className=BUTTON,
            title=_("Download the chart as a vector image (SVG)"),
        ),
    ]
    if csv is not None:
        links.append(
            html.A(
                "CSV",
                id=export_control(bar, "csv"),
                href=hrefs.csv,
                download="",
                className=BUTTON,
                title=_("Download the data (CSV)"),
            )
        )
    share = dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(_("Copy link"), id=export_control(bar, "copy-link"), n_clicks=0),
            dbc.DropdownMenuItem(_("Copy embed code"), id=export_control(bar, "copy-embed"), n_clicks=0),
            dbc.DropdownMenuItem(divider=True),
            dbc.DropdownMenuItem(
                _("Open the embedded chart"),
                id=export_control(bar, "embed"),
                href=hrefs.embed,
                target="_blank",
                external_link=True,
            ),
        ],
        label=_("Share"),
        size="sm",
        color="secondary",
        align_end=True,
        className="export-share",
    )
    copied = html.Div(
        [
            html.Label(
                _("Copied:"), htmlFor=export_control(bar, "snippet"), className="small text-muted me-1"
            ),
            dbc.Input(
                id=export_control(bar, "snippet"),
                readonly=True,
                value="",
                size="sm",
                className="export-snippet",
            ),
        ],
        id=export_control(bar, "copied"),
        hidden=True,
        className="export-copied",
    )
    return html.Div(
        [html.Div([*links, share], className="export-buttons"), copied],
        id=export_control(bar, "bar"),
        className="export-bar",
    )
