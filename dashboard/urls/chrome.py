"""The links the page's chrome shows for the current address: navbar pages, language switch,
"present this view", each export bar's files and the briefing basket's previous / next steps.

Built here, in Python, with the functions that build them at first paint, so the browser only
copies strings (no JavaScript twin of the URL rules to keep in step)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES
from dashboard.urls import links as urls
from dashboard.urls import presenter
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as to_query

PageQuery = Callable[[FilterState], str]


@dataclass(frozen=True)
class NavbarLinks:
    """The navbar's links for one view: each page keeps the shared filters, each language link
    the whole view, and "Present" the view in presenter mode; ``view`` is the view itself in no
    language (what the briefing basket keeps)."""

    pages: dict[str, str]
    languages: dict[str, str]
    present: str
    view: str


def page_href(page: str, state: FilterState) -> str:
    """Link to ``page`` keeping the shared filters (what the navbar's page links point to)."""
    return f"/{page}{to_query(state)}"


def navbar_links(
    page: str, pages: Sequence[str], state: FilterState, page_query: PageQuery = to_query
) -> NavbarLinks:
    """The navbar's links on ``page`` (``""`` for an unknown path) for ``state``; ``page_query``
    gives the page's own query for a state (the shared filters and the page's parameters)."""
    return NavbarLinks(
        pages={p: page_href(p, state) for p in pages},
        languages={code: f"/{page}{page_query(replace(state, lang=code))}" for code in LANGUAGES},
        present=f"/{page}" + presenter.with_presenter(page_query(state)),
        view=f"/{page}{page_query(replace(state, lang=DEFAULT_LANGUAGE))}",
    )


@dataclass(frozen=True)
class ExportLinks:
    """An export bar's links: the chart as PNG and SVG, its embed, its table as CSV and XLSX,
    and the view the basket keeps for it ("Add to briefing": the page's link with ``chart=``)."""

    png: str
    svg: str
    embed: str
    csv: str
    xlsx: str


def export_links(page: str, chart: str | None, search: str) -> ExportLinks:
    """The links of the export bar of ``page``'s ``chart`` for the address bar's query."""
    query = search if search.startswith("?") or not search else "?" + search
    return ExportLinks(
        png=urls.export(page, "png", query, chart),
        svg=urls.export(page, "svg", query, chart),
        embed=urls.embed(page, query, chart),
        csv=urls.download(page, "csv", query, chart),
        xlsx=urls.download(page, "xlsx", query, chart),
    )


@dataclass(frozen=True)
class BasketSteps:
    """Presenting the briefing basket: the links to the views before and after this one (None at
    either end) and the "step / count" text."""

    previous: str | None
    next: str | None
    count: str


def basket_steps(views: Sequence[tuple[str, str]], step: int, lang: str) -> BasketSteps:
    """The basket's step links around ``step`` (1-based) of ``views`` ((path, query) pairs)."""
    shown = list(views)
    before = presenter.basket_step_href(shown, step - 1, lang) if 1 < step <= len(shown) + 1 else None
    after = presenter.basket_step_href(shown, step + 1, lang) if step < len(shown) else None
    return BasketSteps(previous=before, next=after, count=f"{step} / {len(shown)}")
