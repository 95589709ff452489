"""Tabular views of what a chart shows: the map table and its CSV download.

Values follow :mod:`dashboard.readings`: ``value`` is empty where there is no data (a flagged
zero included), while ``published`` keeps the source's number beside its ``flag``. Aggregate rows
(the region's blocs and the chosen groups) say how many members they cover (``n_reporting`` of
``n_members``) and who the members are. A computed indicator names its numerator's and its
denominator's source, edition and licence, and why their editions differ.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard import readings
from dashboard.datasets import Indicator, source_field
from dashboard.locale import Locale

# Who published a value and how it was made: numerator and denominator (name, edition, licence).
SOURCE_COLUMNS = [
    "source",
    "edition",
    "licence",
    "denominator_source",
    "denominator_edition",
    "denominator_licence",
    "editions_note",
    "computed_method",
]
CSV_COLUMNS = [
    "iso3",
    "country",
    "bloc",
    "indicator",
    "indicator_label",
    "year",
    "value",
    "unit",
    "rank_in_bloc",
    "flag",
    "published",
    "no_data_reason",
    "n_reporting",
    "n_members",
    "members",
    *SOURCE_COLUMNS,
]


@dataclass(frozen=True)
class Aggregate:
    """One group's row: its value for the year (NaN = no data) and its coverage."""

    code: str
    name: str
    value: float
    n_reporting: float
    n_members: float
    members: tuple[str, ...]
    flag: str = ""


def source_columns(
    spec: Indicator,
    source: Mapping[str, Any],
    denominator: Mapping[str, Any] | None,
    locale: Locale,
) -> dict[str, str]:
    """Numerator and denominator sources (name, edition, licence) and the editions note."""
    columns = {
        "source": str(source["name"]),
        "edition": source_field(source, "edition", locale),
        "licence": source_field(source, "licence", locale),
        "denominator_source": "",
        "denominator_edition": "",
        "denominator_licence": "",
        "editions_note": readings.note(spec, "editions_note", locale),
        "computed_method": spec.computed_method(locale),
    }
    if denominator is not None:
        columns.update(
            denominator_source=str(denominator["name"]),
            denominator_edition=source_field(denominator, "edition", locale),
            denominator_licence=source_field(denominator, "licence", locale),
        )
    return columns


def map_table(
    frame: pd.DataFrame,
    spec: Indicator,
    year: int,
    source: Mapping[str, Any],
    locale: Locale,
    members: list[str] | None = None,
    *,
    aggregates: Sequence[Aggregate] = (),
    published: Mapping[str, float] | None = None,
    denominator: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """The map's numbers, one row per shown country, then one per aggregate, with unit, year,
    coverage and source columns. ``value`` is unrounded and empty where there is no data, and
    ``no_data_reason`` says why (the same words as the page's table and hover)."""
    shown = frame if members is None else frame[frame["iso3"].isin(members)]
    kept = published if published is not None else {}
    countries = pd.DataFrame(
        {
            "iso3": shown["iso3"],
            "country": shown["name"],
            "bloc": shown["bloc"],
            "value": shown["value"],
            "rank_in_bloc": shown["rank"].astype("Int64"),
            "flag": shown["flag"],
            "published": [kept.get(code, float("nan")) for code in shown["iso3"]],
        }
    ).sort_values(["bloc", "rank_in_bloc", "country"], na_position="last")
    groups = pd.DataFrame(
        {
            "iso3": [a.code for a in aggregates],
            "country": [a.name for a in aggregates],
            "bloc": "",
            "value": [a.value for a in aggregates],
            "rank_in_bloc": pd.array([None] * len(aggregates), dtype="Int64"),
            "flag": [a.flag for a in aggregates],
            "n_reporting": pd.array([_count(a.n_reporting) for a in aggregates], dtype="Int64"),
            "n_members": pd.array([_count(a.n_members) for a in aggregates], dtype="Int64"),
            "members": [" ".join(a.members) for a in aggregates],
        }
    )
    out = (
        pd.concat([countries, groups], ignore_index=True) if len(groups) else countries.reset_index(drop=True)
    )
    for column in ("n_reporting", "n_members"):
        out[column] = (
            out[column].astype("Int64") if column in out else pd.array([None] * len(out), dtype="Int64")
        )
    out["members"] = out["members"].fillna("") if "members" in out else ""
    gaps = readings.gaps(spec, locale)
    out["no_data_reason"] = [
        readings.why_no_data(flag, gaps, locale) if pd.isna(value) else ""
        for value, flag in zip(out["value"], out["flag"], strict=True)
    ]
    out = out.assign(
        indicator=spec.id,
        indicator_label=spec.text("label", locale),
        year=year,
        unit=spec.unit,
        **source_columns(spec, source, denominator, locale),
    )
    return out[CSV_COLUMNS]


def table_rows(
    table: pd.DataFrame, spec: Indicator, locale: Locale, names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """The map table's rows as the page shows them: country, bloc (or "Group"), value, rank,
    coverage ("30 of 33 countries") and a note saying why a value is missing, or for a chosen
    group (not the two blocs) its members, by ``names`` (ISO3 -> name in the reader's language)."""
    _ = locale.gettext
    gaps = readings.gaps(spec, locale)
    known = names if names is not None else {}

    def note(value: float, flag: str, code: str, members: str) -> str:
        if pd.isna(value):
            return readings.why_no_data(flag, gaps, locale)
        if members and code not in ("CELAC", "EU27"):
            listed = ", ".join(known.get(m, m) for m in members.split())
            return _("Members: {members}").format(members=listed)
        return ""

    shown = pd.DataFrame(
        {
            "country": table["country"],
            "bloc": table["bloc"].map({"CELAC": "CELAC", "EU27": _("EU")}).fillna(_("Group")),
            "value": table["value"],
            "rank_in_bloc": table["rank_in_bloc"],
            "coverage": [
                readings.coverage(int(n), int(total), locale) if pd.notna(n) and pd.notna(total) else ""
                for n, total in zip(table["n_reporting"], table["n_members"], strict=True)
            ],
            "flag": [
                note(value, flag, code, members)
                for value, flag, code, members in zip(
                    table["value"], table["flag"], table["iso3"], table["members"], strict=True
                )
            ],
        }
    ).astype(object)
    return shown.where(shown.notna(), None).to_dict("records")  # type: ignore[return-value]


def _count(value: float) -> int | None:
    return None if pd.isna(value) else int(value)


def to_csv(table: pd.DataFrame) -> str:
    """CSV text with full precision (no rounding), empty cells for no data."""
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n", float_format="%.17g")
    return buffer.getvalue()
