"""The vendored plotly.js partial bundle (assets/plotly/) fits the figures the app draws:
``dcc.Graph`` uses it instead of the full bundle, and a trace type missing from it draws nothing."""

from __future__ import annotations

import re

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType
from plotly.offline import get_plotlyjs_version

from dashboard.paths import ROOT

BUNDLE = ROOT / "assets" / "plotly" / "plotly-puentes.min.js"
HEADER = re.compile(
    r"plotly\.js v(?P<version>[\d.]+) - Puentes partial bundle\. Contains: (?P<traces>[a-z, ]+)"
)
TRACE_TYPES = {
    name.lower()
    for name in dir(go)
    if isinstance(getattr(go, name), type) and issubclass(getattr(go, name), BaseTraceType)
}
# "type": "choropleth", type="bar", go.Scatter(
USES = re.compile(r"""["']?type["']?\s*[:=]\s*["'](\w+)["']|\bgo\.(\w+)\(""")


def bundle_header() -> re.Match[str]:
    with BUNDLE.open(encoding="utf-8") as handle:
        match = HEADER.search(handle.read(1000))
    assert match, f"{BUNDLE} does not start with its version and trace list"
    return match


def used_trace_types() -> set[str]:
    found = set()
    for path in (ROOT / "dashboard" / "figures").rglob("*.py"):
        for quoted, constructor in USES.findall(path.read_text(encoding="utf-8")):
            found.add((quoted or constructor).lower())
    return found & TRACE_TYPES


def test_the_bundle_is_the_plotly_js_that_plotly_py_ships() -> None:
    assert bundle_header()["version"] == get_plotlyjs_version()


def test_every_trace_type_the_figures_use_is_in_the_bundle() -> None:
    bundled = {t.strip() for t in bundle_header()["traces"].split(",")}
    used = used_trace_types()
    assert {"choropleth", "scattergeo", "scatter"} <= used  # the scan finds the map's traces
    assert used <= bundled, f"add {sorted(used - bundled)} to assets/plotly (see BUILD.md)"
