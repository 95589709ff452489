"""Steps shared by the briefing browser tests: open the basket, add the view, close it."""

from __future__ import annotations

import time
from pathlib import Path

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


def allow_downloads(dash_duo: DashComposite, folder: Path) -> None:
    """Files the page saves land in ``folder`` (headless Chromium asks nobody)."""
    dash_duo.driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )


def downloaded(folder: Path, suffix: str, timeout: float = 120) -> bytes:
    """The bytes of the one finished file ending in ``suffix`` in ``folder``, once it is there;
    the file is then removed, so the next download of the same kind is waited for afresh."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [f for f in folder.iterdir() if f.name.endswith(suffix)]
        if done and not list(folder.glob("*.crdownload")):
            data = done[0].read_bytes()
            done[0].unlink()
            return data
        time.sleep(0.3)
    raise AssertionError(f"no {suffix} downloaded in {timeout} s: {sorted(f.name for f in folder.iterdir())}")
