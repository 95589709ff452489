"""Export bars and embeds in a real Chromium: the PNG/SVG/CSV links follow the view, Share copies
the permalink and an iframe snippet, and /embed/ pages show the chart alone, live, from the app's
own origin only."""

from __future__ import annotations

from typing import Any

from dash import Dash
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains

from dashboard import urls
from layouts import ids


def href(dash_duo: DashComposite, bar: str, role: str) -> str:
    """The link as written in the page (not resolved against the origin)."""
    return str(dash_duo.find_element(f"#{ids.export_control(bar, role)}").get_attribute("href")).removeprefix(
        dash_duo.server_url
    )


def search(dash_duo: DashComposite) -> str:
    return str(dash_duo.driver.execute_script("return window.location.search"))


def set_control(dash_duo: DashComposite, component_id: str, value: Any) -> None:
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {value: arguments[1]})", component_id, value
    )


def requests_elsewhere(dash_duo: DashComposite) -> list[str]:
    names = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [url for url in names if not url.startswith(dash_duo.server_url)]


def test_map_export_links_follow_the_view(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)
    assert href(dash_duo, "map", "png") == "/export/map.png"
    set_control(dash_duo, ids.MAP_REGION, "eu")
    dash_duo.wait_for_contains_text(f"#{ids.MAP_SUBTITLE}", "2024", timeout=10)
    until(lambda: "region=eu" in search(dash_duo), timeout=10)
    set_control(dash_duo, ids.MAP_YEAR, 2000)
    until(lambda: "year=2000" in href(dash_duo, "map", "png"), timeout=10)
    query = search(dash_duo)
    assert "region=eu" in query
    assert href(dash_duo, "map", "png") == urls.export("map", "png", query)
    assert href(dash_duo, "map", "svg") == urls.export("map", "svg", query)
    assert href(dash_duo, "map", "csv") == urls.map_csv(query)
    assert href(dash_duo, "map", "embed") == urls.embed("map", query)
    assert dash_duo.get_logs() == []


