"""What the time-series charts show: the map page's profile as a table (every year of the
indicator for the chosen countries, their blocs and the chosen groups), and the corridors over
time (the ``trend`` chart: figure, words and table). Every table carries unit, flags and source."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard import datasets, profiles, readings, series, tables
from dashboard.figures import corridor_trend
from dashboard.figures import corridors as corridor_figures
from dashboard.views import corridor_words as words
from dashboard.views.corridors import CorridorView, names
from dashboard.views.map import MapView, profile_series

# The trend chart draws at most this many corridors (the largest in the chosen year) and says so.
TREND_LINES = 8
PROFILE_COLUMNS = [
    "code",
    "name",
    "is_group",
    "indicator",
    "indicator_label",
    "year",
    "value",
    "unit",
    "flag",
    "published",
    "no_data_reason",
    "n_reporting",
    "n_members",
    "members",
]
SOURCE_COLUMNS = tables.SOURCE_COLUMNS
TREND_COLUMNS = [
    "origin",
    "origin_name",
    "destination",
    "destination_name",
    "year",
    "sex",
    "migrant_stock",
    "unit",
    "on_chart",
    "source",
    "edition",
    "licence",
]


def profile_table(view: MapView) -> pd.DataFrame:
    """The profile as a table: one row per line of the chart and year, with the reading
    (``value`` empty where there is no data, ``no_data_reason`` saying why), the number as
    published and its flag, a group's coverage and members, unit and sources."""
    spec, locale = view.spec, view.locale
    shown = profiles.lines(
        profile_series(),
        datasets.countries(),
        datasets.groups(),
        spec,
        view.state.countries,
        locale,
        view.state.groups,
    )
    values = datasets.indicator_values()
    published = values.loc[values["indicator"] == spec.id, ["iso3", "year", "published"]]
    rows = series.indicator_series(profile_series(), spec.id, [line.code for line in shown], published)
    about = {line.code: line for line in shown}
    gaps = readings.gaps(spec, locale)
    sources = datasets.sources()
    denominator = sources.get(spec.denominator_source) if spec.denominator_source else None
    out = rows.assign(
        name=rows["code"].map(lambda code: about[code].name),
        is_group=rows["code"].map(lambda code: about[code].is_aggregate),
        members=rows["code"].map(
            lambda code: " ".join(_member_codes(code)) if about[code].is_aggregate else ""
        ),
        indicator=spec.id,
        indicator_label=spec.text("label", locale),
        unit=spec.unit,
        no_data_reason=[
            readings.why_no_data(flag, gaps, locale) if pd.isna(value) else ""
            for value, flag in zip(rows["value"], rows["flag"], strict=True)
        ],
        **tables.source_columns(spec, sources[spec.source], denominator, locale),
    )
    for column in ("n_reporting", "n_members"):
        out[column] = pd.array([None if pd.isna(v) else int(v) for v in out[column]], dtype="Int64")
    return out[PROFILE_COLUMNS + SOURCE_COLUMNS].reset_index(drop=True)


def _member_codes(code: str) -> list[str]:
    groups = datasets.groups()
    return str(groups.loc[code, "members"]).split() if code in groups.index else []


def over_time(view: CorridorView) -> pd.DataFrame:
    """The chosen corridors in every year, for the chosen sex."""
    frame = datasets.corridors_by_sex()[view.state.sex]
    return series.corridors_over_time(frame, view.origins, view.destinations)


def trend_title(view: CorridorView) -> str:
    """The trend panel's title: the choice, the sex and the span of years."""
    if view.needs_choice:
        return words.prompt(view.locale)
    _ = view.locale.gettext
    years = datasets.corridor_years()
    return _("{direction} · migrants (people), {start}–{end}, {sex}").format(
        direction=view.direction_label(words.MAX_LISTED), start=years[0], end=years[-1], sex=view.sex_label()
    )


def trend_figure(view: CorridorView) -> dict[str, Any]:
    """One line per corridor, the largest :data:`TREND_LINES` in the chosen year (said when there are
    more); the prompt or why there is nothing instead of empty axes."""
    locale = view.locale
    if view.needs_choice:
        return corridor_figures.message([words.prompt(locale)], locale, corridor_trend.HEIGHT)
    rows = over_time(view)
    recorded = rows[rows["migrant_stock"] > 0]
    if recorded.empty:
        shown = words.no_migrants(view.direction_label(), view.year, view.sex_label(), locale)
        return corridor_figures.message(shown, locale, corridor_trend.HEIGHT)
    pairs = drawn(view, rows)
    count = len(recorded[["origin", "destination"]].drop_duplicates())
    note = ""
    if count > len(pairs):
        note = locale.ngettext(
            "The {shown} largest of {count} corridor in {year}; the CSV has them all.",
            "The {shown} largest of {count} corridors in {year}; the CSV has them all.",
            count,
        ).format(shown=len(pairs), count=locale.number(count), year=view.year)
    years = datasets.corridor_years()
    lines = series.lines(rows, pairs, years)
    return corridor_trend.trend_lines(lines, years, names(locale), locale, note)


def drawn(view: CorridorView, rows: pd.DataFrame) -> list[tuple[str, str]]:
    """The corridors the trend chart draws: the largest in the chosen year or, if none has
    migrants then, in the latest year that has some."""
    pairs = series.largest_corridors(rows, view.year, TREND_LINES)
    recorded = rows[rows["migrant_stock"] > 0]
    if pairs or recorded.empty:
        return pairs
    return series.largest_corridors(rows, int(recorded["year"].max()), TREND_LINES)


def trend_table(view: CorridorView) -> pd.DataFrame:
    """Every chosen corridor in every year (names in the reader's language), with ``on_chart``
    for the lines the chart draws, unit and source."""
    rows = over_time(view)
    shown = set(drawn(view, rows))
    lookup = names(view.locale)
    source = datasets.sources()["undesa_ims2024"]
    out = rows.assign(
        origin_name=rows["origin"].map(lookup),
        destination_name=rows["destination"].map(lookup),
        sex=view.state.sex,
        unit="people",
        on_chart=[(o, d) in shown for o, d in zip(rows["origin"], rows["destination"], strict=True)],
        source=source["name"],
        edition=datasets.source_field(source, "edition", view.locale),
        licence=datasets.source_field(source, "licence", view.locale),
    )
    return out[TREND_COLUMNS]
