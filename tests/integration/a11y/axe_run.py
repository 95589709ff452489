"""axe-core in the browser: the vendored copy (``axe.min.js``, axe-core 4.14.1 from its npm package,
MPL-2.0, notice kept at the top of the file and in ``AXE-LICENSE.txt``) injected into the page by the
test, never fetched from a CDN."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from dash.testing.composite import DashComposite

AXE = Path(__file__).with_name("axe.min.js")

RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
  id: v.id, impact: v.impact,
  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\n/g, ' ')),
})))).catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));
"""

SETTLED = """
return !!document.querySelector('#app-page > *, .embed')
  && !document.querySelector('[data-dash-is-loading="true"]')
  && !document.getElementById('first-paint');
"""


def settle(dash_duo: DashComposite, timeout: float = 20) -> None:
    """Wait until the page is drawn and no callback is running (twice in a row, 0.3 s apart)."""
    end, calm = time.monotonic() + timeout, 0
    while time.monotonic() < end and calm < 2:
        calm = calm + 1 if dash_duo.driver.execute_script(SETTLED) else 0
        time.sleep(0.3)


def violations(dash_duo: DashComposite) -> list[dict[str, Any]]:
    """axe-core's violations (every rule axe runs by default, every impact) on the current page."""
    driver = dash_duo.driver
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    found: list[dict[str, Any]] = driver.execute_async_script(RUN)
    return found
