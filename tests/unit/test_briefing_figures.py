"""A slide's key figures say what the view says: the selected countries' values, ranks in their
bloc and change (checked against the raw UN DESA file), chosen groups with coverage, the named
corridors, the corridors map's focus country; and a view that has no data or cannot be drawn
becomes a slide that says so while the rest of the pack is drawn."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import datasets, slide_figures
from dashboard.errors import ExportFailed
from dashboard.etl import reference as ref
from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState
from dashboard.urls.shared import FilterState
from dashboard.views import briefing as briefing_views
from dashboard.views import corridors as corridor_view
from dashboard.views import exports
from dashboard.views import map as map_view

EN, ES = Locale.of("en"), Locale.of("es")
SITE = "http://127.0.0.1:8050/"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(4) + b"IHDR" + (800).to_bytes(4, "big") + (400).to_bytes(4, "big")


def raw_stock(raw_dir: Path) -> pd.DataFrame:
    """UN DESA IMS 2024 destination totals (both sexes, all ages) by ISO3 and year, from the raw file."""
    frame = pd.read_csv(raw_dir / "undesa_ims2024/derived/undesa_ims2024_stock_by_destination_sex_age.csv")
    rows = frame[(frame["age_start"] == 0) & (frame["age_length"] == 0) & (frame["sex"] == 0)]
    return rows.set_index(["dest_iso3", "year"])["migrant_stock"]


@pytest.mark.raw
@pytest.mark.parametrize("locale", [EN, ES])
def test_a_map_selection_gives_each_countrys_value_rank_and_change_from_the_raw_file(
    raw_dir: Path, locale: Locale
) -> None:
    stock = raw_stock(raw_dir)
    view = map_view.build(FilterState(countries=("VEN", "COL"), year=2024, lang=locale.lang))
    figures = slide_figures.map_figures(view)
    assert [f.label for f in figures] == [
        f"{'Venezuela'}, 2024",
        "Colombia, 2024",
    ]
    celac_2024 = stock[stock.index.get_level_values(1) == 2024].droplevel(1).reindex(sorted(ref.CELAC))
    ranks = celac_2024.rank(ascending=False, method="min")
    for figure, iso3 in zip(figures, ("VEN", "COL"), strict=True):
        now, then = float(stock[(iso3, 2024)]), float(stock[(iso3, 1990)])
        assert figure.value == locale.value(now, "persons")
        _ = locale.gettext
        rank = _("rank {rank} of {count} in {bloc}").format(rank=int(ranks[iso3]), count=33, bloc="CELAC")
        assert rank in figure.detail
        change = "+" + locale.number((now / then - 1) * 100, 1) + " %"
        assert figure.detail.endswith(
            _("{change} since {year} ({value} then)").format(
                change=change, year=1990, value=locale.value(then, "persons")
            )
        )
    # Not the whole map's summary.
    assert not any("Highest" in f.label or "Mexico" in f.value for f in figures)


def test_chosen_groups_give_their_value_and_coverage() -> None:
    view = map_view.build(FilterState(groups=("CELAC",), year=2024))
    (figure,) = slide_figures.map_figures(view)
    values = datasets.indicator_values()
    members = values[
        (values["indicator"] == "migrant_stock") & (values["year"] == 2024) & values["iso3"].isin(ref.CELAC)
    ]
    assert figure.label == "CELAC, 2024"
    assert figure.value == EN.value(float(members["value"].sum()), "persons") + " · 33 of 33 countries"


def test_the_corridors_map_gives_the_focus_countrys_total_and_largest_partners() -> None:
    view = corridor_view.build(FilterState(), CorridorState(focus="ESP", side="destination"))
    corridors = datasets.corridors()
    rows = corridors[
        (corridors["destination"] == "ESP") & (corridors["year"] == view.year) & (corridors["sex"] == "total")
    ]
    # The published total (SOURCES.md: Spain 2024 = 8,870,527), "Other" origins included.
    assert rows["migrant_stock"].sum() == 8_870_527
    other = float(rows.loc[rows["origin"] == "OTH", "migrant_stock"].sum())
    figures = slide_figures.focus_figures(view)
    assert figures[0].value == "8,870,527 people" and figures[0].label.endswith("all origins")
    assert figures[0].detail.startswith(f"of which {EN.number(other)} people under “Other”")
    rows = rows[rows["origin"].isin(set(datasets.countries()["iso3"]) - {"ROW", "OTH"})]
    rows = rows[rows["migrant_stock"] > 0].sort_values("migrant_stock", ascending=False)
    assert figures[1].label == "Largest origins"
    assert figures[1].value == f"Morocco: {EN.number(rows['migrant_stock'].iloc[0])} people"
    flows = slide_figures.corridor_figures(view)
    assert figures[0].value != flows[0].value  # never the flow view's figures under a map


def test_a_trend_gives_each_named_corridors_first_and_last_value() -> None:
    state = CorridorState(direction="custom", origins=("VEN",), destinations=("ESP",))
    view = corridor_view.build(FilterState(), state)
    corridors = datasets.corridors()
    rows = corridors[
        (corridors["origin"] == "VEN") & (corridors["destination"] == "ESP") & (corridors["sex"] == "total")
    ]
    rows = rows[rows["migrant_stock"] > 0].sort_values("year")
    (figure,) = slide_figures.trend_figures(view)
    first, last = rows.iloc[0], rows.iloc[-1]
    assert figure.label == "Venezuela → Spain"
    assert figure.value == (
        f"{int(first['year'])}: {EN.number(first['migrant_stock'])} people · "
        f"{int(last['year'])}: {EN.number(last['migrant_stock'])} people"
    )


def test_an_empty_view_is_a_no_data_slide_and_a_broken_one_an_error_slide() -> None:
    raw = ["/map?countries=VEN,COL", "/corridors?direction=custom", "/corridors?chart=map"]
    calls: list[str] = []

    def render(chart: exports.Chart) -> bytes:
        calls.append(chart.key)
        if chart.key == "corridor-map":
            raise ExportFailed("the image could not be drawn (TimeoutError)")
        return PNG

    pack = briefing_views.slides(raw, EN, SITE, render)
    assert [s.title for s in pack.slides] == [
        "International migrant stock",
        "Migration corridors",
        "Where migrants in Spain come from, 2024",
    ]
    drawn, empty, broken = pack.slides
    assert drawn.image == PNG and "Venezuela" in drawn.alt and drawn.figures
    assert empty.image is None and empty.message.startswith("No data: ")
    assert broken.image is None and "could not be drawn" in broken.message and broken.figures
    assert calls == ["map", "corridor-map"]  # the empty view is not drawn at all
    assert not pack.renderer_down


def test_the_renderer_is_down_only_when_every_chart_failed() -> None:
    def render(chart: exports.Chart) -> bytes:
        raise ExportFailed("no Chromium found")

    pack = briefing_views.slides(["/map", "/corridors?direction=custom"], EN, SITE, render)
    assert pack.renderer_down and len(pack.slides) == 2


def test_the_programme_map_names_the_programme_and_counts_its_results() -> None:
    from dashboard import dialogue
    from dashboard.urls.programmes import ProgrammeState
    from dashboard.views import programmes as programme_views

    programme = str(dialogue.programmes()["id"].iloc[0])
    view = programme_views.build(FilterState(), ProgrammeState(programme=programme))
    results = dialogue.results()
    expected = int((results["programme"] == programme).sum())
    figures = {f.label: f.value for f in slide_figures.programme_figures(view)}
    assert figures["Programme"] == programme_views.programme_names(EN)[programme]
    assert figures["Results"] == f"{expected} result" + ("" if expected == 1 else "s")


def test_a_view_that_fails_to_build_costs_one_slide_not_the_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fault injection: the dialogue view breaks as an unforeseen bug would; the map still comes.
    built = briefing_views.chart_views.chart

    def chart(shown: object) -> exports.Chart:
        if getattr(shown, "page", "") == "dialogue":
            raise RuntimeError("a bug")
        return built(shown)  # type: ignore[arg-type]

    monkeypatch.setattr(briefing_views.chart_views, "chart", chart)
    pack = briefing_views.slides(["/dialogue", "/map?countries=VEN"], EN, SITE, lambda _chart: PNG)
    broken, drawn = pack.slides
    assert broken.title == "This view could not be shown" and "/dialogue" in broken.message
    assert drawn.image == PNG and pack.drawn == 1 and not pack.renderer_down
