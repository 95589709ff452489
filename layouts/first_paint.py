"""The page's frame in the index HTML, shown while the scripts load on a slow network: the navbar
(brand, the pages, the languages: the same links the real navbar has), the page's title and a
placeholder as tall as the page's chart — or, in presenter mode, a bar like the presenter's.

Plain HTML (Dash renders components only in the browser), styled by ``first_paint.css``, which
the index page inlines in its head so that the frame paints before any stylesheet arrives.
assets/00-frame.js removes the frame once Dash has drawn the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from dashboard import stories, urls
from dashboard.figures.corridors import FLOWS_HEIGHT
from dashboard.figures.maps import HEIGHT as MAP_HEIGHT
from dashboard.figures.programmes import HEIGHT as PROGRAMMES_HEIGHT
from dashboard.i18n import LANGUAGES
from dashboard.locale import Locale
from dashboard.urls import offline as offline_urls
from dashboard.urls import presenter as presenter_urls
from dashboard.urls.chrome import navbar_links
from dashboard.urls.pages import page_query, parse_shared
from dashboard.vocabulary import vocabulary
from layouts.common import PAGE_PATHS, navbar_labels, page_titles

FRAME_ID = "first-paint"
FRAME_MAIN = "first-paint-main"  # where the frame's skip link goes (the page's is ids.PAGE)
STYLESHEET = Path(__file__).with_name("first_paint.css")
COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)
DIALOGUE_HEIGHT = 592  # the timeline with every lane (its steady height), measured


@dataclass(frozen=True)
class Placeholder:
    """Heights (px) of what comes between the title and the chart (controls, tabs) and of the chart."""

    controls: int
    chart: int


# The controls' heights are measured at 1280 px wide; the charts' are the figures' own.
PLACEHOLDERS = {
    "map": Placeholder(controls=228, chart=MAP_HEIGHT),
    "corridors": Placeholder(controls=370, chart=FLOWS_HEIGHT),
    "dialogue": Placeholder(controls=161, chart=DIALOGUE_HEIGHT),
    "programmes": Placeholder(controls=175, chart=PROGRAMMES_HEIGHT),
    "sources": Placeholder(controls=0, chart=0),
}


@dataclass(frozen=True)
class Frame:
    """What the index page of one address carries: the frame's HTML, and which page it is."""

    html: Markup
    page: str | None  # the page key; None for an unknown path or an embed


@cache
def stylesheet() -> str:
    """The frame's CSS (inlined in the index page's head), without its comments."""
    return COMMENT.sub("", STYLESHEET.read_text(encoding="utf-8")).strip()


def frame(pathname: str, search: str) -> Frame:
    """The frame for an address (path without the app's prefix, query string with or without ``?``).
    Never raises: a bad query gives the defaults' frame, as the page itself does."""
    parsed = parse_shared(search, vocabulary())
    state = parsed.state
    locale = Locale.of(state.lang)
    if urls.embedded_page(pathname) is not None:  # a chart in someone else's page: no navbar
        return Frame(Markup(f'<div id="{FRAME_ID}" class="fp fp-embed"></div>'), None)
    key = urls.page_key(pathname)
    shown = presenter_urls.parse(search, stories.stories())
    if shown.presenter.active:
        top = presenter_bar(shown.presenter, locale)
        body = page_body(None, locale, presenting=True)
    else:
        top = navbar(key, search, locale)
        body = page_body(key, locale, presenting=False)
    _ = locale.gettext
    # The skip link first, as on the page (none on the projector: the presenter's bar has no
    # links to skip).
    skip = (
        ""
        if shown.presenter.active
        else f'<a class="fp-skip" href="#{FRAME_MAIN}">{escape(_("Skip to content"))}</a>'
    )
    html = Markup(
        f'<div id="{FRAME_ID}" class="fp" aria-busy="true"><header>{skip}{top}</header>{body}</div>'
    )
    return Frame(html, key)


