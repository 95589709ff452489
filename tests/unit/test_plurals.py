"""Counts read as the reader's language counts them: every count-bearing message is a gettext plural
(``Locale.ngettext``), with the plural forms of es, pt and fr ("1 result", never "1 results"; French
and the catalogue's Portuguese read 0 as singular, English and Spanish as plural).

The expected sentences are written out here by hand, in each language, not read from the catalogues."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from dashboard import i18n, readings
from dashboard.figures.profiles import cluster_label
from dashboard.locale import Locale
from dashboard.timeline import Meeting
from dashboard.views.programmes import results_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import update_catalogues

LANGS = ("en", "es", "pt", "fr")

# (singular, plural) -> language -> count -> the message for that count, formatted.
EXPECTED: dict[tuple[str, str], dict[str, dict[int, str]]] = {
    ("{count} result", "{count} results"): {
        "en": {0: "0 results", 1: "1 result", 2: "2 results"},
        "es": {0: "0 resultados", 1: "1 resultado", 2: "2 resultados"},
        "pt": {0: "0 resultado", 1: "1 resultado", 2: "2 resultados"},
        "fr": {0: "0 résultat", 1: "1 résultat", 2: "2 résultats"},
    },
    ("{count} state", "{count} states"): {
        "en": {1: "1 state", 2: "2 states", 33: "33 states"},
        "es": {1: "1 Estado", 2: "2 Estados", 33: "33 Estados"},
        "pt": {1: "1 Estado", 2: "2 Estados", 33: "33 Estados"},
        "fr": {0: "0 État", 1: "1 État", 2: "2 États", 33: "33 États"},
    },
    ("{count} territory", "{count} territories"): {
        "en": {0: "0 territories", 1: "1 territory", 17: "17 territories"},
        "es": {0: "0 territorios", 1: "1 territorio", 17: "17 territorios"},
        "pt": {1: "1 território", 17: "17 territórios"},
        "fr": {0: "0 territoire", 1: "1 territoire", 17: "17 territoires"},
    },
    ("Up to {count} view.", "Up to {count} views."): {
        "en": {1: "Up to 1 view.", 12: "Up to 12 views."},
        "es": {1: "Hasta 1 vista.", 12: "Hasta 12 vistas."},
        "pt": {1: "Até 1 vista.", 12: "Até 12 vistas."},
        "fr": {1: "Jusqu'à 1 vue.", 12: "Jusqu'à 12 vues."},
    },
    ("{count} summit", "{count} summits"): {
        "en": {2: "2 summits"},
        "es": {2: "2 cumbres"},
        "pt": {2: "2 cimeiras"},
        "fr": {2: "2 sommets"},
    },
    ("{count} origin", "{count} origins"): {
        "en": {1: "1 origin", 3: "3 origins"},
        "es": {1: "1 origen", 3: "3 orígenes"},
        "pt": {1: "1 origem", 3: "3 origens"},
        "fr": {1: "1 origine", 3: "3 origines"},
    },
}


def say(lang: str, message: tuple[str, str], count: int) -> str:
    locale = Locale.of(lang)
    return locale.ngettext(*message, count).format(count=locale.number(count))


@pytest.mark.parametrize(
    "message,lang,count,expected",
    [
        (message, lang, count, text)
        for message, languages in EXPECTED.items()
        for lang, texts in languages.items()
        for count, text in texts.items()
    ],
)
def test_plural_forms_in_each_language(
    message: tuple[str, str], lang: str, count: int, expected: str
) -> None:
    assert say(lang, message, count) == expected


@pytest.mark.parametrize("lang,singular_zero", [("en", False), ("es", False), ("pt", True), ("fr", True)])
def test_zero_takes_the_languages_form(lang: str, singular_zero: bool) -> None:
    """French (and the catalogue's Portuguese) say "0 résultat"; English and Spanish "0 results"."""
    assert (i18n.plural_index(lang, 0) == i18n.plural_index(lang, 1)) is singular_zero
    assert i18n.plural_index(lang, 2) != i18n.plural_index(lang, 1)


@pytest.mark.parametrize("lang", LANGS)
def test_every_plural_message_has_its_forms(lang: str) -> None:
    """Every ``ngettext`` message of the code, for 0, 1, 2 and a million: a form with the English's
    placeholders (the catalogue test checks each is translated); English: singular for 1 only."""
    for singular, plural in update_catalogues.extract_plurals():
        placeholders = set(re.findall(r"{\w*}", singular))
        for count in (0, 1, 2, 1_000_000):
            text = Locale.of(lang).ngettext(singular, plural, count)
            assert set(re.findall(r"{\w*}", text)) == placeholders, (lang, singular, count, text)
        one, two = (Locale.of(lang).ngettext(singular, plural, n) for n in (1, 2))
        if singular != plural and lang == "en":
            assert (one, two) == (singular, plural)


# A plain message holding a count next to a noun that takes a plural ("{count} figures",
# "{states} states"): it would read "1 figures". Counts of people or money ("{total} migrants"
# after a counted noun's plural) are sentences about amounts, written through ngettext too.
COUNTED = re.compile(r"\{(count|n|total|shown|states|territories|known|seconds)\} [a-zà-ÿ]+s\b")


def test_no_plain_message_carries_a_counted_noun() -> None:
    plain = [m for m in update_catalogues.extract() if COUNTED.search(m)]
    assert plain == []


@pytest.mark.parametrize(
    "lang,one,many",
    [
        ("en", "1 of 1 country", "22 of 33 countries"),
        ("es", "1 de 1 país", "22 de 33 países"),
        ("pt", "1 de 1 país", "22 de 33 países"),
        ("fr", "1 sur 1 pays", "22 sur 33 pays"),
    ],
)
def test_coverage_words(lang: str, one: str, many: str) -> None:
    locale = Locale.of(lang)
    assert readings.coverage(1, 1, locale) == one
    assert readings.coverage(22, 33, locale) == many


@pytest.mark.parametrize(
    "lang,one,two", [("en", "1 result", "2 results"), ("fr", "1 résultat", "2 résultats")]
)
def test_programme_results(lang: str, one: str, two: str) -> None:
    assert results_text(1, Locale.of(lang)) == one
    assert results_text(2, Locale.of(lang)) == two


@pytest.mark.parametrize(
    "lang,expected", [("en", "HLM I + 2 summits"), ("es", "RAN I + 2 cumbres"), ("fr", "RHN I + 2 sommets")]
)
def test_meetings_with_summits(lang: str, expected: str) -> None:
    assert cluster_label(MEETINGS, Locale.of(lang)) == expected


MEETINGS = [
    Meeting("hlm-1", 2005.5, "HLM I", "HLM I", number="I"),
    Meeting("summit-a", 2006.4, "Vienna summit", "Vienna summit"),
    Meeting("summit-b", 2008.4, "Lima summit", "Lima summit"),
]
