"""Small layout factories shared by the pages: navbar, notice banner, headers, source lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES
from dashboard.locale import Locale
from dashboard.urls.chrome import navbar_links, page_href
from dashboard.urls.query import Notice
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as to_query
from dashboard.views import sources as sources_view
from layouts import briefing, ids, presenter

PAGE_PATHS = ("map", "corridors", "dialogue", "programmes", "sources")
MAX_SHOWN_VALUE = 40
# Bootstrap's breakpoint from which the navbar shows every entry on one row (below it, a menu
# button): "xl", 1200 px and wider (a 1280 x 720 projector, a laptop).
NAVBAR_EXPAND = "xl"


def page_titles(locale: Locale) -> dict[str, str]:
    """Navbar label of each page."""
    _ = locale.gettext
    return {
        "map": _("Map explorer"),
        "corridors": _("Corridors"),
        "dialogue": _("Dialogue timeline"),
        "programmes": _("Programme results"),
        "sources": _("Sources"),
    }


def navbar_labels(locale: Locale) -> dict[str, str]:
    """The navbar's short name of each page (one row at 1200 px in every language; the page's
    own title is :func:`page_titles`)."""
    _ = locale.gettext
    return {
        "map": _("Map"),
        "corridors": _("Corridors"),
        "dialogue": _("Dialogue"),
        "programmes": _("Programmes"),
        "sources": _("Sources"),
    }


def href(page: str, state: FilterState) -> str:
    """Link to ``page`` keeping the shared filters."""
    return page_href(page, state)


def navbar(
    page: str, state: FilterState, locale: Locale, page_query: Callable[[FilterState], str] = to_query
) -> dbc.Navbar:
    """Brand, the five pages, and the language switch (links that keep the view, including
    the page's own parameters: ``page_query`` gives the page's query for a state). Below
    ``NAVBAR_EXPAND`` wide (a phone, a tablet) everything but the brand folds behind a menu
    button (the one callbacks/navigation.py opens)."""
    _ = locale.gettext
    titles = navbar_labels(locale)
    built = navbar_links(page, PAGE_PATHS, state, page_query)  # the same links the callbacks copy
    links = [
        dbc.NavItem(dbc.NavLink(titles[p], href=built.pages[p], active=(p == page), id=ids.nav_link(p)))
        for p in PAGE_PATHS
    ]
    languages = [
        dcc.Link(
            code.upper(),
            href=built.languages[code],
            id=ids.language_link(code),
            title=LANGUAGE_NAMES[code],
            className="lang-link" + (" active" if code == locale.lang else ""),
        )
        for code in LANGUAGES
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(
                    [
                        html.Span("Puentes", className="brand-name"),
                        html.Span(_("EU–CELAC migration indicators"), className="brand-tag"),
                    ],
                    href=href("map", state),
                ),
                html.Button(  # dbc.NavbarToggler names itself in English only
                    html.Span(className="navbar-toggler-icon"),
                    id=ids.NAVBAR_TOGGLER,
                    n_clicks=0,
                    type="button",
                    className="navbar-toggler collapsed",
                    **aria(label=_("Menu"), controls=ids.NAVBAR_COLLAPSE, expanded="false"),
                ),
                dbc.Collapse(
                    [
                        dbc.Nav(links, navbar=True, className="me-auto"),
                        presenter.start_links(built.present, locale),
                        briefing.navbar_button(locale),
                        html.Nav(
                            languages,
                            id=ids.LANGUAGE_MENU,
                            className="lang-menu",
                            title=_("Language"),
                            **aria(label=_("Language")),
                        ),
                    ],
                    id=ids.NAVBAR_COLLAPSE,
                    is_open=False,
                    navbar=True,
                ),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        expand=NAVBAR_EXPAND,
        className="mb-3 app-navbar",
    )


def aria(**attributes: str) -> dict[str, Any]:
    """``aria-*`` attributes as keyword arguments of a Dash HTML component."""
    return {f"aria-{name}": value for name, value in attributes.items()}


def skip_link(locale: Locale) -> html.A:
    """The first tab stop of every page: straight to the page's content (``<main>``), past the
    navbar's dozen links; hidden until it has the focus (assets/03-navbar.css)."""
    _ = locale.gettext
    return html.A(_("Skip to content"), href=f"#{ids.PAGE}", id=ids.APP_SKIP, className="skip-link")


