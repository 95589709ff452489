"""Translation and locale formatting.

Messages live in gettext catalogues, ``dashboard/locales/<lang>/LC_MESSAGES/messages.po``,
read with Babel at first use (no compile step). English is the source language;
Spanish is complete; Portuguese and French fall back to English message by message.
Numbers are formatted with CLDR conventions of each locale (decimal comma, etc.), in one place,
where a non-zero value is never shown as 0 (it keeps two significant digits) and zero never as -0.
"""

from __future__ import annotations

import gettext
import math
from collections.abc import Callable
from decimal import Decimal
from functools import cache

from babel import numbers
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from dashboard.paths import locales_dir

LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "fr")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
LOCALES = {"en": "en_GB", "es": "es_ES", "pt": "pt_PT", "fr": "fr_FR"}

Translate = Callable[[str], str]


def normalise_language(value: object) -> str:
    """A supported language code, or the default for anything else."""
    text = str(value or "").strip().lower()[:2]
    return text if text in LANGUAGES else DEFAULT_LANGUAGE


@cache
def _catalog(lang: str) -> Catalog | None:
    path = locales_dir() / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


@cache
def messages(lang: str) -> dict[str, str]:
    """msgid -> msgstr for one language (empty translations are left out)."""
    catalog = _catalog(lang)
    if catalog is None:
        return {}
    return {str(m.id): str(m.string) for m in catalog if isinstance(m.id, str) and m.id and m.string}


@cache
def plural_messages(lang: str) -> dict[str, tuple[str, ...]]:
    """singular msgid -> every plural form of a ``ngettext`` message (incomplete ones left out)."""
    catalog = _catalog(lang)
    if catalog is None:
        return {}
    return {
        str(m.id[0]): tuple(str(form) for form in m.string)
        for m in catalog
        if isinstance(m.id, tuple) and isinstance(m.string, tuple) and all(m.string)
    }


@cache
def _plural_rule(lang: str) -> Callable[[int], int]:
    catalog = _catalog(lang)
    return gettext.c2py(catalog.plural_expr if catalog is not None else "(n != 1)")


def plural_index(lang: str, count: int) -> int:
    """Which plural form of a message ``count`` takes in ``lang`` (the .po file's Plural-Forms)."""
    return int(_plural_rule(lang)(count))


def translator(lang: str) -> Translate:
    """The ``_`` function for one language; unknown messages come back in English."""
    table = messages(normalise_language(lang))

    def translate(message: str) -> str:
        return table.get(message, message)

    return translate


@cache
def _symbols(lang: str) -> tuple[str, str, int]:
    """Group and decimal marks of a locale and its minimum grouping digits (CLDR via Babel)."""
    locale = LOCALES[lang]
    group, decimal = numbers.get_group_symbol(locale), numbers.get_decimal_symbol(locale)
    minimum = 1 if group in numbers.format_decimal(1234, locale=locale) else 2
    return group, decimal, minimum


SIGNIFICANT_DIGITS = 2
"""Digits a non-zero value keeps when its usual decimals would round it to 0 ("0.020 %" -> "0.02 %")."""


def reads_as_zero(text: str) -> bool:
    """True when a formatted number shows no non-zero digit ("0", "0,0", "-0.0", "0 mil")."""
    return not any(char in "123456789" for char in text)


def significant_decimals(value: float, decimals: int = 0) -> int:
    """At least ``decimals``, and as many as :data:`SIGNIFICANT_DIGITS` of ``value`` need: what a
    value that ``decimals`` would round to 0 is shown with (a reader never sees 0 for non-zero)."""
    if value == 0 or not math.isfinite(value):
        return decimals
    return max(decimals, SIGNIFICANT_DIGITS - 1 - math.floor(math.log10(abs(value))))


def format_number(value: float | None, lang: str, decimals: int = 0) -> str:
    """A number with the locale's grouping and decimal marks, e.g. 8,870,527 / 8.870.527.

    Same result as Babel's ``format_decimal`` (CLDR marks and minimum grouping), computed
    with Python's formatter because the map formats hundreds of numbers per interaction.
    Except that a non-zero value never reads as 0: where ``decimals`` would round it to zero
    (half-even 0.05 -> "0.0", Cuba's 0.0195 % -> "0.0 %") it keeps two significant digits
    ("0.05", "0.02"), and zero is never "-0".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)("no data")
    group, decimal, minimum = _symbols(normalise_language(lang))
    value = float(value) if value else 0.0  # -0.0 is 0
    # Decimal of the shortest repr rounds half-even as Babel does (0.995 -> 1.00, not 0.99).
    text = f"{Decimal(repr(value)):,.{decimals}f}"
    if value and reads_as_zero(text):
        text = f"{Decimal(repr(value)):,.{significant_decimals(value, decimals)}f}".rstrip("0")
        text = text if text[-1] != "." else text[:-1]
    if minimum == 2 and abs(value) < 10000:
        text = text.replace(",", "")
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)


def format_compact(value: float | None, lang: str) -> str:
    """Short form for big numbers in hovers and cards: 8.9 million, 8,9 millones, 61,1 mil milhões.

    CLDR long forms, never an SI suffix; a non-zero amount too small for them never reads as 0.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)("no data")
    value = float(value) if value else 0.0
    text = str(
        numbers.format_compact_decimal(
            value, format_type="long", fraction_digits=1, locale=LOCALES[normalise_language(lang)]
        )
    )
    return format_number(value, lang) if reads_as_zero(text) else text


def format_short(value: float | None, lang: str, decimals: int = 1) -> str:
    """The CLDR short compact form, for labels with little room: 60bn, 60 mil M, 60 mM, 60 Md.

    The same forms :mod:`dashboard.figures.ticks` labels axes with (never plotly's "60B"); a
    non-zero value too small for them never reads as 0.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)("no data")
    value = float(value) if value else 0.0
    text = str(
        numbers.format_compact_decimal(
            value, format_type="short", fraction_digits=decimals, locale=LOCALES[normalise_language(lang)]
        )
    )
    return format_number(value, lang, decimals) if reads_as_zero(text) else text


def unit_label(unit: str, lang: str) -> str:
    """Translated name of a catalogue unit, for axis titles and source lines."""
    _ = translator(lang)
    labels = {
        "persons": _("people"),
        "percent": "%",
        "per_1000": _("per 1,000 people"),
        "usd": _("current US$"),
        "usd_millions": _("US$ millions"),
    }
    return labels.get(unit, unit)


def unit_affixes(unit: str, lang: str) -> tuple[str, str]:
    """What goes before and after a bare number of this unit: ("US$ ", ""), ("", " people")."""
    _ = translator(lang)
    return {
        "percent": ("", " %"),
        "per_1000": ("", " ‰"),
        "usd": ("US$ ", ""),
        "usd_millions": ("US$ ", ""),
    }.get(unit, ("", " " + _("people")))


def format_bare(value: float, unit: str, lang: str) -> str:
    """The number alone, formatted as :func:`format_value` does (without unit affixes)."""
    if unit in ("percent", "per_1000"):
        return format_number(value, lang, 1)
    if unit in ("usd", "usd_millions"):
        return format_compact(value * (1e6 if unit == "usd_millions" else 1), lang)
    return format_number(value, lang)


def format_value(value: float | None, unit: str, lang: str) -> str:
    """A value with its unit in the reader's locale: "8,870,527 people", "18.2 %", "US$ 54.1 billion"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)("no data")
    prefix, suffix = unit_affixes(unit, lang)
    return prefix + format_bare(value, unit, lang) + suffix
