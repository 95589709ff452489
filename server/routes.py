"""Plain HTTP routes beside the Dash callbacks: the shared geometry, CSV downloads and chart images."""

from __future__ import annotations

import hashlib

from flask import Flask, Response, request

from dashboard import datasets, urls
from dashboard.errors import ExportFailed
from dashboard.locale import Locale
from dashboard.renders import ExportBusy, Exports
from dashboard.tables import to_csv
from dashboard.views import charts
from dashboard.views import corridors as corridor_view
from dashboard.views import map as map_view
from dashboard.workbook import XLSX_TYPE, to_xlsx

ONE_DAY = 86400
ONE_HOUR = 3600


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


def download_stem(shown: charts.ChartState) -> str:
    """The download's file name: the historical names for the two pages' default tables (links
    published so far keep their files), else the chart's image name."""
    if shown.page == "map" and shown.name == "map":
        view = map_view.build(shown.shared)
        return f"puentes-{view.spec.id}-{view.year}-{view.state.region}"
    if shown.page == "corridors" and shown.name == "flows":
        view_c = corridor_view.build(shown.shared, shown.corridors)
        return f"puentes-corridors-{view_c.state.direction}-{view_c.year}-{view_c.state.sex}"
    return charts.chart(shown).filename


def table_response(page: str, fmt: str, query: str) -> Response:
    """The table of the chart the query names, as CSV (ids as headers) or XLSX (with an "About"
    sheet saying what each column means, in the link's language)."""
    shown = charts.read(page, query)
    table = charts.table(shown)
    stem = download_stem(shown)
    if fmt == "csv":
        return csv_response(to_csv(table), f"{stem}.csv")
    data = to_xlsx(table, Locale.of(shown.shared.lang))
    return Response(
        data, mimetype=XLSX_TYPE, headers={"Content-Disposition": f'attachment; filename="{stem}.xlsx"'}
    )


def refused(error: ExportFailed, locale: Locale, message: str) -> Response:
    """503 saying why nothing was drawn: with ``Retry-After`` when the render queue is full (the
    page's chart is still there; a second try in that many seconds is drawn), else ``message``
    (translated, with ``{reason}``)."""
    if isinstance(error, ExportBusy):
        seconds = error.retry_after
        text = locale.ngettext(
            "The server is drawing other charts for the room. Try again in {seconds} second.",
            "The server is drawing other charts for the room. Try again in {seconds} seconds.",
            seconds,
        ).format(seconds=seconds)
        return Response(text, status=503, mimetype="text/plain", headers={"Retry-After": str(seconds)})
    return Response(message.format(reason=error), status=503, mimetype="text/plain")


def image_refused(error: ExportFailed, locale: Locale) -> Response:
    _ = locale.gettext
    message = _(
        "The image could not be made: {reason}. The chart is still on the page; try again in a minute."
    )
    return refused(error, locale, message)


def image_response(exports_: Exports, page: str, fmt: str, query: str, shapes_etag: str) -> Response:
    """The chart as PNG (2x) or SVG; 503 with a plain message when the browser cannot draw it.

    The image is named by what it shows: the view's state as the app reads it from the query, the
    format and the data (its version and shapes). That name is the ETag (a browser that has the
    picture gets a 304) and the cache key (a replica that drew it answers for all): a kept image
    costs no chart building, and neither does a refusal when the render queue is full; the chart
    is built and drawn by the render queue (in the render process under gunicorn), never here.
    """
    state = charts.read(page, query)
    named = f"{page}|{fmt}|{state!r}|{datasets.version()}|{shapes_etag}"
    digest = hashlib.sha256(named.encode("utf-8")).hexdigest()[:32]
    if any(tag.split(":")[0] == digest for tag in request.if_none_match.as_set(include_weak=True)):
        return Response(status=304)  # (Flask-Compress tags compressed copies "<etag>:gzip")
    kept = exports_.recall(f"export:{digest}")
    if isinstance(kept, tuple) and len(kept) == 2:
        filename, data = kept
    else:
        try:
            with exports_.session(1) as session:  # the chart is built and drawn where renders run
                filename, data = session.export(page, fmt, query)
        except ExportFailed as error:
            return image_refused(error, Locale.of(state.shared.lang))
        exports_.keep(f"export:{digest}", (filename, data))
    response = Response(data, mimetype="image/png" if fmt == "png" else "image/svg+xml")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}.{fmt}"'
    response.cache_control.public = True
    response.cache_control.max_age = ONE_HOUR  # a data update shows within the hour
    response.set_etag(digest)
    return response


def register(server: Flask, exports_: Exports) -> None:
    """Attach the routes to the Flask server; ``exports_`` draws the images (through the render queue)."""
    geometry_text = datasets.geometry_bytes()
    etag = hashlib.sha256(geometry_text).hexdigest()[:32]
    world_text = datasets.world_geometry_bytes()
    world_etag = hashlib.sha256(world_text).hexdigest()[:32]

    @server.get(
        f"{urls.EXPORT}<any({', '.join(urls.CHARTS)}):page>.<any({', '.join(urls.EXPORT_FORMATS)}):fmt>"
    )
    def export_image(page: str, fmt: str) -> Response:
        query = request.query_string.decode("utf-8", errors="replace")
        return image_response(exports_, page, fmt, query, etag + world_etag)

    @server.get(f"{urls.EXPORT}<path:rest>")
    def no_such_export(rest: str) -> Response:
        charts = ", ".join(f"{urls.EXPORT}{page}.png|svg" for page in urls.CHARTS)
        return Response(f"Not an export. Try {charts}.", status=404, mimetype="text/plain")

    @server.get(urls.GEOMETRY)
    def geometry() -> Response:
        return geojson_response(geometry_text, etag)

    @server.get(urls.WORLD_GEOMETRY)
    def world_geometry() -> Response:
        return geojson_response(world_text, world_etag)

    @server.get(
        f"{urls.DOWNLOAD}<any({', '.join(urls.CHARTS)}):page>.<any({', '.join(urls.DOWNLOAD_FORMATS)}):fmt>"
    )
    def download_table(page: str, fmt: str) -> Response:
        query = request.query_string.decode("utf-8", errors="replace")
        return table_response(page, fmt, query)

    # The published CSV links keep a rule of their own (``server/cache.py`` caches them by path);
    # without ``chart=`` they answer with the same table and file name as before.
    @server.get(urls.MAP_CSV)
    def map_csv() -> Response:
        return download_table("map", "csv")

    @server.get(urls.CORRIDORS_CSV)
    def corridors_csv() -> Response:
        return download_table("corridors", "csv")
