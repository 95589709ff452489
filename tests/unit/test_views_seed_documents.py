"""The sources page lists the five seed documents by title, the file name as a detail."""

from __future__ import annotations

import tomllib

from dashboard.locale import Locale
from dashboard.paths import ROOT
from dashboard.urls.shared import FilterState
from dashboard.views import sources as view
from layouts import ids, sources_page


def documents() -> list[dict[str, object]]:
    text = (ROOT / "data" / "dialogue" / "themes.toml").read_text(encoding="utf-8")
    return list(tomllib.loads(text)["document"])


def test_the_seed_documents_by_title_in_the_readers_language_in_file_order() -> None:
    expected = sorted(((d["file"], d["title"]["pt"]) for d in documents()), key=lambda d: str(d[0]))
    shown = view.seed_documents(Locale.of("pt"))
    assert [(d.file, d.title) for d in shown] == expected and len(shown) == 5


def test_the_sources_page_shows_each_title_beside_its_file() -> None:
    page = str(sources_page.layout(FilterState(lang="es")))
    assert ids.SOURCES_DOCUMENTS in page
    for document in documents():
        assert str(document["title"]["es"]) in page and str(document["file"]) in page  # type: ignore[index]
