"""Every page's HTML, as the server sends it (before any script), says which language it is in
and what it shows: ``<html lang dir>``, a title naming the view ("Emigrants, share of home
population, 2024 — Puentes"), a description, and Open Graph / Twitter card tags whose image is
the view's own PNG export at the site's public address, so that a pasted permalink previews the
chart. The expected words are the indicator catalogue's (dashboard/etl/catalogue.toml), the
story's (data/stories) and the catalogues' translations, written out here."""

from __future__ import annotations

import tomllib
from html.parser import HTMLParser

import pytest
import yaml
from flask.testing import FlaskClient

from dashboard.paths import ROOT

LANGUAGES = ("en", "es", "pt", "fr")
PAGES = ("map", "corridors", "dialogue", "programmes", "sources")
CATALOGUE = tomllib.loads((ROOT / "dashboard" / "etl" / "catalogue.toml").read_text(encoding="utf-8"))
STORY = yaml.safe_load((ROOT / "data" / "stories" / "eu-celac-migration.yaml").read_text(encoding="utf-8"))


class Head(HTMLParser):
    """``<html>``'s attributes, the title and the meta tags (by name or property) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.title = ""
        self.meta: dict[str, str] = {}
        self.alternates: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html = values
        elif tag == "title":
            self._in_title = True
        elif tag == "link" and values.get("rel") == "alternate" and values.get("hreflang"):
            self.alternates[str(values["hreflang"])] = values.get("href") or ""
        elif tag == "meta" and (values.get("name") or values.get("property")):
            self.meta[str(values.get("name") or values.get("property"))] = values.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def head_of(client: FlaskClient, address: str, status: int = 200) -> Head:
    response = client.get(address)
    assert response.status_code == status, address
    parsed = Head()
    parsed.feed(response.get_data(as_text=True))
    return parsed


def indicator_label(indicator: str, lang: str) -> str:
    entry = next(i for i in CATALOGUE["indicator"] if i["id"] == indicator)
    return str(entry["label"][lang])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_its_language_title_and_preview(client: FlaskClient, page: str, lang: str) -> None:
    head = head_of(client, f"/{page}?lang={lang}")
    assert head.html == {"lang": lang, "dir": "ltr"}
    assert head.title.endswith(" — Puentes") and len(head.title) > len(" — Puentes") + 3
    for key in ("description", "og:title", "og:description", "og:url", "og:image", "twitter:image"):
        assert head.meta.get(key), (page, lang, key)
    assert head.meta["og:title"] == head.meta["twitter:title"] == head.title
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["og:url"] == f"http://localhost/{page}?lang={lang}"
    chart = page if page != "sources" else "map"  # the sources preview the map
    assert head.meta["og:image"] == f"http://localhost/export/{chart}.png?lang={lang}"
    assert head.meta["og:image"] == head.meta["twitter:image"]


def test_a_map_permalink_is_titled_by_its_indicator_and_year(client: FlaskClient) -> None:
    for lang in LANGUAGES:
        head = head_of(client, f"/map?indicator=emigrant_share&year=2020&lang={lang}")
        assert head.title == f"{indicator_label('emigrant_share', lang)}, 2020 — Puentes"
    head = head_of(client, "/map?indicator=emigrant_share&year=2020")
    assert head.title == "Emigrants, share of home population, 2020 — Puentes"
    assert head.meta["og:image"] == "http://localhost/export/map.png?indicator=emigrant_share&year=2020"


def test_titles_name_each_page_and_view(client: FlaskClient) -> None:
    assert head_of(client, "/corridors?year=2000&lang=es").title == "Corredores migratorios, 2000 — Puentes"
    assert head_of(client, "/corridors?chart=trend").title == "Corridors over time — Puentes"
    dialogue = head_of(client, "/dialogue?from=2010&to=2015&lang=fr")
    assert dialogue.title == "Dialogue UE–CELAC sur les migrations, 2010–2015 — Puentes"
    assert head_of(client, "/programmes?lang=pt").title == "Onde trabalharam os programas — Puentes"
    assert head_of(client, "/sources?lang=es").title == "Fuentes — Puentes"
    assert head_of(client, "/nowhere?lang=fr", status=404).title == "Page introuvable — Puentes"


def test_a_story_step_is_titled_by_the_step_and_previews_its_view(client: FlaskClient) -> None:
    step = STORY["steps"][1]
    address = "/map?present=1&story=eu-celac-migration&step=2&lang=pt"
    head = head_of(client, address)
    assert head.html["lang"] == "pt"
    assert head.title == f"{step['title']['pt']} — Puentes"
    assert head.meta["og:image"].startswith("http://localhost/export/map.png?")
    for part in step["query"].lstrip("?").split("&"):  # the step's own view, whatever the link said
        assert part in head.meta["og:image"]


def test_an_embed_says_its_language_and_chart(client: FlaskClient) -> None:
    head = head_of(client, "/embed/corridors?chart=trend&lang=es")
    assert head.html["lang"] == "es"
    assert head.title == "Corredores a lo largo del tiempo — Puentes"
    assert head.meta["og:image"] == "http://localhost/export/corridors.png?chart=trend&lang=es"


def test_the_preview_points_at_the_public_address(client: FlaskClient) -> None:
    client.application.config["PUENTES_PUBLIC_URL"] = "https://puentes.example.org/"
    try:
        head = head_of(client, "/map?lang=es")
    finally:
        client.application.config["PUENTES_PUBLIC_URL"] = ""
    assert head.meta["og:url"] == "https://puentes.example.org/map?lang=es"
    assert head.meta["og:image"] == "https://puentes.example.org/export/map.png?lang=es"


def test_each_language_of_the_view_is_an_alternate(client: FlaskClient) -> None:
    head = head_of(client, "/dialogue?from=2010&lang=pt")
    assert head.alternates == {
        "en": "http://localhost/dialogue?from=2010",
        "es": "http://localhost/dialogue?from=2010&lang=es",
        "pt": "http://localhost/dialogue?from=2010&lang=pt",
        "fr": "http://localhost/dialogue?from=2010&lang=fr",
        "x-default": "http://localhost/dialogue?from=2010",
    }


def test_a_hostile_query_is_escaped_in_the_head(client: FlaskClient) -> None:
    response = client.get('/map?lang="><script>alert(1)</script>&x="/><meta name=x>')
    text = response.get_data(as_text=True)
    assert "<script>alert(1)" not in text and "<meta name=x>" not in text
    head = Head()
    head.feed(text)
    assert head.html["lang"] == "en" and "x" not in head.meta


def test_robots_txt_answers_and_lets_previews_fetch_the_images(client: FlaskClient) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")]
    assert "/download/" in disallowed
    assert not any("/export/".startswith(path) or path in ("/", "/map") for path in disallowed)
