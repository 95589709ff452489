"""The document's title and language as the view changes in the browser (callbacks/shell.py):
the same words the server writes into the first page (expected values: the catalogues'
translations and the indicator catalogue's labels, written out here)."""

from __future__ import annotations

from callbacks.shell import document_head


def test_the_head_follows_the_address() -> None:
    assert document_head("/map", "?indicator=gdp&year=2020&lang=fr") == {
        "head": {"title": "Produit intérieur brut, 2020 — Puentes", "lang": "fr", "dir": "ltr"}
    }
    assert document_head("/sources", "?lang=pt")["head"]["title"] == "Fontes — Puentes"


def test_bad_input_gives_the_defaults_head() -> None:
    assert document_head(None, 42) == {
        "head": {"title": "International migrant stock, 2024 — Puentes", "lang": "en", "dir": "ltr"}
    }
    assert document_head("/map", "?lang=xx&indicator=<b>")["head"]["lang"] == "en"


def test_the_head_comes_in_the_answers_that_already_happen() -> None:
    """No request of its own: a page's rewrite of the address and the routing's page carry it."""
    from callbacks import navigation, routing

    wrote = navigation.written("/map", "?indicator=gdp&year=2020&lang=fr")
    assert wrote["head"]["title"] == "Produit intérieur brut, 2020 — Puentes"
    shown = routing.render_page(route={"path": "/sources", "search": "?lang=pt", "own": False})
    assert shown["head"] == {"title": "Fontes — Puentes", "lang": "pt", "dir": "ltr"}
