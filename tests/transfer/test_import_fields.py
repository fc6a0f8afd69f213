"""The field of work an import gives each new person: guessed, shown per row, the student's say."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coffeechat.accounts.services import profile_of
from coffeechat.domain.field_choices import FieldChoices
from coffeechat.network.models import Contact, PendingUpload
from coffeechat.network.transfer.imports import run_import
from tests.transfer.conftest import csv_bytes

DESIGNERS = csv_bytes(
    "First Name,Last Name,Company,Position",
    "Ada,Obi,Northwind Studio,Senior UX Designer",
    "Ben,Ito,Northwind Studio,Product Designer",
    "Cy,Lam,Paper Press,Illustrator",
    "Dee,Ruiz,Bakery,Owner",
)


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.DATA_DIR = tmp_path


def _preview(client: Any, data: bytes = DESIGNERS) -> str:
    response = client.post("/import/", {"file": SimpleUploadedFile("people.csv", data)})
    assert response.status_code == 302
    return str(response["Location"])


def _fields(owner: Any) -> dict[str, str]:
    return dict(Contact.objects.owned_by(owner).values_list("first_name", "field"))


def _row_values(page: str) -> dict[int, str]:
    return {
        int(line): value for line, value in re.findall(r'name="field-(\d+)" value="([^"]*)"', page)
    }


def test_the_preview_shows_each_guess_and_the_import_keeps_them(client_alice, alice):
    url = _preview(client_alice)
    page = client_alice.get(url).content.decode()
    assert _row_values(page) == {2: "UX design", 3: "UX design", 4: "graphic design", 5: ""}
    assert "a guess for 3 of 4" in page and "<strong>2</strong> UX design" in page
    client_alice.post(url, {"action": "confirm"})
    assert _fields(alice) == {
        "Ada": "UX design",
        "Ben": "UX design",
        "Cy": "graphic design",
        "Dee": "",
    }


def test_the_students_own_fields_come_first(client_alice, alice):
    profile = profile_of(alice)
    profile.fields_of_interest = ["service design"]
    profile.save()
    run_import(alice, DESIGNERS, filename="people.csv")
    assert _fields(alice)["Ada"] == "UX design"
    assert Contact.objects.owned_by(alice).get(first_name="Ben").field == "UX design"
    profile.fields_of_interest = ["product design"]
    profile.save()
    Contact.objects.owned_by(alice).delete()
    run_import(alice, DESIGNERS, filename="people.csv")
    assert _fields(alice)["Ben"] == "product design"  # the student's words, not the table's


def _change_and_confirm(client: Any, owner: Any) -> None:
    url = _preview(client)
    # One row changed and one cleared; the others keep their guesses.
    client.post(
        url,
        {
            "action": "fields",
            "all_fields": "guess",
            "field-2": "interaction design",
            "was-2": "UX design",
            "field-3": "UX design",
            "was-3": "UX design",
            "field-4": "",
            "was-4": "graphic design",
        },
    )
    page = client.get(url).content.decode()
    assert _row_values(page) == {2: "interaction design", 3: "UX design", 4: "", 5: ""}
    client.post(url, {"action": "confirm"})  # another request, maybe another server
    assert _fields(owner) == {"Ada": "interaction design", "Ben": "UX design", "Cy": "", "Dee": ""}


def test_rows_can_be_changed_or_cleared_one_by_one(client_alice, alice):
    _change_and_confirm(client_alice, alice)


def test_in_server_mode_the_choices_wait_in_the_database(server, client_alice, alice):
    url = _preview(client_alice)
    client_alice.post(url, {"action": "fields", "all_fields": "=design research"})
    kept = PendingUpload.objects.get(owner=alice)
    assert FieldChoices.from_json(kept.field_choices).whole == "design research"
    Contact.objects.owned_by(alice).delete()
    _change_and_confirm(client_alice, alice)


def test_one_select_sets_the_field_for_the_whole_import(client_alice, alice):
    url = _preview(client_alice)
    client_alice.post(url, {"action": "fields", "all_fields": "=UX design"})
    page = client_alice.get(url).content.decode()
    assert set(_row_values(page).values()) == {"UX design"}
    assert '<option value="=UX design" selected>' in page
    # Then one row told apart, on the confirm itself: it wins over the whole-import choice.
    client_alice.post(
        url,
        {
            "action": "confirm",
            "field-5": "baking",
            "was-5": "UX design",
            "all_fields": "=UX design",
        },
    )
    assert _fields(alice) == {
        "Ada": "UX design",
        "Ben": "UX design",
        "Cy": "UX design",
        "Dee": "baking",
    }


def test_no_field_for_anyone(client_alice, alice):
    url = _preview(client_alice)
    client_alice.post(url, {"action": "confirm", "all_fields": "none"})
    assert set(_fields(alice).values()) == {""}


def test_an_existing_contact_keeps_its_empty_field(client_alice, alice):
    Contact.objects.create(owner=alice, first_name="Ada", last_name="Obi", email="ada@example.org")
    data = csv_bytes("First Name,Last Name,Email,Position", "Ada,Obi,ada@example.org,UX Designer")
    url = _preview(client_alice, data)
    assert "already on your list" in client_alice.get(url).content.decode()
    client_alice.post(url, {"action": "confirm"})
    ada = Contact.objects.owned_by(alice).get()
    assert (ada.title, ada.field) == ("UX Designer", "")


def test_hostile_text_in_a_field_is_refused_without_importing(client_alice, alice):
    url = _preview(client_alice)
    response = client_alice.post(
        url, {"action": "confirm", "field-2": "UX\u202edesign", "was-2": "UX design"}
    )
    assert response.status_code == 422
    assert "A field of work:" in response.content.decode()
    assert not Contact.objects.owned_by(alice).exists()
