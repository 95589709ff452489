"""Validation of raw inputs and processed outputs, with errors that name file, column and rows."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from dashboard.errors import DataValidationError

MAX_ROWS_SHOWN = 8


def require_columns(frame: pd.DataFrame, columns: Iterable[str], file: str) -> None:
    """Fail naming the file and the missing columns when a raw file was re-shaped."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataValidationError(file, f"missing column(s) {missing}; found {list(frame.columns)[:12]}")


def require_rows(frame: pd.DataFrame, file: str, minimum: int = 1) -> None:
    """Fail when a file is empty or truncated below a sensible minimum."""
    if len(frame) < minimum:
        raise DataValidationError(file, f"expected at least {minimum} rows, found {len(frame)}")


def check(frame: pd.DataFrame, schema: pa.DataFrameSchema, file: str) -> pd.DataFrame:
    """Validate ``frame`` with a pandera schema; summarise every failure in one message."""
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        raise DataValidationError(file, summarise(exc.failure_cases)) from None


def summarise(failures: pd.DataFrame) -> str:
    """One line per failing column and check, with the first rows and values that failed."""
    parts = []
    for (column, check_name), group in failures.groupby(["column", "check"], dropna=False, sort=True):
        rows = [int(i) for i in group["index"].dropna().tolist()[:MAX_ROWS_SHOWN]]
        values = [str(v) for v in group["failure_case"].tolist()[:MAX_ROWS_SHOWN]]
        where = f" at data rows {rows}" if rows else ""
        parts.append(
            f"column {column!r} failed {check_name}{where} ({len(group)} case(s), e.g. {values[:3]})"
        )
    return "; ".join(parts)


def numeric(frame: pd.DataFrame, columns: Iterable[str], file: str) -> pd.DataFrame:
    """Coerce value columns to numbers; text that is not a number fails with its rows."""
    out = frame.copy()
    for column in columns:
        converted = pd.to_numeric(out[column], errors="coerce")
        bad = converted.isna() & out[column].notna() & (out[column].astype(str).str.strip() != "")
        if bad.any():
            rows = [int(i) for i in out.index[bad][:MAX_ROWS_SHOWN]]
            sample = out.loc[bad, column].astype(str).tolist()[:3]
            raise DataValidationError(
                file, f"column {column!r} has non-numeric values at data rows {rows}, e.g. {sample}"
            )
        out[column] = converted
    return out
