"""The offline routes through the real server: the story and basket files (attachment, every step,
nothing the browser would fetch), one step's JSON, and a clear translated answer to bad input."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import pytest
import yaml
from flask.testing import FlaskClient

from app import create_app
from dashboard import stories
from dashboard.i18n import LANGUAGES
from dashboard.offline.page import DATA_ID, SHAPES_ID
from dashboard.paths import data_dir
from dashboard.urls import offline as offline_urls

STORY = stories.DEFAULT_STORY
RAW_STORY = yaml.safe_load((data_dir() / "stories" / f"{STORY}.yaml").read_text(encoding="utf-8"))
# What a browser would load from a page: a script, image or frame source, a stylesheet or icon
# link, a CSS url() or @import, plotly.js's topojsonURL. (A permalink as <a href> is only a link.)
FETCHED = re.compile(
    r"""(\bsrc\s*=\s*["']?\s*(https?:)?//)|(<link\b[^>]*\bhref\s*=\s*["']?\s*(https?:)?//)"""
    r"""|(url\(\s*["']?\s*(https?:)?//)|(@import)|(topojsonURL["']?\s*[:=]\s*["'](https?:)?//)""",
    re.I,
)


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app().server.test_client()


def inlined(text: str, element_id: str) -> Any:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', text, re.S)
    assert match, element_id
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def story_files(client: FlaskClient) -> dict[str, str]:
    files = {}
    for lang in LANGUAGES:
        response = client.get(offline_urls.story_file(STORY, lang))
        assert response.status_code == 200 and response.mimetype == "text/html"
        name = f"puentes-{STORY}-{lang}.html"
        assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
        files[lang] = response.get_data(as_text=True)
    return files


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_story_file_holds_every_step(story_files: dict[str, str], lang: str) -> None:
    text = story_files[lang]
    assert f'<html lang="{lang}" class="pp-file">' in text
    data = inlined(text, DATA_ID)
    assert data["lang"] == lang and data["title"] == RAW_STORY["title"][lang]
    assert [s["title"] for s in data["steps"]] == [s["title"][lang] for s in RAW_STORY["steps"]]
    for step in data["steps"]:
        assert step["figure"] and step["source"] and step["permalink"].startswith("http://localhost/")
    assert f'<span id="pp-count" class="pp-count">1 / {len(RAW_STORY["steps"])}</span>' in text
    shapes = inlined(text, SHAPES_ID)
    assert "world_110m" in shapes["topojson"] and shapes["topojson"]["world_110m"]["type"] == "Topology"
    assert set(shapes["geojson"]) == set(data["shapes"]) and data["shapes"]
    assert all(g["type"] == "FeatureCollection" for g in shapes["geojson"].values())
    assert "window.PuentesPlayer" in text and "Plotly" in text
    plotly_locale = {"en": None, "es": "es", "pt": "pt-PT", "fr": "fr"}[lang]
    assert data["plotlyLocale"] == (plotly_locale or "en")
    if plotly_locale:  # plotly.js's own translations, as the app registers them
        assert f'moduleType:"locale",name:"{plotly_locale}"' in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_file_fetches_nothing(story_files: dict[str, str], lang: str) -> None:
    text = story_files[lang]
    assert FETCHED.findall(text) == []
    assert '<link rel="icon" href="data:,">' in text
    assert "<link" not in text.replace('<link rel="icon" href="data:,">', "")


def test_the_rule_sees_what_a_browser_would_fetch() -> None:
    for bad in (
        '<script src="https://cdn.example/x.js">',
        "<img src=//example.org/a.png>",
        '<link rel="stylesheet" href="https://fonts.example/css">',
        "body{background:url('http://example.org/a.png')}",
        '{topojsonURL:"https://cdn.example/topojson/"}',
    ):
        assert FETCHED.search(bad), bad
    assert not FETCHED.search('<a href="https://puentes.example/map">')


def test_a_step_as_json_is_the_step_the_file_holds(client: FlaskClient, story_files: dict[str, str]) -> None:
    held = inlined(story_files["fr"], DATA_ID)["steps"]
    for number in (1, 4, len(held)):
        response = client.get(offline_urls.step(STORY, number, "fr"))
        assert response.status_code == 200 and response.mimetype == "application/json"
        payload = response.get_json()
        assert (payload.pop("story"), payload.pop("lang")) == (STORY, "fr")
        assert payload == held[number - 1]


def test_the_file_is_compressed_on_the_wire(client: FlaskClient) -> None:
    response = client.get(offline_urls.story_file(STORY, "es"), headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    size = len(gzip.decompress(response.data))
    assert len(response.data) < size / 2, (len(response.data), size)


def test_the_basket_file_has_its_views(client: FlaskClient) -> None:
    views = ["/map?indicator=migrant_stock&year=2024&region=eu", "/dialogue?start=2010&end=2016"]
    title = "</script><script>alert(1)</script> Informe"
    response = client.get(offline_urls.briefing_file(views, "es", title))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="puentes-briefing-')
    text = response.get_data(as_text=True)
    assert "<script>alert(1)" not in text  # the title is words, not markup
    data = inlined(text, DATA_ID)
    assert data["title"] == "</script><script>alert(1)</script> Informe"
    assert [s["kind"] for s in data["steps"]] == ["map", "timeline"]
    assert [s["count"] for s in data["steps"]] == [2, 2]
    assert FETCHED.findall(text) == []


def test_the_basket_file_is_made_from_the_posted_form(client: FlaskClient) -> None:
    """The panel POSTs the basket (twenty views are longer than a link should be): the same file."""
    views = [f"/map?indicator=migrant_share&year={year}&region=celac" for year in range(1990, 2025, 2)][:18]
    views += ["/dialogue?start=2010&end=2016", "/corridors?chart=map"]
    form = {"lang": "fr", "title": "Dossier", "view": views}
    response = client.post(offline_urls.BRIEFING_FILE, data=form)
    assert response.status_code == 200
    data = inlined(response.get_data(as_text=True), DATA_ID)
    assert data["title"] == "Dossier" and len(data["steps"]) == 20
    assert [s["count"] for s in data["steps"]] == [20] * 20
    assert client.post(offline_urls.BRIEFING_FILE, data={"lang": "fr"}).status_code == 400


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        (f"{offline_urls.STORY_FILE}?story=nope&lang=es", 404, "No hay ninguna historia llamada «nope»"),
        (f"{offline_urls.STORY_FILE}?lang=fr", 404, "Aucune histoire ne s'appelle"),
        (f"{offline_urls.STORY_FILE}?story={STORY}&lang=xx", 400, "Idioma desconocido «xx»"),
        (f"{offline_urls.STORY_FILE}?story={STORY}&lang=xx", 400, "Unknown language “xx”"),
        (f"{offline_urls.BRIEFING_FILE}?lang=pt", 400, "Não há vistas"),
        (f"{offline_urls.BRIEFING_FILE}?lang=en&view=https://evil.example/map", 400, "No views to put"),
        (f"{offline_urls.BRIEFING_FILE}?lang=de&view=/map", 400, "Langue inconnue « de »"),
    ],
)
def test_bad_input_gets_a_clear_page(client: FlaskClient, path: str, status: int, words: str) -> None:
    response = client.get(path)
    assert response.status_code == status and response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert words in text.replace("&#x27;", "'").replace("&quot;", '"'), text
    assert "Traceback" not in text and "Content-Disposition" not in response.headers


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        (f"story={STORY}&step=0", 404, "has no step “0”: its steps are 1 to 10"),
        (f"story={STORY}&step=11&lang=es", 404, "no tiene el paso «11»"),
        (f"story={STORY}&step=two", 404, "has no step “two”"),
        (f"story={STORY}", 404, "has no step “”"),
        ("story=nope&step=1", 404, "No story named “nope”"),
        (f"story={STORY}&step=1&lang=zz", 400, "Unknown language “zz”"),
    ],
)
def test_a_bad_step_gets_a_clear_json_error(client: FlaskClient, query: str, status: int, words: str) -> None:
    response = client.get(f"{offline_urls.STEP}?{query}")
    assert response.status_code == status and response.mimetype == "application/json"
    assert words in response.get_json()["error"]


