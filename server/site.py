"""The site's own address, as printed on slides and in saved files."""

from __future__ import annotations

from flask import current_app, request

PUBLIC_URL = "PUENTES_PUBLIC_URL"  # the Flask config key ``create_app`` stores ``PUBLIC_URL`` under


def site_url() -> str:
    """``PUBLIC_URL`` when set (a forged ``Host`` header never reaches a slide), else the address
    the request came to (a laptop, a test); ends in ``/``."""
    return str(current_app.config.get(PUBLIC_URL) or request.host_url)
