"""What the programmes page shows for a filter: which programmes, components and results match,
and which countries they reached. Pure: frames from :mod:`dashboard.dialogue` in, frames out.

Every programme, component and result is a "reach" row with its places: the countries it names.
The groups it names (OECS, CELAC, EU27, ``lac``, ``iberoamerica``) are credited as groups: listed,
never drawn as, nor counted for, their member countries, since no seed says which members took part.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard import dialogue

LEVELS = ("programme", "component", "result")


def reach(
    programmes: pd.DataFrame, components: pd.DataFrame, results: pd.DataFrame, groups: pd.DataFrame
) -> pd.DataFrame:
    """One row per programme, component and result: ``level, id, programme, component, themes,
    places`` (the ISO3 codes it names) and ``regions`` (the group codes it names, kept whole)."""
    members = dialogue.group_members(groups)
    rows: list[dict[str, Any]] = []
    for level, frame in zip(LEVELS, (programmes, components, results), strict=True):
        for item in frame.to_dict("records"):
            programme = item["id"] if level == "programme" else item["programme"]
            component = item["id"] if level == "component" else item.get("component", "")
            rows.append(
                {
                    "level": level,
                    "id": item["id"],
                    "programme": programme,
                    "component": component or "",
                    "themes": tuple(item["themes"]),
                    "places": dialogue.places(item["countries"], (), members),
                    "regions": tuple(item["groups"]),
                }
            )
    return pd.DataFrame(
        rows, columns=["level", "id", "programme", "component", "themes", "places", "regions"]
    )


def select(
    rows: pd.DataFrame,
    programme: str = "",
    component: str = "",
    themes: Collection[str] = (),
    countries: Collection[str] = (),
) -> pd.DataFrame:
    """The reach rows that match every filter given ("" or empty = any): the programme, the
    component (the component and its results), any of ``themes``, any of ``countries``."""
    keep = pd.Series(True, index=rows.index)
    if programme:
        keep &= rows["programme"] == programme
    if component:
        keep &= rows["component"] == component
    if themes:
        wanted = set(themes)
        keep &= rows["themes"].map(lambda ts: bool(wanted.intersection(ts)))
    if countries:
        chosen = set(countries)
        keep &= rows["places"].map(lambda ps: bool(chosen.intersection(ps)))
    return rows[keep]


def keeps(
    row: Mapping[str, Any],
    programme: str = "",
    component: str = "",
    themes: Collection[str] = (),
    countries: Collection[str] = (),
) -> bool:
    """Whether :func:`select` keeps the reach row ``row`` (one record of :func:`reach`)."""
    return (
        (not programme or row["programme"] == programme)
        and (not component or row["component"] == component)
        and (not themes or not set(themes).isdisjoint(row["themes"]))
        and (not countries or not set(countries).isdisjoint(row["places"]))
    )


def reached(rows: pd.DataFrame | Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Countries the rows reached: ``iso3`` -> ``programmes`` (ids, in first-seen order: what the
    map colours by) and ``results`` (how many result rows name it: what the list beside the map and
    the table of every result count), sorted by ISO3."""
    found: dict[str, dict[str, Any]] = {}
    for row in rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows:
        for code in row["places"]:
            entry = found.setdefault(code, {"programmes": [], "results": 0})
            if row["programme"] not in entry["programmes"]:
                entry["programmes"].append(row["programme"])
            entry["results"] += row["level"] == "result"
    frame = pd.DataFrame(
        [
            {"iso3": code, "programmes": tuple(e["programmes"]), "results": e["results"]}
            for code, e in found.items()
        ],
        columns=["iso3", "programmes", "results"],
    )
    return frame.sort_values("iso3").set_index("iso3")


def regions(rows: pd.DataFrame | Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The groups the rows name (credited whole, not drawn), in first-seen order."""
    named = rows["regions"] if isinstance(rows, pd.DataFrame) else (row["regions"] for row in rows)
    return tuple(dict.fromkeys(code for codes in named for code in codes))


def component_ids(components: pd.DataFrame) -> dict[str, str]:
    """Component id -> its programme (what the URL parser checks a component against)."""
    return dict(zip(components["id"], components["programme"], strict=True))
