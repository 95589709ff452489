"""These tests draw with Chromium: each gets an app of its own (its own render queue and browser),
so that one test's renders never wait behind another's."""

from __future__ import annotations

import pytest
from dash import Dash
from dash.testing.composite import DashComposite

from app import create_app


@pytest.fixture
def puentes_app(dash_duo: DashComposite) -> Dash:
    """A fresh app on the committed data, with the browser at a laptop's size (1366 x 900)."""
    dash_duo.driver.set_window_size(1366, 900)
    return create_app()
