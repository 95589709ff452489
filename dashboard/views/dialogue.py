"""Everything the dialogue page shows for one state: the events its filters keep, the timeline
figure, the filters' choices, and one event's card (words, badges, sources, links' states)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from dashboard import datasets, dialogue, timeline, transforms
from dashboard.locale import Locale
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.shared import FilterState

SPAN = (timeline.FIRST_YEAR, timeline.LAST_YEAR)


@dataclass(frozen=True)
class TimelineEvents:
    """The timeline's events as records (in date order), each one's start year and the countries
    it concerns, and the lanes they fill: made once per data version, filtered per request."""

    rows: tuple[dict[str, Any], ...]
    years: tuple[int, ...]
    places: tuple[frozenset[str], ...]
    kinds: frozenset[str]


@datasets.derived(maxsize=1)
def timeline_events() -> TimelineEvents:
    """:class:`TimelineEvents` of the loaded data (what :func:`timeline.select` reads, once)."""
    rows = tuple(timeline.records(timeline.select(dialogue.events())))
    members = dialogue.group_members(datasets.groups())
    return TimelineEvents(
        rows,
        tuple(int(r["date"].year) for r in rows),
        tuple(
            frozenset(dialogue.places(r["countries"], r["groups"], members, r["country"], r["presidency"]))
            for r in rows
        ),
        frozenset(r["kind"] for r in rows),
    )


@datasets.derived(maxsize=8)
def timeline_points(locale: Locale) -> dict[str, list[str]]:
    """Each timeline event's hover (:func:`timeline.point`) in ``locale``, by id."""
    return {r["id"]: timeline.point(r, locale) for r in timeline_events().rows}


def events(state: FilterState, page: DialogueState) -> list[dict[str, Any]]:
    """The events the timeline shows for the filters, as records (the rules of
    :func:`timeline.select`, applied to the events prepared once)."""
    found = timeline_events()
    wanted, chosen = set(page.themes), set(state.countries)
    return [
        row
        for row, year, places in zip(found.rows, found.years, found.places, strict=True)
        if page.start <= year <= page.end
        and (not wanted or not wanted.isdisjoint(row["themes"]))
        and (not chosen or not chosen.isdisjoint(places))
    ]


def timeline_figure(state: FilterState, page: DialogueState, locale: Locale) -> dict[str, Any]:
    """The timeline for the filters, with every lane of the unfiltered timeline (a steady height)."""
    kinds = timeline_events().kinds
    points = timeline_points(locale)
    return timeline.figure(events(state, page), dialogue.themes(), locale, kinds, points)


def event_options(state: FilterState, page: DialogueState, locale: Locale) -> list[dict[str, str]]:
    """The events the timeline shows, in date order, as choices ("date — title"): the timeline's
    markers for a keyboard or a screen reader."""
    rows = sorted(events(state, page), key=lambda row: row["date"])  # stable: the file's order
    return [
        {"label": f"{timeline.date_label(row, locale)} — {dialogue.text(row, locale)}", "value": row["id"]}
        for row in rows
    ]


def theme_options(locale: Locale) -> list[dict[str, str]]:
    """Every theme as a dropdown option, labelled in ``locale``."""
    themes = dialogue.themes()
    return [
        {"label": label, "value": i}
        for i, label in zip(themes["id"], themes[f"label_{locale.lang}"], strict=True)
    ]


def place_options(codes: set[str] | frozenset[str], locale: Locale) -> list[dict[str, str]]:
    """The 60 members and ``codes`` as dropdown options, by name in the reader's language."""
    return list(_place_options(frozenset(codes), locale))


@datasets.derived(maxsize=64)
def _place_options(codes: frozenset[str], locale: Locale) -> tuple[dict[str, str], ...]:
    table = datasets.countries()
    extra = sorted(c for c in codes if c in table.index and table.loc[c, "bloc"] not in ("CELAC", "EU27"))
    names = transforms.country_names(table, extra, locale)
    options = transforms.country_options(table, locale) + [
        {"label": n, "value": c} for c, n in zip(extra, names, strict=True)
    ]
    return tuple(sorted(options, key=lambda o: o["label"]))


@datasets.derived(maxsize=1)
def event_places() -> frozenset[str]:
    """Every country an event on the timeline concerns (the country filter's choices)."""
    return frozenset().union(*timeline_events().places)


