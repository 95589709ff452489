"""The reader's locale as one value: language, words, plural rules, number and date formats.

A :class:`Locale` is made once per request (``Locale.of(lang)``, from the URL's ``lang``) and passed
down instead of a bare language code, so no helper has to go back to :mod:`dashboard.i18n` to
resolve it. Messages are extracted from ``_("…")`` calls: write ``_ = locale.gettext`` first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date, format_skeleton

from dashboard import i18n


@dataclass(frozen=True)
class Locale:
    """One of :data:`i18n.LANGUAGES` and everything that follows from it."""

    lang: str

    @staticmethod
    def of(value: object) -> Locale:
        """The locale for a language code; anything unsupported (a forged value) is the default."""
        return _locale(i18n.normalise_language(value))

    @property
    def cldr(self) -> str:
        """The CLDR locale whose conventions numbers and dates follow (``es_ES``, ``pt_PT``…)."""
        return i18n.LOCALES[self.lang]

    def gettext(self, message: str) -> str:
        """A message in this language; an untranslated one comes back in English."""
        return i18n.messages(self.lang).get(message, message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of a message for ``count`` under this language's plural rules ("1 country")."""
        forms = i18n.plural_messages(self.lang).get(singular)
        if forms:
            index = i18n.plural_index(self.lang, count)
            return forms[min(index, len(forms) - 1)]
        return singular if count == 1 else plural

    def number(self, value: float | None, decimals: int = 0) -> str:
        """8,870,527 / 8.870.527 / 8 870 527; "no data" for a missing value."""
        return i18n.format_number(value, self.lang, decimals)

    def compact(self, value: float | None) -> str:
        """8.9 million / 8,9 millones (long words, never an SI suffix)."""
        return i18n.format_compact(value, self.lang)

    def short(self, value: float | None, decimals: int = 1) -> str:
        """The CLDR short compact form for tight labels: 60bn / 60 mil M / 60 mM / 60 Md (no "60B")."""
        return i18n.format_short(value, self.lang, decimals)

    def value(self, value: float | None, unit: str) -> str:
        """A value with its catalogue unit: "8,870,527 people", "18.2 %", "US$ 54.1 billion"."""
        return i18n.format_value(value, unit, self.lang)

    def bare(self, value: float, unit: str) -> str:
        """The number of :meth:`value` without the unit's words."""
        return i18n.format_bare(value, unit, self.lang)

    def unit(self, unit: str) -> str:
        """The name of a catalogue unit, for axis titles and source lines."""
        return i18n.unit_label(unit, self.lang)

    def affixes(self, unit: str) -> tuple[str, str]:
        """What goes before and after a bare number of this unit."""
        return i18n.unit_affixes(unit, self.lang)

    def date(self, day: dt.date, form: str = "long") -> str:
        """A date in this language: 30 November 2026 / 30 de noviembre de 2026."""
        return str(format_date(day, format=form, locale=self.cldr))

    def date_skeleton(self, skeleton: str, day: dt.date) -> str:
        """A date as precise as a CLDR skeleton says (``yMMMM``: "février 2010")."""
        return str(format_skeleton(skeleton, day, locale=self.cldr))


@cache
def _locale(lang: str) -> Locale:
    return Locale(lang)


DEFAULT = Locale.of(i18n.DEFAULT_LANGUAGE)
