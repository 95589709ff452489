"""Adapters for each raw format: read one published file, check its shape, return a tidy frame.

Every reader takes the file's path and returns plain columns (``iso3, year, value``
or a bilateral ``origin, destination, ...``); missing cells are dropped, never
turned into zeros. Problems raise :class:`DataValidationError` naming the file.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from dashboard.errors import DataValidationError
from dashboard.etl.reference import OTHER_ORIGIN
from dashboard.etl.validate import check, numeric, require_columns, require_rows

ISO3 = pa.Column(str, pa.Check.str_matches(r"^[A-Z][A-Z0-9]{2}$"))
YEAR = pa.Column(int, pa.Check.in_range(1950, 2030))

TIDY = pa.DataFrameSchema(
    {"iso3": ISO3, "year": YEAR, "value": pa.Column(float, pa.Check(lambda s: s.notna()))},
    unique=["iso3", "year"],
)

UNDESA_OTHER_LOCID = 2003


def read_failure(path: Path, exc: BaseException) -> DataValidationError:
    """The error to show for ``exc`` raised while reading ``path``: one line naming the file.

    Every raw file the ETL reads goes through here (:func:`dashboard.etl.run.load`), so that a
    truncated, corrupt, re-encoded or re-shaped file stops the run with what is wrong with it,
    never a parser's traceback.
    """
    file = str(path)
    if isinstance(exc, DataValidationError):
        return exc
    if isinstance(exc, FileNotFoundError):
        problem = "file not found"
    elif isinstance(exc, UnicodeDecodeError):
        byte = exc.object[exc.start : exc.start + 1]
        problem = f"is not {exc.encoding} text (byte {byte!r} at offset {exc.start}): wrong encoding?"
    elif isinstance(exc, pd.errors.EmptyDataError):
        problem = "has no data (empty, or blank lines only)"
    elif isinstance(exc, pd.errors.ParserError) and "EOF" in str(exc):  # inside a quoted value
        problem = f"ends in the middle of a row (truncated?): {exc}"
    elif isinstance(exc, KeyError):
        problem = f"lacks an expected column or sheet ({exc})"
    else:
        problem = f"cannot be parsed ({type(exc).__name__}: {exc})"
    return DataValidationError(file, " ".join(problem.split()))


def _read_table(path: Path, **kwargs: object) -> pd.DataFrame:
    """Read a CSV or Excel file, turning parser failures into a named validation error; a whole
    CSV must also end on a complete row (a file cut mid-line parses, with its last row short)."""
    try:
        if path.suffix in {".xls", ".xlsx"}:
            return pd.read_excel(path, engine="calamine", **kwargs)  # type: ignore[call-overload,no-any-return]
        if path.stat().st_size == 0:
            raise DataValidationError(str(path), "is empty (0 bytes)")
        frame: pd.DataFrame = pd.read_csv(path, **kwargs)  # type: ignore[call-overload]
    except Exception as exc:  # noqa: BLE001 - any parser failure means a corrupt file
        raise read_failure(path, exc) from None
    if "nrows" not in kwargs:
        skip = kwargs.get("skiprows", 0)
        _require_complete_last_row(path, skip if isinstance(skip, int) else 0)
    return frame


TAIL_BYTES = 1 << 16


def _fields(line: bytes) -> int:
    return len(next(csv.reader([line.decode("utf-8-sig", errors="replace")]), []))


def _require_complete_last_row(path: Path, skiprows: int) -> None:
    """Fail when the file's last line has fewer fields than its header: the file was cut short."""
    with path.open("rb") as handle:
        for _ in range(skiprows):
            handle.readline()
        header = _fields(handle.readline())
        handle.seek(max(0, path.stat().st_size - TAIL_BYTES))
        last = _fields(handle.read().rstrip(b"\r\n").rsplit(b"\n", 1)[-1])
    if last < header:
        raise DataValidationError(
            str(path), f"ends in the middle of a row (truncated?): last line has {last} of {header} columns"
        )


def _wide_years_to_long(frame: pd.DataFrame, file: str) -> pd.DataFrame:
    """Melt a World Bank ``Country Code, 1960, 1961, ...`` table to ``iso3, year, value``."""
    years = [c for c in frame.columns if str(c).strip().isdigit()]
    if not years:
        raise DataValidationError(file, "no year columns (1960, 1961, ...) in the header row")
    long = frame.melt(id_vars=["Country Code"], value_vars=years, var_name="year", value_name="value")
    long = numeric(long, ["value"], file).dropna(subset=["value"])
    long = long.rename(columns={"Country Code": "iso3"})
    long["year"] = long["year"].astype(str).str.strip().astype(int)
    long["value"] = long["value"].astype(float)
    return check(long.reset_index(drop=True), TIDY, file)