def navbar(key: str | None, search: str, locale: Locale) -> Markup:
    """Brand, the five pages and the four languages, as plain links to the same addresses; below
    1200 px, the brand and the shape of the menu button (layouts/common.py NAVBAR_EXPAND)."""
    _ = locale.gettext
    state = parse_shared(search, vocabulary()).state
    page = key or ""
    if key in ("corridors", "dialogue", "programmes"):
        built = navbar_links(page, PAGE_PATHS, state, lambda s: page_query(page, s, search, vocabulary()))
    else:
        built = navbar_links(page, PAGE_PATHS, state)
    titles = navbar_labels(locale)
    pages = "".join(
        f'<a class="fp-link{" fp-active" if p == key else ""}" href="{escape(built.pages[p])}">'
        f"{escape(titles[p])}</a>"
        for p in PAGE_PATHS
    )
    languages = "".join(
        f'<a class="fp-lang{" fp-active" if code == locale.lang else ""}" '
        f'href="{escape(built.languages[code])}">{code.upper()}</a>'
        for code in LANGUAGES
    )
    story = stories.stories()[stories.DEFAULT_STORY]
    # The same entries as the real navbar (layouts/presenter.start_links, briefing.navbar_button),
    # so that the bar wraps onto two lines where the real one does.
    menu = (
        f'<a class="fp-button" href="{escape(built.present)}">▶ {escape(_("Present"))}</a>'
        f'<a class="fp-button" href="{escape(presenter_urls.step_href(story, 1, locale.lang))}">'
        f"{escape(_('Story'))}</a>"
        f'<a class="fp-button" href="{escape(offline_urls.story_file(story.id, locale.lang))}">'
        f"{escape(_('Download for offline'))}</a>"
    )
    return Markup(
        '<nav class="fp-bar">'
        f'<a class="fp-brand" href="{escape(built.pages["map"])}">Puentes'
        f'<span class="fp-tag">{escape(_("EU–CELAC migration indicators"))}</span></a>'
        f'<span class="fp-links">{pages}</span><span class="fp-menu">{menu}</span>'
        f'<span class="fp-button fp-briefing">{escape(_("Briefing"))} <b class="fp-badge">0</b></span>'
        f'<span class="fp-langs">{languages}</span>'
        # The menu button's place; it works once the page is drawn (ids.NAVBAR_TOGGLER).
        '<span class="fp-toggler" aria-hidden="true"></span></nav>'
    )


def presenter_bar(presenter: presenter_urls.Presenter, locale: Locale) -> Markup:
    """A dark bar like the presenter's: the story, the step's title and note, and n / N."""
    _ = locale.gettext
    story = stories.stories().get(presenter.story or "")
    if story is None:
        heading = f'<div class="fp-story">{escape(_("Presenting this view"))}</div>'
        count = ""
    else:
        step = story.steps[presenter.step - 1]
        heading = (
            f'<div class="fp-story">{escape(story.title[locale.lang])}</div>'
            f'<h2 class="fp-present-title">{escape(step.title[locale.lang])}</h2>'
            f'<p class="fp-note">{escape(step.note[locale.lang])}</p>'
        )
        count = f'<span class="fp-count">{presenter.step} / {len(story.steps)}</span>'
    return Markup(f'<div class="fp-present"><div>{heading}</div>{count}</div>')


def page_body(key: str | None, locale: Locale, *, presenting: bool) -> Markup:
    """The page's title and grey boxes where its controls and chart will be."""
    if presenting:  # no controls on the projector; the chart fills the screen (.fp-presenting)
        return Markup(
            f'<main id="{FRAME_MAIN}" class="fp-page fp-presenting"><div class="fp-chart"></div></main>'
        )
    titles = page_titles(locale)
    title = titles[key] if key is not None else ""
    shape = PLACEHOLDERS.get(key or "", Placeholder(controls=0, chart=0))
    boxes = "".join(
        f'<div class="{name}" style="height:{height}px"></div>'
        for name, height in (("fp-controls", shape.controls), ("fp-chart", shape.chart))
        if height
    )
    return Markup(
        f'<main id="{FRAME_MAIN}" class="fp-page"><h1 class="fp-title">{escape(title)}</h1>{boxes}</main>'
    )