def nearest_year(years: Sequence[int], year: int) -> int | None:
    """The year of ``years`` closest to ``year`` (the earlier of two as close), None without years:
    2009 -> 2010 and 2012 -> 2010 among UN DESA's 2005, 2010, 2015 (not the previous one, 2005)."""
    return min(years, key=lambda y: (abs(y - year), y)) if years else None


def year_for(state: FilterState, year: int) -> FilterState:
    """The shared state at the indicator's year with data nearest to ``year``."""
    years = transforms.years_by_indicator(datasets.catalogue()).get(state.indicator, ())
    return replace(state, year=nearest_year(list(years), year))


def link_label(page: str, shown: int | None, year: int, locale: Locale) -> str:
    """A link's words name the year it opens: "Map in 2010", or "Map in 2010 (nearest year with data
    to 2009)" when the event's year has no data."""
    _ = locale.gettext
    if shown is None:
        return _("Map") if page == "map" else _("Corridors")
    if shown == year:
        return (_("Map in {year}") if page == "map" else _("Corridors in {year}")).format(year=shown)
    words = (
        _("Map in {shown} (nearest year with data to {year})")
        if page == "map"
        else _("Corridors in {shown} (nearest year with data to {year})")
    )
    return words.format(shown=shown, year=year)


@dataclass(frozen=True)
class DialogueView:
    """The page for one state: the timeline figure and the filters' choices."""

    state: FilterState
    page: DialogueState
    figure: dict[str, Any]
    theme_options: list[dict[str, str]]
    place_options: list[dict[str, str]]
    locale: Locale


def build(state: FilterState, page: DialogueState) -> DialogueView:
    locale = Locale.of(state.lang)
    return DialogueView(
        state,
        page,
        timeline_figure(state, page, locale),
        theme_options(locale),
        place_options(event_places() | set(state.countries), locale),
        locale,
    )


@dataclass(frozen=True)
class EventSource:
    title: str  # the document's title in the reader's language
    file: str  # the seed file, shown as a detail
    evidence: str  # the quoted words, joined
    note: str


@dataclass(frozen=True)
class EventView:
    """One event's card: what happened, when and where, its themes, sources and the year's links."""

    title: str
    facts: str
    themes: tuple[tuple[str, str], ...]  # (label, colour)
    summary: str
    warning: str | None
    sources: tuple[EventSource, ...]
    year: int  # the event's (start) year
    map_state: FilterState  # at the indicator's year with data nearest to ``year``
    corridors_state: FilterState  # at the corridor year nearest to ``year``
    map_label: str  # names the year the link opens
    corridors_label: str


def event(event_id: str | None, state: FilterState, locale: Locale) -> EventView | None:
    """The card of ``event_id``; None when no event has that id."""
    _ = locale.gettext
    table = dialogue.events().set_index("id", drop=False)
    if event_id not in table.index:
        return None
    row: dict[str, Any] = {str(k): v for k, v in table.loc[event_id].to_dict().items()}
    themes = dialogue.themes().set_index("id")
    year = int(row["date"].year)
    map_state = year_for(state, year)
    corridors_year = nearest_year(list(datasets.corridor_years()), year)
    names = datasets.countries()
    country = transforms.country_names(names, [row["country"]], locale)[0] if row["country"] else ""
    place = ", ".join(p for p in (dialogue.text(row, locale, "city"), country) if p)
    facts = [timeline.date_label(row, locale)] + ([place] if place else [])
    if row["presidency"]:
        presidency = transforms.country_names(names, [row["presidency"]], locale)[0]
        facts.append(_("EU presidency: {country}").format(country=presidency))
    note = dialogue.text(row, locale, "note")
    warning = (note or _("The sources disagree on this event.")) if row["disputed"] or note else None
    return EventView(
        title=dialogue.text(row, locale),
        facts=" · ".join(facts),
        themes=tuple(
            (str(themes.loc[t, f"label_{locale.lang}"]), str(themes.loc[t, "colour"])) for t in row["themes"]
        ),
        summary=dialogue.text(row, locale, "summary"),
        warning=warning,
        sources=tuple(
            EventSource(
                dialogue.document_title(s["file"], locale),
                s["file"],
                "; ".join(f"“{e}”" for e in s["evidence"]),
                dialogue.text(s["note"], locale),
            )
            for s in row["sources"]
        ),
        year=year,
        map_state=map_state,
        corridors_state=replace(state, year=corridors_year),
        map_label=link_label("map", map_state.year, year, locale),
        corridors_label=link_label("corridors", corridors_year, year, locale),
    )
