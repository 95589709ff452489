"""What each column of a downloaded table means, in the reader's language (the XLSX's "About"
sheet); the column ids themselves never change with the language."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.locale import Locale


def _meanings(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "iso3": _("ISO 3166-1 alpha-3 code of the country"),
        "code": _("ISO3 code of the country, or code of the group"),
        "country": _("Country name"),
        "name": _("Name of the country or group"),
        "is_group": _("True for a group's total (a bloc or an organisation)"),
        "bloc": _("CELAC or EU27"),
        "indicator": _("Indicator id"),
        "indicator_label": _("Indicator name"),
        "year": _("Year"),
        "value": _("The value a reader sees; empty where there is no data"),
        "unit": _("Unit of the values"),
        "rank_in_bloc": _("Rank within the bloc (1 = highest)"),
        "flag": _("The source's flag on the number (e.g. a zero meaning 'not reported')"),
        "published": _("The number as the source published it"),
        "no_data_reason": _("Why there is no value"),
        "n_reporting": _("How many of the group's members report a value"),
        "n_members": _("How many members the group has"),
        "members": _("ISO3 codes of the group's members"),
        "source": _("Source"),
        "edition": _("Edition of the source"),
        "licence": _("Licence of the source"),
        "denominator_source": _("Source of the denominator (computed ratios)"),
        "denominator_edition": _("Edition of the denominator's source"),
        "denominator_licence": _("Licence of the denominator's source"),
        "editions_note": _("Why the numerator's and denominator's editions differ"),
        "computed_method": _("How Puentes computes the indicator"),
        "origin": _("ISO3 code of the country of birth"),
        "origin_name": _("Country of birth"),
        "destination": _("ISO3 code of the country of residence"),
        "destination_name": _("Country of residence"),
        "sex": _("Sex: total, female or male"),
        "migrant_stock": _("International migrants (people), mid-year"),
        "on_chart": _("True for the corridors the chart draws"),
        "focus": _("ISO3 code of the country the map is about"),
        "focus_name": _("Country the map is about"),
        "focus_side": _("Whether that country is the origin or the destination"),
        "partner": _("ISO3 code of the other country of the corridor"),
        "partner_name": _("Other country of the corridor"),
        "partner_side": _("Whether the other country is the origin or the destination"),
        "usa": _("Emigrants living in the United States"),
        "eu": _("Emigrants living in the EU"),
        "celac": _("Emigrants living in other CELAC countries"),
        "rest": _("Emigrants living in the rest of the world"),
        "total": _("All emigrants"),
        "sender": _("ISO3 code of the country remittances are sent from"),
        "sender_name": _("Country remittances are sent from"),
        "receiver": _("ISO3 code of the country receiving the remittances"),
        "receiver_name": _("Country receiving the remittances"),
        "usd_millions": _("Remittances, US$ millions (model estimate)"),
        "id": _("Identifier"),
        "kind": _("Kind of event"),
        "date": _("Date (as precise as the source)"),
        "date_precision": _("How precise the date is: day, month or year"),
        "date_end": _("Last day, for an event of several days"),
        "themes": _("Themes"),
        "title": _("Title"),
        "files": _("Seed files the record rests on"),
        "n_programmes": _("How many programmes reached the country"),
        "programmes": _("Programmes that reached the country"),
        "n_results": _("How many results name the country"),
    }


def meaning(column: str, locale: Locale) -> str:
    """The meaning of column ``column`` in ``locale`` ("" for a column not described)."""
    return _meanings(locale.gettext).get(column, "")