def test_the_player_is_served_for_the_live_presenter(client: FlaskClient) -> None:
    script = client.get(offline_urls.PLAYER_JS)
    style = client.get(offline_urls.PLAYER_CSS)
    assert script.status_code == 200 and script.mimetype == "text/javascript"
    assert "window.PuentesPlayer" in script.get_data(as_text=True)
    assert style.status_code == 200 and style.mimetype == "text/css"
    # Its page-wide rules hold only in the offline file, never over the app's page.
    css = style.get_data(as_text=True)
    assert "html, body" not in css and "html.pp-file body" in css


def test_one_basket_view_as_its_payload(client: FlaskClient) -> None:
    """``/offline/view.json``: what the live presenter saves of a basket's view; a view with no
    chart, or a language we do not have, is a short JSON answer saying why."""
    answer = client.get(offline_urls.view("/corridors?direction=eu_celac&year=2020", "es"))
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    payload = answer.get_json()
    assert payload["lang"] == "es" and payload["kind"] == "flows" and payload["figure"]["data"]
    assert payload["source"].startswith("Fuente: UN DESA")
    assert payload["permalink"].endswith("/corridors?direction=eu_celac&year=2020&lang=es")
    none = client.get(offline_urls.view("/sources", "fr"))
    assert none.status_code == 404 and none.get_json() == {
        "error": "Cette vue n’a pas de graphique à enregistrer."
    }
    bad = client.get(offline_urls.view("/map", "xx"))
    assert bad.status_code == 400 and "error" in bad.get_json()


def test_a_step_in_other_digits_is_refused_not_an_error(client: FlaskClient) -> None:
    answer = client.get(f"{offline_urls.STEP}?story={STORY}&step=%C2%B2")  # "²": isdigit, not int
    assert answer.status_code == 404 and "error" in answer.get_json()
