"""The offline file itself: one HTML page that holds plotly.js, the shapes, every step's payload and
the player, and fetches nothing (no font, image, icon or script by URL). Opened from a USB stick
with the network off, it shows the steps with the app presenter's keys (← → Space PageUp PageDown,
F full screen, Esc leaves it).

Everything inlined is escaped: data as JSON in ``<script type="application/json">`` with ``<``,
``>`` and ``&`` written as ``\\u003c``…; words as HTML text; scripts never hold ``</script``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from dashboard.figures import FONT
from dashboard.locale import Locale
from dashboard.offline import Presentation, assets, labels, shapes_used

DATA_ID = "puentes-offline"
SHAPES_ID = "puentes-shapes"
# Four corners, drawn inline (no icon font, no image to fetch).
FULL_SCREEN_ICON = (
    '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" '
    'stroke-width="2"><path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4"/></svg>'
)


def json_for_html(value: Any) -> str:
    """``value`` as JSON that cannot end the ``<script>`` element holding it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_for_html(code: str) -> str:
    """A script's text that cannot end its ``<script>`` element early (never true of ours and of
    plotly.js today: a guard, in JavaScript's own escape)."""
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _button(element_id: str, title: str, inside: str) -> str:
    attributes = f'type="button" id="{element_id}" class="pp-button" title="{html.escape(title)}"'
    return f"<button {attributes}>{inside}</button>"


def data(presentation: Presentation, shapes: Mapping[str, Any], inlined: assets.Inlined) -> dict[str, Any]:
    """What the player reads: language, plotly.js locale, title, words and steps."""
    locale = presentation.locale
    plotly_locale, _script = inlined.plotly_locale(locale)
    return {
        "lang": locale.lang,
        "plotlyLocale": plotly_locale,
        "font": FONT,
        "title": presentation.title,
        "labels": dict(labels(locale)),
        "shapes": [url for url in shapes_used(presentation.steps) if url in shapes],
        "steps": presentation.steps,
    }


def html_page(presentation: Presentation, shapes: Mapping[str, Any], inlined: assets.Inlined) -> str:
    """The whole file. ``shapes`` maps each shape URL the figures name to its GeoJSON (only the
    ones a step uses are written); ``inlined`` holds plotly.js, its locales, the topojson and the
    player."""
    locale = presentation.locale
    words = labels(locale)
    payload = data(presentation, shapes, inlined)
    used = {url: shapes[url] for url in payload["shapes"]}
    geo = {"topojson": {assets.TOPOJSON_NAME: json.loads(inlined.topojson)}, "geojson": used}
    _name, locale_script = inlined.plotly_locale(locale)
    count = len(presentation.steps)
    title = html.escape(presentation.title)
    return "".join(
        [
            "<!DOCTYPE html>\n",
            f'<html lang="{html.escape(locale.lang)}" class="pp-file"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<link rel="icon" href="data:,"><meta http-equiv="x-dns-prefetch-control" content="off">',
            f"<title>{title}</title>",
            f"<style>{inlined.player_css}</style></head>",
            '<body><div id="pp-stage" class="pp-stage"><div class="pp-bar" id="pp-bar">',
            f'<span class="pp-story">{title}</span>',
            f'<nav class="pp-nav" aria-label="{html.escape(words["controls"])}">',
            _button("pp-previous", words["previous"], "‹"),
            f'<span id="pp-count" class="pp-count">1 / {count}</span>',
            _button("pp-next", words["next"], "›"),
            _button("pp-fullscreen", words["fullscreen"], FULL_SCREEN_ICON),
            '</nav></div><div id="pp-slide" class="pp-slide-box"></div></div>',
            f'<script type="application/json" id="{DATA_ID}">{json_for_html(payload)}</script>',
            f'<script type="application/json" id="{SHAPES_ID}">{json_for_html(geo)}</script>',
            f"<script>{script_for_html(inlined.plotly_js)}</script>",
            f"<script>{script_for_html(locale_script)}</script>" if locale_script else "",
            f"<script>{script_for_html(inlined.player_js)}</script>",
            "</body></html>\n",
        ]
    )


def message_page(title: str, lines: list[str], locale: Locale) -> str:
    """A short page that says why there is no file (a bad story, step, language or basket)."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(locale.lang)}"><head><meta charset="utf-8">'
        f'<link rel="icon" href="data:,"><title>{html.escape(title)}</title>'
        f"<style>body{{font-family:{FONT};max-width:44rem;margin:3rem auto;padding:0 1rem;"
        "font-size:1.15rem;line-height:1.5;color:#1f2933}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>\n"
    )
