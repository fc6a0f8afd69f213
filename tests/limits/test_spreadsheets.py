"""Hostile spreadsheets are refused before they are unpacked or padded: within seconds and in
bounded memory (proven in a child process under a 2 GB address-space cap), with a message that
says what to do. Every sheet of a workbook is accounted for, and a text file named .xlsx is
refused rather than read as an empty list."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.test import Client

from coffeechat.domain.importers import UnreadableFileError, read_contacts, tabular, xlsx
from coffeechat.network.models import Contact

ROOT = Path(__file__).resolve().parents[2]


def workbook(*sheets: tuple[str, list[list[Any]]], far_cell: str = "") -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    if far_cell:
        book.worksheets[0][far_cell] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PEOPLE = [["Name", "Email"], ["Ada Lovelace", "ada@example.org"]]


def dimension_bomb() -> bytes:
    """4-5 KB: the sheet declares A1:XFD1048576 and has one cell in the last row and column."""
    data = workbook(("Contacts", PEOPLE), far_cell="XFD1048576")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b'ref="A1:XFD1048576"' in archive.read("xl/worksheets/sheet1.xml")
    return data


@pytest.fixture(scope="module")
def deflate_bomb(tmp_path_factory: Any) -> Path:
    """About 2.5 MB that unpacks to 1 GB of shared strings (built here, in about 3 seconds)."""
    path: Path = tmp_path_factory.mktemp("bombs") / "bomb.xlsx"
    with zipfile.ZipFile(io.BytesIO(workbook(("Contacts", PEOPLE)))) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    chunk = b"<si><t>a</t></si>" * 60_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, body in parts.items():
            if name != "xl/sharedStrings.xml":
                archive.writestr(name, body)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            strings.write(
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            for _ in range(1000):
                strings.write(chunk)
            strings.write(b"</sst>")
    return path


CAPPED = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
    from coffeechat.domain.importers import UnreadableFileError, read_contacts
    data = open(sys.argv[1], "rb").read()
    start = time.monotonic()
    try:
        read_contacts(data, filename="bomb.xlsx")
        outcome = "read"
    except UnreadableFileError as exc:
        outcome = exc.reason
    # VmHWM is this process image's own peak; ru_maxrss would include the parent's size
    # inherited through fork (Linux keeps it across exec).
    try:
        status = open("/proc/self/status").read()
        peak_mb = int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError):
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"outcome": outcome, "seconds": time.monotonic() - start, "peak_mb": peak_mb}))
    """
)


