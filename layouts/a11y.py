"""What keyboard and screen-reader users need from the widgets Dash draws (issue 18), in one place:
the dropdowns' own words in the reader's language, no "Select all" where a limit applies, the
names of sliders' thumbs, and boxes that scroll in the Tab order. ``assets/04-keyboard.js``
applies the names and the keyboard rules in the browser (the components have no props for them)."""

from __future__ import annotations

import json
from typing import Any

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.locale import Locale
from layouts import ids

# Multi-value pickers whose URL keeps only the first few values (dashboard.urls: six countries or
# groups, forty corridor codes): "Select all" would silently keep the first ones, so it is hidden
# (assets/02-puentes.css ``.no-select-all``).
LIMITED = frozenset(
    {
        ids.MAP_COUNTRIES,
        ids.MAP_GROUPS,
        ids.DIALOGUE_COUNTRIES,
        ids.PROGRAMMES_COUNTRIES,
        ids.CORRIDORS_ORIGINS,
        ids.CORRIDORS_DESTINATIONS,
    }
)
NO_SELECT_ALL = "no-select-all"
YEAR_STEPS = "year-steps"  # a year slider whose arrow keys step through data years (04-keyboard.js)


def dropdown_labels(locale: Locale) -> dict[str, str]:
    """dcc.Dropdown's built-in words ("Select All", "2 selected", "Search"…) in the reader's language."""
    _ = locale.gettext
    return {
        "select_all": _("Select all"),
        "deselect_all": _("Deselect all"),
        # Shown only for two values or more; the component puts the number in {num_selected}.
        "selected_count": _("{num_selected} selected"),
        "search": _("Search"),
        "clear_search": _("Clear search"),
        "clear_selection": _("Clear selection"),
        "no_options_found": _("No options found"),
    }


def dropdowns(body: Component, locale: Locale) -> Component:
    """Every dropdown of a page body with its words translated, and no "Select all" on a limited
    picker (the page's own layouts need not each remember it)."""
    labels = dropdown_labels(locale)
    for element in body._traverse():  # Dash's own walk over the tree
        if isinstance(element, dcc.Dropdown):
            element.labels = labels  # type: ignore[attr-defined]  # Dash sets props dynamically
            if getattr(element, "id", None) in LIMITED:
                classes = getattr(element, "className", None) or ""
                element.className = f"{classes} {NO_SELECT_ALL}".strip()  # type: ignore[attr-defined]
    return body


def thumbs(*names: str, years_store: str | None = None) -> dict[str, Any]:
    """Attributes for a slider's wrapper naming its thumbs in order (one name per thumb) and, for a
    year slider with a step, the dcc.Store whose list of years its arrow keys step through."""
    attributes: dict[str, Any] = {"data-thumbs": json.dumps(list(names), ensure_ascii=False)}
    if years_store is not None:
        attributes["data-years-store"] = years_store
    return attributes


def named(name: str) -> dict[str, Any]:
    """The ``aria-label`` attribute (for a region or a control with no visible label)."""
    return {"aria-label": name}


def scroll_box(content: Any, name: str, **attributes: Any) -> html.Div:
    """A box that scrolls its ``content`` (a table wider than a phone, a long list): in the Tab
    order, so that arrow keys scroll it, and a named region, so that a screen reader says what it
    holds. ``attributes``: the box's own (``id``, ``className``, ``style``)."""
    classes = attributes.pop("className", "table-responsive")
    return html.Div(content, tabIndex=0, role="region", className=classes, **named(name), **attributes)
