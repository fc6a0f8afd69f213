"""The JSON backup: complete, versioned, and restored only where it belongs."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.utils import timezone

from coffeechat.accounts.services import create_user, profile_of
from coffeechat.followups.models import ActionState
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact
from coffeechat.network.transfer.backup import (
    VERSION,
    BackupRefused,
    export_backup,
    owned_models,
    restore_backup,
    write_backup,
)
from coffeechat.outreach.models import Message
from tests.transfer.conftest import sample_bytes


def _everything(alice: Any, referral: Contact) -> None:
    from coffeechat.network.transfer.imports import run_import

    run_import(alice, sample_bytes("linkedin_connections.csv"), filename="c.csv")
    referrer = referral.referred_by
    assert referrer is not None
    thanks = Message.objects.create(
        owner=alice, contact=referrer, kind="thank-you", status="sent", sent_at=timezone.now()
    )
    meeting = Meeting.objects.create(
        owner=alice, contact=referrer, starts_at=timezone.now(), thank_you=thanks, status="held"
    )
    AgendaItem.objects.create(
        owner=alice, meeting=meeting, text="How did you start?", category="path"
    )
    referral.referred_in = meeting
    referral.save()
    ActionState.objects.create(owner=alice, key="thank-you:1", state="done")


def _json(document: dict[str, Any]) -> dict[str, Any]:
    copy = json.loads(json.dumps(document))
    copy.pop("exported_at")
    return copy


def test_backup_round_trips_into_a_fresh_account(alice, referral):
    _everything(alice, referral)
    profile = profile_of(alice)
    first = export_backup(alice)
    assert first["version"] == VERSION and first["owner"] == "alice"
    assert "network" in first["schema"] and first["schema"]["network"][0] == "0001_initial"
    assert set(first["data"]) == {m._meta.label_lower for m in owned_models()}
    assert first["profile"]["school"] == "Lakeside University"
    alice.delete()
    fresh = create_user("alice")
    restored = restore_backup(fresh, json.loads(json.dumps(first)))
    assert restored == sum(len(rows) for rows in first["data"].values())
    assert _json(export_backup(fresh)) == _json(first)
    tomas = Contact.objects.owned_by(fresh).get(first_name="Tomás")
    assert tomas.referred_by is not None and tomas.referred_by.full_name == "Priya Raman"
    assert tomas.referred_in is not None and tomas.referred_in.thank_you is not None
    assert profile_of(fresh).time_zone == profile.time_zone


def test_a_backup_of_another_person_is_refused(alice, bob, referral):
    document = export_backup(alice)
    with pytest.raises(BackupRefused, match="belongs to 'alice'"):
        restore_backup(bob, document)
    assert not Contact.objects.owned_by(bob).exists()


def test_a_backup_from_a_newer_version_is_refused(alice, referral):
    document = export_backup(alice)
    alice_contacts = Contact.objects.owned_by(alice)
    alice_contacts.delete()
    newer = {**document, "version": VERSION + 1}
    with pytest.raises(BackupRefused, match="newer coffeechat"):
        restore_backup(alice, newer)
    future_schema = {**document, "schema": {**document["schema"], "network": ["0099_future"]}}
    with pytest.raises(BackupRefused, match="newer coffeechat"):
        restore_backup(alice, future_schema)


def test_restoring_into_an_account_that_has_data_is_refused(alice, referral):
    with pytest.raises(BackupRefused, match="empty account only"):
        restore_backup(alice, export_backup(alice))
    assert Contact.objects.owned_by(alice).count() == 2


def test_a_damaged_backup_restores_nothing(alice, referral):
    document = export_backup(alice)
    Contact.objects.owned_by(alice).delete()
    from coffeechat.network.models import Organization

    Organization.objects.owned_by(alice).delete()
    document["data"]["network.contact"][1]["referred_by"] = 99
    with pytest.raises(BackupRefused, match=r"Row 2 of contacts, referred_by: .* number 99"):
        restore_backup(alice, document)
    assert not Contact.objects.owned_by(alice).exists()
    with pytest.raises(BackupRefused, match="isn't a coffeechat backup"):
        restore_backup(alice, ["not", "a", "backup"])


def test_a_hand_edited_script_link_is_refused(alice, referral):
    from coffeechat.network.models import Organization

    document = export_backup(alice)
    Contact.objects.owned_by(alice).delete()
    Organization.objects.owned_by(alice).delete()
    document["data"]["network.contact"][0]["linkedin_url"] = "javascript:alert(1)"
    with pytest.raises(BackupRefused, match="Row 1 of contacts, linkedin_url: Enter a valid URL"):
        restore_backup(alice, document)
    assert not Contact.objects.owned_by(alice).exists()


def test_secrets_stay_out_of_the_backup_and_a_restore_asks_for_them_again(alice: Any) -> None:
    from coffeechat.outreach.models import SmtpAccount

    SmtpAccount.objects.create(owner=alice, host="smtp.example.org", password="hunter2-app")
    profile = profile_of(alice)
    profile.calendar_secret = "feed-secret-123"
    profile.save()
    document = export_backup(alice)
    text = json.dumps(document)
    assert "hunter2-app" not in text and "feed-secret-123" not in text
    [account] = document["data"]["outreach.smtpaccount"]
    assert account["host"] == "smtp.example.org" and "password" not in account
    SmtpAccount.objects.filter(owner=alice).delete()
    for model in owned_models():
        model._default_manager.filter(owner=alice).delete()
    restore_backup(alice, document)
    restored = SmtpAccount.objects.get(owner=alice)
    assert (restored.host, restored.password) == ("smtp.example.org", "")


@pytest.mark.parametrize("filled", [True, False], ids=["with data", "empty account"])
def test_the_streamed_backup_is_the_document_as_json_dump_writes_it(
    alice: Any, referral: Contact, monkeypatch: pytest.MonkeyPatch, filled: bool
) -> None:
    """Written row by row, the file is byte for byte what dumping the whole document gives,
    empty sections included, so restore and every earlier backup read it the same."""
    owner = alice if filled else create_user("newcomer")
    if filled:
        _everything(alice, referral)
    moment = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    streamed = io.StringIO()
    write_backup(owner, streamed)
    document = export_backup(owner)
    assert streamed.getvalue() == json.dumps(document, ensure_ascii=False, indent=1)
    counts = [len(rows) for rows in document["data"].values()]
    assert 0 in counts and (any(counts) if filled else not any(counts))
