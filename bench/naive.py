"""The naive Dash app the benchmark compares Puentes with: the same figures from the same data, done
the plain way.

One Dash app, the tutorial's multi-page pattern (a ``dcc.Location`` and a routing callback that
returns the page), and on each of /map, /corridors, /dialogue and /programmes one control and one
plain ``dcc.Graph`` per chart the page shows, each with its own callback that returns the whole
figure on every change. The figures are Puentes' own (``dashboard.views.charts``, the registry the
exports and embeds draw from) with their map shapes inlined in every trace that names them, as a
figure built with plotly.py carries them. plotly.js is the one dash ships, served by the app itself
(``serve_locally=True``); the land outline comes from the app too (``topojsonURL``), never a CDN.
No caching, no ``no_update``, no patches, no security headers.

``NAIVE_COMPRESS=1`` turns on compression the way a Dash user does (``Dash(compress=True)``:
Flask-Compress with its defaults); without Flask-Compress a minimal gzip ``after_request`` does it.

Served by gunicorn for the benchmark: ``gunicorn --pythonpath .,bench 'naive:create_server()'``.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
from pathlib import Path
from typing import Any

from dash import Dash, Input, Output, dcc, html
from flask import Flask, Response, request, send_from_directory

from dashboard import datasets, urls
from dashboard.settings import Settings
from dashboard.views import charts
from dashboard.views.exports import inline_geometry

ROOT = Path(__file__).resolve().parents[1]
TOPOJSON = ROOT / "assets" / "topojson"
PAGES = ("map", "corridors", "dialogue", "programmes")
# What the page shows by default: the map's profile chart is empty until countries are chosen.
SHOWN = {"map": ("map",), "corridors": urls.CHARTS["corridors"], "dialogue": ("timeline",)}
SHOWN = {**SHOWN, "programmes": ("programmes",)}


def programmes() -> list[str]:
    """The programme ids the programmes page offers, in a stable order."""
    from dashboard.vocabulary import vocabulary

    return sorted(set(vocabulary().components.values()))


def control_id(page: str) -> str:
    return f"naive-{page}-control"


def control(page: str) -> Any:
    name = control_id(page)
    if page in ("map", "corridors"):
        years = list(datasets.corridor_years() if page == "corridors" else indicator_years())
        marks = {y: str(y) for y in years}
        return dcc.Slider(id=name, min=years[0], max=years[-1], step=None, marks=marks, value=years[-1])
    if page == "dialogue":
        marks = {y: str(y) for y in range(2005, 2021, 3)}
        return dcc.RangeSlider(id=name, min=2005, max=2020, step=1, value=[2005, 2020], marks=marks)
    options = [{"label": "All programmes", "value": "all"}] + [{"label": p, "value": p} for p in programmes()]
    return dcc.Dropdown(id=name, options=options, value="all", clearable=False)


def indicator_years() -> tuple[int, ...]:
    from dashboard.vocabulary import vocabulary

    return tuple(vocabulary().indicator_years["migrant_stock"])


def query(page: str, value: Any) -> str:
    """The page's query string for the control's value (what ``charts.read`` reads)."""
    if page in ("map", "corridors"):
        return f"year={value}"
    if page == "dialogue":
        start, end = value
        return f"from={start}&to={end}"
    return "" if value in (None, "all") else f"programme={value}"


def graph_id(page: str, chart: str) -> str:
    return f"naive-{page}-{chart}"


def create_app(compress: bool) -> Dash:
    datasets.use(Settings.from_env().data_dir)
    server = Flask(__name__)
    flask_compress = importlib.util.find_spec("flask_compress") is not None
    app = Dash(
        __name__,
        server=server,
        serve_locally=True,
        compress=compress and flask_compress,
        suppress_callback_exceptions=True,  # the pages' components come from the routing callback
    )
    app.title = "Naive"
    if compress and not flask_compress:
        server.after_request(gzip_response)
    shapes = {urls.GEOMETRY: datasets.geometry(), urls.WORLD_GEOMETRY: datasets.world_geometry()}

    @server.route("/topojson/<path:name>")
    def topojson(name: str) -> Response:
        return send_from_directory(TOPOJSON, name)

    @server.route("/healthz")
    def healthz() -> Response:
        return Response('{"status": "ok"}', mimetype="application/json")

    app.layout = html.Div([dcc.Location(id="naive-url"), html.Div(id="naive-page")])

    @app.callback(Output("naive-page", "children"), Input("naive-url", "pathname"))
    def route(pathname: str | None) -> Any:
        page = (pathname or "/").strip("/") or "map"
        if page not in PAGES:
            return html.P("Not found")
        config = {"topojsonURL": "/topojson/", "displaylogo": False}
        graphs = [dcc.Graph(id=graph_id(page, chart), config=config) for chart in SHOWN[page]]
        return html.Div([html.H1(page.title()), control(page), *graphs])

    for page in PAGES:
        for chart in SHOWN[page]:
            register(app, page, chart, shapes)
    return app


def register(app: Dash, page: str, chart: str, shapes: dict[str, Any]) -> None:
    @app.callback(Output(graph_id(page, chart), "figure"), Input(control_id(page), "value"))
    def draw(value: Any) -> Any:
        shown = charts.read(page, f"{query(page, value)}&chart={chart}")
        return inline_geometry(charts.chart(shown).figure, shapes)


def gzip_response(response: Response) -> Response:
    """Gzip a text response when the browser accepts it (used only without Flask-Compress)."""
    accepts = "gzip" in request.headers.get("Accept-Encoding", "")
    textual = (response.mimetype or "").startswith(("text/", "application/json", "application/javascript"))
    if accepts and textual and response.status_code == 200:
        response.direct_passthrough = False  # files too: read them whole
        response.set_data(gzip.compress(response.get_data(), 6))
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Vary"] = "Accept-Encoding"
    return response


def create_server() -> Flask:
    app = create_app(os.environ.get("NAIVE_COMPRESS") == "1")
    # Dash registers its scripts on a worker's first request, and a request of another thread
    # meanwhile gets a 500 (dash-renderer missing, a blank page): the one fix Puentes also has.
    app.server.test_client().get("/_dash-layout")
    return app.server  # type: ignore[return-value]
