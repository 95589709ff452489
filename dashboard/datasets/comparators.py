"""Tables that let a document's figure be compared like with like (cached: never mutate).

- ``protection_corridors.parquet``: UNHCR by origin × country of asylum, member pairs only;
- ``region_stock.parquet``: UN DESA's "Latin America and the Caribbean", area by area,
  territories included (the region the documents count).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.datasets.files import read
from dashboard.datasets.registry import folder, loader


@loader
def protection_corridors(data_dir: Path | None = None) -> pd.DataFrame:
    """``origin, asylum, year, refugees, asylum_seekers, oip``; NaN where UNHCR reports none."""
    return read("protection_corridors.parquet", folder(data_dir))


@loader
def region_stock(data_dir: Path | None = None) -> pd.DataFrame:
    """``region, m49, iso3, name_<lang>, year, migrant_stock`` (both sexes); NaN: an area without figures."""
    return read("region_stock.parquet", folder(data_dir))
