"""The map page's first paint is the map's: no table code or rows, no empty profile chart."""

from __future__ import annotations

from typing import Any

from dash import dash_table, dcc

from dashboard.urls.shared import FilterState
from layouts import ids, map_page


def components(tree: Any) -> list[Any]:
    found = [tree]
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            found += components(child)
    for name in ("label", "content"):
        if hasattr(getattr(tree, name, None), "to_plotly_json"):
            found += components(getattr(tree, name))
    return found


def test_no_table_and_no_empty_profile_before_they_are_asked_for() -> None:
    page = components(map_page.layout(FilterState()))
    assert not [c for c in page if isinstance(c, dash_table.DataTable)]  # type: ignore[attr-defined]
    graphs = [c.id for c in page if isinstance(c, dcc.Graph)]
    assert graphs == [ids.MAP_GRAPH]


def test_a_selection_in_the_link_draws_its_profile_at_once() -> None:
    page = components(map_page.layout(FilterState(countries=("ECU", "ESP"))))
    assert ids.MAP_PROFILE in [getattr(c, "id", None) for c in page]
