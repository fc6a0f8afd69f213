"""A phone kept as typed is shown as "not checked" and doesn't block editing the person;
the preview names the columns (or card details) that go into no field."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coffeechat.network.models import Contact
from coffeechat.network.transfer.imports import run_import
from tests.transfer.test_address_books import FILES


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.DATA_DIR = tmp_path


def test_a_kept_phone_is_marked_not_checked_on_the_page(client_alice, alice):
    run_import(alice, (FILES / "google_india.csv").read_bytes(), filename="google.csv")
    ananya = Contact.objects.owned_by(alice).get(first_name="Ananya")
    assert ananya.phone == "098450 12345" and not ananya.phone_checked
    page = client_alice.get(f"/contacts/{ananya.pk}/").content.decode()
    assert "098450 12345" in page and "not checked" in page


def test_a_checked_phone_is_not_flagged(client_alice, alice):
    run_import(alice, (FILES / "thunderbird.csv").read_bytes(), filename="tb.csv")
    priya = Contact.objects.owned_by(alice).get(first_name="Priya")
    assert priya.phone_checked
    assert "not checked" not in client_alice.get(f"/contacts/{priya.pk}/").content.decode()


def test_editing_someone_with_a_kept_phone_keeps_it(client_alice, alice):
    run_import(alice, (FILES / "google_india.csv").read_bytes(), filename="google.csv")
    ananya = Contact.objects.owned_by(alice).get(first_name="Ananya")
    response = client_alice.post(
        f"/contacts/{ananya.pk}/edit",
        {
            "first_name": "Ananya",
            "last_name": "Iyer",
            "phone": "098450 12345",
            "title": "Senior Engineer",
            "how_found": "other",
            "responsiveness": "unknown",
        },
    )
    assert response.status_code == 302
    ananya.refresh_from_db()
    assert (ananya.title, ananya.phone) == ("Senior Engineer", "098450 12345")
    # A new number typed by hand is still checked, as before.
    response = client_alice.post(
        f"/contacts/{ananya.pk}/edit",
        {"first_name": "Ananya", "phone": "12", "how_found": "other", "responsiveness": "unknown"},
    )
    assert response.status_code == 422


def _preview(client: Any, name: str) -> str:
    data = (FILES / name).read_bytes()
    response = client.post("/import/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302
    return str(client.get(response["Location"]).content.decode())


def test_the_preview_lists_the_columns_left_out(client_alice):
    page = _preview(client_alice, "thunderbird.csv")
    assert "Not brought in" in page
    section = page[page.index("Not brought in") :]
    assert "<li>Fax Number</li>" in section and "<li>Birth Year</li>" in section
    assert "<li>Primary Email</li>" not in section


def test_the_preview_names_card_details_in_plain_words(client_alice):
    page = _preview(client_alice, "outlook_2007.vcf")
    section = page[page.index("Not brought in") :]
    assert "<li>birthday</li>" in section and "<li>manager</li>" in section
    assert "X-MS" not in section and "BDAY" not in section


def test_nothing_left_out_means_no_section(client_alice):
    assert "Not brought in" not in _preview(client_alice, "linkedin_2018.csv")
