"""What the offline file inlines from the app itself: its plotly.js bundle, plotly.js's own
translations, the base map's topojson (the app's ``assets/`` folder, which the server names: in
the image it sits beside ``app.py``, not beside this package), and the file's player
(``player.js``, ``player.css`` beside this module: not under ``assets/``, which Dash would serve
into every page). Shipped with the code, not data: read once, when the routes are registered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.locale import Locale

TOPOJSON_NAME = "world_110m"  # the name plotly.js looks up (scope "world", resolution 110)
HERE = Path(__file__).resolve().parent
# Language -> plotly.js locale (as ``layouts/graph_config.py`` names them; English is built in).
PLOTLY_LOCALE_NAMES = {"en": "en", "es": "es", "pt": "pt-PT", "fr": "fr"}


@dataclass(frozen=True)
class Inlined:
    """The texts the file holds besides its steps."""

    plotly_js: str
    plotly_locales: dict[str, str]  # plotly.js locale name -> the script that registers it
    topojson: str  # JSON text
    player_js: str
    player_css: str

    def plotly_locale(self, locale: Locale) -> tuple[str, str]:
        """plotly.js's locale name for ``locale`` and the script that registers it ("" for English)."""
        name = PLOTLY_LOCALE_NAMES[locale.lang]
        return name, self.plotly_locales.get(name, "")


def gather(assets: Path) -> Inlined:
    """The texts, from the app's ``assets`` folder and this package."""
    plotly = assets / "plotly"
    locales = {
        name: (plotly / "locales" / f"plotly-locale-{name.lower()}.js").read_text(encoding="utf-8")
        for name in PLOTLY_LOCALE_NAMES.values()
        if name != "en"
    }
    return Inlined(
        plotly_js=(plotly / "plotly-puentes.min.js").read_text(encoding="utf-8"),
        plotly_locales=locales,
        topojson=(assets / "topojson" / f"{TOPOJSON_NAME}.json").read_text(encoding="utf-8"),
        player_js=(HERE / "player.js").read_text(encoding="utf-8"),
        player_css=(HERE / "player.css").read_text(encoding="utf-8"),
    )
