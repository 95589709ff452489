"""What every response carries on a hostile morning: security headers, a request size limit, and
error handlers that answer with a short plain message (a server error's traceback goes to the log,
never out; a rejected callback request is one log line: method, path, status, reason).

A Content-Security-Policy allows scripts only from this origin plus the hashes of the inline
scripts Dash writes into its index page; styles need 'unsafe-inline' (plotly.js and React set
inline styles). Pages under ``/embed/`` may be framed by any site; everything else by none.

The policy, the framing, referrer, opener and permissions headers govern a document: they go on
what a browser can show as a page (HTML, and an SVG opened on its own), never on the JSON of a
callback answer, a script, a stylesheet or an icon, where they do nothing but cost bytes (the
policy alone is over a kilobyte, on every callback of every interaction). ``nosniff`` goes on
every response: it is what keeps a JSON answer or a stylesheet from being run as a script.
"""

from __future__ import annotations

import base64
import hashlib
import re

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, current_app, request
from werkzeug.exceptions import HTTPException

# The largest callback body the app can send is the briefing panel's (a basket of 20 views, the
# address and the deck title): 43,258 bytes with every value at the longest the app reads (views
# and address of MAX_QUERY_LENGTH characters, a title of 4-byte characters), 13,480 with the
# longest views its builders write (593 characters; tests/production/test_body_bounds.py). 128 KiB is three
# times the first; a larger body is a 413 with one log line. No query the app writes comes near
# MAX_QUERY_BYTES (the address bar keeps MAX_QUERY_LENGTH characters); a longer one is a 414.
MAX_REQUEST_BYTES = 128 * 1024
MAX_QUERY_BYTES = 8 * 1024
CALLBACK_PATH = "/_dash-update-component"
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
NOT_EXECUTED = re.compile(r"""type\s*=\s*["']?application/json""", re.I)
COMMENTED = re.compile(r"<!--.*?-->", re.S)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
REASON_CHARS = 200
POLICY = "PUENTES_CSP"
EMBED_POLICY = "PUENTES_CSP_EMBED"

EVERY_RESPONSE = {"X-Content-Type-Options": "nosniff"}
DOCUMENT_HEADERS = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
# What a browser may render as a page of its own, and so what the page-only headers govern.
DOCUMENT_TYPES = frozenset({"text/html", "image/svg+xml"})


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) for every inline script an HTML page runs."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(COMMENTED.sub("", html)):
        if "src=" in match["attrs"] or NOT_EXECUTED.search(match["attrs"]):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def content_security_policy(script_hashes: list[str], *, frame_ancestors: str) -> str:
    """The policy header value; ``frame_ancestors`` is ``'none'`` or ``*`` (embeds)."""
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *sorted(set(script_hashes))]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def plain(text: str, status: int) -> Response:
    return Response(text + "\n", status=status, mimetype="text/plain")


def one_line(text: str, limit: int = REASON_CHARS) -> str:
    """``text`` on one line with no control character (a hostile value cannot forge log lines)."""
    flat = " ".join(CONTROL.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def log_rejection(status: int, reason: str) -> None:
    """One log line per rejected request: method, path, status and why, no traceback."""
    method, path = one_line(request.method, 16), one_line(request.path)
    current_app.logger.warning("rejected %s %s %d: %s", method, path, status, one_line(reason))


def register(app: Dash) -> None:
    """Attach headers, the size limit and the error handlers. Call after every callback exists
    and before any request: the policy hashes the inline scripts of the index page as served."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    server.config["DEBUG"] = False
    embed_prefix = app.get_relative_path("/embed/")
    callback_path = app.get_relative_path(CALLBACK_PATH)
    # Until the index page has been read below, no inline script is allowed at all.
    server.config[POLICY] = content_security_policy([], frame_ancestors="'none'")
    server.config[EMBED_POLICY] = content_security_policy([], frame_ancestors="*")

    @server.before_request
    def bounded_request() -> Response | None:
        length = request.content_length
        if length is not None and length > MAX_REQUEST_BYTES:
            reason = f"Request Entity Too Large: a body of {length} bytes (at most {MAX_REQUEST_BYTES})"
            log_rejection(413, reason)
            return plain(f"413 {reason}", 413)
        if len(request.query_string) > MAX_QUERY_BYTES:
            size = len(request.query_string)
            reason = f"URI Too Long: a query string of {size} bytes (at most {MAX_QUERY_BYTES})"
            log_rejection(414, reason)
            return plain(f"414 {reason}", 414)
        return None

    @server.after_request
    def security_headers(response: Response) -> Response:
        for name, value in EVERY_RESPONSE.items():
            response.headers.setdefault(name, value)
        # A callback's "nothing to update" (204) is typed text/html by Dash: the path tells. A 304
        # has no body; the browser keeps the headers of the copy it has (RFC 9111, 4.3.4).
        if (
            request.path == callback_path
            or response.status_code in (204, 304)
            or response.mimetype not in DOCUMENT_TYPES
        ):
            return response
        for name, value in DOCUMENT_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.path.startswith(embed_prefix):
            response.headers["Content-Security-Policy"] = server.config[EMBED_POLICY]
        else:
            response.headers["Content-Security-Policy"] = server.config[POLICY]
            response.headers["X-Frame-Options"] = "DENY"
        return response

    @server.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response | HTTPException:
        if error.code is None or error.code < 400:
            return error  # redirects raised by routing
        if request.path == callback_path or error.code == 413:  # too large or malformed body, a GET
            log_rejection(error.code, f"{error.name}: {error.description or ''}")
        return plain(f"{error.code} {error.name}", error.code)

    @server.errorhandler(DependencyException)
    def unknown_bundle(error: DependencyException) -> Response:
        # Dash raises this for a /_dash-component-suites/ path it never registered: a bad URL.
        return plain("404 Not Found", 404)

    @server.errorhandler(Exception)
    def unexpected_error(error: Exception) -> Response:
        if request.path == callback_path:
            # Inputs a real page never sends (unknown ids, wrong types): the request is bad. One
            # line says so; the traceback only at LOG_LEVEL=debug (forged bodies would flood the log).
            log_rejection(400, f"{type(error).__name__}: {error}")
            current_app.logger.debug("traceback of the callback request above", exc_info=error)
            return plain("400 Bad Request: this callback request cannot be answered", 400)
        current_app.logger.error("%s %s failed", request.method, request.path, exc_info=error)
        return plain("500 Internal Server Error", 500)

    # Flask takes no new hooks after its first request, so the hooks exist first and read the
    # policy from the config; this request (Dash's own first-request setup included) fills it.
    html = server.test_client().get(app.get_relative_path("/")).get_data(as_text=True)
    hashes = [*app.csp_hashes(), *inline_script_hashes(html)]
    server.config[POLICY] = content_security_policy(hashes, frame_ancestors="'none'")
    server.config[EMBED_POLICY] = content_security_policy(hashes, frame_ancestors="*")
