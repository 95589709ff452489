"""The one ``config`` every ``dcc.Graph`` gets: plotly's toolbar and texts in the reader's language.

plotly.js translates its modebar ("Descargar gráfica como PNG") and its own texts from locale files
registered on the page: ``assets/plotly/locales/`` holds the ones plotly.js ships for Spanish,
European Portuguese and French (same version as the bundle, served locally, no CDN; see
``assets/plotly/BUILD.md``). English is built into plotly.js. Numbers on the charts keep the
figure's own ``separators`` and Puentes' tick labels (:mod:`dashboard.figures.ticks`).
"""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import urls
from dashboard.locale import Locale

PLOTLY_LOCALES = {"en": "en", "es": "es", "pt": "pt-PT", "fr": "fr"}
"""Language -> plotly.js locale name (its file is ``plotly-locale-<name, lower case>.js``)."""


def graph_config(locale: Locale, **overrides: Any) -> Any:
    """The plotly ``config`` of a chart (``dcc.Graph.Config``; ``Any`` because dash types it as a
    TypedDict): the toolbar in ``locale``'s language, without plotly's logo or selection tools, maps'
    shapes from the app itself; ``overrides`` change or add plotly config keys."""
    return {
        "locale": PLOTLY_LOCALES[locale.lang],
        "topojsonURL": urls.TOPOJSON_DIR,
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
        **overrides,
    }


def sized_graph(element_id: str, figure: dict[str, Any], config: Any, height: int) -> html.Div:
    """A chart in a box as tall as its figure, held before plotly.js's chunk has loaded (a lazy
    ``dcc.Graph`` draws nothing until then): the rows below it never move when it arrives."""
    style = {"height": f"{height}px"}
    return html.Div(
        dcc.Graph(id=element_id, figure=figure, config=config, style=style),
        className="graph-box",
        style={"minHeight": f"{height}px"},
    )
