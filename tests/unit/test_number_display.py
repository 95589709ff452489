"""Item 5 of issue 13: a non-zero value never reads as 0, 0.0 or -0.0, in any language, in any
of the forms numbers are shown in (plain, with a unit, long compact, short compact)."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import datasets, i18n
from dashboard.locale import Locale

LOCALES = [Locale.of(lang) for lang in i18n.LANGUAGES]
UNITS = ("persons", "percent", "per_1000", "usd", "usd_millions")
# An English SI or short-scale suffix right after a number: "60B", "1.5 k", "154,7bn", "3 G".
ENGLISH_SUFFIX = re.compile(r"\d\s?(k|K|M|B|G|T|bn|tn|m)(?![^\W\d_])")
NEGATIVE_ZERO = re.compile(r"-0(?:[.,]0*)?(?!\d|[.,]\d)")

values = st.one_of(
    st.floats(min_value=-1e13, max_value=1e13, allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1.0, max_value=1.0, allow_nan=False, allow_subnormal=False),
    st.sampled_from([0.05, -0.05, 0.049, 0.0195, 0.04999, 0.5, -0.5, 0.95, 0.005, 1e-9, -1e-6, 0.0, -0.0]),
)


def shown_digits(text: str) -> bool:
    """Whether a display shows any non-zero digit (what tells a reader "this is not zero")."""
    return any(digit in text for digit in "123456789")


def parse(text: str, locale: Locale) -> float:
    """The number a plain display reads as, in the locale's marks."""
    group, decimal = locale.number(1234567)[1], locale.number(1.5, 1)[1]
    plain = text.replace(group, "").replace("\u00a0", "").replace("\u202f", "").replace(decimal, ".")
    return float(plain)


@settings(max_examples=400, deadline=None)
@given(value=values, decimals=st.integers(min_value=0, max_value=2), locale=st.sampled_from(LOCALES))
def test_a_plain_number_is_never_zero_unless_it_is_and_reads_close(
    value: float, decimals: int, locale: Locale
) -> None:
    text = locale.number(value, decimals)
    assert shown_digits(text) == (value != 0), (value, text)
    assert not NEGATIVE_ZERO.fullmatch(text), (value, text)
    read = parse(text, locale)
    assert math.copysign(1, read) == math.copysign(1, value) or value == 0, (value, text)
    # Within the rounding of the decimals asked for, or of two significant digits.
    assert abs(read - value) <= max(0.5 * 10.0**-decimals, 0.05 * abs(value)) + 1e-9 * abs(value)


@settings(max_examples=400, deadline=None)
@given(value=values, unit=st.sampled_from(UNITS), locale=st.sampled_from(LOCALES))
def test_a_value_with_its_unit_is_never_zero_for_non_zero_nor_english_outside_english(
    value: float, unit: str, locale: Locale
) -> None:
    for text in (locale.value(value, unit), locale.bare(value, unit), locale.compact(value)):
        assert shown_digits(text) == (value != 0), (value, unit, text)
        assert "-0" not in text or shown_digits(text), (value, text)
        if locale.lang != "en":
            assert not ENGLISH_SUFFIX.search(text), (value, unit, text)


