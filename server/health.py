"""``/healthz`` (the process answers) and ``/readyz`` (its data is loaded and was verified)."""

from __future__ import annotations

from flask import Flask, Response, jsonify

from dashboard import datasets
from dashboard.errors import DataValidationError

HEALTHZ = "/healthz"
READYZ = "/readyz"


def no_store(response: Response) -> Response:
    response.cache_control.no_store = True
    return response


def register(server: Flask, manifest: dict[str, object]) -> None:
    """Attach the probes; ``manifest`` is what ``datasets.verify`` checked when the app was built."""
    files = manifest.get("files")
    file_count = len(files) if isinstance(files, dict) else 0
    editions = manifest.get("editions", {})

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
        body = jsonify(
            status="ready" if ready else "not ready",
            verified_files=file_count,
            editions=editions,
            rows=loaded,
            empty=empty,
        )
        return no_store(body), 200 if ready else 503
