"""assets/00-prefetch.js asks for the shapes the maps will ask for: the same URLs, the pages
that exist, and files that are there (a wrong URL would cost a request and save nothing)."""

from __future__ import annotations

import re

from dashboard import urls
from dashboard.paths import ROOT
from layouts.router import PAGE_KEYS

SCRIPT = (ROOT / "assets" / "00-prefetch.js").read_text(encoding="utf-8")


def test_every_prefetched_url_is_one_the_app_serves_for_its_maps() -> None:
    prefetched = set(re.findall(r"'(/[^']+)'", SCRIPT))
    topojson = {urls.TOPOJSON_DIR + p.name for p in (ROOT / "assets" / "topojson").glob("*.json")}
    assert prefetched
    assert prefetched <= {urls.GEOMETRY, urls.WORLD_GEOMETRY} | topojson


def test_the_pages_named_exist() -> None:
    block = SCRIPT.split("BY_PAGE = {", 1)[1].split("}", 1)[0]
    pages = set(re.findall(r"^\s*'?(\w*)'?:", block, flags=re.MULTILINE))
    assert {"", "map", "corridors"} <= pages
    assert pages - {""} <= set(PAGE_KEYS)


def test_the_presenter_keys_follow_the_presenter_bars_ids() -> None:
    """assets/presenter.js follows the bar's links, reads its step counter and shows its "reconnecting"
    line by ID: the IDs must be the ones layouts/ids.py gives."""
    from layouts import ids

    script = (ROOT / "assets" / "presenter.js").read_text(encoding="utf-8")
    named = set(re.findall(r"'(present-[a-z-]+)'", script))
    own = {"present-saved", "present-saved-count", "present-player"}  # elements the script makes
    assert named - own == {
        ids.PRESENT_NEXT,
        ids.PRESENT_PREVIOUS,
        ids.PRESENT_EXIT,
        ids.PRESENT_BAR,
        ids.PRESENT_COUNT,
        ids.PRESENT_STATUS,
        ids.PRESENT_SAVED_NOTE,
    }
    assert f"getElementById('{ids.PRESENT_BAR}')" in script
