"""Every component ID in the app, kebab-case ``<page>-<role>``. Never build IDs elsewhere."""

from __future__ import annotations

import json
from typing import Final

from dash import ALL

URL: Final = "app-url"
NAVBAR: Final = "app-navbar"
FRAME: Final = "app-frame"  # navbar (or bar) and page: the presenter's stage (03-present-stage.js)
PAGE: Final = "app-page"
NOTICE: Final = "app-notice"
LANGUAGE_MENU: Final = "app-language-menu"

APP_SEARCH: Final = "app-search"
APP_ROUTE: Final = "app-route"  # the address to render: set in the browser unless a page wrote it
APP_DRAWN: Final = "app-drawn"  # the query a page was drawn for, when the address bar says other
# The page shell (issue 18): the document's title and language as the view changes, the skip
# link, and the navbar's collapse on narrow screens.
APP_HEAD: Final = "app-head"
APP_SKIP: Final = "app-skip"
NAVBAR_TOGGLER: Final = "app-navbar-toggler"
NAVBAR_COLLAPSE: Final = "app-navbar-collapse"

MAP_GRAPH: Final = "map-graph"
MAP_TITLE: Final = "map-title"
MAP_SUBTITLE: Final = "map-subtitle"
MAP_SOURCE: Final = "map-source"
MAP_INFO: Final = "map-info"
MAP_DEFINITION: Final = "map-definition"
MAP_REGION: Final = "map-region"
MAP_SCALE: Final = "map-scale"
MAP_PLAY: Final = "map-play"
MAP_TIMER: Final = "map-timer"
MAP_YEARS: Final = "map-years"
MAP_QUERY: Final = "map-query"
MAP_PROFILE_KEY: Final = "map-profile-key"
MAP_PROFILE_QUERY: Final = "map-profile-query"  # set only when what the profile shows changes
MAP_ADDRESS: Final = "map-address"  # the address the map wrote, copied into the address bar
MAP_DRAWN: Final = "map-drawn"  # the query the page was drawn for (never updated)
MAP_TABLE_QUERY: Final = "map-table-query"  # the query, passed on only while the table is shown
MAP_TABS: Final = "map-tabs"
MAP_TABLE: Final = "map-table"
MAP_TABLE_BOX: Final = "map-table-box"
MAP_TABLE_READY: Final = "map-table-ready"
MAP_DOWNLOAD: Final = "map-download"
MAP_COUNTRIES: Final = "map-countries"
MAP_PROFILE: Final = "map-profile"
MAP_PROFILE_BOX: Final = "map-profile-box"
MAP_CARDS: Final = "map-cards"
MAP_PROFILE_HINT: Final = "map-profile-hint"
MAP_GROUPS: Final = "map-groups"
MAP_MEMBERS: Final = "map-members"

CORRIDORS_NOTICE: Final = "corridors-notice"
CORRIDORS_STATE: Final = "corridors-state"
CORRIDORS_DIRECTION: Final = "corridors-direction"
CORRIDORS_ORIGINS: Final = "corridors-origins"
CORRIDORS_DESTINATIONS: Final = "corridors-destinations"
CORRIDORS_YEAR: Final = "corridors-year"
CORRIDORS_SEX: Final = "corridors-sex"
CORRIDORS_BASE: Final = "corridors-base"
CORRIDORS_FOCUS: Final = "corridors-focus"
CORRIDORS_SIDE: Final = "corridors-side"
CORRIDORS_SUBTITLE: Final = "corridors-subtitle"
CORRIDORS_FLOWS: Final = "corridors-flows"
CORRIDORS_FOCUS_TITLE: Final = "corridors-focus-title"
CORRIDORS_MAP: Final = "corridors-map"
CORRIDORS_CAPTION: Final = "corridors-caption"
CORRIDORS_DOWNLOAD: Final = "corridors-download"
CORRIDORS_TABLE: Final = "corridors-table"
CORRIDORS_SOURCE: Final = "corridors-source"
CORRIDORS_DIASPORA_HEADING: Final = "corridors-diaspora-heading"
CORRIDORS_DIASPORA: Final = "corridors-diaspora"
CORRIDORS_DIASPORA_TITLE: Final = "corridors-diaspora-title"
CORRIDORS_DIASPORA_TIME: Final = "corridors-diaspora-time"
CORRIDORS_DIASPORA_SOURCE: Final = "corridors-diaspora-source"
CORRIDORS_REMITTANCES: Final = "corridors-remittances"
CORRIDORS_TREND: Final = "corridors-trend"
CORRIDORS_TREND_TITLE: Final = "corridors-trend-title"
CORRIDORS_REMITTANCE_SOURCE: Final = "corridors-remittance-source"
CORRIDORS_NOTES: Final = "corridors-notes"

DIALOGUE_BODY: Final = "dialogue-body"
DIALOGUE_THEMES: Final = "dialogue-themes"
DIALOGUE_YEARS: Final = "dialogue-years"
DIALOGUE_TIMELINE: Final = "dialogue-timeline"
DIALOGUE_DETAIL: Final = "dialogue-detail"
DIALOGUE_NOTICE: Final = "dialogue-notice"
DIALOGUE_COUNTRIES: Final = "dialogue-countries"
DIALOGUE_EVENT: Final = "dialogue-event"  # the timeline's events as a list (keyboard, screen reader)
DIALOGUE_CLAIMS: Final = "dialogue-claims"
PROGRAMMES_BODY: Final = "programmes-body"
PROGRAMMES_FILTER: Final = "programmes-filter"
PROGRAMMES_NOTICE: Final = "programmes-notice"
PROGRAMMES_COMPONENT: Final = "programmes-component"
PROGRAMMES_THEMES: Final = "programmes-themes"
PROGRAMMES_COUNTRIES: Final = "programmes-countries"
PROGRAMMES_MAP: Final = "programmes-map"
PROGRAMMES_MAP_CAPTION: Final = "programmes-map-caption"
PROGRAMMES_REACHED: Final = "programmes-reached"

