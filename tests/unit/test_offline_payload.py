"""The offline presentation's payloads (``dashboard.offline``): every step of the bundled story in
four languages against the story file itself (titles, notes), the raw catalogue (source names),
and the presenter's URL; the basket's views from ``view=`` parameters."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard import offline, stories
from dashboard.i18n import LANGUAGES
from dashboard.locale import Locale
from dashboard.paths import ROOT, data_dir
from dashboard.urls.query import pairs
from dashboard.views import charts

STORY_FILE = data_dir() / "stories" / f"{stories.DEFAULT_STORY}.yaml"
RAW_STORY = yaml.safe_load(STORY_FILE.read_text(encoding="utf-8"))
CATALOGUE = tomllib.loads((ROOT / "dashboard" / "etl" / "catalogue.toml").read_text(encoding="utf-8"))
SOURCE_WORD = {"en": "Source", "es": "Fuente", "pt": "Fonte", "fr": "Source"}
SITE = "http://puentes.example/"


def source_name(page: str, query: str) -> str:
    """The source a step's chart cites, from the raw catalogue (the documents for the dialogue)."""
    if page == "map":
        indicator = dict(pairs(query))["indicator"]
        key = next(i["source"] for i in CATALOGUE["indicator"] if i["id"] == indicator)
        return str(CATALOGUE["sources"][key]["name"])
    if page == "corridors":
        return str(CATALOGUE["sources"]["undesa_ims2024"]["name"])
    return ""


@pytest.fixture(scope="module", params=LANGUAGES)
def presentation(request: pytest.FixtureRequest) -> offline.Presentation:
    story = stories.stories()[stories.DEFAULT_STORY]
    return offline.story(story, Locale.of(request.param), SITE)


def test_the_story_has_every_step_of_its_file(presentation: offline.Presentation) -> None:
    lang = presentation.locale.lang
    raw_steps: list[dict[str, Any]] = RAW_STORY["steps"]
    assert presentation.title == RAW_STORY["title"][lang]
    assert [s["number"] for s in presentation.steps] == list(range(1, len(raw_steps) + 1))
    assert {s["count"] for s in presentation.steps} == {len(raw_steps)}
    for raw, step in zip(raw_steps, presentation.steps, strict=True):
        assert step["title"] == raw["title"][lang].strip()
        assert step["note"] == raw["note"][lang].strip()


def test_each_step_has_its_figure_source_and_permalink(presentation: offline.Presentation) -> None:
    lang = presentation.locale.lang
    for number, (raw, step) in enumerate(zip(RAW_STORY["steps"], presentation.steps, strict=True), 1):
        figure = step["figure"]
        assert figure is not None and figure["data"], number
        assert "width" not in figure["layout"] and "height" not in figure["layout"]
        assert step["source"].startswith(SOURCE_WORD[lang] + ": "), step["source"]
        assert source_name(raw["page"], raw["query"]) in step["source"]
        assert step["heading"], number
        link = step["permalink"]
        assert link.startswith(SITE + raw["page"] + "?"), link
        params = dict(pairs(link.split("?", 1)[1]))
        expected = dict(pairs(raw["query"]))
        assert {k: params.get(k) for k in expected} == expected
        assert params["present"] == "1" and params["story"] == stories.DEFAULT_STORY
        assert params["step"] == str(number)
        assert params.get("lang", "en") == lang


def test_maps_name_their_shapes_and_the_fonts_meet_the_floor(presentation: offline.Presentation) -> None:
    kinds = [s["kind"] for s in presentation.steps]
    pages = [raw["page"] for raw in RAW_STORY["steps"]]
    assert [k == "map" for k in kinds] == [p == "map" for p in pages]
    used = offline.shapes_used(presentation.steps)
    assert used and all(url.startswith("/geometry/") and url.endswith(".geojson") for url in used)

    def sizes(node: Any, inside_font: bool = False) -> list[float]:
        if isinstance(node, list):
            return [s for item in node for s in sizes(item, inside_font)]
        if not isinstance(node, dict):
            return []
        found = [node["size"]] if inside_font and isinstance(node.get("size"), int | float) else []
        return found + [s for k, v in node.items() for s in sizes(v, inside_font or k.endswith("font"))]

    for step in presentation.steps:
        fonts = sizes(step["figure"])
        assert fonts and min(fonts) >= offline.FONT_FLOOR, (step["number"], min(fonts))


