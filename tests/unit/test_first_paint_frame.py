"""The index page paints the page's frame before any script or stylesheet arrives: the navbar in
the address's language, the page's title and a placeholder as tall as the chart (Spanish words
and step titles below are the catalogue's and data/stories' own, written out here)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml
from dash import Dash
from flask.testing import FlaskClient

from dashboard.figures.maps import HEIGHT as MAP_HEIGHT
from dashboard.paths import ROOT
from layouts import ids
from layouts.first_paint import FRAME_ID
from server.security import inline_script_hashes

STORY = ROOT / "data" / "stories" / "eu-celac-migration.yaml"
STEP_1 = "/map?indicator=migrant_stock&year=2024&region=both&present=1&story=eu-celac-migration&step=1"


@pytest.fixture(scope="module")
def app() -> Dash:
    from app import create_app

    return create_app()


@pytest.fixture
def client(app: Dash) -> Iterator[FlaskClient]:
    with app.server.test_client() as test_client:
        yield test_client


def page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def frame_of(html: str) -> str:
    start = html.index(f'<div id="{FRAME_ID}"')
    return html[start : html.index('<div id="react-entry-point">', start)]


def test_the_spanish_map_page_shows_its_frame_in_spanish(client: FlaskClient) -> None:
    html = page(client, "/map?lang=es")
    frame = frame_of(html)
    assert 'class="fp-bar"' in frame
    for label in ("Mapa", "Corredores", "Diálogo", "Programas", "Fuentes"):  # the navbar's short names
        assert f">{label}</a>" in frame
    assert '<a class="fp-link fp-active" href="/map?lang=es">Mapa</a>' in frame
    assert frame.index('<a class="fp-skip" href="#first-paint-main">Saltar al contenido</a>') < frame.index(
        "fp-bar"
    )
    assert '<main id="first-paint-main" class="fp-page">' in frame
    assert 'href="/corridors?lang=es"' in frame
    assert '<h1 class="fp-title">Explorador de mapas</h1>' in frame
    assert "Indicadores de migración UE–CELAC" in frame
    assert re.search(rf'class="fp-chart" style="height:{MAP_HEIGHT}px"', frame)


def test_no_bare_loading_text_is_left(client: FlaskClient) -> None:
    for path in ("/map?lang=es", "/corridors", "/sources?lang=fr", STEP_1, "/embed/map"):
        html = page(client, path)
        assert "Loading..." not in html
        assert "_dash-loading" not in html
        assert '<div id="react-entry-point"></div>' in html


def test_the_frame_is_styled_before_any_stylesheet_arrives(client: FlaskClient) -> None:
    """Its CSS is in the head; the app's stylesheets come after the frame (they would hold the
    first paint until they arrive) and before the scripts."""
    html = page(client, "/map")
    head = html[: html.index("</head>")]
    assert "<style>" in head and ".fp-bar" in head
    assert 'rel="stylesheet"' not in head
    frame_at = html.index(f'id="{FRAME_ID}"')
    bootstrap_at = html.index('href="/assets/01-bootstrap.min.css')
    assert frame_at < bootstrap_at < html.index("<script")


def test_a_presenter_step_shows_a_presenter_bar_not_the_navbar(client: FlaskClient) -> None:
    story = yaml.safe_load(STORY.read_text(encoding="utf-8"))
    step = story["steps"][0]
    frame = frame_of(page(client, STEP_1 + "&lang=fr"))
    assert 'class="fp-present"' in frame and "fp-bar" not in frame
    assert step["title"]["fr"] in frame.replace("&#39;", "'")
    assert story["title"]["fr"].replace("'", "&#39;") in frame
    assert f"1 / {len(story['steps'])}" in frame


def test_an_embed_gets_no_navbar(client: FlaskClient) -> None:
    frame = frame_of(page(client, "/embed/map?lang=es"))
    assert "fp-bar" not in frame and "fp-present" not in frame


def test_a_hostile_query_is_escaped_and_falls_back(client: FlaskClient) -> None:
    html = page(client, '/map?lang="><script>alert(1)</script>&indicator=<b>')
    assert "<script>alert(1)" not in html and "<b>" not in frame_of(html)
    assert ">Map</a>" in frame_of(html)


def test_the_index_adds_no_inline_script_the_policy_does_not_allow(client: FlaskClient) -> None:
    for path in ("/map?lang=es", STEP_1, "/corridors?lang=pt"):
        response = client.get(path)
        policy = response.headers["Content-Security-Policy"]
        for digest in inline_script_hashes(response.get_data(as_text=True)):
            assert digest in policy


def test_the_chart_code_and_the_layout_are_preloaded(client: FlaskClient) -> None:
    head = page(client, "/map").split("</head>")[0]
    for chunk in ("graph", "dropdown", "slider"):
        assert (
            f'<link rel="preload" as="script" href="/_dash-component-suites/dash/dcc/async-{chunk}.js">'
            in head
        )
    for path in ("/_dash-layout", "/_dash-dependencies"):
        assert f'<link rel="preload" as="fetch" crossorigin="anonymous" href="{path}">' in head
    assert "async-graph" not in page(client, "/sources").split("</head>")[0]


def test_the_frame_script_watches_the_shells_slots() -> None:
    """assets/00-frame.js removes the frame when Dash fills the navbar or page slot, by ID."""
    script = (ROOT / "assets" / "00-frame.js").read_text(encoding="utf-8")
    assert f"'{FRAME_ID}'" in script
    assert f"#{ids.NAVBAR} > *" in script and f"#{ids.PAGE} > *" in script