SOURCES_DATASETS: Final = "sources-datasets"
SOURCES_INDICATORS: Final = "sources-indicators"
SOURCES_DOCUMENTS: Final = "sources-documents"


NAV_LINK: Final = "app-nav-link"
PRESENT_LINK: Final = "app-present-link"
PRESENT_STORY: Final = "app-present-story"
PRESENT_OFFLINE: Final = "app-present-offline"
PRESENT_NOTICE: Final = "present-notice"
PRESENT_BAR: Final = "present-bar"
PRESENT_TITLE: Final = "present-title"
PRESENT_COUNT: Final = "present-count"
PRESENT_PREVIOUS: Final = "present-previous"
PRESENT_NEXT: Final = "present-next"
PRESENT_EXIT: Final = "present-exit"
PRESENT_STATUS: Final = "present-status"
PRESENT_SAVED_NOTE: Final = "present-saved-note"
LANGUAGE_LINK: Final = "app-language-link"


def claim_card(claim: str) -> str:
    """ID of the card of one claim on the dialogue page."""
    return "dialogue-claim-" + claim.replace("_", "-")


def nav_link(page: str) -> dict[str, str]:
    """ID of the navbar link to ``page`` (pattern-matching: one callback keeps them all current)."""
    return {"type": NAV_LINK, "page": page}


def language_link(code: str) -> dict[str, str]:
    """ID of the language switch link for ``code``."""
    return {"type": LANGUAGE_LINK, "lang": code}


def nav_link_all() -> dict[str, object]:
    """Every navbar page link (for a callback that updates them together)."""
    return {"type": NAV_LINK, "page": ALL}


def present_link() -> dict[str, str]:
    """ID of the navbar link that presents the current view (it follows the address bar)."""
    return {"type": PRESENT_LINK, "kind": "view"}


def present_link_all() -> dict[str, object]:
    return {"type": PRESENT_LINK, "kind": ALL}


def language_link_all() -> dict[str, object]:
    """Every language link."""
    return {"type": LANGUAGE_LINK, "lang": ALL}


def selector(component_id: str | dict[str, str]) -> str:
    """CSS selector of a component ID as Dash writes it in the page (dict IDs as sorted JSON)."""
    if isinstance(component_id, str):
        return f"#{component_id}"
    text = json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return "[id='" + text + "']"


def all_static_ids() -> list[str]:
    """Every constant ID above (for the uniqueness test)."""
    return [value for name, value in globals().items() if name.isupper() and isinstance(value, str)]


MAP_INDICATOR: Final = "map-indicator"
MAP_YEAR: Final = "map-year"


# -- exports and embeds -------------------------------------------------------------------

EMBED_TITLE: Final = "embed-title"
EMBED_SUBTITLE: Final = "embed-subtitle"
EMBED_GRAPH: Final = "embed-graph"
EMBED_SOURCE: Final = "embed-source"
# The charts with an export bar: ``<page>`` or ``<page>-<chart>``.
EXPORT_BARS: Final = (
    "map",
    "map-profile",
    "corridors-flows",
    "corridors-map",
    "corridors-trend",
    "corridors-diaspora",
    "corridors-remittances",
    "dialogue-timeline",
    "programmes-map",
)
EXPORT_ROLES: Final = (
    "bar",
    "png",
    "svg",
    "csv",
    "xlsx",
    "embed",
    "add",
    "copy-link",
    "copy-embed",
    "copied",
    "snippet",
)


def export_control(bar: str, role: str) -> str:
    """ID of one control of a chart's export bar, e.g. ``map-export-png``."""
    return f"{bar}-export-{role}"


# -- briefing pack --------------------------------------------------------------------------

BRIEFING_BASKET: Final = "briefing-basket"
BRIEFING_ADD: Final = "briefing-add"
BRIEFING_OPEN: Final = "briefing-open"
BRIEFING_COUNT: Final = "briefing-count"
BRIEFING_PANEL: Final = "briefing-panel"
BRIEFING_LIST: Final = "briefing-list"
BRIEFING_DOWNLOAD: Final = "briefing-download"
BRIEFING_PDF: Final = "briefing-pdf"
BRIEFING_OFFLINE: Final = "briefing-offline"
BRIEFING_TITLE: Final = "briefing-title"
BRIEFING_FORM: Final = "briefing-form"
BRIEFING_STATUS: Final = "briefing-status"
BRIEFING_CLEAR: Final = "briefing-clear"
BRIEFING_PRESENT: Final = "briefing-present"
BRIEFING_REMOVE: Final = "briefing-remove"


def briefing_remove(index: int) -> dict[str, object]:
    """ID of the "remove" button of the basket's ``index``-th view."""
    return {"type": BRIEFING_REMOVE, "index": index}


def briefing_remove_all() -> dict[str, object]:
    return {"type": BRIEFING_REMOVE, "index": ALL}


NOT_FOUND = "page-not-found"
