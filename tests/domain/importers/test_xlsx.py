import io
from datetime import datetime

import openpyxl
import pytest

from coffeechat.domain.importers import UnreadableFileError, read_contacts


def workbook_bytes(*sheets: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for number, rows in enumerate(sheets):
        sheet = workbook.create_sheet(f"Sheet {number}")
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_a_header_row():
    data = workbook_bytes(
        [
            ["My contacts, autumn"],
            [],
            ["Full Name", "Email", "Employer", "Phone", "Connected On"],
            [
                "Zoë Ñúñez",
                "ZOE@blueheron.example",
                "Blue Heron",
                2065550123,
                datetime(2026, 11, 21),
            ],
            [None, None, None, None, None],
            ["Łukasz Wiśniewski", None, "Vistula", "+48 501 222 333", "03 Feb 2025"],
        ]
    )
    result = read_contacts(data, filename="people.xlsx")
    assert result.format == "xlsx"
    assert result.encoding == ""
    zoe, lukasz = result.rows
    assert zoe.line == 4
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "Ñúñez")
    assert zoe.emails == ("zoe@blueheron.example",)
    assert zoe.phones == ("2065550123",)
    assert zoe.connected_on == datetime(2026, 11, 21).date()
    assert lukasz.line == 6
    assert lukasz.organization == "Vistula"
    assert result.columns["Employer"] == "organization"


def test_xlsx_uses_the_first_sheet_with_a_header():
    data = workbook_bytes([["just", "numbers"], [1, 2]], [["Name"], ["Ana Ruiz"]])
    (ana,) = read_contacts(data).rows
    assert (ana.first_name, ana.last_name) == ("Ana", "Ruiz")


def test_xlsx_column_map():
    data = workbook_bytes([["Who", "Where"], ["Ana Ruiz", "Solano"]])
    result = read_contacts(data, column_map={"Who": "name", "Where": "organization"})
    assert result.rows[0].organization == "Solano"


def test_corrupt_xlsx_is_unreadable():
    data = workbook_bytes([["Name"], ["Ana"]])
    with pytest.raises(UnreadableFileError, match="couldn't be opened"):
        read_contacts(data[: len(data) // 2])


def test_xlsx_without_a_header_is_unreadable():
    with pytest.raises(UnreadableFileError, match="header row"):
        read_contacts(workbook_bytes([[1, 2], [3, 4]]))


def test_forcing_xlsx_on_text_says_what_was_expected():
    with pytest.raises(UnreadableFileError, match=r"\.xlsx"):
        read_contacts(b"Name\nAna\n", fmt="xlsx")
