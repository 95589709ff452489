"""Browser-test helpers: one app for the whole session, built on the committed data."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from dash import Dash
from dash.testing.application_runners import BaseDashRunner
from dash.testing.composite import DashComposite

from app import create_app
from server import health

RENDERS_LEFT = 180  # seconds a test's unfinished renders may take once it ends


@pytest.fixture(scope="session")
def shared_app() -> Dash:
    """Built once: every test serves the same app (its own port, its own browser); a test that
    needs other settings builds its own with ``create_app``."""
    return create_app()


@pytest.fixture
def puentes_app(dash_duo: DashComposite, shared_app: Dash) -> Iterator[Dash]:
    """The app on the committed data, with the browser at a laptop's size (1366 x 900). After the
    test, the renders it started (a download the test did not wait for) are let finish, so that
    the next test finds the app's exports as a fresh app's."""
    dash_duo.driver.set_window_size(1366, 900)
    yield shared_app
    exports = shared_app.server.extensions[health.EXPORTS]
    deadline = time.monotonic() + RENDERS_LEFT
    while exports.waiting and time.monotonic() < deadline:
        time.sleep(0.2)


# Test servers take ports from here on, one per test; two suites running side by side (a
# developer's worktrees) each set their own base so that they never answer each other's browser.
BaseDashRunner._next_port = int(os.environ.get("PUENTES_TEST_PORT_BASE", BaseDashRunner._next_port))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "integration" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
