"""What the map page sends and fetches in a real Chromium (issue 17): a year change is one callback
request (the map's answer carries the address bar); a hidden table and an unchanged profile cost
none; on a first visit no file is fetched twice; a repeat visit takes the static files from the
cache (or a 304), not again."""

from __future__ import annotations

import time
from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite

from layouts import ids

PLOT = f"#{ids.MAP_GRAPH} .js-plotly-plot"
# Every callback request dash-renderer sends from now on, by the outputs it asks for.
COUNT_CALLBACKS = """
window.__callbacks = [];
if (!window.__counting) {
  window.__counting = true;
  const send = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input.url;
    if (url.indexOf('_dash-update-component') >= 0) {
      window.__callbacks.push(JSON.parse(init.body).output);
    }
    return send.apply(this, arguments);
  };
}
"""
QUIET_SECONDS = 1.5  # no chained request comes later than this after the last answer
STATIC = ("/assets/", "/_dash-component-suites/", "/geometry/")


def wait_for_map(dash_duo: DashComposite) -> None:
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)


def set_control(dash_duo: DashComposite, component_id: str, value: Any) -> None:
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: arguments[1]})", component_id, value
    )


def callbacks_sent(dash_duo: DashComposite) -> list[str]:
    """The callback requests sent since counting started, once the page has gone quiet."""
    seen: list[str] = []
    while True:
        time.sleep(QUIET_SECONDS)
        now = dash_duo.driver.execute_script("return window.__callbacks.slice()")
        if now == seen:
            return seen
        seen = now


def trace_values(dash_duo: DashComposite) -> Any:
    return dash_duo.driver.execute_script(f"return document.querySelector('{PLOT}').data[1].z")


def links(dash_duo: DashComposite) -> list[str]:
    return dash_duo.driver.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")


def test_a_year_change_is_one_request_and_the_address_follows(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    wait_for_map(dash_duo)
    before = trace_values(dash_duo)
    dash_duo.driver.execute_script(COUNT_CALLBACKS)
    set_control(dash_duo, ids.MAP_YEAR, 2000)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_SUBTITLE}", "2000 · people", timeout=10)
    sent = callbacks_sent(dash_duo)
    assert len(sent) == 1, sent  # no table, profile, permalink or routing request of its own
    assert f"{ids.MAP_GRAPH}.figure" in sent[0] and f"{ids.MAP_ADDRESS}.data" in sent[0]
    assert trace_values(dash_duo) != before
    assert dash_duo.driver.current_url.endswith("/?year=2000")  # the address bar, from that answer
    hrefs = links(dash_duo)  # the chrome's links, copied in the browser from the same answer
    assert any(h.endswith("?year=2000&lang=es") for h in hrefs)
    assert any(h.endswith("/corridors?year=2000") for h in hrefs)
    assert any(h.endswith("/export/map.png?year=2000") for h in hrefs)
    dash_duo.driver.back()  # the address bar's history still renders the page it names
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_SUBTITLE}", "2024 · people", timeout=10)
    assert dash_duo.get_logs() == []


def test_a_page_drawn_for_another_address_settles_it_then_follows_its_controls(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?region=eu&year=3000&lang=es")
    wait_for_map(dash_duo)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_SUBTITLE}", "2024 · personas", timeout=10)
    until = time.monotonic() + 10
    while not dash_duo.driver.current_url.endswith("/map?region=eu&lang=es") and time.monotonic() < until:
        time.sleep(0.2)
    assert dash_duo.driver.current_url.endswith("/map?region=eu&lang=es")  # its own address
    set_control(dash_duo, ids.MAP_REGION, "both")  # computed from the settled address: both regions
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_SUBTITLE}", "2024 · personas", timeout=10)
    until = time.monotonic() + 10
    while dash_duo.driver.execute_script(VISIBLE)[:4] != [True] * 4 and time.monotonic() < until:
        time.sleep(0.2)
    assert dash_duo.driver.execute_script(VISIBLE)[:8] == [True] * 8
    url = dash_duo.driver.current_url
    assert "region=" not in url and url.endswith("lang=es")
    assert dash_duo.get_logs() == []


VISIBLE = f"return document.querySelector('{PLOT}').data.map(t => t.visible)"


