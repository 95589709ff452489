"""The callbacks of the page's chrome (routing, navbar, export bars, briefing basket), called
directly on the committed data: no Dash app, no browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from callbacks import briefing, exports, navigation, routing
from layouts import ids

DATA = Path(__file__).resolve().parents[2] / "data"
MAX_VIEWS = 20  # the basket's size (BASKET_MAX in dashboard/urls/presenter.py)
NAV = [ids.nav_link(p) for p in ("map", "corridors", "dialogue")]
LANGUAGES = [ids.language_link(code) for code in ("en", "fr")]


def test_routing_skips_an_address_a_control_just_wrote() -> None:
    wrote = {"path": "/map", "search": "?year=2000"}
    assert routing.route(pathname="/map", search="?year=2000", written=wrote) is no_update
    assert routing.route(pathname="/map", search="?lang=fr", written=wrote) == {
        "path": "/map",
        "search": "?lang=fr",
        "own": False,
    }
    assert routing.route(pathname="/", search=None, written=None) == {"path": "/", "search": "", "own": False}
    with pytest.raises(PreventUpdate):
        routing.render_page(route=None)  # nothing to render until the browser passed an address
    # presenting: the page's own address is a request too (the presenter learns the server answers)
    asked = routing.route(pathname="/map", search="?year=2000", written=wrote, presenting=True)
    assert asked == {**wrote, "own": True}
    with pytest.raises(PreventUpdate):
        routing.render_page(route=asked)
    shown = routing.render_page(route=routing.route(pathname="/map", search="?lang=fr", written=None))
    assert set(shown) == {"navbar", "page", "head"}
    catalogue = json.loads((DATA / "catalogue.json").read_text("utf-8"))["indicators"]
    label = next(i for i in catalogue if i["id"] == "migrant_stock")["label"]["fr"]  # a bare URL's map
    assert label in str(shown["page"].to_plotly_json())  # the map's title, in the URL's language


def follow(pathname: str, search: str, **given: object) -> dict[str, object]:
    """The navbar's hrefs after a page on ``pathname`` wrote ``search`` to the address bar."""
    written = navigation.written(pathname, search)
    return navigation.follow_the_url(written=written, **given)


def test_navbar_links_follow_the_address_bar() -> None:
    out = follow(
        "/map",
        "?indicator=net_migration&year=2000",
        pages=NAV,
        languages=LANGUAGES,
        presenting=[ids.present_link()],
    )
    assert out["pages"] == [
        "/map?indicator=net_migration&year=2000",
        "/corridors?indicator=net_migration&year=2000",
        "/dialogue?indicator=net_migration&year=2000",
    ]
    assert out["languages"] == [
        "/map?indicator=net_migration&year=2000",
        "/map?indicator=net_migration&year=2000&lang=fr",
    ]
    assert out["present"] == ["/map?indicator=net_migration&year=2000&present=1"]


def test_navbar_language_links_keep_a_page_s_own_parameters() -> None:
    out = follow("/corridors", "?sex=female", pages=[], languages=LANGUAGES, presenting=[])
    assert out["languages"] == [
        "/corridors?sex=female",
        "/corridors?lang=fr&sex=female",
    ]  # shared filters first


def test_forged_link_ids_get_no_update() -> None:
    out = follow("/map", "", pages=[{"page": "nowhere"}, "x"], languages=None, presenting=None)
    assert out == {"pages": [no_update, no_update], "languages": [], "present": []}


@pytest.mark.parametrize("written", [None, "?year=2000", {"path": "/map"}, {"links": "x"}])
def test_a_store_without_links_changes_no_link(written: object) -> None:
    out = navigation.follow_the_url(written=written, pages=NAV, languages=LANGUAGES, presenting=[])
    assert out == {"pages": no_update, "languages": no_update, "present": no_update}


def test_a_page_stores_its_address_with_its_own_export_bars_links() -> None:
    stored = navigation.written("/corridors", "?sex=female")
    assert (stored["path"], stored["search"]) == ("/corridors", "?sex=female")
    bars = stored["links"]["bars"]
    # the page's five bars, no other page's
    assert sorted(bars) == [
        "corridors-diaspora",
        "corridors-flows",
        "corridors-map",
        "corridors-remittances",
        "corridors-trend",
    ]
    assert bars["corridors-map"] == exports.export_hrefs("corridors-map", "?sex=female")


def test_routing_leaves_a_page_that_wrote_its_own_address() -> None:
    assert routing.route("/map", "?year=2000", navigation.written("/map", "?year=2000")) is no_update


def test_a_page_answer_is_copied_into_the_address_bar_with_the_bars_own_path() -> None:
    stored = navigation.written("/map", "?year=2000")
    copied = navigation.copy_address(stored, "/")  # the map page answers at / too
    assert copied["search"] == "?year=2000"
    assert copied["written"] == {**stored, "path": "/"}
    assert routing.route("/", "?year=2000", copied["written"]) is no_update
    assert navigation.copy_address(None, "/map") == {"search": no_update, "written": no_update}


