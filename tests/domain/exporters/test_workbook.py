"""The workbook XML we write ourselves reads back exactly as the openpyxl writer it replaced.

`openpyxl_xlsx` below is that writer (write-only mode, as it was), kept as the oracle: on the
same generated tables, every sheet's values, their types, the quote-prefix flag, the header's
bold font, the date formats, the frozen pane and the column widths must agree.
"""

from __future__ import annotations

import io
import itertools
import random
import re
import zipfile
from datetime import date, datetime, timedelta
from typing import Any

import openpyxl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from coffeechat.domain.exporters import FORMULA_STARTS, Cell, Table, to_xlsx
from coffeechat.domain.exporters.spreadsheet import _column_widths, _sheet_name
from coffeechat.domain.importers import read_contacts

_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def openpyxl_xlsx(tables: list[Table]) -> bytes:
    """The previous writer, unchanged but for being gathered into one function."""

    def text_cell(sheet: Any, text: str, bold: bool = False) -> Any:
        text = _XML_ILLEGAL.sub(" ", text)[:32_767]
        if not text.startswith(FORMULA_STARTS) and not bold:
            return text
        cell = WriteOnlyCell(sheet, value=text)
        if text.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold:
            cell.font = Font(bold=True)
        return cell

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.name, used))
        rows = list(table.rows)
        for index, width in enumerate(_column_widths(table.headers, rows[:200]), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        sheet.append([text_cell(sheet, header, bold=True) for header in table.headers])
        for row in rows:
            sheet.append([text_cell(sheet, v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TEXTS = (
    "Zoë Ñúñez",
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+44 20 7946 0000",
    "-5",
    "@sum",
    "\tindented",
    "\rreturned",
    "0012",
    "  spaced  ",
    "a & b < c > d \"q\" 'q'",
    "line one\r\nline two\nthree",
    "陈 小明",
    "🙂 coffee ☕",
    "مرحبا بالعالم",
    "שלום",
    "",
    "TRUE",
    "1e5",
)


def generated_table(seed: int, rows: int) -> Table:
    chooser = random.Random(seed)
    start = datetime(2024, 1, 1, 8, 0)

    def cell(column: int) -> Cell:
        kind = column % 7
        if chooser.random() < 0.15:
            return None
        if kind == 0:
            return chooser.choice(TEXTS)
        if kind == 1:
            return chooser.randint(-(10**9), 10**9)
        if kind == 2:
            # openpyxl wrote 16 significant digits (we write all 17): a value both keep
            return round(chooser.uniform(-1e6, 1e6), 4)
        if kind == 3:
            return chooser.random() < 0.5
        if kind == 4:
            return date(1990, 1, 1) + timedelta(days=chooser.randint(0, 20_000))
        if kind == 5:
            return start + timedelta(seconds=chooser.randint(0, 10**8))
        return chooser.choice(TEXTS) + str(chooser.randint(0, 99))

    headers = tuple(chooser.choice(TEXTS) or "Name" for _ in range(14))
    return Table(f"Sheet {seed}", headers, [tuple(map(cell, range(14))) for _ in range(rows)])


def described(data: bytes) -> list[Any]:
    """Everything a person (or our importer) sees of a workbook, as plain values."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    found: list[Any] = []
    for sheet in workbook.worksheets:
        widths = {k: d.width for k, d in sheet.column_dimensions.items() if d.customWidth}
        found.append((sheet.title, sheet.freeze_panes, widths))
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                shown = (cell.number_format, cell.font.b, cell.quotePrefix)
                found.append((cell.coordinate, cell.value, type(cell.value), *shown))
    return found


def test_every_cell_reads_back_as_the_openpyxl_writer_wrote_it():
    tables = [generated_table(seed, 300) for seed in (1, 2, 3)]
    tables.append(Table("Sheet 1", ("Only a header",), ()))  # a name to make unique
    ours, theirs = described(to_xlsx(tables)), described(openpyxl_xlsx(tables))
    assert len(ours) > 3000
    assert ours == theirs


def test_hard_values_survive_and_the_zip_is_sound():
    long_text = "x" * 40_000
    values = (
        "Ana\x00\x07Ruiz\x1f\uffff",
        long_text,
        "=1+1",
        "🙂 coffee ☕ 👩🏽‍💻",
        "مرحبا بالعالم",
        " both ends ",
        "tab\tand\r\nbreaks",
        "<b>&amp;</b>",
    )
    data = to_xlsx([Table("Hard", ("Value",), [(value,) for value in values])])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in package.infolist())
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Hard"]
    read = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # Control characters become spaces; a cell holds at most 32,767 characters (Excel's limit).
    assert read == ["Ana  Ruiz  ", long_text[:32_767], *values[2:]]
    assert sheet["A4"].quotePrefix and not sheet["A5"].quotePrefix


def test_a_large_sheet_streams_in_batches_and_keeps_every_row():
    rows = ((f"Person {n}", n, date(2026, 1, 1)) for n in range(2_500))  # read once, as written
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx([Table("Many", ("a", "b", "c"), rows)])))
    read = list(sheet["Many"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in read] == list(range(2_500))
    assert read[-1] == ("Person 2499", 2499, datetime(2026, 1, 1))


def test_an_exported_contacts_sheet_imports_back():
    table = Table(
        "Contacts",
        ("First name", "Last name", "Email", "Phone", "Organization", "Notes"),
        [
            ("Zoë", "Ñúñez", "zoe@example.org", "+44 20 7946 0000", "=Acme", "Kind & calm"),
            ("سارة", "כהן", "sara@example.org", "0012 345", None, "🙂"),
        ],
    )
    result = read_contacts(to_xlsx([table]), filename="contacts.xlsx")
    people = [(row.first_name, row.last_name, row.emails, row.phones) for row in result.rows]
    assert people == [
        ("Zoë", "Ñúñez", ("zoe@example.org",), ("+44 20 7946 0000",)),
        ("سارة", "כהן", ("sara@example.org",), ("0012 345",)),
    ]
    assert [row.organization for row in result.rows] == ["=Acme", ""]


def test_numbers_are_exact_and_impossible_ones_left_empty():
    values = (0.1 + 0.2, 2**53 + 1, float("nan"), float("-inf"), True, False)
    data = to_xlsx([Table("Numbers", tuple("abcdef"), [values])])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Numbers"]
    read = next(sheet.iter_rows(min_row=2, values_only=True))
    assert read == (0.1 + 0.2, 2**53 + 1, None, None, True, False)


def test_many_columns_get_excel_letters():
    headers = tuple(f"h{n}" for n in range(30))
    data = to_xlsx([Table("Wide", headers, [tuple(itertools.repeat(1, 30))])])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Wide"]
    assert sheet["AD1"].value == "h29" and sheet["AD2"].value == 1


def test_a_row_wider_than_its_headers_keeps_every_value():
    data = to_xlsx([Table("Wide", ("a",), [(1, 2, "three")])])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Wide"]
    assert next(sheet.iter_rows(min_row=2, values_only=True)) == (1, 2, "three")
