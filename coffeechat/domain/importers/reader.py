"""The one entry point: bytes of an uploaded file → an ImportResult."""

from __future__ import annotations

from coffeechat.domain.importers.builder import RowCollector
from coffeechat.domain.importers.columns import ColumnPlan, Profile
from coffeechat.domain.importers.records import (
    FORMATS,
    Format,
    ImportResult,
    Reject,
    UnreadableFileError,
)
from coffeechat.domain.importers.tabular import csv_records, pick_delimiter, read_table
from coffeechat.domain.importers.text import decode
from coffeechat.domain.importers.vcard import looks_like_vcard, read_vcards
from coffeechat.domain.importers.xlsx import Workbook, xlsx_records

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the pre-2007 Excel .xls container
EMPTY = "This file is empty. Export your contacts again and upload the file you get."
OLD_EXCEL = (
    "This is an older Excel .xls workbook, which we can't read. In Excel, choose Save As and "
    "pick Excel Workbook (.xlsx) or CSV, then upload that file."
)
NOT_XLSX = "This isn't an Excel .xlsx workbook. Upload the .xlsx file itself, or export a CSV."
NAMED_XLSX = (
    "This file is named like an Excel workbook ({name}), but it holds text, not a workbook. "
    "Open it in Excel and save it as an .xlsx workbook, or rename it to .csv if it is a CSV."
)
_EXCEL_NAMES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_CSV_FORMATS: dict[str, Profile | None] = {
    "auto": None,
    "linkedin": "linkedin",
    "google-csv": "google-csv",
    "outlook-csv": "outlook-csv",
    "csv": "csv",
}


def read_contacts(
    data: bytes,
    *,
    filename: str = "",
    fmt: str = "auto",
    column_map: dict[str, str] | None = None,
    workbook: Workbook | None = None,
) -> ImportResult:
    """Read contacts from LinkedIn's Connections.csv, vCard, Google/Outlook CSV, CSV or .xlsx.

    `fmt` is "auto" (detect from the content; the file name only breaks ties) or one of
    FORMATS. `column_map` {"Source header": "field" or "ignore"} overrides the guessed
    columns of CSV and .xlsx files. Raises UnreadableFileError when the file can't be read at
    all, and ValueError for an unknown `fmt` or field name (a programming error).
    `workbook` is the .xlsx file already read by `read_workbook` (kept with the upload, so a
    preview, a new column mapping and the import itself don't unpack the file again).
    """
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; use auto or one of {', '.join(FORMATS)}.")
    if not data.strip():
        raise UnreadableFileError(EMPTY)
    if data.startswith(_OLE_MAGIC):
        raise UnreadableFileError(OLD_EXCEL)
    book = workbook or read_workbook(data, filename=filename, fmt=fmt)
    if book is not None:
        table = read_table(book.records, None, column_map)
        table.collector.warnings[:0] = [Reject(0, note) for note in book.notes]
        return _result("xlsx", table.plan, table.collector, "")
    text, encoding = decode(data)
    wants_vcard = fmt == "auto" and (
        looks_like_vcard(text) or filename.lower().endswith((".vcf", ".vcard"))
    )
    if fmt == "vcard" or wants_vcard:
        return _result("vcard", None, read_vcards(text), encoding)
    if not text.strip():
        raise UnreadableFileError(EMPTY)
    delimiter = pick_delimiter(text, column_map)
    table = read_table(csv_records(text, delimiter), _CSV_FORMATS[fmt], column_map)
    return _result(table.plan.profile, table.plan, table.collector, encoding)


def read_workbook(data: bytes, *, filename: str = "", fmt: str = "auto") -> Workbook | None:
    """The .xlsx workbook `data` is read as (within its limits), or None when it is read as
    text. A text file named .xlsx is refused, not read as an empty CSV."""
    if fmt == "xlsx" or (fmt == "auto" and data.startswith(_ZIP_MAGIC)):
        if not data.startswith(_ZIP_MAGIC):
            raise UnreadableFileError(NOT_XLSX)
        return xlsx_records(data)
    if fmt == "auto" and filename.lower().endswith(_EXCEL_NAMES) and data.strip():
        if data.startswith(_OLE_MAGIC):
            raise UnreadableFileError(OLD_EXCEL)
        raise UnreadableFileError(NAMED_XLSX.format(name=filename.rsplit("/", 1)[-1]))
    return None


def _result(
    fmt: Format, plan: ColumnPlan | None, collector: RowCollector, encoding: str
) -> ImportResult:
    return ImportResult(
        format=fmt,
        rows=tuple(collector.rows),
        rejects=tuple(collector.rejects),
        warnings=tuple(collector.warnings),
        columns=dict(plan.columns) if plan else {},
        encoding=encoding,
    )
