"""The benchmarks' browser: the system Chromium, headless, a fresh profile (an empty cache), no
background traffic of its own (updates, sync), so every request counted is the page's."""

from __future__ import annotations

from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def fresh_chromium(width: int, height: int, performance_log: bool = False) -> Any:
    """A new headless Chromium at ``width`` x ``height``; ``performance_log`` records the DevTools
    network events (every request and its bytes on the wire)."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    for flag in (*FLAGS, f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(options=options)
