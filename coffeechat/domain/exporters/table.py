"""Plain tables to export, and the guard that keeps spreadsheet cells from running formulas."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

Cell = str | int | float | bool | date | datetime | None

# A cell starting with one of these may be taken for a formula by Excel, LibreOffice or
# Google Sheets, so a contact named "=HYPERLINK(...)" could act when the file is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet: `rows` hold str, int, float, bool, date, naive datetime or None. They may be
    an iterator, read as the sheet is written (it is read once).

    Datetimes must already be in the reader's time zone and naive: spreadsheets have no time
    zones, so an aware datetime is refused rather than silently shown in UTC.
    """

    name: str
    headers: tuple[str, ...]
    rows: Iterable[tuple[Cell, ...]]


def neutralize(value: str) -> str:
    """Prefix a leading formula character with "'" so a CSV cell is read as text (OWASP advice).

    CSV has no cell types, so phone numbers such as "+1 555 0100" get the prefix too; a visible
    apostrophe is a small price for a file that can't run anything. Excel files use typed text
    cells instead (see `workbook._text`).
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def check_cell(value: Cell) -> Cell:
    """Refuse values a spreadsheet can't show faithfully (aware datetimes, other objects)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise ValueError("Convert datetimes to the user's time zone and drop tzinfo first.")
    if value is not None and not isinstance(value, str | int | float | date):
        raise TypeError(f"Can't export a {type(value).__name__}; convert it to text first.")
    return value
