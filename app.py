"""Puentes app factory: ``create_app()`` builds the Dash app, ``create_server()`` its WSGI server.

Importing this module builds nothing: gunicorn calls the factory (``app:create_server()``).
"""

from __future__ import annotations

import sys

from dash import Dash
from flask import Flask

from callbacks import briefing as briefing_callbacks
from callbacks import corridors as corridor_callbacks
from callbacks import dialogue as dialogue_callbacks
from callbacks import exports as export_callbacks
from callbacks import map as map_callbacks
from callbacks import navigation, routing
from callbacks import shell as shell_callbacks
from dashboard import datasets
from dashboard.errors import DataValidationError
from dashboard.rendering import Renderer
from dashboard.renders import Exports
from dashboard.settings import Settings
from layouts.router import shell
from layouts.router import warm as warm_pages
from server import answers, cache, health, not_found, routes, security, site, static
from server import briefing as briefing_route
from server import offline as offline_route
from server.first_paint import FramedDash

COMPRESSED = [
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "text/csv",
    "image/svg+xml",
]


def create_app(settings: Settings | None = None) -> Dash:
    """A Dash app on the processed data; refuses to start if data/ is corrupt or partial."""
    settings = settings or Settings.from_env()
    manifest = datasets.verify(settings.data_dir)
    datasets.use(settings.data_dir)
    datasets.warm()
    server = Flask(__name__)
    # Flask-Compress reads this once, when Dash initialises it: set it before.
    server.config["COMPRESS_MIMETYPES"] = COMPRESSED
    app = FramedDash(  # its index page paints the page's frame before the scripts arrive
        __name__,
        server=server,  # type: ignore[arg-type]
        title=settings.title,
        compress=True,
        serve_locally=True,
        suppress_callback_exceptions=True,
        update_title="",
        enable_mcp=False,  # never an unauthenticated /_mcp, whatever DASH_MCP_ENABLED says
    )
    app.layout = shell
    routing.register(app)
    navigation.register(app)
    shell_callbacks.register(app)  # the document's title and language follow the view; the navbar's menu
    map_callbacks.register(app)
    corridor_callbacks.register(app)
    dialogue_callbacks.register(app)
    export_callbacks.register(app)
    briefing_callbacks.register(app)
    server.config[site.PUBLIC_URL] = settings.public_url
    site.register(server)  # /robots.txt
    renderer = Renderer(assets=app.config.assets_folder)  # the folder Dash serves, beside app.py
    exports = Exports(renderer, settings.threads, settings.render_queue)
    server.extensions[health.EXPORTS] = exports  # for /readyz, gunicorn's hooks and shutdown
    routes.register(server, exports)
    briefing_route.register(server, exports)
    offline_route.register(server)
    health.register(app.server, manifest)
    not_found.register(app)
    exports.cache = cache.register(app.server, settings.cache_url, settings.cache_local_bytes)  # images too
    answers.register(app.server, app.get_relative_path(security.CALLBACK_PATH))
    static.register(app)  # cache lifetimes and compression of bundles and assets
    warm_pages()
    security.register(app)  # after every callback and route: the CSP hashes their inline scripts
    # Dash registers the scripts it serves on a worker's first request; another thread's request
    # arriving meanwhile gets a 500 (a broken first page after a restart). Do it now, not then.
    app.server.test_client().get(app.get_relative_path("/_dash-layout"))
    return app


def create_server(settings: Settings | None = None) -> Flask:
    """The WSGI application gunicorn serves: ``gunicorn -c gunicorn.conf.py 'app:create_server()'``.
    A corrupt or partial data/ stops it with one line naming the file, not a traceback."""
    try:
        app = create_app(settings)
    except DataValidationError as error:
        sys.exit(f"puentes: {error}")
    static.warm(app)  # the bundles compressed before the first visitor asks for them
    return app.server  # type: ignore[no-any-return]


def main() -> None:
    """``python app.py``: serve on HOST:PORT with the development server (debug off)."""
    settings = Settings.from_env()
    create_app(settings).run(host=settings.host, port=settings.port, debug=False)


if __name__ == "__main__":
    main()
