"""Load and check the hand-written indicator catalogue (``catalogue.toml``)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.errors import DataValidationError

CATALOGUE_FILE = Path(__file__).with_name("catalogue.toml")
REQUIRED = (
    "id",
    "group",
    "unit",
    "source",
    "computed",
    "aggregate",
    "coverage",
    "colour",
    "label",
    "definition",
    "method",
)
UNITS = {"persons", "percent", "per_1000", "usd"}
GROUPS = {"stocks", "shares", "flows", "refugees", "remittances", "population"}


def load(path: Path = CATALOGUE_FILE) -> dict[str, Any]:
    """The catalogue as ``{"sources": {...}, "indicators": [...]}``, checked for consistency."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    sources = raw.get("sources", {})
    indicators = raw.get("indicator", [])
    ids = [spec.get("id") for spec in indicators]
    problems = []
    if len(set(ids)) != len(ids):
        problems.append("duplicate indicator ids")
    for spec in indicators:
        name = spec.get("id", "?")
        problems += [f"{name}: missing {key!r}" for key in REQUIRED if key not in spec]
        if spec.get("source") not in sources:
            problems.append(f"{name}: unknown source {spec.get('source')!r}")
        if spec.get("unit") not in UNITS:
            problems.append(f"{name}: unknown unit {spec.get('unit')!r}")
        if spec.get("group") not in GROUPS:
            problems.append(f"{name}: unknown group {spec.get('group')!r}")
        if spec.get("aggregate") == "ratio":
            for part in ("numerator", "denominator", "scale"):
                if part not in spec:
                    problems.append(f"{name}: ratio without {part!r}")
            for part in ("numerator", "denominator"):
                if spec.get(part) not in ids:
                    problems.append(f"{name}: {part} {spec.get(part)!r} is not an indicator")
        for field in ("label", "definition"):
            if not {"en", "es"} <= set(spec.get(field, {})):
                problems.append(f"{name}: {field} needs at least English and Spanish")
    if problems:
        raise DataValidationError(str(path), "; ".join(problems))
    return {"sources": sources, "indicators": indicators}


def with_coverage(catalogue: dict[str, Any], indicators: pd.DataFrame) -> dict[str, Any]:
    """Add the years each indicator has data for (any member country)."""
    years = indicators.groupby("indicator")["year"].unique()
    out = {"sources": catalogue["sources"], "indicators": []}
    for spec in catalogue["indicators"]:
        found = sorted(int(y) for y in years.get(spec["id"], []))
        out["indicators"].append({**spec, "years": found})
    return out
