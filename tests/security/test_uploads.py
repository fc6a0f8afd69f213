"""Uploads are bounded: a huge file is turned away with a clear message and nothing imported; an
absurd file name is stored short, on one line, without folders, and shown as text."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from coffeechat.network.models import Contact, ImportBatch
from tests.security.html_checks import inspect
from tests.security.world import World, fingerprint

CSV = b"First Name,Last Name,Email Address\nIvo,Upload,ivo@example.org\n"


def test_a_50_mb_upload_gets_a_clear_422_and_imports_nothing(alice_world: World) -> None:
    before = fingerprint(alice_world.user)
    huge = CSV + b"x" * (50 * 1024 * 1024)
    response = alice_world.client.post(
        "/import/", {"file": SimpleUploadedFile("big.csv", huge), "format": "auto"}
    )
    assert response.status_code in (413, 422)
    assert "larger than" in response.content.decode()
    assert fingerprint(alice_world.user) == before
    assert not Contact.objects.filter(last_name="Upload").exists()


def test_an_absurd_file_name_is_stored_bounded_and_shown_inert(alice_world: World) -> None:
    name = ("../" * 50) + "evil\n<img src=x onerror=alert(1)>\r\n" + "x" * 5000 + ".csv"
    client = alice_world.client
    upload = client.post("/import/", {"file": SimpleUploadedFile(name, CSV), "format": "auto"})
    assert upload.status_code == 302
    preview = client.get(upload["Location"])
    assert preview.status_code == 200
    _assert_inert(preview.content.decode())
    confirmed = client.post(upload["Location"], {"action": "confirm"})
    assert confirmed.status_code == 302
    batch = ImportBatch.objects.filter(owner=alice_world.user).latest("pk")
    assert batch.created_count == 1
    assert len(batch.file_name) <= 200
    assert not set(batch.file_name) & set("/\\\n\r")
    assert "onerror" in batch.file_name  # kept as text, not silently dropped
    for page in ("/import/", confirmed["Location"]):
        _assert_inert(client.get(page).content.decode())


def _assert_inert(html: str) -> None:
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, as text
    assert not inspect(html).problems
