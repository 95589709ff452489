"""Plain HTTP routes beside the Dash callbacks: the shared geometry and CSV downloads."""

from __future__ import annotations

import hashlib

from flask import Flask, Response, request

from dashboard import loading, urls
from dashboard.map_view import build
from dashboard.tables import to_csv
from layouts.router import parse_url

ONE_DAY = 86400


def register(server: Flask) -> None:
    """Attach the routes to the Flask server."""
    geometry_text = loading.geometry_bytes()
    etag = hashlib.sha256(geometry_text).hexdigest()[:32]

    @server.get(urls.GEOMETRY)
    def geometry() -> Response:
        # Flask-Compress tags compressed copies "<etag>:gzip" / ":br": accept any of them.
        if any(tag.split(":")[0] == etag for tag in request.if_none_match.as_set(include_weak=True)):
            return Response(status=304)
        response = Response(geometry_text, mimetype="application/geo+json")
        response.set_etag(etag)
        response.cache_control.public = True
        response.cache_control.max_age = ONE_DAY
        return response

    @server.get(urls.MAP_CSV)
    def map_csv() -> Response:
        query = request.query_string.decode("utf-8", errors="replace")
        view = build(parse_url(query).state)
        filename = f"puentes-{view.spec.id}-{view.year}-{view.state.region}.csv"
        return Response(
            to_csv(view.table()),
            mimetype="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
