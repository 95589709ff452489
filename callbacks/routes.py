"""Plain HTTP routes beside the Dash callbacks: the shared geometry and CSV downloads."""

from __future__ import annotations

import hashlib

from flask import Flask, Response, request

from dashboard import loading, urls
from dashboard.corridor_view import build as build_corridors
from dashboard.map_view import build
from dashboard.tables import to_csv
from layouts import corridors_page
from layouts.router import parse_url

ONE_DAY = 86400


def geojson_response(text: bytes, etag: str) -> Response:
    """The file with a strong ETag and a day of caching; 304 when the browser has it."""
    # Flask-Compress tags compressed copies "<etag>:gzip" / ":br": accept any of them.
    if any(tag.split(":")[0] == etag for tag in request.if_none_match.as_set(include_weak=True)):
        return Response(status=304)
    response = Response(text, mimetype="application/geo+json")
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = ONE_DAY
    return response


def csv_response(text: str, filename: str) -> Response:
    return Response(
        text,
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def register(server: Flask) -> None:
    """Attach the routes to the Flask server."""
    geometry_text = loading.geometry_bytes()
    etag = hashlib.sha256(geometry_text).hexdigest()[:32]
    world_text = loading.world_geometry_bytes()
    world_etag = hashlib.sha256(world_text).hexdigest()[:32]

    @server.get(urls.GEOMETRY)
    def geometry() -> Response:
        return geojson_response(geometry_text, etag)

    @server.get(urls.WORLD_GEOMETRY)
    def world_geometry() -> Response:
        return geojson_response(world_text, world_etag)

    @server.get(urls.CORRIDORS_CSV)
    def corridors_csv() -> Response:
        query = request.query_string.decode("utf-8", errors="replace")
        view = build_corridors(parse_url(query).state, corridors_page.parse(query)[0])
        filename = f"puentes-corridors-{view.state.direction}-{view.year}-{view.state.sex}.csv"
        return csv_response(to_csv(view.csv()), filename)

    @server.get(urls.MAP_CSV)
    def map_csv() -> Response:
        query = request.query_string.decode("utf-8", errors="replace")
        view = build(parse_url(query).state)
        filename = f"puentes-{view.spec.id}-{view.year}-{view.state.region}.csv"
        return csv_response(to_csv(view.table()), filename)
