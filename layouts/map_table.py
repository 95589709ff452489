"""The map page's table: what the map shows, one sortable row per country and per aggregate (the
region's blocs and the chosen groups, with how many members they cover), numbers in the reader's
locale; "no data" and why where a value is missing."""

from __future__ import annotations

from typing import Any

from dash import dash_table

from dashboard.views.map import MapView
from layouts import ids


def table_columns(view: MapView) -> list[dict[str, Any]]:
    _ = view.locale.gettext
    decimals = 0 if view.spec.unit == "persons" else 2
    sample = view.locale.number(1234567.5, 1)
    fmt = {"locale": {"group": sample[1], "decimal": sample[-2]}, "specifier": f",.{decimals}f"}
    return [
        {"name": _("Country"), "id": "country"},  # the figure beside the name: in view on a phone
        {"name": view.subtitle, "id": "value", "type": "numeric", "format": fmt},
        {"name": _("Bloc"), "id": "bloc"},
        {"name": _("Rank in bloc"), "id": "rank_in_bloc", "type": "numeric"},
        {"name": _("Countries reporting"), "id": "coverage"},
        {"name": _("Note"), "id": "flag"},
    ]


def table(view: MapView) -> Any:
    """The sortable table of what the map shows."""
    return dash_table.DataTable(  # type: ignore[attr-defined]
        id=ids.MAP_TABLE,
        columns=table_columns(view),
        data=table_data(view),
        sort_action="native",
        page_action="none",
        style_as_list_view=True,
        # Cells wrap between words (a note is a sentence or two), never inside a name or a number;
        # each column keeps at least a word's width, so that no header is broken a letter a line on
        # a phone (the table scrolls sideways in its own box there).
        style_cell={
            "fontFamily": "inherit", "fontSize": "1rem", "padding": "6px", "whiteSpace": "normal",
            "height": "auto", "overflowWrap": "normal", "minWidth": "6rem", "textAlign": "left",
        },
        style_cell_conditional=[
            {"if": {"column_id": "country"}, "minWidth": "9rem"},
            {"if": {"column_id": "value"}, "textAlign": "right", "minWidth": "8rem"},
            {"if": {"column_id": "rank_in_bloc"}, "textAlign": "right"},
            {"if": {"column_id": "flag"}, "minWidth": "16rem", "maxWidth": "28rem"},
        ],
        style_header={"fontWeight": "600"},
        style_table={"overflowX": "auto"},
    )  # fmt: skip


def table_data(view: MapView) -> list[dict[str, Any]]:
    """The rows as the table shows them: a missing value says why, an aggregate its coverage."""
    return view.table_rows()
