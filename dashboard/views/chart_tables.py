"""The table behind each chart that has no table of its own yet: the corridors' linked map, the
diaspora split, the remittance corridors, the dialogue timeline's events and the programme map.
Machine-friendly column ids; every table names its unit and its source, edition and licence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard import corridors, datasets
from dashboard import programmes as reach
from dashboard.locale import Locale
from dashboard.urls.dialogue import DialogueState
from dashboard.urls.programmes import ProgrammeState
from dashboard.urls.shared import FilterState
from dashboard.views import corridors as corridor_view
from dashboard.views import dialogue as dialogue_view
from dashboard.views import programmes as programme_view

TIMELINE_COLUMNS = ["id", "kind", "date", "date_precision", "date_end", "country", "themes", "title", "files"]
TIMELINE_COLUMNS += ["source"]
SEED_SOURCE = "EU–CELAC dialogue seed documents (curated in Puentes)"


def _source(key: str, locale: Locale) -> dict[str, str]:
    source = datasets.sources()[key]
    return {
        "source": str(source["name"]),
        "edition": datasets.source_field(source, "edition", locale),
        "licence": datasets.source_field(source, "licence", locale),
    }


def corridor_map(view: corridor_view.CorridorView) -> pd.DataFrame:
    """The linked map's values: the focus country's partners in the chosen year and sex."""
    focus, side = view.state.focus or "", view.state.side
    frame = datasets.corridors_by_key().get((view.year, view.state.sex), view.current.iloc[:0])
    values = corridors.focus_values(frame, focus, side)
    lookup = corridor_view.names(view.locale)
    partner = "origin" if side == "destination" else "destination"
    out = pd.DataFrame(
        {
            "focus": focus,
            "focus_name": lookup.get(focus, focus),
            "focus_side": side,
            "partner": values.index.astype(str),
            "partner_name": [lookup.get(code, code) for code in values.index],
            "partner_side": partner,
            "year": view.year,
            "sex": view.state.sex,
            "migrant_stock": values.to_numpy(),
            "unit": "people",
        }
    )
    return out.assign(**_source("undesa_ims2024", view.locale)).reset_index(drop=True)


def diaspora(view: corridor_view.CorridorView) -> pd.DataFrame:
    """Where each CELAC diaspora lives, every year (people), for the chosen sex."""
    table = corridor_view.diaspora_table(view.state.sex)
    lookup = corridor_view.names(view.locale)
    out = table.assign(origin_name=table["origin"].map(lookup), sex=view.state.sex, unit="people")
    columns = ["origin", "origin_name", "year", "sex", "usa", "eu", "celac", "rest", "total", "unit"]
    return out[columns].assign(**_source("undesa_ims2024", view.locale)).reset_index(drop=True)


def remittances(view: corridor_view.CorridorView) -> pd.DataFrame:
    """The remittance corridors the chart draws (KNOMAD 2021, US$ millions)."""
    rows = view.remittances() if not view.needs_choice else pd.DataFrame(columns=["sender", "receiver"])
    lookup = corridor_view.names(view.locale)
    frame = datasets.remittance_corridors()
    year = int(frame["year"].max()) if len(frame) else None
    out = pd.DataFrame(
        {
            "sender": rows["sender"].astype(str),
            "sender_name": [lookup.get(c, c) for c in rows["sender"]],
            "receiver": rows["receiver"].astype(str),
            "receiver_name": [lookup.get(c, c) for c in rows["receiver"]],
            "year": year,
            "usd_millions": rows.get("usd_millions", pd.Series(dtype=float)).to_numpy(),
            "unit": "US$ millions",
        }
    )
    return out.assign(**_source("knomad_brm2021", view.locale)).reset_index(drop=True)


def timeline(shared: FilterState, page: DialogueState, locale: Locale) -> pd.DataFrame:
    """The events the timeline draws: id, kind, dates as precise as the source, place, themes,
    title in the reader's language, and the seed files they rest on."""
    rows = dialogue_view.events(shared, page)
    lang = locale.lang

    def text(row: Mapping[Any, Any], field: str) -> str:
        value = row.get(f"{field}_{lang}") or row.get(f"{field}_en") or ""
        return "" if pd.isna(value) else str(value)

    records = rows
    return pd.DataFrame(
        {
            "id": [r["id"] for r in records],
            "kind": [r["kind"] for r in records],
            "date": [str(pd.Timestamp(r["date"]).date()) for r in records],
            "date_precision": [r["precision"] for r in records],
            "date_end": [
                "" if pd.isna(r.get("date_end")) else str(pd.Timestamp(r["date_end"]).date()) for r in records
            ],
            "country": ["" if pd.isna(r.get("country")) else r["country"] for r in records],
            "themes": [" ".join(r["themes"]) for r in records],
            "title": [text(r, "title") for r in records],
            "files": [" ".join(r["files"]) for r in records],
            "source": SEED_SOURCE,
        },
        columns=[
            "id",
            "kind",
            "date",
            "date_precision",
            "date_end",
            "country",
            "themes",
            "title",
            "files",
            "source",
        ],
    )


def programmes(shared: FilterState, page: ProgrammeState, locale: Locale) -> pd.DataFrame:
    """The programme map's countries: how many programmes reached each (the colour), which, and
    how many results name it (the list)."""
    reached = dialogue_reach(shared, page)
    lookup = corridor_view.names(locale)
    return pd.DataFrame(
        {
            "iso3": reached.index.astype(str),
            "country": [lookup.get(c, c) for c in reached.index],
            "n_programmes": [len(p) for p in reached["programmes"]],
            "programmes": [" ".join(p) for p in reached["programmes"]],
            "n_results": reached["results"].astype(int).to_numpy(),
            "unit": "programmes",
            "source": SEED_SOURCE,
        },
        columns=["iso3", "country", "n_programmes", "programmes", "n_results", "unit", "source"],
    )


def dialogue_reach(shared: FilterState, page: ProgrammeState) -> pd.DataFrame:
    """Countries the programmes the filters keep reached (see :func:`programmes.reached`)."""
    return reach.reached(programme_view.selected(shared, page))
