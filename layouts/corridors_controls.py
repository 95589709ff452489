"""The corridors page's controls: direction, custom origins and destinations, year, sex and base
year; and the linked map's country and side."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc

from dashboard.locale import Locale
from dashboard.views import filters
from dashboard.views.corridors import CorridorView
from layouts import a11y, ids


def code_options(locale: Locale) -> list[dict[str, str]]:
    """Every country of the corridor table, by name; the two pseudo-codes last."""
    return filters.corridor_codes(locale)


def direction_options(locale: Locale) -> list[dict[str, str]]:
    _ = locale.gettext
    return [
        {"label": _("CELAC → EU"), "value": "celac_eu"},
        {"label": _("EU → CELAC"), "value": "eu_celac"},
        {"label": _("Within CELAC"), "value": "celac_celac"},
        {"label": _("CELAC → rest of the world"), "value": "celac_world"},
        {"label": _("Custom"), "value": "custom"},
    ]


def placeholder(view: CorridorView) -> str:
    """What an empty country picker means: the preset's bloc, every country (the other side is
    chosen), or nothing yet (custom with no choice: the page asks for one)."""
    _ = view.locale.gettext
    if view.state.direction != "custom":
        return _("As the direction says (choose to customise)")
    if view.needs_choice:
        return _("Choose countries")
    return _("Any country (choose to narrow)")


def code_picker(
    label: str, element_id: str, options: list[dict[str, str]], value: tuple[str, ...], empty: str
) -> dbc.Col:
    """A labelled multi-select of countries (the custom origin or destination set); ``empty``
    says what choosing none means."""
    return dbc.Col(
        [
            dbc.Label(label, html_for=element_id),
            dcc.Dropdown(
                id=element_id,
                options=options,
                value=list(value),
                multi=True,
                placeholder=empty,
            ),
        ],
        md=6,
    )


def controls(view: CorridorView) -> dbc.Row:
    _ = view.locale.gettext
    years = filters.corridor_years()
    state = view.state
    radio = {
        "inline": True,
        "className": "btn-group flex-wrap",
        "inputClassName": "btn-check",
        "labelClassName": "btn btn-outline-primary btn-sm",
        "labelCheckedClassName": "active",
    }
    options = code_options(view.locale)
    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(_("Direction"), html_for=ids.CORRIDORS_DIRECTION),
                    dbc.RadioItems(
                        id=ids.CORRIDORS_DIRECTION,
                        options=direction_options(view.locale),
                        value=state.direction,
                        **radio,
                    ),
                ],
                xl=6,
            ),
            dbc.Col(
                [
                    dbc.Label(_("Sex"), html_for=ids.CORRIDORS_SEX),
                    dbc.RadioItems(
                        id=ids.CORRIDORS_SEX,
                        options=[
                            {"label": _("Both sexes"), "value": "total"},
                            {"label": _("Women"), "value": "female"},
                            {"label": _("Men"), "value": "male"},
                        ],
                        value=state.sex,
                        **radio,
                    ),
                ],
                xl=3,
                md=6,
            ),
            dbc.Col(
                [
                    dbc.Label(_("Growth since"), html_for=ids.CORRIDORS_BASE),
                    dcc.Dropdown(
                        id=ids.CORRIDORS_BASE,
                        options=[{"label": str(y), "value": y} for y in years],
                        value=state.base,
                        clearable=False,
                    ),
                ],
                xl=3,
                md=6,
            ),
            code_picker(_("Origins"), ids.CORRIDORS_ORIGINS, options, state.origins, placeholder(view)),
            code_picker(
                _("Destinations"), ids.CORRIDORS_DESTINATIONS, options, state.destinations, placeholder(view)
            ),
            dbc.Col(
                [
                    dbc.Label(_("Year"), html_for=ids.CORRIDORS_YEAR),
                    dcc.Slider(
                        id=ids.CORRIDORS_YEAR,
                        min=years[0],
                        max=years[-1],
                        step=None,
                        marks={y: str(y) for y in years},
                        value=view.year,
                        included=False,
                        updatemode="mouseup",
                        className=a11y.YEAR_STEPS,  # arrow keys step through the marks (layouts/a11y.py)
                    ),
                ],
                xs=12,
            ),
        ],
        className="g-3 mb-3 align-items-end page-controls",
    )


def focus_controls(view: CorridorView) -> dbc.Row:
    _ = view.locale.gettext
    return dbc.Row(
        [
            dbc.Col(
                dcc.Dropdown(
                    id=ids.CORRIDORS_FOCUS,
                    options=code_options(view.locale)[:-2],
                    value=view.state.focus,
                    clearable=False,
                ),
                md=6,
            ),
            dbc.Col(
                dbc.RadioItems(
                    id=ids.CORRIDORS_SIDE,
                    options=[
                        {"label": _("its migrants' origins"), "value": "destination"},
                        {"label": _("where its emigrants live"), "value": "origin"},
                    ],
                    value=view.state.side,
                    inline=True,
                ),
                md=6,
            ),
        ],
        className="g-2 mb-1 align-items-center page-controls",
    )
