"""The map's fast path: pre-indexed member arrays give the same frame as the frame-based
transform, and what the caches share is never handed out to be changed."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.datasets import Indicator, index_members
from dashboard.figures import map_hover, maps
from dashboard.locale import Locale
from dashboard.transforms import map_values, member_values
from dashboard.urls.shared import FilterState
from dashboard.views.map import build, clear_caches

COUNTRIES = pd.DataFrame(
    {
        "iso3": ["ESP", "ITA", "MLT", "ECU", "BRB", "USA"],
        "bloc": ["EU27", "EU27", "EU27", "CELAC", "CELAC", "partner"],
        "name_en": ["Spain", "Italy", "Malta", "Ecuador", "Barbados", "United States"],
        "name_es": ["España", "Italia", "Malta", "Ecuador", "Barbados", "Estados Unidos"],
        "lon": [-3.0, 12.0, 14.4, -78.0, -59.5, -100.0],
        "lat": [40.0, 42.0, 35.9, -1.0, 13.2, 40.0],
        "area_km2": [500000.0, 300000.0, 300.0, 250000.0, 430.0, 9e6],
    }
).set_index("iso3", drop=False)
STOCK = Indicator(
    id="stock",
    group="stocks",
    unit="persons",
    source="undesa_ims2024",
    computed=False,
    colour="sequential",
    coverage="complete",
    label={"en": "Stock"},
    definition={"en": "def"},
    method="",
    years=(1990, 2024),
)
LOOKUPS = {
    ("stock", 2024): pd.DataFrame(
        {"value": [8.0, 6.0, 0.1, 0.4, 50.0], "flag": ["", "", "", "reported_zero", ""]},
        index=pd.Index(["ESP", "ITA", "MLT", "ECU", "USA"], name="iso3"),
    )
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("key", [("stock", 2024), ("stock", 1990)])  # published, and nothing published
def test_member_values_equal_map_values(key: tuple[str, int], lang: str) -> None:
    members = index_members(COUNTRIES, LOOKUPS)
    fast = member_values(members, key[0], "persons", key[1], Locale.of(lang))
    pd.testing.assert_frame_equal(
        fast, map_values(LOOKUPS.get(key), COUNTRIES, STOCK, key[1], Locale.of(lang))
    )


def test_member_arrays_are_read_only_and_aligned() -> None:
    members = index_members(COUNTRIES, LOOKUPS)
    assert list(members.iso3) == ["BRB", "ECU", "ESP", "ITA", "MLT"]
    values, flags = members.values[("stock", 2024)]
    assert values[2] == 8.0 and flags[1] == "reported_zero" and pd.isna(values[0])
    with pytest.raises(ValueError):
        values[0] = 1.0


def test_the_committed_data_gives_the_same_frames_both_ways() -> None:
    catalogue = datasets.catalogue()
    for spec in list(catalogue.values())[:6]:
        for year in (spec.years[0], spec.years[-1]):
            fast = member_values(datasets.member_arrays(), spec.id, spec.unit, year, Locale.of("fr"))
            slow = map_values(
                datasets.values_by_key().get((spec.id, year)),
                datasets.countries(),
                spec,
                year,
                Locale.of("fr"),
            )
            pd.testing.assert_frame_equal(fast, slow)


def test_cached_views_hand_out_copies() -> None:
    view = build(FilterState(countries=("BRA",)))
    table = view.table()
    table["flag"] = "changed"
    assert (build(FilterState(countries=("BRA",))).table()["flag"] != "changed").all()
    profile = view.profile()
    profile["data"].clear()
    assert build(FilterState(countries=("BRA",))).profile()["data"]


def test_updates_are_the_same_from_cold_and_warm_caches() -> None:
    state, previous = FilterState(year=2000, countries=("ECU",)), FilterState(year=2024)
    clear_caches()
    cold = build(state).updates(previous)
    warm = build(state).updates(previous)
    assert cold == warm
    map_hover.clear_caches()
    assert build(state).figure() == build(state).figure()


def test_caches_follow_the_loaders() -> None:
    before = datasets.member_arrays()
    datasets.clear_caches()
    after = datasets.member_arrays()
    assert after is not before and after != before  # compared by identity: old cache keys go unused
    view = build(FilterState())
    assert view.frame.equals(member_values(after, view.spec.id, view.spec.unit, view.year, Locale.of("en")))


@pytest.mark.parametrize(
    ("shown", "before"),
    [
        (FilterState(year=2000), FilterState(year=2024)),
        (FilterState(year=2000, region="eu"), FilterState(year=2000)),
        (FilterState(year=2020, countries=("ESP", "ECU"), scale="log"), FilterState(year=2020)),
        (FilterState(indicator="net_migration_rate", year=2010, lang="fr"), FilterState(year=2010)),
    ],
)
def test_cached_updates_are_the_ones_computed_afresh(shown: FilterState, before: FilterState) -> None:
    """An interaction seen before is answered from the cache: with the same updates."""
    view = build(shown)
    first, again = view.updates(before), build(shown).updates(before)
    assert first == again
    unchanged = frozenset(
        name
        for name, same in (
            ("region", before.region == shown.region),
            ("selection", before.countries == shown.countries),
        )
        if same
    )
    fresh = maps.updates(
        view.frame,
        view.spec,
        view.year,
        view.locale,
        view.source["name"],
        shown.region,
        view.log,
        shown.countries,
        unchanged,
    )
    assert first == fresh
