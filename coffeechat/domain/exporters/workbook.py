"""The XML of an .xlsx workbook (SpreadsheetML), written row by row into a zip.

Only the parts Excel, LibreOffice and openpyxl need: one worksheet per table with inline
strings (so a sheet streams: no shared-strings table to hold), a fixed set of six cell styles,
the workbook with its sheet names, and the package's relationships and properties. Writing the
text ourselves costs a fraction of building a cell object and an XML element per value.
"""

from __future__ import annotations

import itertools
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from xml.sax.saxutils import quoteattr

from coffeechat.domain.exporters.table import FORMULA_STARTS, Cell, check_cell

# Control characters XML 1.0 can't carry; they become spaces (tab and line ends stay).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EXCEL_MAX_CHARS = 32_767
_BATCH_ROWS = 1000

# Indexes into the <cellXfs> of `_STYLES`.
_BOLD, _BOLD_QUOTED, _QUOTED, _DATE, _DATETIME = 1, 2, 3, 4, 5
# Excel's day 0 (1899-12-30, as its mistaken 1900-02-29 shifts later days by one).
_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def column_letters(count: int) -> list[str]:
    """A, B, … Z, AA, AB, … for the first `count` columns."""
    letters = []
    for number in range(1, count + 1):
        name = ""
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def write_sheet(
    package: zipfile.ZipFile,
    number: int,
    headers: Sequence[str],
    widths: Sequence[float],
    rows: Iterable[Sequence[Cell]],
) -> None:
    """Worksheet `number` (from 1): a bold header row frozen above `rows`, columns `widths` wide."""
    letters = column_letters(max(len(headers), 1))
    cols = "".join(
        f'<col min="{index}" max="{index}" width="{width:g}" customWidth="1"/>'
        for index, width in enumerate(widths, start=1)
    )
    with package.open(f"xl/worksheets/sheet{number}.xml", "w") as part:
        part.write(
            (
                f'{_HEAD}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
                '</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
                + (f"<cols>{cols}</cols>" if cols else "")
                + "<sheetData>"
                + _clean(_header_row(letters, headers))
            ).encode()
        )
        numbered = enumerate(rows, start=2)
        while batch := "".join(
            _row(letters, row_number, row)
            for row_number, row in itertools.islice(numbered, _BATCH_ROWS)
        ):
            part.write(_clean(batch).encode())
        part.write(
            b'</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1"'
            b' header="0.5" footer="0.5"/></worksheet>'
        )


def write_package(package: zipfile.ZipFile, sheet_names: Sequence[str]) -> None:
    """Every part but the worksheets: the workbook, its styles, relationships and properties."""
    numbers = range(1, len(sheet_names) + 1)
    sheets = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>'
        for n, name in zip(numbers, sheet_names, strict=True)
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in numbers
    )
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        for n in numbers
    )
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>'
            f"{sheet_types}"
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PKG_RELS}">'
            f'<Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PKG_RELS}/metadata/core-properties" '
            'Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_DOC_RELS}/extended-properties" '
            'Target="docProps/app.xml"/></Relationships>'
        ),
        "docProps/app.xml": (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>coffeechat</Application></Properties>'
        ),
        "docProps/core.xml": (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:creator>coffeechat</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            "</cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{sheets}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG_RELS}">{sheet_rels}'
            f'<Relationship Id="rId{len(sheet_names) + 1}" Type="{_DOC_RELS}/styles" '
            'Target="styles.xml"/></Relationships>'
        ),
    }
    for name, text in parts.items():
        package.writestr(name, text if text.startswith(_HEAD) else _HEAD + text)
    package.writestr("xl/styles.xml", _STYLES)


def _clean(xml: str) -> str:
    # Safe on whole rows: the markup around the values holds no control characters.
    return _XML_ILLEGAL.sub(" ", xml)


def _header_row(letters: Sequence[str], headers: Sequence[str]) -> str:
    cells = "".join(
        _text(f"{letter}1", header, _BOLD, _BOLD_QUOTED) if header else f'<c r="{letter}1" s="1"/>'
        for letter, header in zip(letters, headers, strict=False)
    )
    return f'<row r="1">{cells}</row>'


def _row(letters: list[str], number: int, row: Sequence[Cell]) -> str:
    """One <row>; empty cells (None, "") are left out, as Excel does."""
    if len(row) > len(letters):  # a row wider than the headers keeps its extra values
        letters[:] = column_letters(len(row))
    cells = []
    for letter, value in zip(letters, row, strict=False):
        if type(value) is str:
            if value:
                cells.append(_text(f"{letter}{number}", value, 0, _QUOTED))
        elif value is None:
            continue
        elif type(value) is int:
            cells.append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
        else:
            cells.append(_other(f"{letter}{number}", value))
    return f'<row r="{number}">{"".join(cells)}</row>'


def _text(ref: str, text: str, style: int, quoted_style: int) -> str:
    """Typed text. One that looks like a formula gets Excel's hidden quote prefix, so it is
    shown as typed (no visible apostrophe) and never calculated, even after the cell is edited;
    a CSV file has no cell types, so `to_csv` keeps a visible apostrophe instead."""
    if text.startswith(FORMULA_STARTS):
        style = quoted_style
    if len(text) > EXCEL_MAX_CHARS:  # Excel refuses a longer cell
        text = text[:EXCEL_MAX_CHARS]
    space = ' xml:space="preserve"' if text != text.strip() else ""
    # saxutils.escape's three replaces, without its call: this runs for most cells.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in text:  # an XML reader turns a bare carriage return into a line feed
        text = text.replace("\r", "&#13;")
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{styled} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _other(ref: str, value: Cell) -> str:
    value = check_cell(value)  # refuses aware datetimes and objects a sheet can't show
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        serial = _day_serial(value.date()) + (seconds + value.microsecond / 1e6) / 86400
        return f'<c r="{ref}" s="{_DATETIME}"><v>{serial!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{_DATE}"><v>{_day_serial(value)}</v></c>'
    if isinstance(value, str):
        return _text(ref, str(value), 0, _QUOTED)
    if value is None or not math.isfinite(value):
        return ""  # nothing, or no number a sheet can hold (NaN, infinity): left empty
    return f'<c r="{ref}"><v>{value!r}</v></c>'  # exactly: repr reads back as the same float


def _day_serial(day: date) -> int:
    serial = day.toordinal() - _EPOCH_ORDINAL
    return serial - 1 if 0 < serial <= 60 else serial  # before Excel's phantom 1900-02-29
