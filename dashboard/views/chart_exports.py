"""What an export, embed or slide of the newer charts shows (:class:`exports.Chart`): the map
page's profile, the corridors over time, the diaspora split, the remittance corridors and the
programme map — each with its title, a subtitle naming the choice, and the source line."""

from __future__ import annotations

from dashboard import datasets, profiles
from dashboard.figures.corridors import message
from dashboard.locale import Locale
from dashboard.views import exports, series
from dashboard.views.corridors import CorridorView
from dashboard.views.map import MapView, profile_series
from dashboard.views.programmes import ProgrammesView

PROFILE_HEIGHT = 380


def profile_chart(view: MapView) -> exports.Chart:
    """The profile over time of the chosen countries and groups (every year of the indicator)."""
    _ = view.locale.gettext
    shown = [line.name for line in _lines(view)]
    years = view.spec.years
    span = f"{min(years)}–{max(years)}" if years else ""
    parts = (", ".join(shown), span, view.locale.unit(view.spec.unit))
    subtitle = " · ".join(part for part in parts if part)
    source = exports.source_text(
        view.spec.source, view.locale, view.method, view.denominator, view.editions_note
    )
    codes = "-".join([*view.state.countries, *view.state.groups]).lower() or "none"
    figure = view.profile()
    if not view.state.countries and not view.state.groups:  # the prompt, never empty axes
        prompt = _("Click a country on the map, or pick up to 6 here, to see its profile.")
        figure = message([prompt], view.locale, PROFILE_HEIGHT)
    return exports.Chart(
        "profile",
        figure,
        exports.Caption(view.title, subtitle, source),
        f"puentes-profile-{view.spec.id}-{codes}",
    )


def _lines(view: MapView) -> list[profiles.Line]:
    return profiles.lines(
        profile_series(),
        datasets.countries(),
        datasets.groups(),
        view.spec,
        view.state.countries,
        view.locale,
        view.state.groups,
    )


def trend_chart(view: CorridorView) -> exports.Chart:
    """The chosen corridors over every year, one line each (the largest few)."""
    _ = view.locale.gettext
    caption = exports.Caption(
        _("Corridors over time"), series.trend_title(view), exports.source_text("undesa_ims2024", view.locale)
    )
    stem = f"puentes-corridors-trend-{view.state.direction}-{view.state.sex}"
    return exports.Chart("trend", series.trend_figure(view), caption, stem)


def diaspora_chart(view: CorridorView) -> exports.Chart:
    """Where each CELAC diaspora lives in the chosen year (the page's heading)."""
    _ = view.locale.gettext
    heading = _("Where each CELAC diaspora lives, {year}").format(year=view.year)
    subtitle = " · ".join([view.sex_label(), "%"])
    caption = exports.Caption(heading, subtitle, exports.source_text("undesa_ims2024", view.locale))
    stem = f"puentes-corridors-diaspora-{view.year}-{view.state.sex}"
    return exports.Chart("diaspora", view.diaspora_figure(), caption, stem)


def remittance_chart(view: CorridorView) -> exports.Chart:
    """The largest remittance corridors back along the chosen ones (KNOMAD 2021)."""
    _ = view.locale.gettext
    caption = exports.Caption(
        _("Remittances sent back along these corridors (2021 model estimates)"),
        view.direction_label(3) if not view.needs_choice else "",
        exports.source_text("knomad_brm2021", view.locale),
    )
    stem = f"puentes-corridors-remittances-{view.state.direction}"
    return exports.Chart("remittances", view.remittance_figure(), caption, stem)


def programmes_chart(view: ProgrammesView, locale: Locale) -> exports.Chart:
    """The programme map: the countries the chosen programmes reached."""
    _ = locale.gettext
    caption = exports.Caption(
        _("Where the programmes worked"),
        view.caption,
        _("Source") + ": " + _("the five source documents; every event cites its document and words"),
    )
    stem = "puentes-programmes-" + (view.page.component or view.page.programme or "all")
    return exports.Chart("programmes", view.figure, caption, stem)
