"""Import pages: upload → preview → confirm, limits, history, undo, merges, exports, isolation."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from coffeechat.network.models import Contact, DuplicateFlag, ImportBatch, Organization
from coffeechat.network.transfer import exports
from coffeechat.network.transfer.imports import run_import
from tests.transfer.conftest import batch_of, csv_bytes, sample_bytes


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.DATA_DIR = tmp_path


def upload(client: Any, name: str, data: bytes, **extra: Any) -> Any:
    return client.post("/import/", {"file": SimpleUploadedFile(name, data), **extra})


def test_upload_preview_confirm_with_a_linkedin_file(client_alice, alice):
    response = upload(client_alice, "Connections.csv", sample_bytes("linkedin_connections.csv"))
    assert response.status_code == 302
    preview_url = response["Location"]
    page = client_alice.get(preview_url).content.decode()
    assert "Preview: Connections.csv" in page
    assert "<strong>6</strong> new" in page and "Line 10:" in page and "Ñúñez" in page
    assert not Contact.objects.exists()  # a preview changes nothing
    done = client_alice.post(preview_url, {"action": "confirm"})
    batch = ImportBatch.objects.owned_by(alice).get()
    assert done["Location"] == f"/import/{batch.pk}/"
    assert Contact.objects.owned_by(alice).count() == 6
    result = client_alice.get(done["Location"]).content.decode()
    assert "Undo this import" in result and "Zoë Ñúñez" in result
    assert client_alice.get(preview_url).status_code == 404  # the upload was cleaned up
    history = client_alice.get("/import/").content.decode()
    assert "Connections.csv" in history


def test_the_column_mapping_can_be_edited_before_importing(client_alice, alice):
    data = csv_bytes("Nom complet,Boss,Employer", "Ada Obi,Kim,Metro Transit")
    preview_url = upload(client_alice, "team.csv", data)["Location"]
    page = client_alice.get(preview_url).content.decode()
    assert 'name="field"' in page
    client_alice.post(
        preview_url, {"action": "remap", "format": "auto", "field": ["name", "ignore", "notes"]}
    )
    client_alice.post(preview_url, {"action": "confirm"})
    ada = Contact.objects.owned_by(alice).get()
    assert (ada.first_name, ada.last_name, ada.notes, ada.organization) == (
        "Ada",
        "Obi",
        "Metro Transit",
        None,
    )


def test_an_unreadable_upload_says_why_and_imports_nothing(client_alice):
    preview_url = upload(client_alice, "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)[
        "Location"
    ]
    response = client_alice.get(preview_url)
    assert response.status_code == 422
    assert "older Excel .xls workbook" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_no_file_chosen_is_a_friendly_422(client_alice):
    response = client_alice.post("/import/", {"format": "auto"})
    assert response.status_code == 422 and "Choose a file" in response.content.decode()


def test_a_50_mb_upload_gets_a_friendly_422_not_a_500(client_alice):
    big = SimpleUploadedFile("huge.csv", b"a" * (50 * 1024 * 1024))
    response = client_alice.post("/import/", {"file": big})
    assert response.status_code == 422
    assert "larger than 10 MB" in response.content.decode()


@override_settings(UPLOAD_LIMIT_BYTES=1024)
def test_the_file_size_itself_is_checked_too(client_alice):
    response = client_alice.post(
        "/import/", {"file": SimpleUploadedFile("a.csv", b"Name\n" + b"x" * 2000)}
    )
    assert response.status_code == 422 and "larger than" in response.content.decode()


def test_undo_from_the_web_and_the_refusal_explains_who_changed(client_alice, alice):
    summary = run_import(alice, csv_bytes("Name", "Ada Obi", "Ben Ito"), filename="a.csv")
    ben = Contact.objects.get(first_name="Ben")
    ben.title = "Engineer"
    ben.save()
    page = client_alice.get(f"/import/{batch_of(summary).pk}/").content.decode()
    assert "Undo isn't possible any more" in page and "Ben Ito" in page
    response = client_alice.post(f"/import/{batch_of(summary).pk}/undo", follow=True)
    assert "Ben Ito" in response.content.decode() and Contact.objects.count() == 2
    ben.delete()
    response = client_alice.post(f"/import/{batch_of(summary).pk}/undo", follow=True)
    assert "Undone: 1 contact" in response.content.decode()
    assert not Contact.objects.exists()


def test_possible_duplicates_can_be_kept_both_or_merged(client_alice, alice, acme, referrer):
    run_import(
        alice, csv_bytes("Name,Company,Title", "Priya Raman,ACME health,Manager"), filename="a"
    )
    flag = DuplicateFlag.objects.owned_by(alice).get()
    page = client_alice.get("/contacts/duplicates/").content.decode()
    assert "Priya Raman" in page and "Keep both" in page
    merge_url = f"/contacts/{referrer.pk}/merge/{flag.contact.pk}/"
    form = client_alice.get(merge_url).content.decode()
    assert "Manager" in form and "Data analyst" in form
    response = client_alice.post(merge_url, {"title": "other"})
    assert response["Location"] == f"/contacts/{referrer.pk}/"
    referrer.refresh_from_db()
    assert referrer.title == "Manager" and Contact.objects.owned_by(alice).count() == 1
    assert not DuplicateFlag.objects.exists()


def test_keep_both_dismisses_the_flag(client_alice, alice, referrer):
    run_import(
        alice, csv_bytes("Name,Company,Title", "Priya Raman,Acme Health,Manager"), filename="a"
    )
    flag = DuplicateFlag.objects.owned_by(alice).get()
    client_alice.post(f"/contacts/duplicates/{flag.pk}/keep-both")
    assert not DuplicateFlag.objects.exists() and Contact.objects.count() == 2


def test_organization_merge_page_offers_and_merges(client_alice, alice):
    a = Organization.objects.create(owner=alice, name="Acme")
    b = Organization.objects.create(owner=alice, name="Acme, Inc.")
    Contact.objects.create(owner=alice, first_name="Sam", organization=b)
    page = client_alice.get("/organizations/merge/").content.decode()
    assert "Acme, Inc." in page
    client_alice.post("/organizations/merge/", {"keep": a.pk, "merge": [a.pk, b.pk]})
    assert list(Organization.objects.owned_by(alice)) == [a]
    assert a.contacts.count() == 1


def test_the_import_page_query_count_does_not_grow_with_history(client_alice, alice):
    run_import(alice, csv_bytes("Name", "Ada Obi"), filename="a.csv")
    with CaptureQueriesContext(connection) as one:
        client_alice.get("/import/")
    for n in range(5):
        run_import(alice, csv_bytes("Name", f"Person {n}"), filename=f"{n}.csv")
    with CaptureQueriesContext(connection) as six:
        client_alice.get("/import/")
    assert len(six) == len(one)


def test_exports_neutralize_formulas_and_cover_every_sheet(client_alice, alice):
    Contact.objects.create(owner=alice, first_name='=HYPERLINK("http://x")', last_name="Evil")
    response = client_alice.get("/export/xlsx")
    assert response.streaming  # sent from a file, not built in the worker's memory
    assert response["Content-Disposition"].startswith('attachment; filename="coffeechat-')
    book = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
    assert book.sheetnames == ["Contacts", "Organizations", "Messages", "Meetings", "Actions"]
    cell = book["Contacts"]["A2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s" and cell.quotePrefix
    text = client_alice.get("/export/csv").getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert b"BEGIN:VCARD" in client_alice.get("/export/vcf").getvalue()
    backup = json.loads(client_alice.get("/export/json").getvalue())
    assert (
        backup["owner"] == "alice" and backup["data"]["network.contact"][0]["last_name"] == "Evil"
    )
    assert client_alice.get("/export/exe").status_code == 404


def test_outsider_gets_404_on_every_url_with_alices_ids(
    client_alice, client_outsider, alice, acme, referrer
):
    summary = run_import(
        alice, csv_bytes("Name,Company,Title", "Priya Raman,Acme Health,Manager"), filename="a"
    )
    flag = DuplicateFlag.objects.owned_by(alice).get()
    preview_url = upload(client_alice, "c.csv", csv_bytes("Name", "Ada"))["Location"]
    batch = batch_of(summary).pk
    for url in (
        preview_url,
        f"/import/{batch}/",
        f"/contacts/{referrer.pk}/merge/{flag.contact.pk}/",
    ):
        assert client_outsider.get(url).status_code == 404, url
    for url, data in (
        (preview_url, {"action": "confirm"}),
        (f"/import/{batch}/undo", {}),
        (f"/contacts/duplicates/{flag.pk}/keep-both", {}),
        (f"/contacts/{referrer.pk}/merge/{flag.contact.pk}/", {}),
        ("/organizations/merge/", {"keep": acme.pk, "merge": [acme.pk]}),
    ):
        assert client_outsider.post(url, data).status_code == 404, url
    assert Contact.objects.owned_by(alice).count() == 2 and DuplicateFlag.objects.exists()
    assert "Priya" not in client_outsider.get("/export/csv").getvalue().decode("utf-8-sig")
    assert "Acme" not in client_outsider.get("/organizations/merge/").content.decode()


def test_spreadsheet_times_are_in_the_users_time_zone(client_alice, alice):
    import time_machine

    with time_machine.travel("2026-03-02 15:00Z"):
        Contact.objects.create(owner=alice, first_name="Ada")
    book = openpyxl.load_workbook(io.BytesIO(client_alice.get("/export/xlsx").getvalue()))
    sheet = book["Contacts"]
    headers = [cell.value for cell in sheet[1]]
    added = sheet.cell(row=2, column=headers.index("Added") + 1).value
    assert added.isoformat(sep=" ", timespec="minutes") == "2026-03-02 10:00"  # New York


def test_the_chosen_format_is_kept_for_the_preview(client_alice):
    preview_url = upload(
        client_alice, "c.txt", csv_bytes("Name,Email", "Ada Obi,ada@example.org"), format="csv"
    )["Location"]
    response = client_alice.get(preview_url)
    assert response.status_code == 200
    assert '<option value="csv" selected>' in response.content.decode()


def test_the_import_pages_name_kinds_and_details_in_plain_words(client_alice, alice):
    import re

    data = csv_bytes("First Name,Last Name,Company,Profile", "Ada,Obi,Metro,")
    preview_url = upload(client_alice, "Connections.csv", data, format="google-csv")["Location"]
    page = client_alice.get(preview_url).content.decode()
    shown = re.sub(r"<[^>]+>", " ", page)  # what a person reads, not the attribute values
    for plain in ("Google Contacts (CSV)", "LinkedIn connections", "First name"):
        assert plain in shown
    assert "LinkedIn profile" in shown
    for code in ("google-csv", "first_name", "linkedin_url", "outlook-csv"):
        assert code not in shown
    assert 'value="first_name" selected' in page  # the form still sends the field's own name
    client_alice.post(preview_url, {"action": "confirm"})
    batch = ImportBatch.objects.owned_by(alice).get()
    shown = client_alice.get(f"/import/{batch.pk}/").content.decode()
    assert "read as Google Contacts (CSV)" in shown and "google-csv" not in shown


def test_the_export_buttons_say_how_long_a_large_file_takes(client_alice, alice, monkeypatch):
    Contact.objects.create(owner=alice, first_name="Ada")
    quick = client_alice.get("/import/").content.decode()
    assert "ready in" not in quick and "keep this page open" not in quick
    assert 'data-contacts="1"' in quick
    # As slow per contact as 30,000 contacts would make the workbook (one contact here).
    monkeypatch.setitem(exports.PREPARE_SECONDS_PER_1000, "xlsx", 9000)
    slow = client_alice.get("/import/").content.decode()
    assert "ready in about 9\u00a0s" in slow and 'data-export="about 9\u00a0s"' in slow
    assert "keep this page open" in slow
    assert 'data-export=""' in slow  # the other files are still quick: no estimate


@pytest.mark.parametrize(
    ("kind", "contacts", "said"),
    [
        ("csv", 500, ""),
        ("xlsx", 30_000, "about 6\u00a0s"),
        ("vcf", 100_000, "about 35\u00a0s"),
        ("vcf", 300_000, "about 2\u00a0min"),
    ],
)
def test_preparing_time_is_said_in_seconds_then_minutes(kind, contacts, said):
    assert exports.preparing_time(kind, contacts) == said


def test_an_export_answers_the_pages_token_in_a_cookie_its_script_can_read(client_alice):
    response = client_alice.get("/export/csv?ready=abc123xyz")
    cookie = response.cookies["export_ready"]
    assert cookie.value == "abc123xyz" and not cookie["httponly"]
    assert cookie["samesite"] == "Lax" and cookie["path"] == "/"
    for odd in ("", "a b", "<script>", "x" * 40):
        answer = client_alice.get("/export/csv", {"ready": odd})
        assert answer.status_code == 200 and "export_ready" not in answer.cookies, odd
