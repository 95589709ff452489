"""Browser-test helpers: one app per test, built on the committed data."""

from __future__ import annotations

import os

import pytest
from dash import Dash
from dash.testing.application_runners import BaseDashRunner
from dash.testing.composite import DashComposite

from app import create_app


@pytest.fixture
def puentes_app(dash_duo: DashComposite) -> Dash:
    """The app on the committed data, with the browser at a laptop's size (1366 x 900)."""
    dash_duo.driver.set_window_size(1366, 900)
    return create_app()


# Test servers take ports from here on, one per test; two suites running side by side (a
# developer's worktrees) each set their own base so that they never answer each other's browser.
BaseDashRunner._next_port = int(os.environ.get("PUENTES_TEST_PORT_BASE", BaseDashRunner._next_port))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "integration" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
