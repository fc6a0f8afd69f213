"""Pending uploads are bounded per person and never outlive their hour, whoever left them."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any

from django.test import Client

from coffeechat.network.transfer import stash
from tests.conftest import signed_in

CSV = b"Name,Email\nAda Lovelace,ada@example.org\n"


def upload(client: Client, data: bytes = CSV, name: str = "people.csv") -> str:
    with io.BytesIO(data) as file:
        file.name = name
        response = client.post("/import/", {"file": file, "format": "auto"})
    assert response.status_code == 302, response.content[:300]
    location: str = response["Location"]
    return location


def pending(folder: Path) -> list[Path]:
    return sorted(folder.glob("uploads/*/*.bin"))


def test_each_person_keeps_at_most_three_uploads(
    client_alice: Client, settings: Any, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path
    previews = [upload(client_alice) for _ in range(15)]
    assert len(pending(tmp_path)) == stash.MAX_PENDING
    assert client_alice.get(previews[-1]).status_code == 200
    assert client_alice.get(previews[0]).status_code == 404  # made room for the newer ones


def test_the_quota_counts_bytes_too(client_alice: Client, settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path
    settings.UPLOAD_LIMIT_BYTES = 1000
    big = CSV + b"".join(b"P%d,p%d@example.org\n" % (n, n) for n in range(30))
    assert 600 < len(big) <= 1000
    for _ in range(4):
        upload(client_alice, big)
    total = sum(path.stat().st_size for path in pending(tmp_path))
    assert total <= stash.MAX_PENDING * settings.UPLOAD_LIMIT_BYTES


def test_abandoned_uploads_of_anyone_are_swept_on_the_next_upload(
    client_alice: Client, bob: Any, settings: Any, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path
    upload(signed_in(bob))
    bobs = tmp_path / "uploads" / str(bob.pk)
    (bobs / "half-written-by-a-killed-import.bin").write_bytes(b"x" * 100)
    hour_ago = time.time() - stash.LIFETIME_SECONDS - 60
    for path in bobs.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    upload(client_alice)
    assert list(bobs.iterdir()) == []
    assert len(pending(tmp_path)) == 1


def test_server_mode_keeps_uploads_in_the_database_for_any_app_server(
    server: Any, alice: Any, bob: Any, tmp_path: Path
) -> None:
    from coffeechat.network.models import Contact, PendingUpload

    server.DATA_DIR = tmp_path / "machine-1"
    client = signed_in(alice)
    preview = upload(client)
    assert not list(tmp_path.glob("**/*.bin"))  # nothing on this machine's disk
    assert PendingUpload.objects.filter(owner=alice).count() == 1
    server.DATA_DIR = tmp_path / "machine-2"  # the confirm lands on another app server
    assert client.get(preview).status_code == 200
    assert signed_in(bob).get(preview).status_code == 404  # another person's key finds nothing
    assert client.post(preview, {"action": "confirm"}).status_code == 302
    assert Contact.objects.filter(owner=alice).count() == 1
    assert not PendingUpload.objects.exists()


def test_server_mode_keeps_the_same_quota_and_sweep(server: Any, alice: Any, bob: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from coffeechat.network.models import PendingUpload

    upload(signed_in(bob))
    PendingUpload.objects.update(created_at=timezone.now() - timedelta(hours=2))
    client = signed_in(alice)
    previews = [upload(client) for _ in range(5)]
    assert PendingUpload.objects.filter(owner=alice).count() == stash.MAX_PENDING
    assert not PendingUpload.objects.filter(owner=bob).exists()  # swept: over an hour old
    assert client.get(previews[0]).status_code == 404
    assert client.get(previews[-1]).status_code == 200
