"""The programmes page's pure pieces: reach rows, filters, countries reached, the map figure."""

from __future__ import annotations

import json

import pandas as pd

from dashboard import dialogue, programmes, urls
from dashboard.figures.programmes import programme_map
from dashboard.locale import Locale

GROUPS = pd.DataFrame({"group": ["CELAC", "oecs"], "members": ["ATG DMA MEX PER", "ATG DMA"]})
LANGS = ("en", "es", "pt", "fr")


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def item(*values: object) -> dict[str, object]:
    return dict(zip(("id", "programme", "component", "themes", "countries", "groups"), values, strict=True))


def reach() -> pd.DataFrame:
    progs = frame([{"id": "p1", "themes": ("a",), "countries": (), "groups": ("CELAC",)},
                   {"id": "p2", "themes": ("b",), "countries": (), "groups": ()}])  # fmt: skip
    comps = frame([{"id": "c1", "programme": "p1", "themes": ("a",), "countries": ("MEX",), "groups": ()}])
    results = frame(
        [
            item("r1", "p1", "c1", ("a",), ("MEX",), ()),
            item("r2", "p1", "", (), ("PER", "ATG"), ("oecs",)),
            item("r3", "p2", "", ("b",), ("MEX",), ("lac",)),
        ]
    )
    return programmes.reach(progs, comps, results, GROUPS)


def test_groups_are_credited_whole_not_to_each_member() -> None:
    rows = reach().set_index("id")
    # The seed credits "OECS" with a result; no seed names its members: OECS stays a group.
    assert rows.loc["r2", "places"] == ("PER", "ATG") and rows.loc["r2", "regions"] == ("oecs",)
    assert rows.loc["p1", "places"] == () and rows.loc["p1", "regions"] == ("CELAC",)
    assert rows.loc["r3", "regions"] == ("lac",)
    # The timeline's country filter still finds an event by a sub-regional group a country is in.
    members = dialogue.group_members(GROUPS)
    assert dialogue.places(("ECU",), ("oecs",), members, "BEL", "") == ("ECU", "BEL", "ATG", "DMA")


def test_filters_combine_programme_component_theme_and_country() -> None:
    rows = reach()
    assert list(programmes.select(rows, programme="p1")["id"]) == ["p1", "c1", "r1", "r2"]
    assert list(programmes.select(rows, component="c1")["id"]) == ["c1", "r1"]
    assert list(programmes.select(rows, themes=["b"])["id"]) == ["p2", "r3"]
    assert list(programmes.select(rows, countries=["ATG"])["id"]) == ["r2"]
    assert programmes.select(rows, countries=["DMA"]).empty  # an OECS member the seed never names
    assert programmes.select(rows, programme="p2", countries=["PER"]).empty


def test_countries_reached_name_their_programmes_and_count_results_only() -> None:
    reached = programmes.reached(reach())
    assert list(reached.index) == ["ATG", "MEX", "PER"]
    # MEX: named by p1 (via c1 and r1) and p2 (r3); results r1 and r3 (c1 is a component).
    assert reached.loc["MEX", "programmes"] == ("p1", "p2") and reached.loc["MEX", "results"] == 2
    assert programmes.regions(reach()) == ("CELAC", "oecs", "lac")
    assert programmes.reached(reach().iloc[:0]).empty


def countries() -> pd.DataFrame:
    codes = ["ATG", "DMA", "MEX", "PER", "ESP", "USA"]
    table = pd.DataFrame(
        {
            "iso3": codes,
            "bloc": ["CELAC"] * 4 + ["EU27", "partner"],
            "lon": [-61.8, -61.4, -102.0, -75.0, -3.7, -98.0],
            "lat": [17.1, 15.4, 23.6, -9.2, 40.4, 39.8],
            "area_km2": [440.0, 750.0, 1.9e6, 1.3e6, 5e5, 9.8e6],
        }
        | {f"name_{lang}": codes for lang in LANGS}
    )
    return table.set_index("iso3", drop=False)


def test_map_uses_the_apps_geometry_by_url_and_marks_small_states() -> None:
    reached = programmes.reached(reach())
    figure = programme_map(
        reached,
        {"p1": "One", "p2": "Two"},
        countries(),
        (urls.GEOMETRY, urls.WORLD_GEOMETRY),
        Locale.of("en"),
    )
    text = json.dumps(figure)
    assert "locationmode" not in text and "http" not in text
    choropleths = [t for t in figure["data"] if t["type"] == "choropleth"]
    assert {t["geojson"] for t in choropleths} == {urls.GEOMETRY}
    drawn = next(t for t in choropleths if t["name"] == "reached")
    assert drawn["locations"] == ["ATG", "MEX", "PER"] and drawn["z"] == [1, 2, 1]
    assert drawn["customdata"][1][1:] == ["One, Two", "2 results name it"]
    assert figure["layout"]["coloraxis"]["colorbar"]["title"]["text"] == "programmes naming it"
    small = next(t for t in figure["data"] if t["type"] == "scattergeo")
    assert small["lon"] == [-61.8]  # Antigua would vanish as a shape
    assert figure["layout"]["geo"]["lonaxis"]["range"] == [-118.0, -33.0]  # all in CELAC


def test_map_without_places_says_so_and_reaches_outside_members_via_the_world_layer() -> None:
    empty = programme_map(
        programmes.reached(reach().iloc[:0]), {}, countries(), ("/m", "/w"), Locale.of("en")
    )
    assert empty["layout"]["annotations"][0]["text"] == "No country-level places for this selection"
    outside = pd.DataFrame({"programmes": [("p1",)], "results": [1]}, index=pd.Index(["USA"], name="iso3"))
    figure = programme_map(outside, {}, countries(), ("/m", "/w"), Locale.of("en"))
    assert [t["geojson"] for t in figure["data"] if t.get("name") == "reached-world"] == ["/w"]
    assert figure["layout"]["geo"]["lonaxis"]["range"] != [-118.0, -33.0]
