"""A slide's key figures: what the view itself says, not a summary of the whole map.

A map with selected countries gives their values (with year), rank in their bloc and change over
the indicator's years; chosen groups give their value and coverage; without either, the highest
in each bloc and how many countries have data. Corridors give the named corridors (the flows),
or the focus country's total and largest partners (the linked map), or each corridor's first and
last value (the trend); the programme map gives the chosen programme and its results. Every
number goes through :mod:`dashboard.readings` and the ``Locale``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import corridors, datasets, readings
from dashboard.views import map as map_view
from dashboard.views import programmes as programme_views
from dashboard.views.corridors import CorridorView, names
from dashboard.views.map import MapView
from dashboard.views.programmes import ProgrammesView

LARGEST = 3  # corridors or partners named on a slide (the notes and the CSV have the rest)


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    detail: str = ""  # rank, change or coverage, set smaller under the value


def _series(view: MapView, code: str) -> pd.DataFrame:
    """One country's or group's real values by year (no flagged zeros)."""
    rows = map_view.profile_series().get((view.spec.id, code))
    if rows is None:
        return pd.DataFrame(columns=["value"])
    real = [readings.is_real(v, f) for v, f in zip(rows["value"], rows["flag"], strict=True)]
    return rows[real]


def _change(view: MapView, code: str) -> str:
    """ "+12% since 1990 (from 1.2 million people)", or "" with fewer than two years of data."""
    rows = _series(view, code)
    rows = rows[rows.index <= view.year]
    if len(rows) < 2 or rows.index[-1] != view.year:
        return ""
    _ = view.locale.gettext
    first_year, first, last = int(rows.index[0]), float(rows["value"].iloc[0]), float(rows["value"].iloc[-1])
    if view.spec.unit not in ("persons", "usd") or first == 0:  # rates: the difference
        change = view.locale.value(last - first, view.spec.unit)
        change = ("+" if last >= first else "") + change
    else:
        change = ("+" if last >= first else "") + view.locale.number((last / first - 1) * 100, 1) + " %"
    return _("{change} since {year} ({value} then)").format(
        change=change, year=first_year, value=view.locale.value(first, view.spec.unit)
    )


def selection_figures(view: MapView) -> list[KeyFigure]:
    """Each selected country's value in the view's year, its rank in its bloc and its change."""
    _ = view.locale.gettext
    out = []
    rows = view.frame.set_index("iso3")
    for code in view.state.countries:
        if code not in rows.index:
            continue
        row = rows.loc[code].to_dict()
        label = f"{row['name']}, {view.year}"
        if not readings.is_real(row["value"], row["flag"]):
            why = readings.why_no_data(row["flag"], readings.gaps(view.spec, view.locale), view.locale)
            out.append(KeyFigure(label, _("no data") + (f" ({why})" if why else "")))
            continue
        bloc = "CELAC" if row["bloc"] == "CELAC" else _("EU")
        rank = _("rank {rank} of {count} in {bloc}").format(
            rank=int(row["rank"]), count=int(row["n_in_bloc"]), bloc=bloc
        )
        detail = " · ".join(p for p in (rank, _change(view, code)) if p)
        out.append(KeyFigure(label, str(row["display"]), detail))
    return out


def group_figures(view: MapView) -> list[KeyFigure]:
    """Each chosen group's value in the view's year and how many members it covers."""
    _ = view.locale.gettext
    out = []
    for group in map_view.aggregate_rows(view.spec.id, view.year, list(view.state.groups), view.locale):
        label = f"{group.name}, {view.year}"
        if not readings.is_real(group.value, group.flag):
            out.append(KeyFigure(label, _("no data")))
            continue
        shown = view.locale.value(group.value, view.spec.unit)
        out.append(
            KeyFigure(
                label, f"{shown} · {readings.coverage(group.n_reporting, group.n_members, view.locale)}"
            )
        )
    return out


def map_figures(view: MapView) -> tuple[KeyFigure, ...]:
    """The selection's and groups' figures; without either, the highest value in each bloc and
    how many members have data (no bloc totals: where members are missing they would undercount)."""
    chosen = selection_figures(view) + group_figures(view)
    if chosen:
        return tuple(chosen)
    _ = view.locale.gettext
    frame = view.frame.dropna(subset=["value"])
    out = []
    for bloc, label in (("CELAC", "CELAC"), ("EU27", _("EU"))):
        members = frame[frame["bloc"] == bloc]
        if len(members):
            top = members.sort_values("value", ascending=False).iloc[0]
            out.append(
                KeyFigure(
                    _("Highest in {bloc}, {year}").format(bloc=label, year=view.year),
                    f"{top['name']}: {top['display']}",
                )
            )
    # Counted from the view's frame, where a flagged zero is no data (dashboard.readings).
    out.append(
        KeyFigure(_("Countries with data"), readings.coverage(len(frame), len(view.frame), view.locale))
    )
    return tuple(out)


def profile_figures(view: MapView) -> tuple[KeyFigure, ...]:
    """The profile chart: each selected country's latest value of the indicator, with its year."""
    _ = view.locale.gettext
    frame = view.frame.set_index("iso3")
    out = []
    for code in view.state.countries:
        if code not in frame.index:
            continue
        rows = _series(view, code)
        name = str(frame.loc[code, "name"])
        if rows.empty:
            out.append(KeyFigure(name, _("no data")))
            continue
        year = int(rows.index[-1])
        out.append(
            KeyFigure(f"{name}, {year}", view.locale.value(float(rows["value"].iloc[-1]), view.spec.unit))
        )
    return tuple(out)


