"""What layouts/a11y.py promises for every page body (issue 18): dropdowns speak the reader's
language, limited pickers offer no "Select all", year sliders step through data years and every
slider thumb has a name."""

from __future__ import annotations

import json

import pytest
from dash import dcc

from dashboard import i18n, urls
from layouts import a11y, ids, router

# The words of dcc.Dropdown as Dash ships them (dash/dcc/Dropdown.py, defaultLabels).
DASH_ENGLISH = {"Select All", "Deselect All", "{num_selected} selected", "Search"}
FRENCH = {
    "select_all": "Tout sélectionner",
    "selected_count": "{num_selected} sélectionnés",
    "search": "Rechercher",
}


def body(page: str, lang: str) -> object:
    return router.render(f"/{page}", f"?lang={lang}")[1]


@pytest.mark.parametrize("page", urls.PAGE_KEYS)
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_dropdown_has_its_words_in_the_language(page: str, lang: str) -> None:
    dropdowns = [e for e in body(page, lang)._traverse() if isinstance(e, dcc.Dropdown)]  # type: ignore[attr-defined]
    for dropdown in dropdowns:
        labels = dropdown.labels
        assert set(labels) >= {"select_all", "deselect_all", "selected_count", "search"}
        if lang != "en":
            assert not DASH_ENGLISH & set(labels.values()), (page, lang, dropdown.id)
        if lang == "fr":
            assert {k: labels[k] for k in FRENCH} == FRENCH
        limited = dropdown.id in a11y.LIMITED
        assert (a11y.NO_SELECT_ALL in (getattr(dropdown, "className", "") or "")) == limited


def test_the_limited_pickers_are_the_capped_ones() -> None:
    """Countries and groups (six at most) and corridor ends (forty at most) are capped in the URL."""
    assert {
        ids.MAP_COUNTRIES, ids.MAP_GROUPS, ids.DIALOGUE_COUNTRIES, ids.PROGRAMMES_COUNTRIES,
        ids.CORRIDORS_ORIGINS, ids.CORRIDORS_DESTINATIONS,
    } == a11y.LIMITED  # fmt: skip


@pytest.mark.parametrize("page", ["map", "corridors"])
def test_year_sliders_step_through_data_years(page: str) -> None:
    sliders = [e for e in body(page, "es")._traverse() if isinstance(e, dcc.Slider)]  # type: ignore[attr-defined]
    assert sliders and all(a11y.YEAR_STEPS in s.className for s in sliders)


def test_the_dialogue_years_thumbs_are_named() -> None:
    holders = [
        e
        for e in body("dialogue", "pt")._traverse()  # type: ignore[attr-defined]
        if isinstance(getattr(e, "children", None), dcc.RangeSlider)
    ]
    assert [json.loads(getattr(h, "data-thumbs")) for h in holders] == [["Primeiro ano", "Último ano"]]