@settings(max_examples=300, deadline=None)
@given(value=values, locale=st.sampled_from(LOCALES))
def test_short_compact_forms_are_cldr_and_never_zero(value: float, locale: Locale) -> None:
    """The short forms of axes and colour bars: "M" is the CLDR million of es/pt/fr and "B"/"Bi"/"Bn"
    their 10¹² (billón, bilião, billion), so below 10¹² none of B, G or bn may appear."""
    text = locale.short(value)
    assert shown_digits(text) == (value != 0), (value, text)
    if locale.lang != "en" and abs(value) < 999.5e9:
        assert not re.search(r"\d\s?(B|G|bn|b)", text), (value, text)


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        # CLDR long forms (the words a reader sees in cards and hovers); 10⁹ is "mil millones",
        # "mil milhões" and "milliards", 10¹² "billones", "biliões", "billions".
        ("en", 61.1e9, "61.1 billion"),
        ("es", 61.1e9, "61,1 mil millones"),
        ("pt", 61.1e9, "61,1 mil milhões"),
        ("fr", 61.1e9, "61,1 milliards"),
        ("es", 2.5e12, "2,5 billones"),
        ("pt", 2.5e12, "2,5 biliões"),
        ("fr", 2.5e12, "2,5 billions"),
        ("es", 8.9e6, "8,9 millones"),
        ("pt", 8.9e6, "8,9 milhões"),
        ("fr", 8.9e6, "8,9 millions"),
        # An amount too small for a compact word keeps its digits: never "US$ 0.0 billion".
        ("en", 0.00004, "0.00004"),
        ("es", -0.0004, "-0,0004"),
    ],
)
def test_long_compact_forms(lang: str, value: float, expected: str) -> None:
    assert Locale.of(lang).compact(value) == expected


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("en", 60e9, "60bn"),
        ("es", 60e9, "60\u00a0mil\u00a0M"),
        ("pt", 60e9, "60\u00a0mM"),
        ("fr", 60e9, "60\u00a0Md"),
    ],
)
def test_short_compact_forms(lang: str, value: float, expected: str) -> None:
    assert Locale.of(lang).short(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0.019527, 1, "0.02"),  # Cuba's migrant share 2024, UN DESA IMS 2024 / population
        (0.05, 1, "0.05"),  # half-even would give 0.0
        (-0.05, 1, "-0.05"),
        (-0.04, 1, "-0.04"),
        (0.25, 1, "0.2"),  # a non-zero rounding stays CLDR's half-even
        (0.0, 1, "0.0"),
        (-0.0, 1, "0.0"),  # never "-0.0"
        (-0.0, 0, "0"),
        (0.4, 0, "0.4"),
        (1234567.891, 2, "1,234,567.89"),
    ],
)
def test_precision_examples(value: float, decimals: int, expected: str) -> None:
    assert Locale.of("en").number(value, decimals) == expected


# --- every stored value (data/indicators.parquet, through the data layer) -------------------


@pytest.fixture(scope="module")
def stored() -> dict[str, list[float]]:
    frame = datasets.indicator_values()
    real = frame[frame["value"].notna()]
    return {key: part["value"].astype(float).tolist() for key, part in real.groupby("indicator")}


@pytest.mark.parametrize("indicator", sorted(datasets.catalogue()))
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_stored_value_displays_as_zero(stored: dict[str, list[float]], indicator: str, lang: str) -> None:
    """Every indicator value a reader can see, as the map's hover, the cards and the table write it
    (``Locale.value`` and ``Locale.bare``): non-zero never reads as 0, zero never as "-0"."""
    unit, locale = datasets.catalogue()[indicator].unit, Locale.of(lang)
    wrong = []
    for value in stored.get(indicator, []):
        for text in (locale.value(value, unit), locale.bare(value, unit)):
            if shown_digits(text) != (value != 0) or NEGATIVE_ZERO.search(text):
                wrong.append((value, text))
    assert wrong == [], f"{len(wrong)} values of {indicator} read wrong in {lang}: {wrong[:5]}"


def test_the_values_the_issue_names_show_their_digits(stored: dict[str, list[float]]) -> None:
    """Cuba's migrant share 2024 (0.0195 %) and the small remittances/GDP and net migration rates."""
    frame = datasets.indicator_values()
    cuba = frame[(frame["iso3"] == "CUB") & (frame["indicator"] == "migrant_share") & (frame["year"] == 2024)]
    assert Locale.of("es").value(float(cuba["value"].iloc[0]), "percent") == "0,02 %"
    small = [v for key in ("remittances_gdp", "net_migration_rate") for v in stored[key] if 0 < abs(v) < 0.05]
    assert len(small) > 50  # the issue counts 140 + 82 values that rounded to 0.0 or -0.0
