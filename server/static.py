"""What the app's static files cost on the wire: how long a browser keeps them, and how small they
travel. Dash's component bundles, the files under assets/, Dash's favicon and the shapes
(``/geometry/``, compressed only: their route sets its own cache headers).

- Cache lifetimes: a URL with a fingerprint (Dash writes ``?m=<mtime>`` after an asset it links,
  ``.v<version>m<mtime>`` into a bundle's name, ``?v=<version>`` after its favicon) changes when
  the file does, so the browser keeps it a year without asking (``immutable``); an asset asked
  for by its bare name (the shapes plotly.js fetches) for a day, then asks again (``ETag``: 304).
- Compression: each file is compressed once per worker at the strongest level (zstd 19, brotli 9,
  gzip 9, in that order of preference: plotly.js travels in 421 kB instead of the 494 kB of
  Flask-Compress's per-request level) and kept in memory, keyed by its content.
- Conditional requests work: Flask-Compress renames a file's ETag per encoding (``"x:zstd"``),
  which neither Flask's file server nor Dash's bundle server recognises when the browser sends it
  back, so a warm visit downloaded plotly.js again. Here a compressed file keeps its ETag, made
  weak (same content, another encoding), and a matching ``If-None-Match`` gets a 304.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import sys
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

import brotli
from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import Response, request

from dashboard import urls

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

YEAR = "public, max-age=31536000, immutable"
DAY = "public, max-age=86400"
COMPRESSIBLE = {
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
}
ENCODINGS = ("zstd", "br", "gzip")  # the strongest the browser accepts
MIN_BYTES = 500
KEPT_FILES = 64  # more than the app serves: the cache never evicts in practice
LINKED = re.compile(r'(?:src|href)="([^"]+\.(?:js|css)(?:\?[^"]*)?)"')
SHAPES = (urls.GEOMETRY, urls.WORLD_GEOMETRY)
WARMED = ("zstd", "gzip")  # what browsers pick: zstd (Chromium, Firefox), else gzip


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "zstd":
        return bytes(zstd.compress(data, 19))
    if encoding == "br":
        return bytes(brotli.compress(data, quality=9))
    return gzip.compress(data, compresslevel=9, mtime=0)


def accepted(header: str) -> str | None:
    """The first of :data:`ENCODINGS` an ``Accept-Encoding`` header allows (``q=0`` refuses)."""
    offered = {}
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        refused = params.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000")
        offered[name.strip()] = not refused
    return next((e for e in ENCODINGS if offered.get(e)), None)


@dataclass
class Compressed:
    """Compressed bodies kept per worker, keyed by the content's digest and the encoding."""

    kept: OrderedDict[tuple[bytes, str], bytes] = field(default_factory=OrderedDict)
    lock: Lock = field(default_factory=Lock)

    def get(self, data: bytes, encoding: str) -> bytes:
        key = (hashlib.blake2b(data, digest_size=16).digest(), encoding)
        with self.lock:
            if key in self.kept:
                self.kept.move_to_end(key)
                return self.kept[key]
        body = compress(data, encoding)  # outside the lock: other files need not wait
        with self.lock:
            self.kept[key] = body
            while len(self.kept) > KEPT_FILES:
                self.kept.popitem(last=False)
        return body


def cache_control(path: str, assets: str, suites: str, favicon: str) -> str | None:
    """The ``Cache-Control`` of a static file's URL; None for what is not a static file (the
    shapes keep their route's own: a day, and an ETag of the data edition)."""
    if path.startswith(suites):
        return YEAR if check_fingerprint(path[len(suites) :])[1] else "no-cache"
    if path.startswith(assets):
        return YEAR if request.args.get("m") else DAY
    if path == favicon:
        return YEAR if request.args.get("v") else DAY
    return None


def register(app: Dash) -> None:
    """Set the cache headers and compress the static files (before Flask-Compress, which then
    leaves an already encoded response alone)."""
    server = app.server
    assets = app.get_relative_path("/" + app.config.assets_url_path.strip("/") + "/")
    suites = app.get_relative_path("/_dash-component-suites/")
    favicon = app.get_relative_path("/_favicon.ico")
    shapes = {app.get_relative_path(path) for path in SHAPES}
    kept = Compressed()
    server.extensions["puentes_static"] = kept

    @server.after_request
    def static_files(response: Response) -> Response:
        if request.method != "GET":
            return response
        lifetime = cache_control(request.path, assets, suites, favicon)
        if (lifetime is None and request.path not in shapes) or response.status_code not in (200, 304):
            return response
        if lifetime is not None:
            response.headers["Cache-Control"] = lifetime
        response.vary.add("Accept-Encoding")
        if response.status_code == 304:
            return response
        response.direct_passthrough = False  # read the file (Flask streams it otherwise)
        data = response.get_data()
        etag, _weak = response.get_etag()
        response.set_etag(etag or hashlib.blake2b(data, digest_size=16).hexdigest(), weak=True)
        response.make_conditional(request)  # If-None-Match (weak comparison) -> 304
        encoding = accepted(request.headers.get("Accept-Encoding", ""))
        if (
            response.status_code != 200
            or encoding is None
            or "Range" in request.headers
            or response.mimetype not in COMPRESSIBLE
            or len(data) < MIN_BYTES
        ):
            return response
        response.set_data(kept.get(data, encoding))
        response.headers["Content-Encoding"] = encoding
        response.headers.pop("Accept-Ranges", None)
        return response


def warm(app: Dash) -> None:
    """Compress every script and stylesheet the index page links, and the shapes the maps fetch,
    once, before the first visitor (plotly.js at zstd 19 takes a few tenths of a second; the
    shapes, compressed on a first visitor's request, arrived after the map asked for them and
    were fetched twice). Called by the server gunicorn runs, not by every app a test builds."""
    client = app.server.test_client()
    html = client.get(app.get_relative_path("/")).get_data(as_text=True)
    shapes = [app.get_relative_path(path) for path in (*SHAPES, urls.TOPOJSON_DIR + "world_110m.json")]
    for url in dict.fromkeys([*LINKED.findall(html), *shapes]):
        for encoding in WARMED:
            client.get(url, headers={"Accept-Encoding": encoding})
