"""The briefing basket: "Add to briefing" and "Briefing (n)" in the navbar, and the panel that
lists the collected views with the PowerPoint, PDF and offline-file downloads. The basket lives in the browser
(``localStorage``): the server keeps nothing per reader."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import briefing, urls
from dashboard.locale import Locale
from dashboard.urls import offline as offline_urls
from dashboard.urls.presenter import basket_step_href
from layouts import ids

BUTTON = "briefing-button"


def store() -> dcc.Store:
    return dcc.Store(id=ids.BRIEFING_BASKET, storage_type="local", data=[])


def panel() -> dbc.Offcanvas:
    """The panel's frame (in the static shell); its words come with :func:`contents`."""
    return dbc.Offcanvas(
        html.Div(id=ids.BRIEFING_LIST), id=ids.BRIEFING_PANEL, placement="end", is_open=False
    )


def navbar_button(locale: Locale) -> html.Button:
    """Open the basket; the badge counts its views (kept current in the browser)."""
    _ = locale.gettext
    return html.Button(
        [_("Briefing"), " ", html.Span("0", id=ids.BRIEFING_COUNT, className="badge bg-light text-dark")],
        id=ids.BRIEFING_OPEN,
        className=BUTTON,
        title=_("Collect views for a PowerPoint briefing"),
    )


def downloads(raw: list[str], locale: Locale) -> html.Form:
    """The deck's title and the PowerPoint, PDF and offline-file downloads, as one form POSTed with
    the basket's views (20 views are longer than a URL may be). ``assets/briefing-download.js``
    sends it with ``fetch``, saves the file, shows why when nothing came, and tries again after
    the seconds a busy server names; without scripts it is a plain form and downloads all the same."""
    _ = locale.gettext
    fields = [
        dcc.Input(type="hidden", name="lang", value=locale.lang),
        *(dcc.Input(type="hidden", name="view", value=view) for view in raw),
    ]
    button, quiet = "btn btn-primary me-2 mb-2", "btn btn-outline-primary me-2 mb-2"
    usb = _("These views as one file that plays without the network, from a USB stick")
    submits: list[tuple[str, str, str, str, str | None]] = [  # one form, three destinations
        (_("Download PowerPoint"), ids.BRIEFING_DOWNLOAD, urls.BRIEFING, button, None),
        (_("Download PDF"), ids.BRIEFING_PDF, urls.BRIEFING_PDF, button, None),
        (_("Download for offline"), ids.BRIEFING_OFFLINE, offline_urls.BRIEFING_FILE, quiet, usb),
    ]
    words = {  # what the script says while it works
        "data-making": _("Making the file…"),
        "data-offline": _("No network: the file could not be made. Try again when you are back online."),
    }
    return html.Form(
        [
            *fields,
            html.Label(
                _("Title of the briefing"), htmlFor=ids.BRIEFING_TITLE, className="form-label mt-3 d-block"
            ),
            dcc.Input(
                id=ids.BRIEFING_TITLE,
                name="title",
                type="text",
                maxLength=briefing.TITLE_MAX,
                placeholder=_("e.g. Venezuelan and Colombian migration to Spain"),
                persistence=True,
                persistence_type="local",
                className="form-control mb-2",
            ),
            *(
                html.Button(text, id=key, type="submit", formAction=action, className=look, title=tip)
                for text, key, action, look, tip in submits
            ),
            html.P(id=ids.BRIEFING_STATUS, role="status", className="small mb-2"),
        ],
        id=ids.BRIEFING_FORM,
        method="post",
        action=urls.BRIEFING,
        **words,  # type: ignore[arg-type]
    )


def contents(
    views: list[tuple[str, str, str]], raw: list[str], page: str | None, locale: Locale
) -> list[Any]:
    """Heading, "add this view" (on a page with a chart), the views (title, subtitle, link,
    remove), the deck's title, the PowerPoint, PDF and offline-file downloads, and clear. ``views`` holds
    (path + query, title, subtitle) of each view."""
    _ = locale.gettext
    heading: list[Any] = [html.H2(_("Briefing"), className="h4")]
    if page in urls.CHARTS:
        heading.append(
            html.Button("+ " + _("Add this view"), id=ids.BRIEFING_ADD, className="btn btn-primary mb-3")
        )
    if not views:
        return [
            *heading,
            html.P(
                _("No views yet. On the map, corridors or dialogue page, “Add this view” keeps it."),
                className="text-muted",
            ),
        ]
    items = [
        html.Li(
            [
                dcc.Link(title, href=href, className="fw-semibold"),
                html.Div(subtitle, className="small text-muted"),
                html.Button(
                    _("Remove"), id=ids.briefing_remove(i), className="btn btn-link btn-sm p-0", n_clicks=0
                ),
            ],
            className="mb-2",
        )
        for i, (href, title, subtitle) in enumerate(views)
    ]
    return [
        *heading,
        html.P(
            _("One slide per view: the chart, its key figures, source and edition, and the link back."),
            className="small text-muted",
        ),
        html.Ol(items),
        dcc.Link(
            "▶ " + _("Present these views"),
            href=basket_step_href(briefing.views(raw), 1, locale.lang),
            id=ids.BRIEFING_PRESENT,
            className="btn btn-outline-primary me-2 go-fullscreen",
        ),
        downloads(raw, locale),
        html.Button(_("Clear"), id=ids.BRIEFING_CLEAR, className="btn btn-outline-secondary", n_clicks=0),
        html.P(
            locale.ngettext("Up to {count} view.", "Up to {count} views.", briefing.MAX_VIEWS).format(
                count=locale.number(briefing.MAX_VIEWS)
            )
            + " "
            + _("Making the file takes a few seconds."),
            className="small text-muted mt-2",
        ),
    ]
