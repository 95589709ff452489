"""A presented map writes the values that matter on itself: the top of each bloc shown, or the
selected countries. Expected rankings come from the processed parquet and the raw UN DESA file,
read here with pandas, never from the view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from callbacks import map as map_callbacks
from dashboard.figures import map_labels, maps
from dashboard.urls.pages import parse_shared
from dashboard.views.map import MapView, build
from dashboard.views.map_labels import presenter_labels
from dashboard.vocabulary import vocabulary

STEP_ONE = "?indicator=migrant_stock&year=2024&region=both"  # the story's first step


def view(query: str) -> MapView:
    return build(parse_shared(query, vocabulary()).state)


def labels(figure: dict[str, Any]) -> dict[str, list[str]]:
    """Label texts per bloc, as the figure carries them (name · value, for short)."""
    traces = {bloc: figure["data"][maps.label_index(bloc)] for bloc in maps.BLOCS}
    return {bloc: [t.replace("<br>", " · ") for t in trace["text"]] for bloc, trace in traces.items()}


def members(data_dir: Path) -> pd.DataFrame:
    countries = pd.read_csv(data_dir / "countries.csv", keep_default_na=False)
    return countries[countries["bloc"].isin(["CELAC", "EU27"])][["iso3", "bloc", "name_en"]]


def parquet_values(data_dir: Path, indicator: str, year: int) -> pd.DataFrame:
    """Members' real values (no NaN, no flagged zero) of one indicator and year, highest first."""
    values = pd.read_parquet(data_dir / "indicators.parquet")
    rows = values[(values["indicator"] == indicator) & (values["year"] == year)]
    rows = rows[rows["value"].notna() & (rows["flag"] != "reported_zero")]
    merged = rows.merge(members(data_dir), on="iso3")
    return merged.sort_values(["value", "iso3"], ascending=[False, True])


def top(frame: pd.DataFrame, bloc: str, n: int = 3) -> list[str]:
    return list(frame[frame["bloc"] == bloc]["iso3"][:n])


def test_story_step_one_labels_the_top_three_of_each_bloc(data_dir: Path) -> None:
    expected = parquet_values(data_dir, "migrant_stock", 2024)
    shown = view(STEP_ONE)
    assert shown.labels() == (*top(expected, "CELAC"), *top(expected, "EU27"))
    assert shown.labels() == ("COL", "ARG", "PER", "DEU", "FRA", "ESP")  # as read in the parquet today
    texts = labels(shown.figure(presenting=True))
    assert texts["CELAC"] == ["Colombia · 3.1m", "Argentina · 2m", "Peru · 1.8m"]
    assert texts["EU27"] == ["Germany · 16.8m", "France · 9.2m", "Spain · 8.9m"]


def test_the_labelled_values_are_the_published_un_desa_totals(data_dir: Path, raw_dir: Path) -> None:
    raw = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv")
    totals = raw[
        (raw["year"] == 2024) & (raw["sex"] == 0) & (raw["age_start"] == 0) & (raw["age_length"] == 0)
    ]
    totals = totals.rename(columns={"dest_iso3": "iso3"}).merge(members(data_dir), on="iso3")
    totals = totals.sort_values(["migrant_stock", "iso3"], ascending=[False, True])
    ranked = [*top(totals.rename(columns={"migrant_stock": "value"}), "CELAC")]
    ranked += top(totals.rename(columns={"migrant_stock": "value"}), "EU27")
    assert view(STEP_ONE).labels() == tuple(ranked)
    published = dict(zip(totals["iso3"], totals["migrant_stock"], strict=True))
    assert published["DEU"] == 16_750_084 and published["COL"] == 3_063_518  # SOURCES.md copy
    parquet = parquet_values(data_dir, "migrant_stock", 2024).set_index("iso3")["value"]
    assert all(parquet[code] == published[code] for code in ranked)


