"""Programme results page: announced, with the documents it will be built from."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import translator
from dashboard.state import FilterState
from layouts import ids
from layouts.common import header


def programmes(state: FilterState) -> html.Div:
    _ = translator(state.lang)
    return html.Div(
        [
            header(
                _("Programme results"),
                _(
                    "The EU-CELAC migration project, MIEUX, EUROsociAL+ and ECLAC: what they did, "
                    "where, and with which results."
                ),
            ),
            dbc.Alert(
                _(
                    "These results are being compiled from the five source documents. Every figure "
                    "will cite the document it comes from."
                ),
                color="info",
                id=ids.PROGRAMMES_BODY,
            ),
        ]
    )