def _people(view: CorridorView, value: float) -> str:
    return view.locale.number(value) + " " + view.locale.gettext("people")


def corridor_figures(view: CorridorView) -> tuple[KeyFigure, ...]:
    """The flows: the people in the chosen corridors and the largest of them (none when no
    corridor is chosen or recorded: the slide says why, and 0 would read as a result)."""
    if view.current.empty or not view.current["migrant_stock"].gt(0).any():
        return ()
    _ = view.locale.gettext
    out = [
        KeyFigure(
            _("Migrants in these corridors, {year}").format(year=view.year), _people(view, view.total())
        )
    ]
    ranked = view.ranked()
    for _i, top in ranked[ranked["migrant_stock"] > 0].head(LARGEST).iterrows():
        pair = f"{top['origin_name']} → {top['destination_name']}"
        out.append(
            KeyFigure(
                _("Largest corridor") if len(out) == 1 else "",
                f"{pair}: {_people(view, top['migrant_stock'])}",
            )
        )
    return tuple(out)


def focus_values(view: CorridorView) -> pd.Series:
    """The linked map's values: the focus country's partners (countries only), largest first."""
    frame = datasets.corridors_by_key().get((view.year, view.state.sex), view.current.iloc[:0])
    values = corridors.focus_values(frame, view.state.focus or "", view.state.side)
    values = values[values.index.isin(set(datasets.countries()["iso3"]) - {"ROW", "OTH"})]
    return values[values > 0].sort_values(ascending=False)


def focus_figures(view: CorridorView) -> tuple[KeyFigure, ...]:
    """The linked map: the focus country's total (every partner, the ones UN DESA does not name
    included, so it is the published total: Spain 2024 = 8,870,527) and its largest partners."""
    values = focus_values(view)
    if values.empty:
        return ()
    _ = view.locale.gettext
    lookup = names(view.locale)
    focus = lookup.get(view.state.focus or "", view.state.focus or "")
    frame = datasets.corridors_by_key().get((view.year, view.state.sex), view.current.iloc[:0])
    every = corridors.focus_values(frame, view.state.focus or "", view.state.side)
    unnamed = float(every.get("OTH", 0.0))
    side = _("all origins") if view.state.side == "destination" else _("all destinations")
    detail = (
        _("of which {count} under “Other”, not placed on the map").format(count=_people(view, unnamed))
        if unnamed > 0
        else ""
    )
    out = [KeyFigure(f"{focus}, {view.year} · {side}", _people(view, float(every.sum())), detail)]
    label = _("Largest origins") if view.state.side == "destination" else _("Largest destinations")
    for i, (code, value) in enumerate(values.head(LARGEST).items()):
        out.append(
            KeyFigure(
                label if i == 0 else "", f"{lookup.get(str(code), str(code))}: {_people(view, float(value))}"
            )
        )
    return tuple(out)


def trend_figures(view: CorridorView) -> tuple[KeyFigure, ...]:
    """A corridor over time: each named corridor's first and last recorded value."""
    pairs = view.ranked()
    pairs = pairs[pairs["migrant_stock"] > 0].head(LARGEST)
    by_key = datasets.corridors_by_key()
    years = sorted({year for year, sex in by_key if sex == view.state.sex})
    out = []
    for _i, pair in pairs.iterrows():
        series = []
        for year in years:
            rows = by_key[(year, view.state.sex)]
            hit = rows[(rows["origin"] == pair["origin"]) & (rows["destination"] == pair["destination"])]
            if len(hit) and float(hit["migrant_stock"].iloc[0]) > 0:
                series.append((year, float(hit["migrant_stock"].iloc[0])))
        if not series:
            continue
        (first_year, first), (last_year, last) = series[0], series[-1]
        out.append(
            KeyFigure(
                f"{pair['origin_name']} → {pair['destination_name']}",
                f"{first_year}: {_people(view, first)} · {last_year}: {_people(view, last)}",
            )
        )
    return tuple(out)


def programme_figures(view: ProgrammesView) -> tuple[KeyFigure, ...]:
    """The programme map: the chosen programme and component, its results and countries reached."""
    _ = view.locale.gettext
    page = view.page
    names = programme_views.programme_names(view.locale)
    out = [KeyFigure(_("Programme"), names.get(page.programme, page.programme) or _("All programmes"))]
    if page.component:
        labels = {
            o["value"]: o["label"] for o in programme_views.component_options(page.programme, view.locale)
        }
        out.append(KeyFigure(_("Component"), labels.get(page.component, page.component)))
    out.append(KeyFigure(_("Results"), programme_views.results_text(len(view.results), view.locale)))
    reached = view.locale.number(len(view.reached))
    out.append(KeyFigure(_("Countries reached"), reached))
    return tuple(out)
