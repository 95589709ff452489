"""Presenter mode's stage: every chart of a presented page takes its box's size (the stage lays
the boxes out, assets/02-puentes.css), and the page marks what gives way while presenting."""

from __future__ import annotations

from dash import dcc, html

from layouts.router import render


def graphs(tree: object) -> list[dcc.Graph]:
    return [e for e in tree._traverse() if isinstance(e, dcc.Graph)]  # type: ignore[attr-defined]


def classes(tree: object) -> set[str]:
    return {
        name
        for e in tree._traverse()  # type: ignore[attr-defined]
        for name in (getattr(e, "className", None) or "").split()
    }


def test_presented_charts_fill_their_boxes_and_normal_ones_keep_their_height() -> None:
    for page in ("map", "corridors", "dialogue", "programmes"):
        _bar, body = render(f"/{page}", "?present=1")
        shown = graphs(body)
        assert shown, page
        for graph in shown:
            assert graph.responsive is True  # type: ignore[attr-defined]
            assert "height" not in (getattr(graph, "style", None) or {})
        _navbar, normal = render(f"/{page}", "")
        assert all(getattr(g, "responsive", "auto") == "auto" for g in graphs(normal))


def test_hints_and_details_are_marked_to_give_way() -> None:
    _navbar, corridors = render("/corridors", "")
    assert {"hint", "page-main", "page-details", "export-link"} <= classes(corridors)
    _navbar, dialogue = render("/dialogue", "")
    assert {"hint", "page-main", "page-details", "event-detail"} <= classes(dialogue)
    _navbar, chosen = render("/map", "?countries=VEN,COL")
    assert {"hint", "map-page", "page-controls", "export-link"} <= classes(chosen)
    assert isinstance(chosen, html.Div)
