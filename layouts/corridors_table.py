"""The corridors page's ranked table: the largest corridors with growth since the base year, and
its caption (the CSV has every corridor)."""

from __future__ import annotations

import math
from typing import Any

from dashboard.views.corridors import TABLE_ROWS, CorridorView


def table_columns(view: CorridorView) -> list[dict[str, Any]]:
    _ = view.locale.gettext
    sample = view.locale.number(1234567.5, 1)
    marks = {"group": sample[1], "decimal": sample[-2]}
    # A corridor missing in the base year (not listed by UN DESA then) says so, not a blank.
    count = {"locale": marks, "specifier": ",.0f", "nully": _("no data")}
    return [
        {"name": "#", "id": "rank", "type": "numeric"},
        {"name": _("Origin"), "id": "origin_name"},
        {"name": _("Destination"), "id": "destination_name"},
        {
            "name": _("Migrants, {year}").format(year=view.year),
            "id": "migrant_stock",
            "type": "numeric",
            "format": count,
        },
        {
            "name": _("Migrants, {year}").format(year=view.state.base),
            "id": "base_stock",
            "type": "numeric",
            "format": count,
        },
        {
            "name": _("Growth since {year} (%)").format(year=view.state.base),
            "id": "growth",
            "type": "numeric",
            "format": {"locale": marks, "specifier": ",.1f", "nully": "–"},
        },
    ]


def table_data(view: CorridorView) -> list[dict[str, Any]]:
    table = view.ranked().head(TABLE_ROWS)
    columns = ["origin_name", "destination_name", "migrant_stock", "base_stock", "growth"]
    return [
        {
            "rank": rank,
            **{
                c: (None if isinstance(v, float) and math.isnan(v) else v)
                for c, v in zip(columns, row, strict=True)
            },
        }
        for rank, row in enumerate(table[columns].itertuples(index=False, name=None), start=1)
    ]


def table_caption(view: CorridorView) -> str:
    """How many corridors the table shows of how many; the prompt, or why there are none."""
    _ = view.locale.gettext
    if view.needs_choice or view.current.empty:
        return " ".join(view.flows_message())
    count, total = len(view.current), view.locale.number(view.total())
    if count <= TABLE_ROWS:
        text = view.locale.ngettext(
            "{count} corridor, {total} migrants.", "{count} corridors, {total} migrants in all.", count
        )
        return text.format(count=view.locale.number(count), total=total)
    return view.locale.ngettext(
        "The {shown} largest of {count} corridor, {total} migrants in all. The CSV has every one.",
        "The {shown} largest of {count} corridors, {total} migrants in all. The CSV has every one.",
        count,
    ).format(shown=TABLE_ROWS, count=view.locale.number(count), total=total)
