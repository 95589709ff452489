"""The Locale value: one per language, its words, plural rules, numbers and dates."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard import i18n
from dashboard.locale import DEFAULT, Locale
from scripts.update_catalogues import extract_plurals


@pytest.mark.parametrize("value", [None, "", "xx", 42, ["es"], "zz-ZZ"])
def test_anything_unsupported_is_the_default_language(value: object) -> None:
    assert Locale.of(value) is DEFAULT and DEFAULT.lang == "en"


def test_one_value_per_language() -> None:
    assert Locale.of("ES") is Locale.of("es") is Locale.of("es-419")
    assert [Locale.of(lang).cldr for lang in i18n.LANGUAGES] == ["en_GB", "es_ES", "pt_PT", "fr_FR"]


@pytest.mark.parametrize(
    ("lang", "count", "index"),
    # CLDR: French counts 0 and 1 as singular, English and Spanish only 1.
    [("en", 0, 1), ("en", 1, 0), ("en", 2, 1), ("es", 1, 0), ("es", 2, 2), ("fr", 0, 0), ("fr", 1, 0)],
)
def test_plural_rules_come_from_each_catalogue(lang: str, count: int, index: int) -> None:
    assert i18n.plural_index(lang, count) == index


def test_an_untranslated_plural_falls_back_to_the_english_forms() -> None:
    spanish = Locale.of("es")
    assert spanish.ngettext("{n} apple", "{n} apples", 1) == "{n} apple"
    assert spanish.ngettext("{n} apple", "{n} apples", 3) == "{n} apples"


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGUAGES if lang != "en"])
def test_every_plural_message_in_the_code_has_every_form(lang: str) -> None:
    forms = i18n.plural_messages(lang)
    assert [singular for singular, _plural in extract_plurals() if singular not in forms] == []


def test_words_numbers_and_dates_follow_the_language() -> None:
    spanish = Locale.of("es")
    assert spanish.gettext("no data") == i18n.messages("es")["no data"]
    assert spanish.number(8870527) == "8.870.527"
    assert spanish.number(None) == spanish.gettext("no data")
    assert spanish.value(3063518, "persons") == "3.063.518 personas"
    assert spanish.compact(154.7e9) == "154,7 mil millones"  # never "154,7B": a billón is 10^12
    assert spanish.short(154.7e9) == "154,7\u00a0mil\u00a0M"  # CLDR short form, for tight labels
    assert spanish.value(0.0195, "percent") == "0,02 %"  # never "0,0 %" for a non-zero share
    assert spanish.date(date(2009, 9, 25)) == "25 de septiembre de 2009"
    assert Locale.of("fr").date_skeleton("yMMMM", date(2010, 2, 1)) == "février 2010"
