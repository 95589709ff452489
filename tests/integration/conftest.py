"""Browser-test helpers: one app per test, built on the committed data."""

from __future__ import annotations

import pytest
from dash import Dash

from app import create_app


@pytest.fixture
def puentes_app() -> Dash:
    return create_app()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "integration" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
