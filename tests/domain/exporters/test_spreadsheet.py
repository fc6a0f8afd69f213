import csv
import io
import zipfile
from datetime import UTC, date, datetime

import openpyxl
import pytest

from coffeechat.domain.exporters import FORMULA_STARTS, Table, to_csv, to_xlsx

CONTACTS = Table(
    name="Contacts",
    headers=("Name", "Organization", "Met on", "Last contact", "Meetings", "Notes"),
    rows=(
        (
            "Zoë Ñúñez",
            "Blue Heron Analytics, Inc.",
            date(2026, 11, 21),
            datetime(2026, 11, 22, 9, 30),
            2,
            "Kind,\n generous",
        ),
        ("陈 小明", None, None, None, 0, ""),
    ),
)
MEETINGS = Table(name="Meetings: 2026/27", headers=("When", "Who"), rows=(("soon", "Ana"),))


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_has_one_sheet_per_table_with_headers_and_values():
    workbook = load(to_xlsx([CONTACTS, MEETINGS]))
    assert workbook.sheetnames == ["Contacts", "Meetings 2026 27"]
    sheet = workbook["Contacts"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == list(CONTACTS.headers)
    assert values[1][:2] == ["Zoë Ñúñez", "Blue Heron Analytics, Inc."]
    assert values[1][2].date() == date(2026, 11, 21)
    assert values[1][3] == datetime(2026, 11, 22, 9, 30)
    assert values[1][4:] == [2, "Kind,\n generous"]
    assert values[2] == ["陈 小明", None, None, None, 0, None]


def test_xlsx_header_is_bold_frozen_and_columns_are_sized():
    sheet = load(to_xlsx([CONTACTS]))["Contacts"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEF"]
    assert all(8 <= width <= 60 for width in widths)
    assert widths[1] > widths[0]  # the long organization name gets a wider column


def test_xlsx_sheet_names_stay_unique_and_short():
    long_name = "A very long sheet name that Excel would refuse"
    workbook = load(to_xlsx([Table(long_name, ("a",), ()), Table(long_name, ("a",), ())]))
    assert [len(name) <= 31 for name in workbook.sheetnames] == [True, True]
    assert len(set(workbook.sheetnames)) == 2


def test_xlsx_with_no_tables_is_still_a_workbook():
    assert load(to_xlsx([])).sheetnames == ["Empty"]


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_xlsx_never_writes_a_formula_and_shows_the_text_as_typed(start):
    table = Table("Contacts", (f"{start}header",), ((f"{start}SUM(A1:A2)",),))
    content = to_xlsx([table])
    sheet = load(content)["Contacts"]
    assert (sheet["A1"].value, sheet["A2"].value) == (f"{start}header", f"{start}SUM(A1:A2)")
    for cell in (sheet["A1"], sheet["A2"]):
        assert cell.data_type == "s"
        assert cell.quotePrefix  # Excel's hidden prefix: text even after the cell is edited
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_phone_numbers_carry_no_visible_apostrophe():
    table = Table("Contacts", ("Phone",), (("+44 20 7946 0000",), ("020 7946 0000",)))
    sheet = load(to_xlsx([table]))["Contacts"]
    assert [sheet["A2"].value, sheet["A3"].value] == ["+44 20 7946 0000", "020 7946 0000"]


def test_xlsx_drops_characters_xml_cannot_hold():
    table = Table("Contacts", ("Name",), (("Ana\x00\x07Ruiz",),))
    assert load(to_xlsx([table]))["Contacts"]["A2"].value == "Ana  Ruiz"


def test_aware_datetimes_are_refused():
    table = Table("x", ("When",), ((datetime(2026, 1, 1, tzinfo=UTC),),))
    with pytest.raises(ValueError, match="time zone"):
        to_xlsx([table])
    with pytest.raises(ValueError, match="time zone"):
        to_csv(table)


def test_other_objects_are_refused():
    with pytest.raises(TypeError):
        to_csv(Table("x", ("a",), ((object(),),)))  # type: ignore[arg-type]


def test_csv_is_utf8_with_bom_and_crlf():
    data = to_csv(CONTACTS)
    assert data.startswith(b"\xef\xbb\xbfName,Organization")
    text = data.decode("utf-8-sig")
    assert text.count("\r\n") == 3
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == [
        "Zoë Ñúñez",
        "Blue Heron Analytics, Inc.",
        "2026-11-21",
        "2026-11-22 09:30",
        "2",
        "Kind,\n generous",
    ]
    assert rows[2] == ["陈 小明", "", "", "", "0", ""]


def test_csv_keeps_seconds_when_there_are_some():
    table = Table("x", ("When",), ((datetime(2026, 1, 1, 8, 5, 9),),))
    assert b"2026-01-01 08:05:09" in to_csv(table)


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_csv_neutralizes_every_string_cell(start):
    table = Table("x", (f"{start}h",), ((f"{start}1+1", -5),))
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig"), newline="")))
    assert rows == [[f"'{start}h"], [f"'{start}1+1", "-5"]]
