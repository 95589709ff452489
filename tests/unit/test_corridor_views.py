"""Corridor transforms, the corridors page's URL state and its figure builders, on tiny frames."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard import corridors
from dashboard.figures import corridors as figures
from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState, corridor_year
from dashboard.urls.corridors import parse as parse_corridors
from dashboard.urls.corridors import query as corridors_query
from dashboard.urls.corridors import with_controls as with_corridor_controls
from dashboard.urls.query import Notice
from dashboard.urls.shared import FilterState

YEARS = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)
KNOWN = frozenset({"ECU", "COL", "ESP", "ITA", "USA", "MEX", "FRA", "ROW", "OTH"})
COUNTRIES = pd.DataFrame(
    {
        "iso3": ["ECU", "COL", "MEX", "ESP", "ITA", "FRA", "USA", "CAN", "ROW"],
        "bloc": ["CELAC", "CELAC", "CELAC", "EU27", "EU27", "EU27", "partner", "partner", "pseudo"],
    }
)


def pairs(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["origin", "destination", "migrant_stock"])


SAMPLE = pairs(
    [
        ("ECU", "ESP", 400.0),
        ("ECU", "ITA", 80.0),
        ("COL", "ESP", 700.0),
        ("COL", "FRA", 40.0),
        ("MEX", "ESP", 60.0),
        ("ECU", "USA", 500.0),
        ("MEX", "USA", 9000.0),
        ("COL", "MEX", 30.0),
        ("ROW", "ESP", 5000.0),
    ]
)


@pytest.mark.parametrize(
    ("direction", "origin_bloc", "destination_has"),
    [("celac_eu", "ECU", "ESP"), ("eu_celac", "ESP", "ECU"), ("celac_celac", "ECU", "MEX")],
)
def test_direction_sets(direction: str, origin_bloc: str, destination_has: str) -> None:
    origins, destinations = corridors.direction_sets(direction, COUNTRIES)
    assert origins is not None and origin_bloc in origins
    assert destinations is not None and destination_has in destinations


def test_rest_of_world_means_outside_both_blocs() -> None:
    origins, destinations = corridors.direction_sets("celac_world", COUNTRIES)
    assert destinations == {"USA", "CAN", "ROW"}
    assert origins == {"ECU", "COL", "MEX"}


def test_custom_empty_set_means_every_country() -> None:
    assert corridors.direction_sets("custom", COUNTRIES, ["ECU"], []) == (frozenset({"ECU"}), None)
    assert len(corridors.select(SAMPLE, None, None)) == len(SAMPLE)


def test_top_n_plus_other_equals_the_total() -> None:
    origins, destinations = corridors.direction_sets("celac_eu", COUNTRIES)
    current = corridors.select(SAMPLE, origins, destinations)
    links = corridors.flows(current, k=1)
    assert links["value"].sum() == current["migrant_stock"].sum() == 1280.0
    assert set(links["source"]) == {"COL", corridors.OTHER_ORIGINS}
    assert set(links["target"]) == {"ESP", corridors.OTHER_DESTINATIONS}
    got = {(s, t): v for s, t, v in links.itertuples(index=False)}
    assert got == {
        ("COL", "ESP"): 700.0,
        ("COL", corridors.OTHER_DESTINATIONS): 40.0,
        (corridors.OTHER_ORIGINS, "ESP"): 460.0,
        (corridors.OTHER_ORIGINS, corridors.OTHER_DESTINATIONS): 80.0,
    }


def test_flows_keep_every_node_when_few() -> None:
    links = corridors.flows(corridors.select(SAMPLE, {"ECU", "COL"}, {"ESP", "ITA"}), k=7)
    assert list(links["source"].unique()) == ["COL", "ECU"]  # largest origin first
    assert corridors.OTHER_ORIGINS not in set(links["source"])


def test_ranked_growth_against_the_base_year() -> None:
    now = pairs([("ECU", "ESP", 300.0), ("COL", "ESP", 50.0), ("MEX", "ESP", 10.0)])
    then = pairs([("ECU", "ESP", 100.0), ("MEX", "ESP", 0.0)])
    table = corridors.ranked(now, then)
    assert list(table["origin"]) == ["ECU", "COL", "MEX"]
    assert table.loc[0, "growth"] == 200.0
    assert pd.isna(table.loc[1, "growth"]) and pd.isna(table.loc[1, "base_stock"])  # no base row
    assert pd.isna(table.loc[2, "growth"])  # base 0: no percentage


def test_focus_values_read_both_ways() -> None:
    into_spain = corridors.focus_values(SAMPLE, "ESP", "destination")
    assert into_spain.index[0] == "ROW" and into_spain["COL"] == 700.0
    from_ecuador = corridors.focus_values(SAMPLE, "ECU", "origin")
    assert from_ecuador.to_dict() == {"USA": 500.0, "ESP": 400.0, "ITA": 80.0}


def test_diaspora_split_adds_up() -> None:
    frame = SAMPLE.assign(year=2024)
    table = corridors.diaspora(frame, ["ECU", "COL"], {"ECU", "COL", "MEX"}, {"ESP", "ITA", "FRA"})
    ecu = table.set_index("origin").loc["ECU"]
    assert (ecu["usa"], ecu["eu"], ecu["celac"], ecu["rest"]) == (500.0, 480.0, 0.0, 0.0)
    col = table.set_index("origin").loc["COL"]
    assert (col["eu"], col["celac"], col["total"]) == (740.0, 30.0, 770.0)


def test_remittances_flow_from_destination_to_origin() -> None:
    frame = pd.DataFrame(
        {"sender": ["ESP", "ESP", "USA"], "receiver": ["ECU", "COL", "ECU"], "usd_millions": [1.5, 2.5, 9.0]}
    )
    top = corridors.remittances(frame, frozenset({"ESP"}), None, n=5)
    assert list(top["receiver"]) == ["COL", "ECU"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024", 2024), ("2012", 2010), ("1990", 1990), ("1989", None), ("3000", None), ("x", None)],
)
def test_shared_year_snaps_to_the_corridor_year_before_it(text: str, expected: int | None) -> None:
    assert corridor_year(text, YEARS) == expected


def test_parse_reads_the_page_parameters_and_reports_bad_ones() -> None:
    state, notices = parse_corridors(
        "?origins=ECU,col,<script>&destinations=ESP&year=2020&sex=female&base=1995&focus=ESP&side=origin",
        YEARS,
        KNOWN,
    )
    assert state == CorridorState("custom", ("ECU", "COL"), ("ESP",), 2020, "female", 1995, "ESP", "origin")
    assert notices == (Notice("origins", "<SCRIPT>"),)
    state, notices = parse_corridors("?direction=sideways&sex=x&base=2001&focus=Mars", YEARS, KNOWN)
    assert state == CorridorState()
    assert {n.parameter for n in notices} == {"direction", "sex", "base", "focus"}


states = st.builds(
    CorridorState,
    direction=st.sampled_from(["celac_eu", "eu_celac", "celac_celac", "celac_world"]),
    year=st.sampled_from([None, *YEARS]),
    sex=st.sampled_from(["total", "female", "male"]),
    base=st.sampled_from([None, *YEARS]),
    focus=st.sampled_from([None, "ESP", "ECU"]),
    side=st.just("destination"),
)


@given(states, st.sampled_from(["en", "es", "fr"]))
def test_query_round_trip(state: CorridorState, lang: str) -> None:
    query = corridors_query(FilterState(lang=lang), state)
    parsed, notices = parse_corridors(query, YEARS, KNOWN)
    assert notices == () and parsed == state


@given(st.text(max_size=300))
def test_parse_never_raises(text: str) -> None:
    state, _ = parse_corridors(text, YEARS, KNOWN)
    assert state.sex in ("total", "female", "male")


def test_controls_make_custom_sets_and_presets_clear_them() -> None:
    custom = with_corridor_controls(CorridorState(), "origins", {"origins": ["ECU", "bad"]}, YEARS, KNOWN)
    assert custom.direction == "custom" and custom.origins == ("ECU",)
    preset = with_corridor_controls(custom, "direction", {"direction": "eu_celac"}, YEARS, KNOWN)
    assert preset.direction == "eu_celac" and preset.origins == ()


def test_a_map_click_focuses_and_flips_the_map() -> None:
    start = CorridorState(focus="ESP", side="destination")
    clicked = with_corridor_controls(start, "map", {"clicked": "ECU"}, YEARS, KNOWN)
    assert (clicked.focus, clicked.side) == ("ECU", "origin")
    again = with_corridor_controls(clicked, "map", {"clicked": "ITA"}, YEARS, KNOWN)
    assert (again.focus, again.side) == ("ITA", "destination")


def test_forged_control_values_keep_the_current_setting() -> None:
    state = with_corridor_controls(
        CorridorState(year=2010), "year", {"year": "2010; drop", "sex": 3, "base": [1]}, YEARS, KNOWN
    )
    assert state == CorridorState(year=2010)


def test_sankey_has_the_expected_nodes() -> None:
    links = corridors.flows(corridors.select(SAMPLE, {"ECU", "COL"}, {"ESP", "ITA"}), k=7)
    names = {"ECU": "Ecuador", "COL": "Colombia", "ESP": "Spain", "ITA": "Italy"}
    figure = figures.sankey(links, names, {"ECU": "CELAC", "COL": "CELAC", "ESP": "EU27"}, Locale.of("en"))
    trace = figure["data"][0]
    assert trace["node"]["label"] == [
        "Colombia<br>700",
        "Ecuador<br>480",
        "Spain<br>1.1 thousand",
        "Italy<br>80",
    ]
    assert sum(trace["link"]["value"]) == 1180.0
    assert trace["node"]["customdata"][0] == "700"


def test_focus_map_uses_both_geometry_urls_and_a_log_scale() -> None:
    values = pd.Series({"ESP": 400.0, "USA": 500.0, "ITA": 80.0})
    figure = figures.focus_map(
        values, "ECU", {"ECU": "Ecuador"}, frozenset({"ESP", "ITA", "ECU"}), ("/m", "/w"), Locale.of("es")
    )
    members, world, focus = figure["data"]
    assert (members["geojson"], world["geojson"], focus["geojson"]) == ("/m", "/w", "/m")
    assert members["locations"] == ["ESP", "ITA"] and world["locations"] == ["USA"]
    assert figure["layout"]["coloraxis"]["cmin"] == 1 and figure["layout"]["coloraxis"]["cmax"] == 3
    assert members["customdata"][0][1] == "400"
