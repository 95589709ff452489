"""An unknown path answers 404, not the app's 200.

Dash serves its page for every path so that the browser can route; a mistyped or outdated link
would then look like a working page to a crawler, a link checker or a monitoring probe. The answer
keeps the app's page (which says "Page not found" in the reader's language and links to every
page) and changes only the status.
"""

from __future__ import annotations

from dash import Dash
from flask import Response, request

from dashboard import urls


def register(app: Dash) -> None:
    """Mark the app's page 404 when its path names no page (after Dash registered its routes)."""
    catch_all = app.config.routes_pathname_prefix + "<path:path>"
    prefix = app.config.routes_pathname_prefix.rstrip("/")

    @app.server.after_request
    def not_found(response: Response) -> Response:
        rule = request.url_rule
        if rule is None or rule.rule != catch_all or request.method not in ("GET", "HEAD"):
            return response
        if response.status_code == 200 and not urls.is_page(request.path.removeprefix(prefix)):
            response.status_code = 404
        return response
