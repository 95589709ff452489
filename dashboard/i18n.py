"""Translation and locale formatting.

Messages live in gettext catalogues, ``dashboard/locales/<lang>/LC_MESSAGES/messages.po``,
read with Babel at first use (no compile step). English is the source language;
Spanish is complete; Portuguese and French fall back to English message by message.
Numbers are formatted with CLDR conventions of each locale (decimal comma, etc.).
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


def format_number(value: float | None, lang: str, decimals: int = 0) -> str:
    """A number with the locale's grouping and decimal marks, e.g. 8,870,527 / 8.870.527.

    Same result as Babel's ``format_decimal`` (CLDR marks and minimum grouping), computed
    with Python's formatter because the map formats hundreds of numbers per interaction.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)("no data")
    group, decimal, minimum = _symbols(normalise_language(lang))
    # Decimal of the shortest repr rounds half-even as Babel does (0.995 -> 1.00, not 0.99).
    text = f"{Decimal(repr(float(value))):,.{decimals}f}"
    if minimum == 2 and abs(value) < 10000:
        text = text.replace(",", "")
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)


def format_compact(value: float | None, lang: str) -> str:
    """Short form for big numbers in hovers and cards: 8.9 million, 8,9 millones."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translator(lang)("no data")
    return numbers.format_compact_decimal(
        value, format_type="long", fraction_digits=1, locale=LOCALES[normalise_language(lang)]
    )


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
