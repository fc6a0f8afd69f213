"""Excel .xlsx workbooks → records of text cells, numbered like the rows Excel shows."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl

from coffeechat.domain.importers.records import UnreadableFileError
from coffeechat.domain.importers.tabular import HEADER_SEARCH_DEPTH, Record, header_score

CORRUPT = (
    "This Excel file couldn't be opened: it may be damaged, password-protected or not really "
    "an .xlsx file. Try saving it again from Excel, or export it as CSV."
)


def xlsx_records(data: bytes) -> list[Record]:
    """The rows of the first sheet that has a header row (all sheets read as text)."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = [
                [
                    (number, [_cell_text(value) for value in values])
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                ]
                for sheet in workbook.worksheets
            ]
        finally:
            workbook.close()
    except Exception as error:  # openpyxl and zipfile raise many kinds on a damaged file
        raise UnreadableFileError(CORRUPT) from error
    for records in sheets:
        if any(header_score(cells) for _, cells in records[:HEADER_SEARCH_DEPTH]):
            return records
    return sheets[0] if sheets else []


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        # A phone typed into Excel becomes 15550100.0; it should read 15550100.
        return str(int(value))
    return str(value)
