"""``/healthz`` (the process answers) and ``/readyz`` (its data is loaded and was verified).

Exports (images, slides, PDF) need Chromium and the app's plotly.js bundle and topojson: what is
missing is logged in one line at start and listed under ``exports`` in ``/readyz``, which stays 200
(the pages work without them; each export then answers 503 with a plain message).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify

from dashboard import datasets
from dashboard.errors import DataValidationError
from dashboard.renders import Exports

HEALTHZ = "/healthz"
READYZ = "/readyz"
EXPORTS = "puentes_exports"  # the key ``create_app`` stores the exports (render queue) under
LOG = logging.getLogger(__name__)


def no_store(response: Response) -> Response:
    response.cache_control.no_store = True
    return response


def register(server: Flask, manifest: dict[str, object]) -> None:
    """Attach the probes; ``manifest`` is what ``datasets.verify`` checked when the app was built."""
    files = manifest.get("files")
    file_count = len(files) if isinstance(files, dict) else 0
    editions = manifest.get("editions", {})
    exports_ = server.extensions.get(EXPORTS)
    renderer = exports_.renderer if isinstance(exports_, Exports) else None
    if renderer is not None and (missing := renderer.missing()):
        files = [name for name in missing if name != "Chromium"]
        parts = [f"{', '.join(files)} (assets folder {renderer.assets})"] if files else []
        parts += ["Chromium (run `make browsers` or set BROWSER_PATH)"] if "Chromium" in missing else []
        LOG.warning("puentes: exports will answer 503, pages are served: missing %s", "; ".join(parts))

    @server.get(HEALTHZ)
    def healthz() -> Response:
        return no_store(jsonify(status="ok"))

    @server.get(READYZ)
    def readyz() -> tuple[Response, int]:
        # The cached tables are what the pages read: ready only when they hold rows.
        try:
            loaded = {
                "indicators": len(datasets.indicator_values()),
                "countries": len(datasets.countries()),
                "corridors": len(datasets.corridors()),
            }
        except (OSError, ValueError, DataValidationError) as error:
            body = jsonify(status="not ready", reason=type(error).__name__)
            return no_store(body), 503
        empty = sorted(name for name, rows in loaded.items() if rows == 0)
        ready = file_count > 0 and not empty
        exports = {}
        if renderer is not None:  # reported beside readiness, never failing it
            missing = renderer.missing()
            exports = {"exports": {"status": "not available" if missing else "ready", "missing": missing}}
        body = jsonify(
            status="ready" if ready else "not ready",
            verified_files=file_count,
            editions=editions,
            rows=loaded,
            empty=empty,
            **exports,
        )
        return no_store(body), 200 if ready else 503
