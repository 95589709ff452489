"""The export bar beside a chart: PNG and SVG of the current view, its table as CSV and XLSX,
a Share menu that copies the permalink or an ``<iframe>`` embed code, and "Add to briefing"
(the basket keeps the view with its ``chart=``). Every chart of ``views.charts.REGISTRY`` has one."""

from __future__ import annotations

from typing import NamedTuple

import dash_bootstrap_components as dbc
from dash import html

from dashboard.locale import Locale
from dashboard.urls.chrome import export_links
from layouts.ids import EXPORT_BARS, export_control

BUTTON = "btn btn-outline-secondary btn-sm"


class Bar(NamedTuple):
    """Which chart an export bar exports (``None``: the page's default chart) and how tall an
    embed of the chart should be by default (pixels; the embed itself is responsive)."""

    page: str
    chart: str | None
    embed_height: int


BARS = {
    "map": Bar("map", None, 620),
    "map-profile": Bar("map", "profile", 520),
    "corridors-flows": Bar("corridors", None, 640),
    "corridors-map": Bar("corridors", "map", 560),
    "corridors-trend": Bar("corridors", "trend", 560),
    "corridors-diaspora": Bar("corridors", "diaspora", 640),
    "corridors-remittances": Bar("corridors", "remittances", 480),
    "dialogue-timeline": Bar("dialogue", None, 640),
    "programmes-map": Bar("programmes", None, 620),
}
assert tuple(BARS) == EXPORT_BARS


def export_bar(bar: str, query: str, locale: Locale) -> html.Div:
    """PNG, SVG, CSV and XLSX links for ``query``, the Share menu and "Add to briefing"; the
    callbacks in :mod:`callbacks.exports` keep the links equal to the address bar as the view
    changes."""
    _ = locale.gettext
    page, chart, _height = BARS[bar]
    hrefs = export_links(page, chart, query)  # the same links the callbacks copy
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
        html.A(
            "CSV",
            id=export_control(bar, "csv"),
            href=hrefs.csv,
            download="",
            className=BUTTON,
            title=_("Download the data (CSV)"),
        ),
        html.A(
            "XLSX",
            id=export_control(bar, "xlsx"),
            href=hrefs.xlsx,
            download="",
            className=BUTTON,
            title=_("Download the data as a spreadsheet (XLSX), with what each column means"),
        ),
    ]
    add = html.Button(
        _("Add to briefing"),
        id=export_control(bar, "add"),
        n_clicks=0,
        className=BUTTON,
        title=_("Keep this chart in the briefing basket"),
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
        [html.Div([*links, share, add], className="export-buttons"), copied],
        id=export_control(bar, "bar"),
        className="export-bar",
    )
