"""Map values, ranks and the choropleth figure built from tiny frames."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.figures import NO_DATA_COLOUR, SMALL_STATE_KM2, choropleth_map, colour_axis
from dashboard.loading import Indicator
from dashboard.transforms import map_values, region_members, resolve_year, top_corridors


def spec(**overrides: object) -> Indicator:
    fields: dict[str, object] = dict(
        id="stock",
        group="stocks",
        unit="persons",
        source="undesa_ims2024",
        computed=False,
        colour="sequential",
        coverage="complete",
        label={"en": "Stock", "es": "Población"},
        definition={"en": "def"},
        method="",
        years=(2020, 2024),
    )
    fields.update(overrides)
    return Indicator(**fields)  # type: ignore[arg-type]


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

VALUES = pd.DataFrame(
    {
        "iso3": ["ESP", "ITA", "MLT", "ECU", "USA", "ESP"],
        "indicator": ["stock"] * 6,
        "year": [2024, 2024, 2024, 2024, 2024, 2020],
        "value": [8.0, 6.0, 0.1, 0.4, 50.0, 7.0],
        "flag": [""] * 6,
    }
)


def test_map_values_ranks_within_each_bloc_and_keeps_missing_as_nan() -> None:
    frame = map_values(VALUES, COUNTRIES, spec(), 2024, "en").set_index("iso3")
    assert list(frame.index) == ["BRB", "ECU", "ESP", "ITA", "MLT"]  # members only, no USA
    assert frame.loc["ESP", "rank"] == 1 and frame.loc["MLT", "rank"] == 3
    assert frame.loc["ECU", "rank"] == 1 and frame.loc["ECU", "n_in_bloc"] == 1
    assert math.isnan(frame.loc["BRB", "value"])
    assert frame.loc["BRB", "display"] == "no data"
    assert frame.loc["ESP", "display"] == "8 people"


def test_map_values_are_in_the_readers_language() -> None:
    frame = map_values(VALUES, COUNTRIES, spec(), 2024, "es").set_index("iso3")
    assert frame.loc["ESP", "name"] == "España"
    assert frame.loc["BRB", "display"] == "sin datos"


def test_region_members_and_year_resolution() -> None:
    assert region_members(COUNTRIES, "celac") == ["BRB", "ECU"]
    assert region_members(COUNTRIES, "both") == ["BRB", "ECU", "ESP", "ITA", "MLT"]
    assert resolve_year(spec(), 2020) == 2020
    assert resolve_year(spec(), 1999) == 2024
    assert resolve_year(spec(), None) == 2024


def test_choropleth_draws_no_data_apart_and_small_states_as_markers() -> None:
    frame = map_values(VALUES, COUNTRIES, spec(), 2024, "en")
    fig = choropleth_map(frame, {"type": "FeatureCollection", "features": []}, spec(), 2024, "en", "UN")
    coloured, missing, small_with, small_without = fig.data
    assert sorted(coloured.locations) == ["ECU", "ESP", "ITA", "MLT"]
    assert list(missing.locations) == ["BRB"]
    assert missing.colorscale[0][1] == NO_DATA_COLOUR
    small = set(COUNTRIES.loc[COUNTRIES["area_km2"] < SMALL_STATE_KM2, "iso3"])
    assert len(small_with.lon) + len(small_without.lon) == len(small)
    assert small_without.marker.color == NO_DATA_COLOUR
    assert "no data" in str(missing.customdata[0])
    assert not any(getattr(t, "locationmode", None) for t in fig.data)  # never the CDN maps


def test_colour_axis_is_diverging_around_zero_for_net_migration() -> None:
    axis = colour_axis(spec(colour="diverging"), pd.Series([-30.0, 5.0]))
    assert axis["cmid"] == 0 and axis["cmin"] == -30 and axis["cmax"] == 30
    assert "cmid" not in colour_axis(spec(), pd.Series([1.0, 5.0]))


def test_top_corridors_orders_by_size() -> None:
    corridors = pd.DataFrame(
        {
            "origin": ["ECU", "COL", "VEN", "COL"],
            "destination": ["ESP", "ESP", "ESP", "ESP"],
            "year": [2024, 2024, 2024, 2020],
            "sex": ["total"] * 4,
            "migrant_stock": [4.0, 8.0, 6.0, 100.0],
        }
    )
    top = top_corridors(corridors, ["ECU", "COL", "VEN"], ["ESP"], 2024, n=2)
    assert list(top["origin"]) == ["COL", "VEN"]
    assert top["migrant_stock"].tolist() == pytest.approx([8.0, 6.0])
