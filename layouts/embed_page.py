"""``/embed/<page>?<query>``: one chart alone — live, responsive, with its title and source
line, no navbar and no controls — for an ``<iframe>`` on another site."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import urls
from dashboard.locale import Locale
from dashboard.urls.shared import FilterState
from dashboard.views import charts
from layouts import ids
from layouts.graph_config import graph_config


def responsive(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure without a fixed height, so that it fills the frame it is embedded in."""
    layout = {k: v for k, v in figure["layout"].items() if k != "height"}
    return {**figure, "layout": {**layout, "autosize": True}}


def layout(page: str, shared: FilterState, search: str, locale: Locale) -> html.Div:
    _ = locale.gettext
    shown = charts.chart(charts.read(page, search))
    return html.Div(
        [
            html.Header(
                [
                    html.H1(shown.caption.title, id=ids.EMBED_TITLE, className="embed-title"),
                    html.P(shown.caption.subtitle, id=ids.EMBED_SUBTITLE, className="embed-subtitle"),
                ]
            ),
            dcc.Graph(
                id=ids.EMBED_GRAPH,
                figure=responsive(shown.figure),
                config=graph_config(locale),
                className="embed-graph",
            ),
            html.Footer(  # a landmark, as the header is: nothing of the frame outside one
                html.P(
                    [
                        shown.caption.source,
                        " · ",
                        html.A(
                            _("Open in Puentes"),
                            href=urls.page(page, search),
                            target="_blank",
                            rel="noopener",
                        ),
                    ],
                    id=ids.EMBED_SOURCE,
                    className="embed-source",
                )
            ),
        ],
        className="embed",
    )