def notice(notices: Sequence[Notice], locale: Locale, element_id: str = ids.NOTICE) -> html.Div:
    """A visible, translated banner listing URL values that were replaced by defaults."""
    _ = locale.gettext
    if not notices:
        return html.Div(id=element_id)
    names = {
        "indicator": _("Indicator"),
        "year": _("Year"),
        "region": _("Region"),
        "countries": _("Countries"),
        "groups": _("Groups"),
        "lang": _("Language"),
        "scale": _("Colour scale"),
        "query": _("Link"),
        "direction": _("Direction"),
        "origins": _("Origins"),
        "destinations": _("Destinations"),
        "sex": _("Sex"),
        "base": _("Growth since"),
        "focus": _("Country"),
        "side": _("Map"),
        "programme": _("Programme"),
        "component": _("Component or action"),
        "themes": _("Themes"),
        "from": _("From year"),
        "to": _("To year"),
        "present": _("Presenter mode"),
        "story": _("Story"),
        "step": _("Step"),
    }
    items = [
        html.Li(
            _("{parameter}: “{value}” is not a valid value").format(
                parameter=names.get(n.parameter, n.parameter), value=n.value[:MAX_SHOWN_VALUE]
            )
        )
        for n in notices
    ]
    return html.Div(
        dbc.Alert(
            [
                html.Strong(_("Part of this link could not be used; showing defaults instead.")),
                html.Ul(items, className="mb-0"),
            ],
            color="warning",
            className="mb-3",
        ),
        id=element_id,
    )


def header(title: str, subtitle: str | None = None) -> html.Header:
    return html.Header(
        [html.H1(title, className="page-title"), html.P(subtitle, className="lead") if subtitle else None],
        className="mb-3",
    )


def documents_source_line(locale: Locale) -> html.P:
    """The source line of the charts drawn from the five source documents (the dialogue timeline,
    the programme map): the same words as their exports, slides and offline steps."""
    _ = locale.gettext
    return html.P(
        [
            html.Strong(_("Source") + ": "),
            _("the five source documents; every event cites its document and words"),
        ],
        className="source-line",
    )


def source_line(
    source_key: str,
    state: FilterState,
    locale: Locale,
    computed_method: str = "",
    element_id: str | None = None,
    denominator_key: str = "",
    editions_note: str = "",
) -> html.P:
    """Source, edition and licence of a dataset — and, for a computed ratio, of its denominator's
    dataset and why their editions differ — "computed" with its method, link to Sources."""
    _ = locale.gettext
    src = sources_view.source(source_key, locale)
    parts: list[Any] = [
        html.Strong(_("Source") + ": "),
        src.name,
        " · ",
        _("edition") + " " + src.edition,
        " · ",
        _("licence") + " " + src.licence,
    ]
    if denominator_key:
        below = sources_view.source(denominator_key, locale)
        parts += [
            html.Br(),
            html.Strong(_("Denominator") + ": "),
            below.name,
            " · ",
            _("edition") + " " + below.edition,
            " · ",
            _("licence") + " " + below.licence,
        ]
    if editions_note:
        parts += [html.Br(), html.Em(_("Editions differ") + ": " + editions_note)]
    if computed_method:
        parts += [html.Br() if denominator_key else " · ", html.Em(_("computed") + ": " + computed_method)]
    parts += [" · ", dcc.Link(_("All sources"), href=href("sources", state))]
    return html.P(parts, className="source-line", id=element_id or f"source-{source_key}")


def filter_column(label: str, dropdown: dcc.Dropdown, xl: int = 3) -> dbc.Col:
    """One labelled filter of a page's controls row (half the width on tablets)."""
    target: str = getattr(dropdown, "id")  # noqa: B009 (Dash sets props dynamically)
    return dbc.Col([dbc.Label(label, html_for=target), dropdown], md=6, xl=xl)