def read_wdi_xls(path: Path, indicator_code: str) -> tuple[pd.DataFrame, str]:
    """A WDI ``API_<code>_DS2_en_excel`` workbook -> (tidy frame, "Last Updated Date")."""
    file = str(path)
    head = _read_table(path, sheet_name="Data", header=None, nrows=4)
    if head.shape[0] < 4 or str(head.iloc[1, 0]).strip() != "Last Updated Date":
        raise DataValidationError(file, "sheet 'Data' does not start with the WDI header block")
    updated = pd.Timestamp(str(head.iloc[1, 1])).date().isoformat()
    frame = _read_table(path, sheet_name="Data", header=3)
    return _wdi_body(frame, indicator_code, file), updated


def read_wdi_csv(path: Path, indicator_code: str) -> tuple[pd.DataFrame, str]:
    """A WDI ``API_<code>_DS2_en_csv`` file (4 header lines) -> (tidy frame, "Last Updated Date")."""
    file = str(path)
    head = _read_table(path, header=None, nrows=2, encoding="utf-8-sig", on_bad_lines="skip")
    if head.shape[0] < 2 or str(head.iloc[1, 0]).strip() != "Last Updated Date":
        raise DataValidationError(file, "does not start with the WDI header block")
    updated = str(head.iloc[1, 1]).strip()
    frame = _read_table(path, skiprows=4, encoding="utf-8-sig")
    return _wdi_body(frame, indicator_code, file), updated


def _wdi_body(frame: pd.DataFrame, indicator_code: str, file: str) -> pd.DataFrame:
    require_columns(frame, ["Country Name", "Country Code", "Indicator Code"], file)
    require_rows(frame, file, minimum=200)
    codes = set(frame["Indicator Code"].dropna().astype(str))
    if codes != {indicator_code}:
        raise DataValidationError(
            file, f"column 'Indicator Code' should be only {indicator_code!r}, found {sorted(codes)[:5]}"
        )
    return _wide_years_to_long(frame, file)


def read_wdi_names(path: Path) -> dict[str, str]:
    """World Bank country name -> ISO3, from a WDI workbook (used to code the KNOMAD matrix)."""
    frame = _read_table(path, sheet_name="Data", header=3)
    require_columns(frame, ["Country Name", "Country Code"], str(path))
    return dict(zip(frame["Country Name"].astype(str).str.strip(), frame["Country Code"], strict=True))


def read_datahub(path: Path) -> pd.DataFrame:
    """A datahub.io WDI reshape ``Country Name, Country Code, Year, Value`` -> tidy frame."""
    file = str(path)
    frame = _read_table(path)
    require_columns(frame, ["Country Code", "Year", "Value"], file)
    require_rows(frame, file, minimum=1000)
    frame = numeric(frame, ["Year", "Value"], file).dropna(subset=["Value"])
    tidy = pd.DataFrame(
        {
            "iso3": frame["Country Code"].astype(str),
            "year": frame["Year"].astype(int),
            "value": frame["Value"].astype(float),
        }
    )
    return check(tidy.reset_index(drop=True), TIDY, file)


def read_undesa_locations(path: Path) -> pd.DataFrame:
    """UN DESA's location list ``locid, iso3, name, is_country`` (M49 codes; ISO3 may be empty)."""
    file = str(path)
    frame = _read_table(path)
    require_columns(frame, ["locid", "iso3", "name", "is_country"], file)
    require_rows(frame, file, minimum=200)
    return numeric(frame, ["locid"], file)


UNDESA_TOTALS = pa.DataFrameSchema(
    {
        "iso3": ISO3,
        "year": YEAR,
        "sex": pa.Column(int, pa.Check.isin([0, 1, 2])),
        "value": pa.Column(float, pa.Check.ge(0)),
    },
    unique=["iso3", "year", "sex"],
)


def read_undesa_totals(path: Path) -> pd.DataFrame:
    """IMS 2024 stock by destination, sex and age -> all-ages totals ``iso3, year, sex, value``."""
    file = str(path)
    frame = _read_table(path)
    cols = ["dest_iso3", "year", "sex", "age_start", "age_length", "migrant_stock"]
    require_columns(frame, cols, file)
    require_rows(frame, file, minimum=1000)
    frame = numeric(frame, ["year", "sex", "age_start", "age_length", "migrant_stock"], file)
    total = frame[(frame["age_start"] == 0) & (frame["age_length"] == 0)]
    tidy = pd.DataFrame(
        {
            "iso3": total["dest_iso3"].astype(str),
            "year": total["year"].astype(int),
            "sex": total["sex"].astype(int),
            "value": total["migrant_stock"].astype(float),
        }
    )
    return check(tidy.reset_index(drop=True), UNDESA_TOTALS, file)


BILATERAL = pa.DataFrameSchema(
    {
        "origin": ISO3,
        "destination": ISO3,
        "year": YEAR,
        "sex": pa.Column(int, pa.Check.isin([0, 1, 2])),
        "migrant_stock": pa.Column(float, pa.Check.ge(0)),
        "source_tag": pa.Column(str),
    },
    unique=["origin", "destination", "year", "sex"],
)