def test_the_table_is_asked_for_only_while_shown(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    wait_for_map(dash_duo)
    dash_duo.driver.execute_script(COUNT_CALLBACKS)
    tab = dash_duo.find_element(f"#{ids.MAP_TABS} .nav-link:not(.active)")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", tab)
    tab.click()
    dash_duo.wait_for_element(f"#{ids.MAP_TABLE} tbody tr td", timeout=10)
    assert [f"{ids.MAP_TABLE_BOX}.children" in s for s in callbacks_sent(dash_duo)] == [True]
    dash_duo.driver.execute_script(COUNT_CALLBACKS)
    set_control(dash_duo, ids.MAP_YEAR, 2000)  # the table is shown: it follows
    dash_duo.wait_for_contains_text(f"#{ids.MAP_TABLE}", "2000", timeout=10)
    sent = callbacks_sent(dash_duo)
    assert len(sent) == 2 and f"{ids.MAP_TABLE_BOX}.children" in sent[1], sent
    dash_duo.find_element(f"#{ids.MAP_TABS} .nav-link:not(.active)").click()  # back to the map
    dash_duo.driver.execute_script(COUNT_CALLBACKS)
    set_control(dash_duo, ids.MAP_YEAR, 1990)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_SUBTITLE}", "1990 · people", timeout=10)
    assert len(callbacks_sent(dash_duo)) == 1  # hidden again: the map only
    assert dash_duo.get_logs() == []


def test_the_profile_is_asked_for_only_when_the_selection_changes(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    wait_for_map(dash_duo)
    dash_duo.driver.execute_script(COUNT_CALLBACKS)
    set_control(dash_duo, ids.MAP_COUNTRIES, ["BRA"])
    dash_duo.wait_for_contains_text(f"#{ids.MAP_CARDS}", "Brazil", timeout=10)
    # (the profile's export bar is new on the page: the briefing basket's callback looks at it)
    sent = [s for s in callbacks_sent(dash_duo) if "briefing-" not in s]
    assert len(sent) == 2 and f"{ids.MAP_PROFILE_BOX}.children" in sent[1], sent
    dash_duo.driver.execute_script(COUNT_CALLBACKS)
    set_control(dash_duo, ids.MAP_YEAR, 2000)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_SUBTITLE}", "2000 · people", timeout=10)
    assert len(callbacks_sent(dash_duo)) == 1  # same indicator and selection: the profile stays
    assert "Brazil" in dash_duo.find_element(f"#{ids.MAP_CARDS}").text
    assert "countries=BRA" in dash_duo.driver.current_url and "year=2000" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


# Resource Timing: transferSize is 0 for a file taken from the cache, the headers' size for a 304.
ON_THE_WIRE = """
return performance.getEntriesByType('resource')
  .filter(e => e.transferSize > 0)
  .map(e => [e.name.replace(location.origin, ''), e.transferSize]);
"""


# When each request for a file started, and when the first one ended.
ASKED = """
const entries = performance.getEntriesByType('resource')
  .filter(e => e.name === location.origin + arguments[0]).sort((a, b) => a.startTime - b.startTime);
return entries.length ? [[entries[0].startTime, entries[0].responseEnd],
                         ...entries.slice(1).map(e => e.startTime)] : [];
"""
PARSE_MS = 250  # from the prefetch's last byte to the parsed file in plotly.js's store, at most


def test_a_first_visit_fetches_no_file_twice_and_a_repeat_visit_none_again(
    dash_duo: DashComposite, puentes_app: Dash
) -> None:
    dash_duo.start_server(puentes_app)
    wait_for_map(dash_duo)
    time.sleep(QUIET_SECONDS)
    first = dash_duo.driver.execute_script(ON_THE_WIRE)
    names = [name for name, _size in first if "_dash-update-component" not in name]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
    for shapes in ("/assets/topojson/world_110m.json", "/geometry/members.geojson"):
        asked = dash_duo.driver.execute_script(ASKED, shapes)
        assert shapes in names and asked  # fetched by the prefetch as the page loads; plotly.js asks
        # again only if it plots before the prefetch has handed the file over (never after)
        assert [start for start in asked[1:] if start > asked[0][1] + PARSE_MS] == [], asked
    dash_duo.driver.get(dash_duo.server_url + "/map")  # a repeat visit: the static files are kept
    wait_for_map(dash_duo)
    time.sleep(QUIET_SECONDS)
    again = dash_duo.driver.execute_script(ON_THE_WIRE)
    static = [(name, size) for name, size in again if name.startswith(STATIC)]
    assert [(name, size) for name, size in static if size > 1024] == []  # cached, or a 304's headers
    assert sum(size for _name, size in again) < 60 * 1024
    assert dash_duo.get_logs() == []
