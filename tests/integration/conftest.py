"""Browser-test helpers: one app per test, built on the committed data."""

from __future__ import annotations

import pytest
from dash import Dash
from dash.testing.composite import DashComposite

from app import create_app


@pytest.fixture
def puentes_app(dash_duo: DashComposite) -> Dash:
    """The app on the committed data, with the browser at a laptop's size (1366 x 900)."""
    dash_duo.driver.set_window_size(1366, 900)
    return create_app()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "integration" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