def test_a_page_drawn_for_another_address_settles_the_address_bar() -> None:
    settled = navigation.settle_address(drawn="?year=2020", pathname="/map", search="?year=2020&&x=1")
    assert settled["search"] == "?year=2020"
    assert settled["written"] == navigation.written("/map", "?year=2020")
    presenting = navigation.settle_address(drawn="?year=2020", pathname="/map", search="?present=1")
    assert presenting["search"] == "?year=2020&present=1"  # the presenter's parameters stay
    unchanged = {"search": no_update, "written": no_update}
    assert navigation.settle_address(drawn="?year=2020", pathname="/map", search="?year=2020") == unchanged
    assert navigation.settle_address(drawn=None, pathname="/map", search="") == unchanged


def test_export_bars_follow_the_address_bar() -> None:
    assert exports.export_hrefs("map", "?year=2000") == {
        "png": "/export/map.png?year=2000",
        "svg": "/export/map.svg?year=2000",
        "embed": "/embed/map?year=2000",
        "csv": "/download/map.csv?year=2000",
        "xlsx": "/download/map.xlsx?year=2000",
    }
    assert exports.export_hrefs("corridors-map", "?sex=female") == {
        "png": "/export/corridors.png?chart=map&sex=female",
        "svg": "/export/corridors.svg?chart=map&sex=female",
        "embed": "/embed/corridors?chart=map&sex=female",
        "csv": "/download/corridors.csv?chart=map&sex=female",
        "xlsx": "/download/corridors.xlsx?chart=map&sex=female",
    }
    assert exports.export_hrefs("map-profile", "?countries=VEN,COL")["csv"] == (
        "/download/map.csv?chart=profile&countries=VEN,COL"
    )
    assert exports.export_hrefs("dialogue-timeline", None)["png"] == "/export/dialogue.png"


BASKET = ["/map?indicator=net_migration", "/corridors?year=2000", "/dialogue"]


def test_presenting_the_basket_links_its_neighbouring_views() -> None:
    search = "?lang=es&present=1&story=basket&step=2"
    out = briefing.present_basket(basket=BASKET, shown="present-count", pathname="/corridors", search=search)
    assert out == {
        "previous": "/map?indicator=net_migration&lang=es&present=1&story=basket&step=1",
        "previous_class": "present-button",
        "next": "/dialogue?lang=es&present=1&story=basket&step=3",
        "next_class": "present-button",
        "count": "2 / 3",
        "saved": out["saved"],
    }
    # The view shown and the next are saved for a network drop: each with its address and payload.
    assert json.loads(out["saved"]) == [
        {
            "number": 2,
            "count": 3,
            "address": "/corridors" + search,
            "url": "/offline/view.json?view=%2Fcorridors%3Fyear%3D2000&lang=es",
        },
        {
            "number": 3,
            "count": 3,
            "address": "/dialogue?lang=es&present=1&story=basket&step=3",
            "url": "/offline/view.json?view=%2Fdialogue&lang=es",
        },
    ]


def test_the_last_basket_view_has_no_next_and_another_story_is_left_alone() -> None:
    search = "?present=1&story=basket&step=3"
    out = briefing.present_basket(basket=BASKET, shown=None, pathname="/dialogue", search=search)
    assert out["next"] == "/dialogue" + search and out["next_class"] == "present-button disabled"
    assert out["count"] == "3 / 3"
    other = briefing.present_basket(basket=BASKET, shown=None, pathname="/map", search="?present=1")
    assert set(other.values()) == {no_update}


def test_the_basket_list_is_drawn_only_while_the_panel_is_open() -> None:
    with pytest.raises(PreventUpdate):
        briefing.show_basket(is_open=False, raw=BASKET, pathname="/map", search="")
    assert set(briefing.show_basket(is_open=True, raw=[], pathname="/map", search="")) == {"contents"}


def test_adding_a_view_keeps_it_once_last_in_no_language_and_not_presenting() -> None:
    search = "?year=2000&indicator=net_migration&lang=fr&present=1"
    out = briefing.add_view(
        clicks=1, pathname="/map", search=search, basket=[*BASKET, "/map?indicator=net_migration&year=2000"]
    )
    assert out["basket"] == [*BASKET, "/map?indicator=net_migration&year=2000"]
    out = briefing.add_view(clicks=1, pathname="/map", search="?year=2000", basket=BASKET)
    assert out["basket"] == [*BASKET, "/map?year=2000"]
    assert briefing.add_view(clicks=None, pathname="/map", search="", basket=BASKET) == {"basket": no_update}


def test_adding_a_view_keeps_the_chart_its_address_names() -> None:
    out = briefing.add_view(clicks=1, pathname="/corridors", search="?chart=map&lang=es", basket=[])
    assert out["basket"] == ["/corridors?chart=map"]
    out = briefing.add_view(clicks=1, pathname="/corridors", search="?chart=nope", basket=[])
    assert out["basket"] == ["/corridors"]  # an unknown chart is the page's default one


def test_the_basket_keeps_its_newest_views() -> None:
    full = [f"/map?year={y}" for y in range(1990, 1990 + MAX_VIEWS)]
    out = briefing.add_view(clicks=3, pathname="/dialogue", search="?from=2008", basket=full)
    assert out["basket"] == [*full[1:], "/dialogue?from=2008"]
