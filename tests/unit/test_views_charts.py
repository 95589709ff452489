"""Which chart an export, embed or briefing URL shows (dashboard.views.charts and .briefing)."""

from __future__ import annotations

import tomllib

from dashboard.locale import Locale
from dashboard.paths import ROOT
from dashboard.views import briefing, charts


def test_a_corridors_url_names_its_chart() -> None:
    assert charts.read("corridors", "?chart=map").name == "map"
    assert charts.read("corridors", "?chart=nonsense").name == "flows"  # the page's first chart


def test_the_dialogue_chart_says_its_years_and_themes() -> None:
    themes = tomllib.loads((ROOT / "data" / "dialogue" / "themes.toml").read_text(encoding="utf-8"))["theme"]
    first = themes[0]
    shown = charts.chart(charts.read("dialogue", f"?themes={first['id']}&from=2010&to=2012&lang=es"))
    assert shown.caption.subtitle == f"2010–2012 · {first['label']['es']}"
    assert shown.filename == "puentes-dialogue-2010-2012"
    assert shown.key == "timeline"


def test_the_map_chart_follows_the_shared_filters() -> None:
    shown = charts.chart(charts.read("map", "?region=celac"))
    assert shown.key == "map"
    assert shown.caption.subtitle.startswith("CELAC · ")


def test_the_briefing_keeps_only_same_site_views_with_a_chart_in_its_language() -> None:
    raw = ["/dialogue?from=2010&to=2012", "/sources", "https://example.org/map", "/corridors?lang=fr"]
    shown = briefing.charts(raw, Locale.of("pt"))
    assert [(page, href) for page, href, _chart in shown] == [
        ("dialogue", "/dialogue?from=2010&to=2012&lang=pt"),
        ("corridors", "/corridors?lang=pt"),
    ]
