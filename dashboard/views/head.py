"""What a page's document says about its view before any script runs: the language (``<html
lang dir>``), the title of the browser's tab and bookmark, and what a link pasted into a chat or
an e-mail previews (description, the address, and the view's own PNG export as the image).

One function for the index page the server sends (server/first_paint.py) and for the title the
browser shows as the view changes (callbacks/head.py). Pure: an address in, texts out; the
texts are the charts' own captions (the words their exports and embeds carry), built without
drawing the charts.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import stories, urls
from dashboard.locale import Locale
from dashboard.urls import presenter as presenter_urls
from dashboard.urls.pages import parse_shared
from dashboard.views import charts, exports
from dashboard.views import corridors as corridor_view
from dashboard.views import map as map_view
from dashboard.vocabulary import vocabulary

SITE = "Puentes"  # the brand: the same in every language
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})  # none of the app's languages, for a fifth
LOCALE_TAGS = {"en": "en_GB", "es": "es_ES", "pt": "pt_PT", "fr": "fr_FR"}  # og:locale
DESCRIPTION_CHARS = 300  # a preview shows about 200; search engines cut at about 160


@dataclass(frozen=True)
class Head:
    """The document's language, title and preview for one address."""

    lang: str
    title: str  # the whole title: "<the view> — Puentes"
    description: str
    image: str  # the view's PNG export, a root-relative address ("/export/map.png?...")

    @property
    def direction(self) -> str:
        """``dir`` of the page's language."""
        return "rtl" if self.lang in RIGHT_TO_LEFT else "ltr"

    @property
    def locale_tag(self) -> str:
        return LOCALE_TAGS.get(self.lang, self.lang)


def whole_title(view: str) -> str:
    """The tab's title: the view, then the site's name (the site alone when there is no view)."""
    return f"{view} — {SITE}" if view else SITE


def site_description(locale: Locale) -> str:
    _ = locale.gettext
    return _(
        "Migration between the EU and CELAC in maps and charts: migrants, corridors, "
        "the dialogue's timeline and the programmes' results, with every source."
    )


def head(pathname: str | None, search: str | None) -> Head:
    """The head of the page at ``pathname`` + ``search`` (as the address bar has them; the
    query with or without ``?``). Never raises: a bad query gives the defaults' view, as the
    page itself shows."""
    path, query = pathname or "/", (search or "").removeprefix("?")
    locale = Locale.of(parse_shared(query, vocabulary()).state.lang)
    _ = locale.gettext
    embedded = urls.embedded_page(path)
    if embedded is not None:
        title, description = view_texts(charts.read(embedded, query), locale)
        return Head(locale.lang, whole_title(title), description, image(embedded, query))
    shown = presenter_urls.parse(query, stories.stories())
    story = stories.stories().get(shown.presenter.story or "") if shown.presenter.active else None
    if story is not None:  # a story's step shows the step's own view under the step's title
        step = story.steps[shown.presenter.step - 1]
        path, query = urls.split(presenter_urls.step_href(story, shown.presenter.step, locale.lang))
        query = query.removeprefix("?")
        return Head(
            locale.lang,
            whole_title(step.title[locale.lang]),
            clipped(f"{story.title[locale.lang]}: {step.note[locale.lang]}"),
            image(urls.page_key(path) or "map", query),
        )
    key = urls.page_key(path)
    if key is None:
        title = whole_title(_("Page not found"))
        return Head(locale.lang, title, site_description(locale), image("map", query))
    if key not in urls.CHARTS:  # the sources: no chart of its own; the preview shows the map
        description = _(
            "Where every number in Puentes comes from: each dataset's edition, licence and method."
        )
        return Head(locale.lang, whole_title(_("Sources")), description, image("map", query))
    title, description = view_texts(charts.read(key, query), locale)
    return Head(locale.lang, whole_title(title), description, image(key, query))


def view_texts(shown: charts.ChartState, locale: Locale) -> tuple[str, str]:
    """A chart's title with its year (or years), and a description of what it shows."""
    _ = locale.gettext
    if shown.page == "map":
        view = map_view.build(shown.shared)
        return f"{view.title}, {view.year}", clipped(view.definition)
    if shown.page == "corridors":
        corridors = corridor_view.build(shown.shared, shown.corridors)
        # The captions' own words (views/exports.py, chart_exports.py), without their figures.
        titles = {
            "map": corridors.focus_title(),
            "trend": _("Corridors over time"),
            "diaspora": _("Where each CELAC diaspora lives, {year}").format(year=corridors.year),
            "remittances": _("Remittances sent back along these corridors (2021 model estimates)"),
        }
        title = titles.get(shown.name, f"{_('Migration corridors')}, {corridors.year}")
        return title, clipped(corridors.subtitle())
    if shown.page == "dialogue":
        # The caption alone: the timeline's figure is not needed for its words.
        caption = exports.dialogue_chart({}, locale, shown.dialogue, shown.shared.countries).caption
        span = f"{shown.dialogue.start}–{shown.dialogue.end}"
        return f"{caption.title}, {span}", clipped(caption.subtitle)
    return _("Where the programmes worked"), _(
        "The countries the EU–CELAC migration programmes name, with their components and results."
    )


def image(page: str, query: str) -> str:
    """The view's own PNG export (its ``chart=`` kept), root-relative."""
    return urls.export(page, "png", query)


def clipped(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:·") + "…"