def test_a_text_part_is_raised_to_the_floor_and_nothing_else_changes() -> None:
    part = {"font": {"size": 9, "color": "#000"}, "title": {"text": "t", "font": {"size": 30}}}
    assert offline.legible(part) == {
        "font": {"size": offline.FONT_FLOOR, "color": "#000"},
        "title": {"text": "t", "font": {"size": 30}},
    }
    assert part["font"]["size"] == 9  # a copy


def test_the_basket_follows_its_view_parameters() -> None:
    views = [
        "/map?indicator=migrant_share&year=2024&region=celac",
        "/corridors?chart=map&direction=celac_eu&year=2024",
        "https://elsewhere.example/map",  # not on this site: dropped, as for the deck
        "/sources",  # no chart: dropped, as for the deck
    ]
    made = offline.basket(views, Locale.of("es"), SITE, title="  Mi   informe ")
    assert made.title == "Mi informe"
    assert [s["number"] for s in made.steps] == [1, 2] and {s["count"] for s in made.steps} == {2}
    first, second = made.steps
    assert first["kind"] == "map" and second["kind"] == "corridor-map"
    assert first["permalink"].startswith(SITE + "map?") and "lang=es" in first["permalink"]
    assert "indicator=migrant_share" in first["permalink"] and "region=celac" in first["permalink"]
    assert "chart=map" in second["permalink"]
    for step in made.steps:
        assert step["title"] and step["figure"] and step["source"].startswith("Fuente: ")
    assert offline.basket([], Locale.of("en"), SITE).title == "Briefing"  # untitled: the deck's word


def test_a_sources_step_has_its_words_and_no_chart(tmp_path: Path) -> None:
    raw = {
        "id": "tiny",
        "title": dict.fromkeys(LANGUAGES, "Tiny"),
        "steps": [
            {
                "page": "sources",
                "query": "",
                "title": dict.fromkeys(LANGUAGES, "S"),
                "note": dict.fromkeys(LANGUAGES, "N"),
            }
        ],
    }
    story = stories.validate(raw, tmp_path / "tiny.yaml")
    step = offline.story_step(story, 1, Locale.of("pt"), SITE)
    assert (step["title"], step["note"], step["figure"], step["source"]) == ("S", "N", None, "")
    assert step["permalink"] == SITE + "sources?lang=pt&present=1&story=tiny&step=1"


def test_every_map_uses_the_base_map_the_file_holds(presentation: offline.Presentation) -> None:
    """plotly.js fetches the topojson of a geo subplot's scope and resolution unless the file holds
    it: every map is on the world at 1:110m (``world_110m``, the one inlined)."""
    for step in presentation.steps:
        layout = step["figure"]["layout"]
        for name, geo in layout.items():
            if name.startswith("geo"):
                assert geo.get("scope", "world") == "world", (step["number"], name)
                assert geo.get("resolution", 110) == 110, (step["number"], name)


def test_every_registered_chart_goes_into_a_basket_file() -> None:
    views = [f"/{page}?chart={name}&countries=COL,VEN&focus=COL" for page, name in sorted(charts.REGISTRY)]
    made = offline.basket(views, Locale.of("en"), SITE)
    assert len(made.steps) == len(charts.REGISTRY)
    for step in made.steps:
        assert step["figure"] and step["figure"]["data"] and step["source"], step["permalink"]
        assert not step["message"].startswith("Puentes could not"), step["message"]
        for name, geo in step["figure"]["layout"].items():
            if name.startswith("geo"):
                assert geo.get("scope", "world") == "world" and geo.get("resolution", 110) == 110
    assert set(offline.shapes_used(made.steps)) == {"/geometry/members.geojson", "/geometry/world.geojson"}
