"""Map values, ranks, the map figure and its value-only updates, built from tiny frames."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from dashboard.datasets import Indicator
from dashboard.figures import map_colours, maps, separators
from dashboard.locale import Locale
from dashboard.transforms import (
    clicked_country,
    map_values,
    region_members,
    resolve_year,
    toggle,
)


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

# Barbados's 0 is flagged: the source published 0 for "not reported" (no data, never a value).
LOOKUP = pd.DataFrame(
    {"value": [8.0, 6.0, 0.1, 0.4, 0.0, 50.0], "flag": ["", "", "", "", "reported_zero", ""]},
    index=pd.Index(["ESP", "ITA", "MLT", "ECU", "BRB", "USA"], name="iso3"),
)


def frame(lang: str = "en") -> pd.DataFrame:
    return map_values(LOOKUP, COUNTRIES, spec(), 2024, Locale.of(lang))


def map_figure(
    frame: pd.DataFrame,
    geometry_url: str,
    spec: Indicator,
    year: int,
    locale: Locale,
    source: str,
    region: str = "both",
    log: bool = False,
    selected: Iterable[str] = (),
) -> dict[str, Any]:
    """The full figure of a first render, as the map view makes it: base plus current values."""
    updates = maps.updates(frame, spec, year, locale, source, region, log, selected)
    return maps.apply(maps.base_figure(frame, geometry_url), updates)


def test_map_values_ranks_within_each_bloc_and_keeps_missing_as_nan() -> None:
    out = frame().set_index("iso3")
    assert list(out.index) == ["BRB", "ECU", "ESP", "ITA", "MLT"]  # members only, no USA
    assert out.loc["ESP", "rank"] == 1 and out.loc["MLT", "rank"] == 3
    assert out.loc["ECU", "rank"] == 1 and out.loc["ECU", "n_in_bloc"] == 1
    assert math.isnan(out.loc["BRB", "value"]) and math.isnan(out.loc["BRB", "rank"])
    assert out.loc["BRB", "display"] == "no data" and out.loc["BRB", "flag"] == "reported_zero"
    assert out.loc["ESP", "display"] == "8 people"


def test_map_values_in_the_readers_language_and_with_nothing_published() -> None:
    out = frame("es").set_index("iso3")
    assert out.loc["ESP", "name"] == "España" and out.loc["BRB", "display"] == "sin datos"
    empty = map_values(None, COUNTRIES, spec(), 2024, Locale.of("en"))
    assert empty["value"].isna().all() and len(empty) == 5


def test_region_members_and_year_resolution() -> None:
    assert region_members(COUNTRIES, "celac") == ["BRB", "ECU"]
    assert region_members(COUNTRIES, "both") == ["BRB", "ECU", "ESP", "ITA", "MLT"]
    assert resolve_year(spec(), 2020) == 2020
    assert resolve_year(spec(), 1999) == 2024
    assert resolve_year(spec(), None) == 2024


def test_map_figure_points_at_the_geometry_url_and_never_uses_cdn_maps() -> None:
    figure = map_figure(frame(), "/geometry/members.geojson", spec(), 2024, Locale.of("en"), "UN DESA")
    text = json.dumps(figure)
    assert '"locationmode"' not in text and "coordinates" not in text  # no inlined shapes
    choropleths = [t for t in figure["data"] if t["type"] == "choropleth"]
    assert {t["geojson"] for t in choropleths} == {"/geometry/members.geojson"}
    celac = figure["data"][maps.trace_index("CELAC", "data")]
    assert celac["locations"] == ["BRB", "ECU"]
    assert celac["z"] == [None, 0.4]  # no data is null, never 0


def test_no_data_is_a_grey_layer_and_small_states_are_markers() -> None:
    figure = map_figure(frame(), "/g", spec(), 2024, Locale.of("en"), "UN DESA")
    grey = figure["data"][maps.trace_index("CELAC", "no_data")]
    assert grey["colorscale"][0][1] == map_colours.NO_DATA_COLOUR and "no data" in grey["hovertemplate"]
    eu_small = figure["data"][maps.trace_index("EU27", "small_data")]
    assert eu_small["text"] == ["Malta"]
    celac_small_missing = figure["data"][maps.trace_index("CELAC", "small_no_data")]
    assert celac_small_missing["text"] == ["Barbados"]
    assert celac_small_missing["marker"]["color"] == map_colours.NO_DATA_COLOUR
    # Barbados's flagged zero is grey, unranked, and its hover says why (on the grey layer and marker)
    why = grey["customdata"][0]
    assert why[:3] == ["", "", ""] and why[3].replace("<br>", " ") == (
        "published as 0, which the source uses for not reported"
    )
    assert "%{customdata[3]}" in grey["hovertemplate"]
    assert celac_small_missing["customdata"][0][:3] == ["", "", ""]
    assert "published as 0" in celac_small_missing["customdata"][0][3]
    celac = figure["data"][maps.trace_index("CELAC", "data")]
    assert celac["z"] == [None, 0.4] and celac["customdata"][1][:3] == [
        "0.4",
        "1",
        "1",
    ]  # a non-zero value never reads 0


def test_updates_are_values_only_and_reproduce_a_fresh_figure() -> None:
    old = map_figure(frame(), "/g", spec(), 2024, Locale.of("en"), "UN DESA")
    other = spec(id="net", colour="diverging", unit="per_1000")
    changes = maps.updates(frame(), other, 2020, Locale.of("en"), "WDI", "eu", False, ["ESP"])
    patched = maps.apply(copy.deepcopy(old), changes)
    fresh = map_figure(frame(), "/g", other, 2020, Locale.of("en"), "WDI", "eu", False, ["ESP"])
    assert patched == fresh
    assert all(path[-1] not in ("geojson", "locations") for path, _ in changes)
    assert len(json.dumps([list(v) if isinstance(v, tuple) else v for _, v in changes])) < 5000


def test_colour_axis_choices() -> None:
    diverging = map_colours.colour_axis(
        spec(colour="diverging"), pd.Series([-30.0, 5.0]), False, Locale.of("en")
    )
    assert diverging["cmid"] == 0 and diverging["cmin"] == -30 and diverging["cmax"] == 30
    log = map_colours.colour_axis(spec(), pd.Series([3.0, 1234567.0]), True, Locale.of("en"))
    assert (log["cmin"], log["cmax"]) == (0, 7)
    assert log["colorbar"]["ticktext"][-1] == "10m"  # CLDR short form (figures.ticks), as on axes
    assert map_colours.colour_values(pd.Series([100.0, 0.0, float("nan")]), True) == [2.0, 2.0, None]
    assert not map_colours.log_scale_allowed(spec(unit="percent"))
    assert not map_colours.log_scale_allowed(spec(colour="diverging"))


def test_locale_separators() -> None:
    assert separators(Locale.of("en")) == ".,"
    assert separators(Locale.of("es")) == ",."


def test_clicks_and_selection() -> None:
    assert clicked_country({"points": [{"location": "BRA"}]}) == "BRA"
    assert clicked_country({"points": [{"customdata": ["1", "rank", "BRB"]}]}) == "BRB"
    for junk in (None, {}, {"points": []}, {"points": ["x"]}, {"points": [{"location": "<script>"}]}):
        assert clicked_country(junk) is None
    assert toggle(["ESP"], "ECU", 6) == ["ESP", "ECU"]
    assert toggle(["ESP", "ECU"], "ESP", 6) == ["ECU"]
    assert toggle(["A", "B"], "C", 2) == ["B", "C"]


def test_hover_says_name_value_unit_year_rank_and_source() -> None:
    figure = map_figure(frame("es"), "/g", spec(), 2024, Locale.of("es"), "UN DESA")
    trace = figure["data"][maps.trace_index("EU27", "data")]
    template = trace["hovertemplate"]
    assert "%{text}" in template and "personas" in template and "2024" in template
    assert "puesto %{customdata[1]} de %{customdata[2]} con datos en la UE" in template
    assert "UN DESA" in template
    spain = trace["customdata"][trace["locations"].index("ESP")]
    assert spain[:3] == ["8", "1", "3"]


def test_a_hidden_region_cannot_cover_the_shown_one() -> None:
    figure = map_figure(frame(), "/g", spec(), 2024, Locale.of("en"), "UN DESA", region="eu")
    celac, eu = figure["layout"]["geo"], figure["layout"]["geo2"]
    assert celac["visible"] is False and celac["showland"] is False
    assert celac["domain"]["x"][0] >= eu["domain"]["x"][1]  # parked outside the EU panel
    assert eu["visible"] is True and eu["domain"]["x"] == [0.0, 0.99]  # the whole width


def test_unchanged_region_and_selection_are_not_resent() -> None:
    old = map_figure(frame(), "/g", spec(), 2024, Locale.of("en"), "UN DESA", "eu", False, ["ESP"])
    changes = maps.updates(
        frame(),
        spec(),
        2020,
        Locale.of("en"),
        "UN DESA",
        "eu",
        False,
        ["ESP"],
        frozenset({"region", "selection"}),
    )
    assert not any(path[0] == "layout" and path[1] in ("geo", "geo2") for path, _ in changes)
    assert not any(path[-2:] == ("line", "color") or path[-1] == "visible" for path, _ in changes)
    patched = maps.apply(copy.deepcopy(old), changes)
    assert patched == map_figure(
        frame(), "/g", spec(), 2020, Locale.of("en"), "UN DESA", "eu", False, ["ESP"]
    )
