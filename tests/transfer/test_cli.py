"""`coffeechat import`, `imports`, `export` and `restore`, run in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl

from coffeechat.accounts.services import personal_owner
from coffeechat.cli.main import main
from coffeechat.network.models import Contact, ImportBatch
from tests.transfer.conftest import SAMPLES, csv_bytes


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_json_and_exits_0_even_with_rejected_rows(db, capsys):
    code, out, _ = run(["import", str(SAMPLES / "linkedin_connections.csv"), "--json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert {k: result[k] for k in ("format", "created", "updated", "unchanged")} == {
        "format": "linkedin",
        "created": 6,
        "updated": 0,
        "unchanged": 0,
    }
    assert result["possible_duplicates"] == 0
    assert [r["line"] for r in result["rejected"]] == [10, 12]
    assert Contact.objects.owned_by(personal_owner()).count() == 6


def test_an_unreadable_file_exits_2_with_the_reason_on_stderr(db, capsys, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"   ")
    code, out, err = run(["import", str(empty), "--json"], capsys)
    assert code == 2 and out == ""
    assert "Nothing was imported. This file is empty." in err
    code, _, err = run(["import", str(tmp_path / "missing.csv")], capsys)
    assert code == 2 and "Can't read" in err
    assert not Contact.objects.exists()


def test_dry_run_writes_nothing(db, capsys):
    code, out, _ = run(["import", str(SAMPLES / "google.vcf"), "--dry-run"], capsys)
    assert code == 0 and "Would import google.vcf" in out and "nothing was saved" in out
    assert not Contact.objects.exists() and not ImportBatch.objects.exists()


def test_map_reads_a_column_into_a_field_and_rejects_a_bad_one(db, capsys, tmp_path):
    sheet = tmp_path / "team.csv"
    sheet.write_bytes(csv_bytes("Who,Boss", "Ada Obi,Kim"))
    code, _, _ = run(["import", str(sheet), "--map", "Who=name", "--map", "Boss=notes"], capsys)
    assert code == 0
    ada = Contact.objects.get()
    assert (ada.first_name, ada.notes) == ("Ada", "Kim")
    code, _, err = run(["import", str(sheet), "--map", "Who=shoe size"], capsys)
    assert code == 2 and "Unknown field 'shoe size'" in err
    code, _, err = run(["import", str(sheet), "--map", "Who"], capsys)
    assert code == 2 and "--map expects" in err


def test_imports_lists_and_undo_removes(db, capsys):
    run(["import", str(SAMPLES / "google.vcf")], capsys)
    code, out, _ = run(["imports", "--json"], capsys)
    listed = json.loads(out)
    assert code == 0 and listed[0]["file_name"] == "google.vcf" and listed[0]["created"] == 2
    code, out, _ = run(["import", "--undo", str(listed[0]["id"])], capsys)
    assert code == 0 and "removed 2 contacts" in out
    assert not Contact.objects.exists()
    code, _, err = run(["import", "--undo", str(listed[0]["id"])], capsys)
    assert code == 2 and "already undone" in err
    code, _, err = run(["import", "--undo", "999"], capsys)
    assert code == 2 and "no import with id 999" in err


def test_export_by_extension_and_restore_into_an_empty_account(db, capsys, tmp_path):
    run(["import", str(SAMPLES / "linkedin_connections.csv")], capsys)
    for name in ("all.xlsx", "people.csv", "cards.vcf", "backup.json"):
        code, _, err = run(["export", str(tmp_path / name)], capsys)
        assert code == 0 and f"Wrote {tmp_path / name}" in err
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600  # other people's details
    assert openpyxl.load_workbook(tmp_path / "all.xlsx").sheetnames[0] == "Contacts"
    assert (tmp_path / "cards.vcf").read_text().count("BEGIN:VCARD") == 6
    code, _, err = run(["export", str(tmp_path / "x.pdf")], capsys)
    assert code == 2 and ".xlsx, .csv, .vcf or .json" in err
    code, _, err = run(["restore", str(tmp_path / "backup.json")], capsys)
    assert code == 2 and "empty account only" in err
    personal_owner().delete()
    code, _, err = run(["restore", str(tmp_path / "backup.json")], capsys)
    assert code == 0 and "Restored" in err
    assert Contact.objects.owned_by(personal_owner()).count() == 6


def test_an_export_over_a_readable_file_makes_it_private(db, capsys, tmp_path):
    old = tmp_path / "people.csv"
    old.write_text("old")
    old.chmod(0o644)
    assert run(["export", str(old)], capsys)[0] == 0
    assert old.stat().st_mode & 0o777 == 0o600 and old.read_bytes() != b"old"


def test_restore_refuses_a_file_that_is_not_json(db, capsys, tmp_path):
    bad: Path = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    code, _, err = run(["restore", str(bad)], capsys)
    assert code == 2 and "isn't JSON" in err