def test_corridor_export_links_name_their_chart(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/corridors?lang=es")
    dash_duo.wait_for_element(f"#{ids.CORRIDORS_FLOWS} .sankey .sankey-node", timeout=20)
    set_control(dash_duo, ids.CORRIDORS_SEX, "female")
    until(lambda: "sex=female" in href(dash_duo, "corridors-map", "png"), timeout=10)
    query = search(dash_duo)
    assert href(dash_duo, "corridors-flows", "png") == urls.export("corridors", "png", query)
    assert href(dash_duo, "corridors-flows", "csv") == urls.corridors_csv(query)
    assert href(dash_duo, "corridors-map", "svg") == urls.export("corridors", "svg", query, "map")
    assert href(dash_duo, "corridors-map", "embed") == urls.embed("corridors", query, "map")
    assert href(dash_duo, "corridors-map", "png").startswith("/export/corridors.png?chart=map&")
    assert dash_duo.get_logs() == []


def test_share_copies_the_permalink_and_an_iframe(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=net_migration_rate&lang=fr")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=20)
    snippet = f"#{ids.export_control('map', 'snippet')}"
    dash_duo.find_element(f"#{ids.export_control('map', 'bar')} .dropdown-toggle").click()
    dash_duo.wait_for_element(f"#{ids.export_control('map', 'copy-embed')}").click()
    until(lambda: dash_duo.find_element(snippet).get_attribute("value"), timeout=10)
    code = dash_duo.find_element(snippet).get_attribute("value")
    assert code.startswith(f'<iframe src="{dash_duo.server_url}/embed/map?indicator=net_migration_rate&amp;')
    assert code.endswith("</iframe>") and "lang=fr" in code
    dash_duo.find_element(f"#{ids.export_control('map', 'bar')} .dropdown-toggle").click()
    dash_duo.wait_for_element(f"#{ids.export_control('map', 'copy-link')}").click()
    until(
        lambda: dash_duo.find_element(snippet).get_attribute("value") == dash_duo.driver.current_url,
        timeout=10,
    )
    assert dash_duo.get_logs() == []


def test_embedded_map_is_the_chart_alone_live_and_local(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/embed/map?indicator=net_migration_rate&year=2019&lang=es")
    dash_duo.wait_for_element(f"#{ids.EMBED_GRAPH} .choroplethlayer path", timeout=20)
    assert dash_duo.find_element(f"#{ids.EMBED_TITLE}").text == "Tasa de migración neta"
    assert dash_duo.find_element(f"#{ids.EMBED_SUBTITLE}").text == "CELAC y UE · 2019 · por 1.000 personas"
    assert dash_duo.find_element(f"#{ids.EMBED_SOURCE}").text.startswith("Fuente: World Bank")
    assert dash_duo.driver.find_elements("css selector", ".navbar, .dash-dropdown, .rc-slider") == []
    # Live: hovering a country shows its tooltip.
    path = dash_duo.driver.execute_script(
        f"const gd = document.querySelector('#{ids.EMBED_GRAPH} .js-plotly-plot');"
        "const i = gd.data[1].locations.indexOf('BRA');"
        f"return document.querySelectorAll('#{ids.EMBED_GRAPH} .choroplethlayer .trace')[1]"
        ".querySelectorAll('path')[i];"
    )
    ActionChains(dash_duo.driver).move_to_element(path).perform()
    dash_duo.wait_for_contains_text(f"#{ids.EMBED_GRAPH} .hoverlayer", "Brasil", timeout=10)
    # Responsive: the chart fills the frame it is given.
    dash_duo.driver.set_window_size(700, 600)
    until(
        lambda: (
            dash_duo.driver.execute_script(
                f"return document.querySelector('#{ids.EMBED_GRAPH} .main-svg').getBoundingClientRect().width"
            )
            < 700
        ),
        timeout=10,
    )
    assert requests_elsewhere(dash_duo) == []
    assert dash_duo.get_logs() == []


def test_embedded_corridor_map_and_timeline(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/embed/corridors?chart=map&focus=ECU&side=origin")
    dash_duo.wait_for_element(f"#{ids.EMBED_GRAPH} .choroplethlayer path", timeout=20)
    assert dash_duo.find_element(f"#{ids.EMBED_TITLE}").text.startswith("Where emigrants from Ecuador live")
    dash_duo.driver.get(f"{dash_duo.server_url}/embed/dialogue?from=2008&to=2015")
    dash_duo.wait_for_element(f"#{ids.EMBED_GRAPH} .scatterlayer .point", timeout=20)
    assert dash_duo.find_element(f"#{ids.EMBED_SUBTITLE}").text.startswith("2008–2015")
    link = dash_duo.find_element(f"#{ids.EMBED_SOURCE} a")
    assert link.get_attribute("target") == "_blank" and "/dialogue?from=2008" in link.get_attribute("href")
    assert requests_elsewhere(dash_duo) == []
    assert dash_duo.get_logs() == []


def test_timeline_export_links_follow_its_filters(dash_duo: DashComposite, puentes_app: Dash) -> None:
    dash_duo.start_server(puentes_app)
    dash_duo.driver.get(f"{dash_duo.server_url}/dialogue")
    dash_duo.wait_for_element(f"#{ids.DIALOGUE_TIMELINE} .scatterlayer .point", timeout=20)
    assert href(dash_duo, "dialogue-timeline", "png") == "/export/dialogue.png"
    set_control(dash_duo, ids.DIALOGUE_YEARS, [2008, 2015])
    until(lambda: "from=2008" in href(dash_duo, "dialogue-timeline", "svg"), timeout=10)
    query = search(dash_duo)
    assert href(dash_duo, "dialogue-timeline", "png") == urls.export("dialogue", "png", query)
    assert href(dash_duo, "dialogue-timeline", "embed") == urls.embed("dialogue", query)
    dash_duo.find_element(f"#{ids.export_control('dialogue-timeline', 'bar')} .dropdown-toggle").click()
    dash_duo.wait_for_element(f"#{ids.export_control('dialogue-timeline', 'copy-embed')}").click()
    dash_duo.wait_for_element(f"#{ids.export_control('dialogue-timeline', 'copied')}:not([hidden])")
    assert dash_duo.get_logs() == []
