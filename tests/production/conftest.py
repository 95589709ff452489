"""One app per session for the production tests (health, headers, hostile input, cache)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dash import Dash
from flask.testing import FlaskClient


@pytest.fixture(scope="session")
def server_app() -> Dash:
    """The app on the committed data, built once: these tests only send requests to it."""
    from app import create_app

    return create_app()


@pytest.fixture
def client(server_app: Dash) -> Iterator[FlaskClient]:
    with server_app.server.test_client() as test_client:
        yield test_client
