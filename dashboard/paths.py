"""Every path the project uses, derived from one root.

This module imports nothing else from the project. Each directory can be
overridden by an environment variable so that tests, the ETL and a deployed
server can point at other folders without code changes.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Processed tables read by the app (``PUENTES_DATA_DIR``)."""
    return Path(os.environ.get("PUENTES_DATA_DIR", ROOT / "data"))


def raw_dir() -> Path:
    """Published raw sources read by the ETL only (``PUENTES_RAW_DIR``)."""
    return Path(os.environ.get("PUENTES_RAW_DIR", ROOT.parent / "shared" / "data-raw"))


def seeds_dir() -> Path:
    """The five source documents (``PUENTES_SEEDS_DIR``)."""
    return Path(os.environ.get("PUENTES_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))


def assets_dir() -> Path:
    """The checkout's ``assets/`` (plotly.js bundle, topojson, styles). A server uses the folder its
    app serves instead (Dash's ``assets_folder``, beside ``app.py``): installed as a package, as in
    the Docker image, this module is in ``site-packages`` and ``ROOT / "assets"`` does not exist."""
    return ROOT / "assets"


def locales_dir() -> Path:
    """Gettext catalogues (``messages.po``) per language."""
    return ROOT / "dashboard" / "locales"
