"""A pasted permalink previews its chart: the ``og:image`` every page's HTML names is the view's
own PNG export, and it answers 200 with a PNG (drawn by kaleido on the system Chromium; skipped
without it), in the page's language, for every page, a story step and an embed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient
from PIL import Image

from app import create_app
from dashboard import rendering

pytestmark = pytest.mark.skipif(rendering.browser_path() is None, reason="no Chromium to draw images")
LANGUAGES = ("en", "es", "pt", "fr")
PAGES = ("map", "corridors", "dialogue", "programmes", "sources")


class Metas(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html = values
        key = values.get("property") or values.get("name")
        if tag == "meta" and key:
            self.meta[key] = values.get("content") or ""


@pytest.fixture(scope="module")
def client() -> Iterator[FlaskClient]:
    server = create_app().server
    yield server.test_client()
    server.extensions["puentes_exports"].close()


def preview_of(client: FlaskClient, address: str) -> tuple[Metas, Image.Image]:
    page = client.get(address)
    metas = Metas()
    metas.feed(page.get_data(as_text=True))
    image_address = urlsplit(metas.meta["og:image"])
    assert image_address.scheme == "http" and image_address.netloc == "localhost"
    response = client.get(f"{image_address.path}?{image_address.query}")
    assert response.status_code == 200, (address, response.get_data(as_text=True)[:200])
    assert response.mimetype == "image/png"
    image = Image.open(io.BytesIO(response.data))
    image.verify()
    return metas, Image.open(io.BytesIO(response.data)).convert("RGB")


@pytest.mark.parametrize("page", PAGES)
def test_every_pages_preview_is_its_chart_as_png(client: FlaskClient, page: str) -> None:
    for lang in LANGUAGES:
        metas, image = preview_of(client, f"/{page}?lang={lang}")
        assert metas.html.get("lang") == lang
        assert f"lang={lang}" in metas.meta["og:image"] or lang == "en"
        assert image.width >= 1000 and image.height >= 600  # drawn at 2x: a large card
        low, high = image.convert("L").getextrema()
        assert high - low > 150  # not blank


def test_a_story_step_and_an_embed_preview_their_charts(client: FlaskClient) -> None:
    metas, _image = preview_of(client, "/map?present=1&story=eu-celac-migration&step=2&lang=fr")
    assert "indicator=migrant_share" in metas.meta["og:image"]  # data/stories: step 2's view
    metas, _image = preview_of(client, "/embed/corridors?chart=trend&lang=es")
    assert metas.meta["og:image"].endswith("/export/corridors.png?chart=trend&lang=es")
