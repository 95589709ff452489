"""The chrome's links for an address, built in Python (the browser only copies them)."""

from __future__ import annotations

import pytest

from dashboard.urls.chrome import basket_steps, export_links, navbar_links
from dashboard.urls.shared import FilterState

PAGES = ("map", "corridors", "sources")


def test_navbar_pages_keep_the_shared_filters_and_languages_the_whole_view() -> None:
    state = FilterState(indicator="net_migration", year=2000)
    links = navbar_links("map", PAGES, state)
    assert links.pages["corridors"] == "/corridors?indicator=net_migration&year=2000"
    assert links.languages["fr"] == "/map?indicator=net_migration&year=2000&lang=fr"
    assert links.languages["en"] == "/map?indicator=net_migration&year=2000"  # the default: no lang=
    assert links.present == "/map?indicator=net_migration&year=2000&present=1"


def test_navbar_language_links_keep_the_page_s_own_parameters() -> None:
    links = navbar_links("dialogue", PAGES, FilterState(lang="es"), lambda s: f"?from=2008&lang={s.lang}")
    assert links.languages["pt"] == "/dialogue?from=2008&lang=pt"
    assert links.present == "/dialogue?from=2008&lang=es&present=1"


@pytest.mark.parametrize(
    ("page", "chart", "search", "expected"),
    [
        (
            "map",
            None,
            "",
            ("/export/map.png", "/export/map.svg", "/embed/map", "/download/map.csv", "/download/map.xlsx"),
        ),
        (
            "map",
            None,
            "?year=2000",
            (
                "/export/map.png?year=2000",
                "/export/map.svg?year=2000",
                "/embed/map?year=2000",
                "/download/map.csv?year=2000",
                "/download/map.xlsx?year=2000",
            ),
        ),
        (
            "map",
            "profile",
            "?countries=VEN,COL",
            (
                "/export/map.png?chart=profile&countries=VEN,COL",
                "/export/map.svg?chart=profile&countries=VEN,COL",
                "/embed/map?chart=profile&countries=VEN,COL",
                "/download/map.csv?chart=profile&countries=VEN,COL",
                "/download/map.xlsx?chart=profile&countries=VEN,COL",
            ),
        ),
        (
            "corridors",
            "map",
            "?sex=female",
            (
                "/export/corridors.png?chart=map&sex=female",
                "/export/corridors.svg?chart=map&sex=female",
                "/embed/corridors?chart=map&sex=female",
                "/download/corridors.csv?chart=map&sex=female",
                "/download/corridors.xlsx?chart=map&sex=female",
            ),
        ),
        (
            "corridors",
            "trend",
            "",
            (
                "/export/corridors.png?chart=trend",
                "/export/corridors.svg?chart=trend",
                "/embed/corridors?chart=trend",
                "/download/corridors.csv?chart=trend",
                "/download/corridors.xlsx?chart=trend",
            ),
        ),
        (
            "corridors",
            "flows",
            "?year=1990",
            (
                "/export/corridors.png?year=1990",
                "/export/corridors.svg?year=1990",
                "/embed/corridors?year=1990",
                "/download/corridors.csv?year=1990",
                "/download/corridors.xlsx?year=1990",
            ),
        ),
    ],
)
def test_export_links_put_a_non_default_chart_first(
    page: str, chart: str | None, search: str, expected: tuple[str, ...]
) -> None:
    links = export_links(page, chart, search)
    assert (links.png, links.svg, links.embed, links.csv, links.xlsx) == expected


VIEWS = [
    ("/map", "?indicator=net_migration"),
    ("/corridors", "?year=2000&lang=fr&present=1"),
    ("/dialogue", ""),
]


def test_basket_steps_link_the_neighbours_in_presenter_mode() -> None:
    middle = basket_steps(VIEWS, 2, "es")
    assert middle.previous == "/map?indicator=net_migration&lang=es&present=1&story=basket&step=1"
    assert middle.next == "/dialogue?lang=es&present=1&story=basket&step=3"
    assert middle.count == "2 / 3"


def test_basket_steps_stop_at_either_end() -> None:
    first, last = basket_steps(VIEWS, 1, "en"), basket_steps(VIEWS, 3, "en")
    assert first.previous is None and first.next == "/corridors?year=2000&present=1&story=basket&step=2"
    assert last.next is None and last.previous == "/corridors?year=2000&present=1&story=basket&step=2"
    beyond = basket_steps(VIEWS, 5, "en")
    assert (beyond.previous, beyond.next, beyond.count) == (None, None, "5 / 3")
    assert basket_steps([], 1, "en").count == "1 / 0"
