"""Translation catalogues are complete and numbers follow each locale."""

from __future__ import annotations

import math

import pytest
from babel import numbers
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.i18n import (
    LANGUAGES,
    LOCALES,
    format_number,
    format_value,
    messages,
    normalise_language,
    translator,
)
from scripts.update_catalogues import extract


@pytest.fixture(scope="module")
def code_messages() -> list[str]:
    """Every ``_("...")`` message in dashboard/, layouts/ and callbacks/ (as the .po files get them)."""
    return extract()


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_message_in_the_code_is_translated(code_messages: list[str], lang: str) -> None:
    """Spanish, Portuguese and French each translate every message (an empty msgstr is missing)."""
    assert code_messages, "no messages extracted from the code"
    missing = [m for m in code_messages if m not in messages(lang)]
    assert not missing, (
        f"{len(missing)} message(s) untranslated in dashboard/locales/{lang}/LC_MESSAGES/messages.po "
        "(run scripts/update_catalogues.py, then translate them):\n" + "\n".join(map(repr, missing))
    )


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_catalogues_exist_and_keep_placeholders(lang: str) -> None:
    table = messages(lang)
    assert table, f"{lang} catalogue is empty"
    for source, text in table.items():
        for placeholder in ("{rank}", "{n}", "{bloc}", "{year}", "{parameter}", "{value}"):
            assert (placeholder in source) == (placeholder in text), (lang, source)


def test_unknown_messages_and_languages_fall_back_to_english() -> None:
    assert translator("pt")("A message nobody wrote") == "A message nobody wrote"
    assert normalise_language("de") == "en"
    assert normalise_language("ES") == "es"
    assert translator("es")("no data") == "sin datos"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "8,870,527"), ("es", "8.870.527"), ("pt", "8\u00a0870\u00a0527"), ("fr", "8\u202f870\u202f527")],
)
def test_thousands_separators_follow_the_locale(lang: str, expected: str) -> None:
    assert format_number(8870527, lang) == expected


def test_values_carry_units_and_missing_is_never_zero() -> None:
    assert format_value(18.159, "percent", "es") == "18,2 %"
    assert format_value(float("nan"), "persons", "en") == "no data"
    assert format_value(None, "usd", "fr") == "pas de données"
    assert format_value(54.13e9, "usd", "en").startswith("US$ 54.1")
    assert not math.isnan(0.0) and format_value(0.0, "persons", "en") == "0 people"


@settings(max_examples=300)
@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda v: round(v, 6)),
    decimals=st.integers(min_value=0, max_value=2),
    lang=st.sampled_from(LANGUAGES),
)
def test_fast_number_format_matches_babel(value: float, decimals: int, lang: str) -> None:
    """Babel's CLDR format, except where Babel rounds a non-zero value to a zero (item 5)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    expected = numbers.format_decimal(value, format=pattern, locale=LOCALES[lang])
    if value != 0 and not any(digit in expected for digit in "123456789"):
        assert float(format_number(value, lang, decimals).replace(",", ".")) != 0
    else:
        assert format_number(value, lang, decimals) == expected.removeprefix("-" if value == 0 else "")
