"""Geometry step: Natural Earth 50m -> compact GeoJSON of the 60 members + label points,
and a coarser layer of every other country for the corridor maps.

The only module that imports geopandas. Shapes are simplified and their
coordinates quantised so the whole layer stays under ~200 KB; a label point per
country (inside its largest polygon) lets the map draw small island states as
markers.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from dashboard.errors import DataValidationError

TOLERANCE_DEG = 0.02
DECIMALS = 2
EQUAL_AREA = "EPSG:6933"
# The rest of the world is only a backdrop for corridor maps: coarser and smaller.
WORLD_TOLERANCE_DEG = 0.1
WORLD_DECIMALS = 1
# Natural Earth's own codes for places that have an ISO 3166 / UN DESA code.
NE_TO_ISO3 = {"KOS": "XKX", "PSX": "PSE", "SAH": "ESH", "SDS": "SSD"}


def _read(path: Path) -> gpd.GeoDataFrame:
    file = str(path)
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # noqa: BLE001 - any reader failure means a corrupt file
        raise DataValidationError(file, f"cannot be read as GeoJSON ({type(exc).__name__})") from None
    if "ADM0_A3" not in frame.columns:
        raise DataValidationError(file, "missing column(s) ['ADM0_A3']")
    return frame


def read_natural_earth(path: Path, iso3: Iterable[str]) -> gpd.GeoDataFrame:
    """The member countries' features, joined on ADM0_A3 (ISO_A3 is -99 for France, Norway)."""
    file = str(path)
    frame = _read(path)
    wanted = set(iso3)
    found = frame[frame["ADM0_A3"].isin(wanted)]
    missing = sorted(wanted - set(found["ADM0_A3"]))
    if missing:
        raise DataValidationError(file, f"no feature with ADM0_A3 in {missing}")
    if found["ADM0_A3"].duplicated().any():
        raise DataValidationError(file, "duplicate ADM0_A3 features")
    return found[["ADM0_A3", "geometry"]].rename(columns={"ADM0_A3": "iso3"}).sort_values("iso3")


def read_world(path: Path, iso3: Iterable[str]) -> gpd.GeoDataFrame:
    """Every Natural Earth feature whose (fixed) code is in ``iso3``; others have no shape."""
    file = str(path)
    frame = _read(path)
    codes = frame["ADM0_A3"].replace(NE_TO_ISO3)
    found = frame.assign(iso3=codes)[codes.isin(set(iso3))]
    if found["iso3"].duplicated().any():
        raise DataValidationError(file, "duplicate ADM0_A3 features")
    return found[["iso3", "geometry"]].sort_values("iso3")


def _largest(geometry: BaseGeometry) -> Polygon:
    if isinstance(geometry, MultiPolygon):
        return max(geometry.geoms, key=lambda g: g.area)
    assert isinstance(geometry, Polygon)
    return geometry


def label_points(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """iso3, lon, lat (inside the largest polygon) and land area in km², per country."""
    areas = frame.to_crs(EQUAL_AREA).area / 1e6
    rows = []
    for (iso3, geometry), area in zip(
        frame[["iso3", "geometry"]].itertuples(index=False), areas, strict=True
    ):
        point = _largest(geometry).representative_point()
        rows.append(
            {
                "iso3": iso3,
                "lon": round(point.x, 3),
                "lat": round(point.y, 3),
                "area_km2": round(float(area), 1),
            }
        )
    return rows


def _quantise(coords: Any, decimals: int = DECIMALS) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), decimals) for c in coords]
    out = [_quantise(c, decimals) for c in coords]
    # drop consecutive duplicate points created by rounding
    if out and isinstance(out[0], list) and out[0] and isinstance(out[0][0], float):
        dedup = [out[0]] + [p for prev, p in itertools.pairwise(out) if p != prev]
        return dedup if len(dedup) >= 4 else out
    return out


def clockwise(geometry: BaseGeometry) -> BaseGeometry:
    """Exterior rings clockwise, holes anticlockwise: the winding plotly.js (d3-geo) reads as
    "inside". An anticlockwise ring would be drawn as the whole globe minus the country."""
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon([orient(p, sign=-1.0) for p in geometry.geoms if not p.is_empty])
    if isinstance(geometry, Polygon):
        return orient(geometry, sign=-1.0)
    return geometry


def to_geojson(
    frame: gpd.GeoDataFrame, tolerance: float = TOLERANCE_DEG, decimals: int = DECIMALS, snap: bool = False
) -> dict[str, Any]:
    """Simplified, quantised FeatureCollection with ``id`` = ISO3 on every feature.

    ``snap`` puts the simplified shape on the ``decimals`` grid with shapely first (valid
    rings, no collapsed slivers) instead of only rounding the written coordinates.
    """
    features = []
    for iso3, geometry in frame[["iso3", "geometry"]].itertuples(index=False):
        simple = geometry.simplify(tolerance, preserve_topology=True)
        places = decimals
        if snap:
            simple = shapely.set_precision(simple, 10.0**-decimals)
            if simple.is_empty:  # a small island state: keep it at the members' finer grid
                places = DECIMALS
                simple = shapely.set_precision(geometry.simplify(TOLERANCE_DEG), 10.0**-DECIMALS)
        if isinstance(simple, MultiPolygon):
            # Islands smaller than the tolerance vanish; keep every part that survives.
            simple = MultiPolygon([p for p in simple.geoms if not p.is_empty])
        if simple.is_empty:
            continue
        shape = mapping(clockwise(simple))
        features.append(
            {
                "type": "Feature",
                "id": iso3,
                "properties": {},
                "geometry": {"type": shape["type"], "coordinates": _quantise(shape["coordinates"], places)},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def dumps(collection: dict[str, Any]) -> str:
    """Compact, deterministic JSON text."""
    return json.dumps(collection, separators=(",", ":"), sort_keys=True)


def iso2_codes(path: Path) -> dict[str, str]:
    """ADM0_A3 -> ISO_A2 for every Natural Earth feature that has a real ISO 2 code."""
    with path.open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    out = {}
    for feature in features:
        props = feature["properties"]
        if props.get("ISO_A2") and props["ISO_A2"] != "-99":
            out[props["ADM0_A3"]] = props["ISO_A2"]
    return out
