"""Excel .xlsx workbooks → records of text cells, numbered like the rows Excel shows.

A workbook is a zip of XML parts, so a few kilobytes can claim (or unpack to) gigabytes. The
limits below are checked before openpyxl parses anything (the archive's parts, their unpacked
sizes) and while rows stream past (rows, columns, time), so a hostile file is refused within
seconds in bounded memory. A sheet's declared dimension (`<dimension ref="A1:XFD1048576"/>`) is
never trusted: rows are as wide as their own cells, never padded to the declaration.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

import openpyxl
from openpyxl.utils import get_column_letter

from coffeechat.domain.importers.records import UnreadableFileError
from coffeechat.domain.importers.tabular import (
    MAX_COLUMNS,
    MAX_ROWS,
    Record,
)

# A contact list of 100,000 people with 40 columns unpacks to well under this.
MAX_UNPACKED_BYTES = 48 * 1024 * 1024
MAX_PARTS = 1000
MAX_SECONDS = 20.0
_ROW_CLOCK_EVERY = 4096  # rows between two looks at the clock

CORRUPT = (
    "This Excel file couldn't be opened: it may be damaged, password-protected or not really "
    "an .xlsx file. Try saving it again from Excel, or export it as CSV."
)
TOO_BIG_UNPACKED = (
    "This Excel file unpacks to more than {limit} MB, far more than a contact list needs. "
    "Save just the sheet with your contacts, or export it as CSV."
)
TOO_MANY_PARTS = (
    "This Excel file holds more than {limit} parts, far more than a contact list needs. "
    "Save just the sheet with your contacts, or export it as CSV."
)
TOO_MANY_ROWS = (
    "The sheet “{sheet}” has more than {limit:,} rows. Split it into smaller files and import "
    "each one."
)
TOO_WIDE = (
    "The sheet “{sheet}” has something in cell {cell}, beyond the {limit} columns we read. "
    "Delete what's out there (or copy just your contact columns into a new file) and try again."
)
TOO_SLOW = (
    "This Excel file took too long to read (over {limit:.0f} seconds). Export it as CSV, or "
    "split it into smaller files."
)


@dataclass
class Workbook:
    """The rows of every sheet that holds anything, one sheet after another; `sheets` says
    where each begins: (title, how many records). `notes` are for the person importing."""

    records: list[Record]
    notes: list[str] = field(default_factory=list)
    sheets: list[tuple[str, int]] = field(default_factory=list)

    def each_sheet(self) -> Iterator[tuple[str, list[Record]]]:
        """(title, records) per sheet; a workbook kept before sheets were counted is one."""
        if not self.sheets:
            yield "", self.records
            return
        start = 0
        for title, count in self.sheets:
            yield title, self.records[start : start + count]
            start += count


def check_archive(data: bytes) -> None:
    """Refuse, from the zip directory alone, a workbook that would unpack too big."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise UnreadableFileError(CORRUPT) from error
    if len(parts) > MAX_PARTS:
        raise UnreadableFileError(TOO_MANY_PARTS.format(limit=MAX_PARTS))
    # zipfile never unpacks more than a part's declared size, so the declared sizes bound it.
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise UnreadableFileError(TOO_BIG_UNPACKED.format(limit=MAX_UNPACKED_BYTES >> 20))


def xlsx_records(data: bytes, clock: Callable[[], float] = time.monotonic) -> Workbook:
    """The rows of every sheet that holds anything, read as text; which of them have a header
    row is for the reader to decide."""
    check_archive(data)
    deadline = clock() + MAX_SECONDS
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl and zipfile raise many kinds on a damaged file
        raise UnreadableFileError(CORRUPT) from error
    try:
        sheets = [
            (sheet.title, list(_rows(sheet, deadline, clock))) for sheet in workbook.worksheets
        ]
    except UnreadableFileError:
        raise
    except Exception as error:
        raise UnreadableFileError(CORRUPT) from error
    finally:
        workbook.close()
    kept = [(title, records) for title, records in sheets if records]
    return Workbook(
        [record for _, records in kept for record in records],
        sheets=[(title, len(records)) for title, records in kept],
    )


def _rows(sheet: object, deadline: float, clock: Callable[[], float]) -> Iterator[Record]:
    """Non-empty rows, each only as wide as its last filled cell, within the limits."""
    sheet.reset_dimensions()  # type: ignore[attr-defined]  # never pad to the declared size
    title = getattr(sheet, "title", "")
    kept = 0
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    for number, values in enumerate(rows, start=1):
        if number % _ROW_CLOCK_EVERY == 0 and clock() > deadline:
            raise UnreadableFileError(TOO_SLOW.format(limit=MAX_SECONDS))
        if not values:
            continue
        cells = [_cell_text(value) for value in values[: MAX_COLUMNS + 1]]
        while cells and not cells[-1]:
            cells.pop()
        if len(values) > MAX_COLUMNS:
            far = max(i for i, v in enumerate(values) if v is not None and v != "") + 1
            if far > MAX_COLUMNS:
                cell = f"{get_column_letter(far)}{number}"
                raise UnreadableFileError(
                    TOO_WIDE.format(sheet=title, cell=cell, limit=MAX_COLUMNS)
                )
        if not cells:
            continue
        kept += 1
        if kept > MAX_ROWS:
            raise UnreadableFileError(TOO_MANY_ROWS.format(sheet=title, limit=MAX_ROWS))
        yield number, cells


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
