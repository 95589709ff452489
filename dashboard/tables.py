"""Tabular views of what a chart shows: the map table and its CSV download."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.datasets import Indicator, source_field
from dashboard.locale import Locale

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
    "source",
    "edition",
    "licence",
    "computed_method",
]


def map_table(
    frame: pd.DataFrame,
    spec: Indicator,
    year: int,
    source: Mapping[str, Any],
    locale: Locale,
    members: list[str] | None = None,
) -> pd.DataFrame:
    """The map's numbers, one row per shown country, with unit, year and source columns.

    ``value`` is unrounded and empty where there is no data.
    """
    shown = frame if members is None else frame[frame["iso3"].isin(members)]
    out = pd.DataFrame(
        {
            "iso3": shown["iso3"],
            "country": shown["name"],
            "bloc": shown["bloc"],
            "indicator": spec.id,
            "indicator_label": spec.text("label", locale),
            "year": year,
            "value": shown["value"],
            "unit": spec.unit,
            "rank_in_bloc": shown["rank"].astype("Int64"),
            "flag": shown["flag"],
            "source": source["name"],
            "edition": source_field(source, "edition", locale),
            "licence": source_field(source, "licence", locale),
            "computed_method": spec.computed_method(locale),
        }
    )
    return out.sort_values(["bloc", "rank_in_bloc", "country"], na_position="last").reset_index(drop=True)[
        CSV_COLUMNS
    ]


def to_csv(table: pd.DataFrame) -> str:
    """CSV text with full precision (no rounding), empty cells for no data."""
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n", float_format="%.17g")
    return buffer.getvalue()
