"""What the offline file inlines from the app itself: its plotly.js bundle, plotly.js's own
translations, the base map's topojson (``assets/``), and the file's player (``player.js``,
``player.css`` beside this module: not under ``assets/``, which Dash would serve into every page).
Shipped with the code, not data: read once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dashboard.locale import Locale
from dashboard.paths import ROOT

ASSETS = ROOT / "assets"
PLOTLY_JS = ASSETS / "plotly" / "plotly-puentes.min.js"
PLOTLY_LOCALES = ASSETS / "plotly" / "locales"
TOPOJSON = ASSETS / "topojson" / "world_110m.json"
TOPOJSON_NAME = "world_110m"  # the name plotly.js looks up (scope "world", resolution 110)
HERE = Path(__file__).resolve().parent
# Language -> plotly.js locale (as ``layouts/graph_config.py`` names them; English is built in).
PLOTLY_LOCALE_NAMES = {"en": "en", "es": "es", "pt": "pt-PT", "fr": "fr"}


@cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def plotly_js() -> str:
    return _text(PLOTLY_JS)


def plotly_locale(locale: Locale) -> tuple[str, str]:
    """plotly.js's locale name for ``locale`` and the script that registers it ("" for English)."""
    name = PLOTLY_LOCALE_NAMES[locale.lang]
    if name == "en":
        return name, ""
    return name, _text(PLOTLY_LOCALES / f"plotly-locale-{name.lower()}.js")


def topojson() -> str:
    """The base map's topojson, as JSON text."""
    return _text(TOPOJSON)


def player_js() -> str:
    return _text(HERE / "player.js")


def player_css() -> str:
    return _text(HERE / "player.css")
