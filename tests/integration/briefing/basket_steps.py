"""Steps shared by the briefing browser tests: open the basket, add the view, close it."""

from __future__ import annotations

import time

from dash.testing.composite import DashComposite
from selenium.common.exceptions import StaleElementReferenceException

from layouts import ids


def click(dash_duo: DashComposite, selector: str) -> None:
    """Click once it is there; the panel redraws its contents as it opens (a stale element)."""
    for _attempt in range(5):
        try:
            dash_duo.wait_for_element(selector, timeout=10).click()
            return
        except StaleElementReferenceException:
            time.sleep(0.2)
    raise AssertionError(f"could not click {selector}")


def add_current_view(dash_duo: DashComposite, expected_count: str) -> None:
    dash_duo.find_element(f"#{ids.BRIEFING_OPEN}").click()
    click(dash_duo, f"#{ids.BRIEFING_ADD}")
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_COUNT}", expected_count, timeout=10)
    click(dash_duo, f"#{ids.BRIEFING_PANEL} .btn-close")
    dash_duo.wait_for_no_elements(f"#{ids.BRIEFING_PANEL}.show", timeout=5)
