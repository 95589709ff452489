"""The words of the corridors page that depend on what was chosen: titles that name the countries,
the prompt for an empty choice, and why a panel has nothing to draw.

Pure: codes, names and a :class:`Locale` in, text out (``CorridorView`` passes its state here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dashboard.locale import Locale
from dashboard.urls.corridors import CorridorState

# Up to this many countries a side is named in the title; beyond, the title counts them and
# the names go to a subtitle.
MAX_NAMED = 4
# An image's subtitle is one line: it names this many countries of a long side, then "and N more".
MAX_LISTED = 3


def preset_label(direction: str, locale: Locale) -> str:
    """The name of a preset direction ("CELAC → EU")."""
    _ = locale.gettext
    return {
        "celac_eu": _("CELAC → EU"),
        "eu_celac": _("EU → CELAC"),
        "celac_celac": _("Within CELAC"),
        "celac_world": _("CELAC → rest of the world"),
    }[direction]


def prompt(locale: Locale) -> str:
    """What a custom direction with nothing chosen says instead of a result."""
    _ = locale.gettext
    return _("Choose one or more origins or destinations above to see their corridors.")


def needs_choice(state: CorridorState) -> bool:
    """A custom direction with neither origins nor destinations: nothing to show yet."""
    return state.direction == "custom" and not state.origins and not state.destinations


def named(codes: Sequence[str], names: Mapping[str, str]) -> list[str]:
    return [names.get(code, code) for code in codes]


def side_label(
    codes: Sequence[str], side: str, names: Mapping[str, str], locale: Locale, listed: int | None = None
) -> str:
    """One side of a custom direction: its countries by name, a count if there are many (or,
    with ``listed``, the first names and "and N more"), or "every origin" / "every destination"
    when that side is left open."""
    _ = locale.gettext
    count = len(codes)
    if count == 0:
        return _("every origin") if side == "origin" else _("every destination")
    if count <= MAX_NAMED:
        return ", ".join(named(codes, names))
    if listed is not None:
        return listing(named(codes, names), locale, listed)
    if side == "origin":
        text = locale.ngettext("{count} origin", "{count} origins", count)
    else:
        text = locale.ngettext("{count} destination", "{count} destinations", count)
    return text.format(count=locale.number(count))


def title(state: CorridorState, names: Mapping[str, str], locale: Locale, listed: int | None = None) -> str:
    """What was chosen: "Venezuela, Colombia → Spain, Portugal", "12 origins → Spain" (with
    ``listed``: "Argentina, Bolivia, Brazil and 9 more → Spain"), "CELAC → EU"; the prompt when
    nothing is chosen."""
    if state.direction != "custom":
        return preset_label(state.direction, locale)
    if needs_choice(state):
        return prompt(locale)
    origins = side_label(state.origins, "origin", names, locale, listed)
    return f"{origins} → {side_label(state.destinations, 'destination', names, locale, listed)}"


def listing(items: Sequence[str], locale: Locale, limit: int | None = None) -> str:
    """Names joined by commas; beyond ``limit`` the first ones and "and N more"."""
    if limit is None or len(items) <= limit:
        return ", ".join(items)
    rest = len(items) - limit
    more = locale.ngettext("and {count} more", "and {count} more", rest).format(count=locale.number(rest))
    return ", ".join(items[:limit]) + " " + more


def names_note(
    state: CorridorState, names: Mapping[str, str], locale: Locale, limit: int | None = None
) -> str:
    """The names of a side the title only counts ("Origins: Argentina, Bolivia, …"); "" if the
    title names every chosen country."""
    _ = locale.gettext
    parts = []
    if len(state.origins) > MAX_NAMED:
        parts.append(_("Origins: {names}").format(names=listing(named(state.origins, names), locale, limit)))
    if len(state.destinations) > MAX_NAMED:
        text = listing(named(state.destinations, names), locale, limit)
        parts.append(_("Destinations: {names}").format(names=text))
    return " · ".join(parts)


def no_migrants(pair: str, year: int, sex: str, locale: Locale) -> tuple[str, str]:
    """Why the flow diagram is empty for a real choice: (what, why)."""
    _ = locale.gettext
    what = _("No migrants recorded for {pair} in mid-{year} ({sex}).").format(pair=pair, year=year, sex=sex)
    why = _(
        "UN DESA lists by name the origins each destination reports; migrants from the others "
        "are counted there under “Other”."
    )
    return what, why


def unrecorded(countries: Sequence[str], locale: Locale) -> str:
    """A note for the chosen countries that have no migrant in the chosen corridors; "" if none."""
    _ = locale.gettext
    if not countries:
        return ""
    text = _(
        "No migrants recorded for {countries} in these corridors (migrants from origins a destination "
        "does not list are counted there under “Other”)."
    )
    return text.format(countries=", ".join(countries))


def no_remittances(senders: str, receivers: str, empty: Sequence[str], locale: Locale) -> tuple[str, str]:
    """Why the remittance panel is empty: (what, why); ``empty`` names the receivers the matrix
    has no estimate for at all."""
    _ = locale.gettext
    what = _("The KNOMAD 2021 matrix has no estimate of remittances from {senders} to {receivers}.").format(
        senders=senders, receivers=receivers
    )
    return what, unestimated(empty, locale)


def unestimated(empty: Sequence[str], locale: Locale) -> str:
    """The receivers whose column of the remittance matrix is empty; "" if none."""
    _ = locale.gettext
    if not empty:
        return ""
    text = _(
        "The KNOMAD 2021 matrix gives no estimate of remittances received by {countries} (an empty column)."
    )
    return text.format(countries=", ".join(empty))


def remittance_side(codes: Sequence[str] | None, names: Mapping[str, str], locale: Locale) -> str:
    """One end of a remittance corridor in a sentence: the countries, or "any country"."""
    _ = locale.gettext
    if not codes:
        return _("any country")
    return listing(named(codes, names), locale, MAX_LISTED)