def test_a_region_labels_only_its_own_bloc(data_dir: Path) -> None:
    expected = parquet_values(data_dir, "migrant_share", 2024)
    texts = labels(view("?indicator=migrant_share&year=2024&region=eu").figure(presenting=True))
    assert texts["CELAC"] == []
    assert [t.split(" · ")[0] for t in texts["EU27"]] == [
        str(expected.set_index("iso3")["name_en"][code]) for code in top(expected, "EU27")
    ]
    assert texts["EU27"][0].endswith(" %")


def test_a_selection_labels_exactly_the_selected_countries_with_their_values(data_dir: Path) -> None:
    expected = parquet_values(data_dir, "migrant_stock", 2024).set_index("iso3")["value"]
    shown = view(STEP_ONE + "&countries=VEN,COL")
    assert set(shown.labels()) == {"VEN", "COL"}
    texts = labels(shown.figure(presenting=True))
    assert texts["EU27"] == []
    assert sorted(texts["CELAC"]) == sorted(
        [f"Colombia · {expected['COL'] / 1e6:.1f}m", f"Venezuela · {expected['VEN'] / 1e6:.1f}m"]
    )


def test_a_country_without_data_is_never_labelled(data_dir: Path) -> None:
    # Remittances 2022: Venezuela has no value; selected with Colombia, only Colombia is written.
    real = set(parquet_values(data_dir, "remittances_received", 2022)["iso3"])
    assert "VEN" not in real and "COL" in real
    shown = view("?indicator=remittances_received&year=2022&countries=VEN,COL")
    assert shown.labels() == ("COL",)
    for query in ("?indicator=remittances_received&year=2022", "?indicator=asylum_seekers_hosted&year=1990"):
        assert set(view(query).labels()) <= real | set(
            parquet_values(data_dir, "asylum_seekers_hosted", 1990)["iso3"]
        )
    flagged = pd.read_parquet(data_dir / "indicators.parquet")
    zeros = flagged[flagged["flag"] == "reported_zero"].iloc[0]
    query = f"?indicator={zeros['indicator']}&year={zeros['year']}&countries={zeros['iso3']}"
    assert zeros["iso3"] not in view(query).labels()


def test_equal_values_are_labelled_in_code_order() -> None:
    frame = pd.DataFrame(
        {
            "iso3": ["AAA", "BBB", "CCC", "DDD", "EEE"],
            "bloc": ["CELAC"] * 5,
            "value": [5.0, 7.0, 5.0, 5.0, float("nan")],
            "flag": ["", "", "", "", ""],
        }
    )
    assert presenter_labels(frame, "celac", ()) == ("BBB", "AAA", "CCC")
    assert presenter_labels(frame, "both", ("EEE", "DDD")) == ("DDD",)


@pytest.mark.parametrize(("lang", "expected"), [("es", "Colombia · 3,1\xa0M"), ("fr", "Colombie · 3,1\xa0M")])
def test_labels_use_the_locale_s_decimal_separator(lang: str, expected: str) -> None:
    texts = labels(view(f"{STEP_ONE}&lang={lang}").figure(presenting=True))
    assert texts["CELAC"][0] == expected
    rates = labels(view(f"?indicator=migrant_share&year=2024&region=eu&lang={lang}").figure(presenting=True))
    number = rates["EU27"][0].split(" · ")[1]
    assert "," in number and "." not in number and number.endswith(" %")


def test_a_map_not_presented_writes_no_label() -> None:
    figure = view(STEP_ONE).figure()
    for bloc in maps.BLOCS:
        trace = figure["data"][maps.label_index(bloc)]
        assert trace["text"] == [] and trace["visible"] is False
    assert not any(
        path[1] >= maps.label_index("CELAC") for path, _ in view(STEP_ONE).updates() if path[0] == "data"
    )


def test_labels_follow_the_year_in_the_callback_s_patch() -> None:
    search = STEP_ONE + "&present=1"
    out = map_callbacks.update_map("migrant_stock", 2000, "both", False, [], search)
    figure = maps.apply(view(STEP_ONE).figure(presenting=True), _changes(out["figure"]))
    assert labels(figure) == labels(
        view("?indicator=migrant_stock&year=2000&region=both").figure(presenting=True)
    )
    assert labels(figure) != labels(view(STEP_ONE).figure(presenting=True))
    plain = map_callbacks.update_map("migrant_stock", 2000, "both", False, [], STEP_ONE)
    paths = [op["location"] for op in _operations(plain["figure"]) if op["location"][0] == "data"]
    assert paths and not any(path[1] >= maps.label_index("CELAC") for path in paths)


