"""The profile's data, made once per data version: every country's and group's series, and each
one's column of key figures (the same for every indicator: the key indicators are fixed)."""

from __future__ import annotations

from dashboard import datasets, profiles
from dashboard.locale import Locale


@datasets.derived(maxsize=1)
def profile_series() -> profiles.SeriesTable:
    """Every country's and group's series with flags and coverage (see :func:`profiles.series_frames`)."""
    return profiles.series_frames(datasets.indicator_values(), datasets.aggregates())


@datasets.derived(maxsize=1024)
def key_figure_column(code: str, group: bool, locale: Locale) -> tuple[profiles.KeyFigures, ...]:
    """The key figures of one country (or, ``group``, one group): none for an unknown code."""
    return tuple(
        profiles.key_figure_columns(
            profile_series(),
            datasets.catalogue(),
            datasets.sources(),
            datasets.countries(),
            datasets.groups(),
            () if group else (code,),
            (code,) if group else (),
            locale,
        )
    )
