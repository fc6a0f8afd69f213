"""A keep-in-touch rhythm per contact: the form, the API, the rules, backup and export."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import time_machine

from coffeechat.accounts.services import create_user, profile_of
from coffeechat.followups.queries import plan
from coffeechat.network.models import Contact
from coffeechat.network.transfer.backup import BackupRefused, export_backup, restore_backup
from coffeechat.network.transfer.exports import export_file
from tests.conftest import ApiClient, signed_in
from tests.followups.conftest import meeting, ny, person, sent


def _thanked(owner: Any, **fields: Any) -> Contact:
    mentor = person(owner, "Mo", "Reyes", **fields)
    meeting(mentor, ny(2026, 3, 10, 10), status="held", reflection={"learned": "a lot"})
    sent(mentor, "thank-you", ny(2026, 3, 10, 18))
    return mentor


def test_the_form_offers_the_rhythms_and_names_the_usual_one(alice: Any) -> None:
    profile = profile_of(alice)
    profile.rule_settings = {"keep_in_touch_days": 120}
    profile.save()
    html = signed_in(alice).get("/contacts/new").content.decode()
    assert "As usual (every 120 days)" in html
    for label in ("Every 30 days", "Every 180 days", "Don&#x27;t remind me"):
        assert label in html
    response = signed_in(alice).post(
        "/contacts/new",
        {"first_name": "Mo", "how_found": "other", "responsiveness": "unknown",
         "keep_in_touch_days": "60"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Contact.objects.get(first_name="Mo").keep_in_touch_days == 60
    bad = signed_in(alice).post(
        "/contacts/new",
        {"first_name": "Al", "how_found": "other", "responsiveness": "unknown",
         "keep_in_touch_days": "45"},
    )  # fmt: skip
    assert bad.status_code == 422 and not Contact.objects.filter(first_name="Al").exists()


def test_the_api_reads_sets_and_clears_the_rhythm(alice: Any) -> None:
    api = ApiClient(alice)
    created = api.post("/api/v1/contacts", {"first_name": "Mo", "keep_in_touch_days": 0})
    assert created.status_code in (200, 201), created.content
    body = created.json()
    assert body["keep_in_touch_days"] == 0
    changed = api.patch(f"/api/v1/contacts/{body['id']}", {"keep_in_touch_days": 180})
    assert changed.json()["keep_in_touch_days"] == 180
    cleared = api.patch(f"/api/v1/contacts/{body['id']}", {"keep_in_touch_days": None})
    assert cleared.json()["keep_in_touch_days"] is None
    refused = api.patch(f"/api/v1/contacts/{body['id']}", {"keep_in_touch_days": 7})
    assert refused.status_code == 422 and "keep_in_touch_days" in refused.json()["errors"]


def test_the_rules_follow_each_contacts_rhythm(alice: Any) -> None:
    monthly = _thanked(alice, keep_in_touch_days=30)
    never = _thanked(alice, keep_in_touch_days=0)
    usual = _thanked(alice)
    with time_machine.travel(ny(2026, 4, 10, 9), tick=False):
        current = plan(alice)
        contacts = {a.contact_id for a in current.actions if a.kind == "keep-in-touch"}
        due = {a.contact_id: a.due for a in current.actions if a.kind == "keep-in-touch"}
    assert contacts == {monthly.pk, usual.pk} and never.pk not in contacts
    assert due[monthly.pk].isoformat() == "2026-04-09"
    assert due[usual.pk].isoformat() == "2026-06-08"


def test_backup_and_export_carry_the_rhythm_and_restore_checks_it(alice: Any) -> None:
    _thanked(alice, keep_in_touch_days=180)
    document = export_backup(alice)
    [row] = document["data"]["network.contact"]
    assert row["keep_in_touch_days"] == 180
    content, _, _ = export_file(alice, "csv")
    [record] = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert record["Keep in touch"] == "Every 180 days"

    fresh = create_user("fresh-alice")
    document["owner"] = "fresh-alice"
    row["keep_in_touch_days"] = 45
    with pytest.raises(BackupRefused, match="keep_in_touch_days"):
        restore_backup(fresh, document)
    row["keep_in_touch_days"] = 30
    restore_backup(fresh, document)
    assert Contact.objects.owned_by(fresh).get().keep_in_touch_days == 30