def test_a_presented_map_page_is_drawn_with_its_labels() -> None:
    """The page's first figure is drawn labelled when presented (no second request), not otherwise."""
    from layouts import router

    def first_figure(search: str) -> dict[str, Any]:
        _bar, body = router.render("/map", search)
        graphs = [c for c in body._traverse() if getattr(c, "id", None) == "map-graph"]
        return dict(graphs[0].figure)

    assert labels(first_figure(STEP_ONE + "&present=1")) == labels(view(STEP_ONE).figure(presenting=True))
    assert labels(first_figure(STEP_ONE + "&present=1"))
    assert not any(labels(first_figure(STEP_ONE)).values())


def test_labels_keep_off_each_other_s_boxes() -> None:
    points = [(10.5, 51.0), (2.2, 46.6), (-3.5, 40.0), (9.0, 50.0)]
    texts = ["Germany · 16.8m", "France · 9.2m", "Spain · 8.9m", "Somewhere · 1m"]
    where = map_labels.positions("EU27", points, texts, maps.VIEWS["EU27"])
    assert len(where) == 4 and where[:3] == ["middle right"] * 3 and where[3] != "middle right"


def _operations(patch: Any) -> list[dict[str, Any]]:
    return list(patch.to_plotly_json()["operations"])


def _changes(patch: Any) -> list[tuple[tuple[Any, ...], Any]]:
    return [
        (tuple(op["location"]), op["params"]["value"])
        for op in _operations(patch)
        if op["operation"] == "Assign"
    ]


def test_a_crowded_label_is_moved_with_a_line_back_to_its_country(data_dir: Path) -> None:
    # Migrant share 2024: the CELAC top three are Caribbean islands a degree apart.
    expected = parquet_values(data_dir, "migrant_share", 2024)
    codes = top(expected, "CELAC")
    figure = view("?indicator=migrant_share&year=2024&region=celac&lang=fr").figure(presenting=True)
    texts = figure["data"][maps.label_index("CELAC")]["text"]
    assert texts[1] == "Saint-Christophe-<br>et-Niévès<br>17,0 %"  # a long name on two lines
    leaders = figure["data"][maps.label_index("CELAC", "leaders")]
    countries = pd.read_csv(data_dir / "countries.csv", keep_default_na=False).set_index("iso3")
    starts = set(zip(leaders["lon"][::3], leaders["lat"][::3], strict=True))
    assert leaders["visible"] and starts
    assert starts <= {(float(countries.loc[c, "lon"]), float(countries.loc[c, "lat"])) for c in codes}
    assert leaders["lon"][2::3] == [None] * len(starts)  # one line per moved label


def test_placed_labels_stay_inside_their_panel_and_apart() -> None:
    queries = (STEP_ONE, "?indicator=remittances_received&year=2022", "?indicator=migrant_share&year=2024")
    for query in queries:
        figure = view(query).figure(presenting=True)
        for bloc in maps.BLOCS:
            trace = figure["data"][maps.label_index(bloc)]
            scale = map_labels.DEGREES_PER_PX[bloc]
            boxes = []
            for lon, lat, text, where in zip(
                trace["lon"], trace["lat"], trace["text"], trace["textposition"], strict=True
            ):
                lines = text.split("<br>")
                width = max(map(len, lines)) * map_labels.CHAR_PX
                box = map_labels._box((lon, lat), width, len(lines) * map_labels.LINE_PX, where, scale)
                assert map_labels._overflow(box, maps.VIEWS[bloc]) == 0, (query, text)
                boxes.append(box)
            for i, a in enumerate(boxes):
                assert all(not map_labels._overlap(a, b) for b in boxes[i + 1 :]), (query, bloc)
