"""The index page Dash serves for every address, made to paint early on a slow network.

- The page's frame (layouts/first_paint.py: navbar or presenter bar in the address's language,
  title, a placeholder as tall as the chart) instead of Dash's bare "Loading...", styled by CSS
  inlined in the head: it paints as soon as the HTML arrives.
- The stylesheets are linked after the frame, in the body: Chromium paints what comes before
  a stylesheet in the body without waiting for it (the page's own content, drawn by the scripts
  that come after them, waits as before).
- ``<link rel=preload>`` for the chart, dropdown and slider code that dash_core_components
  otherwise asks for only once the page is drawn (one more round trip before the first chart).
- The document's head for the address (dashboard/views/head.py): ``<html lang dir>`` in the
  link's language, the view's title, a description, and the Open Graph and Twitter card tags
  whose image is the view's own PNG export (absolute, on ``PUBLIC_URL`` when set), so that a
  permalink pasted into a chat or an e-mail previews the chart.

The page has no inline script of its own: the Content-Security-Policy (server/security.py) is
unchanged. Inline styles were already allowed (plotly.js and React set them).

Dash signs a token per page load (``end_id``) that dash-renderer then appends to the URL of every
callback request (``?endId=`` and ninety characters), for background callbacks only: this app has
none, so its pages leave the token out and each callback request is that much shorter.
"""

from __future__ import annotations

from typing import Any

from dash import Dash
from flask import has_request_context, request
from markupsafe import escape

from dashboard import urls
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES
from dashboard.views.head import Head, head
from layouts import first_paint
from server.site import site_url

# dash_core_components loads these on demand (webpack chunks) when a page first shows a chart,
# a dropdown or a slider; every page but Sources shows all three, an embed only the chart.
ASYNC_CHUNKS = ("graph", "dropdown", "slider")
CHUNK_PATH = "/_dash-component-suites/dash/dcc/async-{}.js"
# What dash-renderer asks for once every script has run: the same for every address.
BOOT_PATHS = ("/_dash-layout", "/_dash-dependencies")

INDEX = """<!DOCTYPE html>
<html lang="en" dir="ltr">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        <style>FRAME_CSS</style>
    </head>
    <body>
        {%app_entry%}
        {%css%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def index_string() -> str:
    return INDEX.replace("FRAME_CSS", first_paint.stylesheet())


def preloads(app: Dash, page: str | None, embedded: bool) -> str:
    """Preload links: the layout and callbacks dash-renderer fetches first (as it fetches them:
    same-origin credentials), and the chunks of code the page's first view needs."""
    links = [
        f'<link rel="preload" as="fetch" crossorigin="anonymous" href="{app.get_relative_path(path)}">'
        for path in BOOT_PATHS
    ]
    if page != "sources":
        chunks = ("graph",) if embedded else ASYNC_CHUNKS
        links += [
            f'<link rel="preload" as="script" href="{app.get_relative_path(CHUNK_PATH.format(c))}">'
            for c in chunks
        ]
    return "".join("\n        " + link for link in links)


def head_tags(shown: Head, address: str) -> str:
    """Description, Open Graph and Twitter card tags of a page at ``address`` (absolute)."""
    image = absolute(shown.image)
    tags = [
        ("name", "description", shown.description),
        ("property", "og:type", "website"),
        ("property", "og:site_name", "Puentes"),
        ("property", "og:locale", shown.locale_tag),
        ("property", "og:title", shown.title),
        ("property", "og:description", shown.description),
        ("property", "og:url", address),
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:alt", shown.title),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", shown.title),
        ("name", "twitter:description", shown.description),
        ("name", "twitter:image", image),
    ]
    return "".join(f'\n        <meta {kind}="{key}" content="{escape(value)}">' for kind, key, value in tags)


def alternates(path: str, query: str) -> str:
    """The same view in each language (``hreflang``; the default language for any other)."""
    links = [(code, absolute(path + urls.in_language(query, code))) for code in LANGUAGES]
    links.append(("x-default", absolute(path + urls.in_language(query, DEFAULT_LANGUAGE))))
    return "".join(
        f'\n        <link rel="alternate" hreflang="{code}" href="{escape(href)}">' for code, href in links
    )


def absolute(address: str) -> str:
    """A root-relative address of the app on the site's public address (``PUBLIC_URL``)."""
    return site_url().rstrip("/") + address


class FramedDash(Dash):
    """Dash with the frame and the preloads in its index page (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.index_string = index_string()

    def _config(self) -> Any:
        config = super()._config()
        if not any(callback.get("background") for callback in self.callback_map.values()):
            config.pop("end_id", None)  # only background callbacks read it (see the docstring)
        return config

    def interpolate_index(
        self,
        metas: Any = "",
        title: Any = "",
        css: Any = "",
        config: Any = "",
        scripts: Any = "",
        app_entry: Any = "",
        favicon: Any = "",
        renderer: Any = "",
    ) -> Any:
        parts = {"title": title, "css": css, "config": config, "scripts": scripts}
        parts |= {"favicon": favicon, "renderer": renderer}
        if not has_request_context():  # pragma: no cover - Dash renders the index per request
            return super().interpolate_index(metas=metas, app_entry=app_entry, **parts)
        path = self.strip_relative_path(request.path) or ""
        query = request.query_string.decode("utf-8", "replace")
        search = f"?{query}" if query else ""
        frame = first_paint.frame("/" + path, search)
        embedded = frame.page is None and path.startswith("embed/")
        shown = head("/" + path, search)
        parts["title"] = str(escape(shown.title))
        tags = head_tags(shown, absolute("/" + path + search)) + alternates("/" + path, query)
        page = super().interpolate_index(
            metas=f"{metas}{tags}{preloads(self, frame.page, embedded)}",
            app_entry=f'{frame.html}\n<div id="react-entry-point"></div>',
            **parts,
        )
        html = f'<html lang="{shown.lang}" dir="{shown.direction}">'
        return page.replace('<html lang="en" dir="ltr">', html, 1)
