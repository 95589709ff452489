"""Exports when the room asks for more than the server can draw: a full render queue answers 503
with ``Retry-After`` and the reason in the reader's language, at once; the basket is POSTed (twenty
views need no long URL); a pack never costs more than its views."""

from __future__ import annotations

import io

import pytest
from dash import Dash
from flask.testing import FlaskClient
from pptx import Presentation

from dashboard import briefing, datasets, rendering
from dashboard.renders.queue import RenderQueue
from server import health

chromium = pytest.mark.skipif(rendering.browser_path() is None, reason="no Chromium to draw images")
INDICATORS = ("migrant_stock", "migrant_share", "net_migration_rate", "refugees_hosted")
COUNTRIES = ",".join(datasets.countries().query("bloc == 'CELAC'")["iso3"])  # a custom group: all 33
TWENTY = [
    f"/map?indicator={INDICATORS[i % 4]}&year={1990 + 5 * (i // 4)}&region=celac" for i in range(10)
] + [
    f"/corridors?direction=custom&countries={COUNTRIES}&year={1990 + 5 * (i % 7)}&sex=female"
    for i in range(10)
]


@pytest.fixture
def full_queue(server_app: Dash) -> RenderQueue:
    queue = server_app.server.extensions[health.EXPORTS].queue
    assert isinstance(queue, RenderQueue)
    ticket = queue.reserve(queue.capacity)
    yield queue
    ticket.close()


@pytest.mark.parametrize(
    ("method", "url", "data", "words"),
    [
        ("GET", "/export/map.png?lang=es&year=1991", None, "Vuelva a intentarlo en"),
        ("GET", "/export/corridors.svg?lang=fr", None, "Réessayez dans"),
        ("POST", "/briefing.pptx", {"view": TWENTY[:3], "lang": "pt"}, "Tente de novo dentro de"),
        ("POST", "/briefing.pdf", {"view": TWENTY[:3], "lang": "en"}, "Try again in"),
        ("GET", "/briefing.pptx?view=/map&lang=en", None, "Try again in"),
    ],
)
def test_a_full_queue_answers_503_with_retry_after_in_the_readers_language(
    client: FlaskClient, full_queue: RenderQueue, method: str, url: str, data: object, words: str
) -> None:
    response = client.open(url, method=method, data=data)
    assert response.status_code == 503 and response.mimetype == "text/plain"
    seconds = response.headers["Retry-After"]
    assert seconds.isdigit() and 1 <= int(seconds) <= 60
    text = response.get_data(as_text=True)
    assert words in text and seconds in text and "Traceback" not in text
    assert full_queue.reserved == full_queue.capacity  # a refusal reserves nothing


@pytest.mark.parametrize(
    "query", ["", "?view=https://evil.example/map&lang=fr", "?view=/sources&view=/nowhere"]
)
def test_an_empty_or_forged_pack_is_refused_without_queueing(
    client: FlaskClient, full_queue: RenderQueue, query: str
) -> None:
    response = client.get("/briefing.pptx" + query)  # the queue is full: a 400 means never queued
    assert response.status_code == 400 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert ("Aucune vue" if "lang=fr" in query else "No views to put in a briefing") in text


def test_a_pack_reserves_one_render_per_view_at_most_the_basket_limit(server_app: Dash) -> None:
    queue = server_app.server.extensions[health.EXPORTS].queue
    assert isinstance(queue, RenderQueue)
    assert queue.capacity >= briefing.MAX_VIEWS  # a full basket always fits an idle queue
    forty = [*TWENTY, *TWENTY]
    assert len(briefing.views(forty)) == briefing.MAX_VIEWS


@chromium
def test_a_twenty_view_basket_is_posted_and_becomes_a_deck(client: FlaskClient) -> None:
    data = {"view": TWENTY, "lang": "es", "title": "Veinte vistas"}
    response = client.post("/briefing.pptx", data=data)
    assert response.status_code == 200, response.get_data(as_text=True)
    deck = Presentation(io.BytesIO(response.data))
    assert len(deck.slides) == 1 + 20
    cover = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Veinte vistas" in cover
    tenth = " ".join(s.text_frame.text for s in deck.slides[10].shapes if s.has_text_frame)
    assert "2000" in tenth and "Migrantes internacionales, porcentaje de la población" in tenth  # view 10