def read_undesa_bilateral(path: Path) -> pd.DataFrame:
    """IMS 2024 bilateral stock -> ``origin, destination, year, sex, migrant_stock``.

    UN DESA's origin code 2003 ("Other") has no ISO3; it becomes ``OTH``.
    """
    file = str(path)
    frame = _read_table(path)
    cols = ["dest_iso3", "orig_locid", "orig_iso3", "year", "sex", "migrant_stock", "source_tag"]
    require_columns(frame, cols, file)
    require_rows(frame, file, minimum=10000)
    frame = numeric(frame, ["orig_locid", "year", "sex", "migrant_stock"], file)
    origin = frame["orig_iso3"].astype("object")
    origin = origin.where(frame["orig_locid"] != UNDESA_OTHER_LOCID, OTHER_ORIGIN)
    tidy = pd.DataFrame(
        {
            "origin": origin.astype(str),
            "destination": frame["dest_iso3"].astype(str),
            "year": frame["year"].astype(int),
            "sex": frame["sex"].astype(int),
            "migrant_stock": frame["migrant_stock"].astype(float),
            "source_tag": frame["source_tag"].astype(str),
        }
    )
    return check(tidy.reset_index(drop=True), BILATERAL, file)


UNHCR_COLUMNS = ["year", "coo_iso", "coa_iso", "refugees", "asylum_seekers", "oip"]


def read_unhcr_population(path: Path) -> pd.DataFrame:
    """UNHCR population (origin x asylum x year) with the columns Puentes uses; NA stays NA."""
    file = str(path)
    frame = _read_table(path, usecols=lambda c: c in UNHCR_COLUMNS, low_memory=False)
    require_columns(frame, UNHCR_COLUMNS, file)
    require_rows(frame, file, minimum=10000)
    frame = numeric(frame, ["year", "refugees", "asylum_seekers", "oip"], file)
    schema = pa.DataFrameSchema(
        {
            "year": YEAR,
            "coo_iso": pa.Column(str, nullable=True),
            "coa_iso": pa.Column(str, nullable=True),
            "refugees": pa.Column(float, pa.Check.ge(0), nullable=True),
            "asylum_seekers": pa.Column(float, pa.Check.ge(0), nullable=True),
            "oip": pa.Column(float, pa.Check.ge(0), nullable=True),
        }
    )
    frame = frame.astype({"year": int, "refugees": float, "asylum_seekers": float, "oip": float})
    frame = frame.astype({"coo_iso": "object", "coa_iso": "object"})
    return check(frame, schema, file)


KNOMAD_HEADER_ROW = 1


def read_knomad_matrix(path: Path, names: dict[str, str]) -> pd.DataFrame:
    """KNOMAD bilateral remittance matrix -> ``origin, destination, value`` (US$ millions).

    Rows are sending countries (the migrants' host), columns receiving ones (their
    origin): ``origin`` here is the sending country, ``destination`` the receiving one,
    i.e. the direction the money travels. WB names are coded with ``names``; a name
    that cannot be coded fails the run rather than being dropped silently.
    """
    file = str(path)
    frame = _read_table(path, header=None)
    if frame.shape[0] < 100 or frame.shape[1] < 100:
        raise DataValidationError(file, f"matrix too small ({frame.shape[0]} x {frame.shape[1]})")
    header = frame.iloc[KNOMAD_HEADER_ROW]
    receivers = [str(v).strip() for v in header.iloc[1:]]
    body = frame.iloc[KNOMAD_HEADER_ROW + 1 :]
    senders = body.iloc[:, 0].astype(str).str.strip()
    end = senders[senders == "WORLD"].index
    if len(end) != 1:
        raise DataValidationError(file, "no single 'WORLD' row closing the matrix in column A")
    body = body.loc[: end[0] - 1]
    matrix = pd.DataFrame(body.iloc[:, 1:].to_numpy(), columns=receivers)
    matrix.insert(0, "sender", body.iloc[:, 0].astype(str).str.strip().to_numpy())
    matrix = matrix.drop(columns=[c for c in receivers if c in {"WORLD", "nan"}])
    long = matrix.melt(id_vars=["sender"], var_name="receiver", value_name="value")
    long = numeric(long, ["value"], file).dropna(subset=["value"])
    unknown = sorted((set(long["sender"]) | set(long["receiver"])) - set(names))
    if unknown:
        raise DataValidationError(file, f"country names with no ISO3 code: {unknown[:10]}")
    tidy = pd.DataFrame(
        {
            "origin": long["sender"].map(names),
            "destination": long["receiver"].map(names),
            "value": long["value"].astype(float),
        }
    )
    schema = pa.DataFrameSchema(
        {"origin": ISO3, "destination": ISO3, "value": pa.Column(float, pa.Check.ge(0))},
        unique=["origin", "destination"],
    )
    return check(tidy.reset_index(drop=True), schema, file)
