"""A chart's table as an Excel workbook: the data sheet keeps the machine-friendly column ids
(as the CSV does), and a second sheet, "About", says what each column means in the reader's
language, with the source line of the table."""

from __future__ import annotations

import io
import math
from typing import Any

import pandas as pd

from dashboard.locale import Locale
from dashboard.workbook_words import meaning

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    """A cell's value: empty for no data (never 0), plain Python numbers and text."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def to_xlsx(table: pd.DataFrame, locale: Locale) -> bytes:
    """The workbook's bytes: sheet "data" (ids as headers, unrounded values, empty cells for no
    data) and sheet "About" (each column id and its meaning in ``locale``)."""
    from openpyxl import Workbook  # imported on the first download: the pages never need it
    from openpyxl.utils import get_column_letter

    _ = locale.gettext
    book = Workbook()
    data = book.active
    assert data is not None
    data.title = "data"
    data.append([str(c) for c in table.columns])
    for row in table.itertuples(index=False):
        data.append([_cell(v) for v in row])
    data.freeze_panes = "A2"
    for i, column in enumerate(table.columns, start=1):
        data.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(str(column)) + 4))
    about = book.create_sheet("About")
    about.append([_("Column"), _("Meaning")])
    for column in table.columns:
        about.append([str(column), meaning(str(column), locale)])
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
