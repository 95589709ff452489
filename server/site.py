"""The site's own address, as printed on slides and in saved files, and what it tells crawlers."""

from __future__ import annotations

from flask import Flask, Response, current_app, request

from dashboard import urls
from dashboard.urls import offline as offline_urls

PUBLIC_URL = "PUENTES_PUBLIC_URL"  # the Flask config key ``create_app`` stores ``PUBLIC_URL`` under
ROBOTS = "/robots.txt"
ONE_DAY = 86400
# Pages, embeds and chart images stay open (a link preview fetches the view's PNG export); the
# files made on request (tables, decks, offline files) are not for crawlers: each one costs the
# server a build, and the pages link to them by the thousand.
NOT_CRAWLED = (urls.DOWNLOAD, urls.BRIEFING, urls.BRIEFING_PDF, offline_urls.OFFLINE)


def site_url() -> str:
    """``PUBLIC_URL`` when set (a forged ``Host`` header never reaches a slide), else the address
    the request came to (a laptop, a test); ends in ``/``."""
    return str(current_app.config.get(PUBLIC_URL) or request.host_url)


def robots_txt() -> str:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in NOT_CRAWLED), "Allow: /"]
    return "\n".join(lines) + "\n"


def register(server: Flask) -> None:
    """``/robots.txt`` (without it every crawler's first request is the app's 404 page)."""

    @server.get(ROBOTS)
    def robots() -> Response:
        response = Response(robots_txt(), mimetype="text/plain")
        response.cache_control.public = True
        response.cache_control.max_age = ONE_DAY
        return response