def run_capped(path: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", CAPPED, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_the_dimension_bomb_is_refused_fast_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "dimension.xlsx"
    path.write_bytes(dimension_bomb())
    assert path.stat().st_size < 10_000
    report = run_capped(path)
    assert "cell XFD1048576" in report["outcome"], report
    assert report["seconds"] < 15 and report["peak_mb"] < 400, report


def test_the_deflate_bomb_is_refused_before_unpacking(deflate_bomb: Path) -> None:
    report = run_capped(deflate_bomb)
    assert "unpacks to more than 48 MB" in report["outcome"], report
    assert report["seconds"] < 5 and report["peak_mb"] < 400, report


def test_the_web_upload_refuses_a_bomb_at_once_and_keeps_nothing(
    client_alice: Client, deflate_bomb: Path, settings: Any, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path
    with deflate_bomb.open("rb") as upload:
        response = client_alice.post("/import/", {"file": upload, "format": "auto"})
    assert response.status_code == 422
    assert "unpacks to more than 48 MB" in response.text
    assert not list(tmp_path.glob("uploads/*/*"))
    with io.BytesIO(dimension_bomb()) as upload:
        upload.name = "far.xlsx"
        response = client_alice.post("/import/", {"file": upload, "format": "auto"})
    assert response.status_code == 422 and "XFD1048576" in response.text
    assert not Contact.objects.exists()


def test_rows_are_as_wide_as_their_cells_never_as_the_declaration() -> None:
    data = workbook(("Contacts", PEOPLE), far_cell="C1048576")  # declares A1:C1048576
    book = xlsx.xlsx_records(data)
    assert book.records == [
        (1, ["Name", "Email"]),
        (2, ["Ada Lovelace", "ada@example.org"]),
        (1048576, ["", "", "x"]),
    ]


def test_too_many_rows_or_too_slow_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook(("Contacts", [*PEOPLE, *[[f"P{n}", f"p{n}@example.org"] for n in range(9)]]))
    monkeypatch.setattr(xlsx, "MAX_ROWS", 5)
    with pytest.raises(UnreadableFileError, match="more than 5 rows"):
        read_contacts(data, filename="people.xlsx")
    monkeypatch.setattr(xlsx, "MAX_ROWS", 100_000)
    ticks = iter(range(0, 10**6, 100))  # each look at the clock: 100 seconds later
    monkeypatch.setattr(xlsx, "_ROW_CLOCK_EVERY", 1)
    with pytest.raises(UnreadableFileError, match="took too long"):
        xlsx.xlsx_records(data, clock=lambda: float(next(ticks)))


def test_too_many_parts_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_PARTS", 3)
    with pytest.raises(UnreadableFileError, match="more than 3 parts"):
        read_contacts(workbook(("Contacts", PEOPLE)), filename="people.xlsx")


def test_every_sheet_with_a_header_is_read_and_the_others_are_named() -> None:
    data = workbook(
        ("Contacts", PEOPLE),
        ("Empty", []),
        ("Alumni", [["Name", "Email"], ["Bo Chen", "bo@example.org"]]),
        ("Sums", [["12", "40"], ["7", "3"]]),
    )
    result = read_contacts(data, filename="people.xlsx")
    assert [row.first_name for row in result.rows] == ["Ada", "Bo"]
    notes = [w.reason for w in result.warnings if w.line == 0]
    assert notes == [
        "We read the sheets “Contacts”, “Alumni”; the line numbers below count rows within "
        "each sheet.",
        "The sheet “Sums” (2 rows) was left out: we couldn't find a header row naming its "
        "columns (like First Name, Last Name, Email). Add one and import the file again.",
    ]


def test_a_text_file_named_xlsx_gets_a_clear_error() -> None:
    with pytest.raises(UnreadableFileError, match="named like an Excel workbook"):
        read_contacts(b"Name,Email\nAda,ada@example.org\n", filename="people.xlsx")
    with pytest.raises(UnreadableFileError, match=r"isn.t an Excel \.xlsx workbook"):
        read_contacts(b"Name,Email\n", filename="people.csv", fmt="xlsx")


def test_an_upload_is_unpacked_once_for_preview_remap_and_confirm(
    client_alice: Client, monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path
    calls: list[int] = []
    original = xlsx.xlsx_records

    def counted(data: bytes, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(data))
        return original(data, *args, **kwargs)

    monkeypatch.setattr("coffeechat.domain.importers.reader.xlsx_records", counted)
    with io.BytesIO(workbook(("Contacts", PEOPLE))) as upload:
        upload.name = "people.xlsx"
        uploaded = client_alice.post("/import/", {"file": upload, "format": "auto"})
    preview = uploaded["Location"]
    assert client_alice.get(preview).status_code == 200
    remapped = client_alice.post(preview, {"format": "auto", "field": ["name", "email"]})
    assert remapped.status_code == 302
    assert client_alice.get(preview).status_code == 200
    confirmed = client_alice.post(preview, {"action": "confirm"})
    assert confirmed.status_code == 302
    assert Contact.objects.get().first_name == "Ada"
    assert len(calls) == 1


def test_csv_files_keep_the_same_row_and_column_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    wide = ("Name," + "x," * 300 + "\n").encode()
    with pytest.raises(UnreadableFileError, match="Line 1 has 301 columns, more than the 256"):
        read_contacts(wide, filename="wide.csv")
    padded = ("Name,Email" + "," * 5000 + "\nAda,ada@example.org\n").encode()
    assert len(read_contacts(padded, filename="padded.csv").rows) == 1
    monkeypatch.setattr(tabular, "MAX_ROWS", 3)
    many = ("Name,Email\n" + "".join(f"P{n},p{n}@example.org\n" for n in range(5))).encode()
    with pytest.raises(UnreadableFileError, match="more than 3 rows"):
        read_contacts(many, filename="many.csv")


def test_the_cli_refuses_a_bomb_with_a_message(db: Any, capsys: Any, tmp_path: Path) -> None:
    from coffeechat.cli.main import main

    path = tmp_path / "far.xlsx"
    path.write_bytes(dimension_bomb())
    assert main(["import", str(path)]) == 2
    assert "XFD1048576" in capsys.readouterr().err
    assert not Contact.objects.exists()
