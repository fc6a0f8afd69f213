"""The one entry point: bytes of an uploaded file → an ImportResult."""

from __future__ import annotations

from coffeechat.domain.importers.builder import RowCollector
from coffeechat.domain.importers.columns import ColumnPlan, Profile, ignored_columns
from coffeechat.domain.importers.records import (
    FORMATS,
    Format,
    ImportResult,
    Reject,
    UnreadableFileError,
)
from coffeechat.domain.importers.tabular import (
    csv_records,
    has_header,
    pick_delimiter,
    read_table,
)
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
NO_HEADER_SHEET = (
    "The sheet “{title}” ({count:,} rows) was left out: we couldn't find a header row naming "
    "its columns (like First Name, Last Name, Email). Add one and import the file again."
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
        return _read_book(book, column_map)
    text, encoding = decode(data)
    wants_vcard = fmt == "auto" and (
        looks_like_vcard(text) or filename.lower().endswith((".vcf", ".vcard"))
    )
    if fmt == "vcard" or wants_vcard:
        collector, ignored = read_vcards(text)
        return _result("vcard", None, collector, encoding, ignored)
    if not text.strip():
        raise UnreadableFileError(EMPTY)
    delimiter = pick_delimiter(text, column_map)
    table = read_table(csv_records(text, delimiter), _CSV_FORMATS[fmt], column_map)
    return _result(table.plan.profile, table.plan, table.collector, encoding)


def _read_book(book: Workbook, column_map: dict[str, str] | None) -> ImportResult:
    """Rows from every sheet whose header row we recognise; the others are named in warnings."""
    sheets = list(book.each_sheet())
    readable = [sheet for sheet in sheets if has_header(sheet[1], column_map)] or sheets[:1]
    collector = RowCollector()
    columns: dict[str, str] = {}
    for _, records in readable:
        plan = read_table(records, None, column_map, collector).plan
        for header, field_name in plan.columns.items():
            columns.setdefault(header, field_name)
    notes = [*book.notes]
    if len(readable) > 1:
        names = ", ".join(f"“{title}”" for title, _ in readable)
        notes.append(
            f"We read the sheets {names}; the line numbers below count rows within each sheet."
        )
    notes.extend(
        NO_HEADER_SHEET.format(title=title, count=len(records))
        for title, records in sheets
        if all(title != kept for kept, _ in readable)
    )
    collector.warnings[:0] = [Reject(0, note) for note in notes]
    return _result("xlsx", ColumnPlan("csv", columns, ()), collector, "")


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
    fmt: Format,
    plan: ColumnPlan | None,
    collector: RowCollector,
    encoding: str,
    ignored: tuple[str, ...] = (),
) -> ImportResult:
    return ImportResult(
        format=fmt,
        rows=tuple(collector.rows),
        rejects=tuple(collector.rejects),
        warnings=tuple(collector.warnings),
        columns=dict(plan.columns) if plan else {},
        encoding=encoding,
        ignored=ignored_columns(plan.columns) if plan else ignored,
    )
