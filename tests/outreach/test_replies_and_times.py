"""Times kept to the second, sent times corrected afterwards, and replies with an outcome:
on the web, through the API, on the timeline, in Today's plan and in the backup."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from coffeechat.accounts.services import create_user
from coffeechat.domain.followups import actions
from coffeechat.followups import scheduling
from coffeechat.followups.snapshot import gather
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.network.queries import ContactFilters, contact_ids, contact_list
from coffeechat.network.transfer.backup import BackupRefused, export_backup, restore_backup
from coffeechat.network.transfer.exports import workbook
from coffeechat.outreach.models import Message

NOW = datetime(2026, 11, 20, 15, 0, 27, tzinfo=UTC)  # 10:00:27 in New York


def plan(user: Any, on: date) -> list[Any]:
    gathered = gather(user)
    return actions(gathered.snapshot, gathered.settings, on)


@time_machine.travel(NOW, tick=False)
def test_mark_as_sent_keeps_the_seconds(client_alice: Any, alice: Any, referrer: Contact) -> None:
    message = Message.objects.create(owner=alice, contact=referrer, kind="request")
    form = client_alice.get(f"/messages/{message.pk}/sent").content.decode()
    assert 'value="2026-11-20T10:00:27"' in form and 'step="1"' in form
    client_alice.post(f"/messages/{message.pk}/sent", {"when": "2026-11-20T10:00:27"})
    message.refresh_from_db()
    assert message.sent_at == NOW


def test_a_thank_you_marked_sent_right_after_the_meeting_ends_completes_it(
    client_alice: Any, alice: Any, referrer: Contact
) -> None:
    start = datetime(2026, 11, 20, 19, 0, tzinfo=UTC)
    talk = Meeting.objects.create(owner=alice, contact=referrer, starts_at=start, minutes=30)
    with time_machine.travel(start + timedelta(minutes=32, seconds=45), tick=False):
        scheduling.set_status(talk, "held")  # "Mark held" with no time typed: ends now
    talk.refresh_from_db()
    assert talk.ended_at == start + timedelta(minutes=32, seconds=45)
    thanks = Message.objects.create(owner=alice, contact=referrer, kind="thank-you")
    with time_machine.travel(start + timedelta(minutes=32, seconds=58), tick=False):
        page = client_alice.get(f"/messages/{thanks.pk}/sent").content.decode()
        typed = page.split('name="when" value="')[1].split('"')[0]  # left as it is
        client_alice.post(f"/messages/{thanks.pk}/sent", {"when": typed})
    thanks.refresh_from_db()
    assert thanks.sent_at is not None and thanks.sent_at > talk.ended_at
    assert [a for a in plan(alice, date(2026, 11, 20)) if a.kind == "thank-you"] == []


@time_machine.travel(NOW, tick=False)
def test_the_sent_time_can_be_corrected_and_the_follow_up_clock_follows(
    client_alice: Any, alice: Any, sent_request: Message
) -> None:
    [before] = [a for a in plan(alice, date(2026, 11, 20)) if a.kind == "follow-up"]
    page = client_alice.get(f"/messages/{sent_request.pk}/sent").content.decode()
    assert "Change the sent time" in page
    assert 'value="2026-11-02T09:00:00"' in page  # the time it has now, on the user's clock
    response = client_alice.post(
        f"/messages/{sent_request.pk}/sent", {"when": "2026-11-09T09:15:30"}
    )
    assert response.status_code == 302
    sent_request.refresh_from_db()
    assert sent_request.sent_at == datetime(2026, 11, 9, 14, 15, 30, tzinfo=UTC)
    [after] = [a for a in plan(alice, date(2026, 11, 20)) if a.kind == "follow-up"]
    assert (after.due - before.due).days == 7
    detail = client_alice.get(f"/messages/{sent_request.pk}/").content.decode()
    assert "Change sent time" in detail


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("when", ["1899-12-31T23:30:00", "2201-01-01T00:00", "2026-11-21T10:00"])
def test_a_corrected_time_outside_the_limits_or_ahead_is_refused(
    client_alice: Any, sent_request: Message, when: str
) -> None:
    response = client_alice.post(f"/messages/{sent_request.pk}/sent", {"when": when})
    assert response.status_code == 422
    sent_request.refresh_from_db()
    assert sent_request.sent_at == datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


@time_machine.travel(NOW, tick=False)
def test_a_no_is_stored_with_their_words_and_closes_the_path_kindly(
    client_alice: Any, alice: Any, referrer: Contact, sent_request: Message
) -> None:
    form = client_alice.get(f"/messages/{sent_request.pk}/replied").content.decode()
    for label in ("Yes, happy to talk", "Proposed times", "Declined", "Referred me to someone"):
        assert label in form
    response = client_alice.post(
        f"/messages/{sent_request.pk}/replied",
        {"when": "2026-11-05T08:10:05", "outcome": "declined", "text": "Sorry, too busy.\r\nBest"},
        follow=True,
    )
    assert "that&#x27;s normal" in response.content.decode()
    sent_request.refresh_from_db()
    assert sent_request.reply_outcome == "declined"
    assert sent_request.reply_text == "Sorry, too busy.\nBest"
    assert sent_request.replied_at == datetime(2026, 11, 5, 13, 10, 5, tzinfo=UTC)
    # The stage says so, and the filter finds them.
    assert contact_list(alice, ContactFilters()).get(pk=referrer.pk).stage == "declined"
    assert list(contact_ids(alice, ContactFilters(stage="declined"))) == [referrer]
    page = client_alice.get(f"/contacts/{referrer.pk}/").content.decode()
    assert "Reply received: declined" in page
    assert "They said no this time — that&#x27;s normal" in page
    assert "Sorry, too busy.<br>Best" in page
    # Today: no follow-up, no scheduling, only one gracious thank-you.
    kinds = [a.kind for a in plan(alice, date(2026, 11, 20)) if a.contact_id == referrer.pk]
    assert kinds == ["thank-for-answer"]
    # They changed their mind and a conversation got arranged: no longer "declined".
    Meeting.objects.create(owner=alice, contact=referrer, starts_at=NOW + timedelta(days=3))
    assert contact_list(alice, ContactFilters()).get(pk=referrer.pk).stage == "scheduled"


@time_machine.travel(NOW, tick=False)
def test_a_yes_asks_for_a_date_and_a_missing_or_hostile_answer_is_refused(
    client_alice: Any, alice: Any, referrer: Contact, sent_request: Message
) -> None:
    url = f"/messages/{sent_request.pk}/replied"
    missing = client_alice.post(url, {"when": "2026-11-05T08:10"})
    assert missing.status_code == 422 and "Pick the answer closest" in missing.content.decode()
    hostile = client_alice.post(
        url, {"when": "2026-11-05T08:10", "outcome": "yes", "text": "a\x00"}
    )
    assert hostile.status_code in {400, 422}  # a NUL is turned away before any form
    unknown = client_alice.post(url, {"when": "2026-11-05T08:10", "outcome": "maybe"})
    assert unknown.status_code == 422
    sent_request.refresh_from_db()
    assert sent_request.replied_at is None
    client_alice.post(url, {"when": "2026-11-05T08:10", "outcome": "proposed"})
    kinds = [a.kind for a in plan(alice, date(2026, 11, 20)) if a.contact_id == referrer.pk]
    assert kinds == ["schedule"]
    changing = client_alice.get(url).content.decode()  # the answer noted is chosen already
    assert 'value="proposed" id="id_outcome_1" required checked' in changing


@time_machine.travel(NOW, tick=False)
def test_a_referral_in_a_reply_adds_the_person_they_named(
    client_alice: Any, alice: Any, referrer: Contact, sent_request: Message
) -> None:
    response = client_alice.post(
        f"/messages/{sent_request.pk}/replied",
        {"when": "2026-11-05T08:10", "outcome": "referred", "text": "Ask Noor Haddad."},
    )
    assert response.status_code == 302
    assert response.url == f"/messages/{sent_request.pk}/referral"
    page = client_alice.get(response.url).content.decode()
    assert "Who did Priya suggest?" in page
    added = client_alice.post(
        response.url, {"name": "Noor Haddad", "organization": "Acme Health", "may_mention": "yes"}
    )
    noor = Contact.objects.owned_by(alice).get(first_name="Noor")
    assert added.url == f"/contacts/{noor.pk}/"
    assert noor.referred_by == referrer and noor.referred_in is None
    assert noor.how_found == "referral" and noor.referrer_consent == "yes"
    assert noor.notes.startswith("Suggested by Priya Raman in their reply on 5 Nov 2026.")
    # Sent twice (a double click): still one Noor.
    client_alice.post(response.url, {"name": "Noor Haddad", "may_mention": "yes"})
    assert Contact.objects.owned_by(alice).filter(first_name="Noor").count() == 1
    referrer_page = client_alice.get(f"/contacts/{referrer.pk}/").content.decode()
    assert "Referred you to" in referrer_page and "Noor Haddad" in referrer_page
    assert "Reply received: referred me to someone else" in referrer_page
    found = plan(alice, date(2026, 11, 20))
    assert {(a.kind, a.contact_id) for a in found} >= {
        ("contact-referral", noor.pk),
        ("thank-for-answer", referrer.pk),
    }
    assert not [a for a in found if a.kind in ("follow-up", "schedule")]


def test_the_referral_form_waits_for_a_reply(
    client_alice: Any, alice: Any, sent_request: Message
) -> None:
    response = client_alice.post(f"/messages/{sent_request.pk}/referral", {"name": "Noor Haddad"})
    assert response.status_code == 302 and response.url == f"/messages/{sent_request.pk}/"
    assert not Contact.objects.owned_by(alice).filter(first_name="Noor").exists()


# The API


@time_machine.travel(NOW, tick=False)
def test_the_api_corrects_the_sent_time_to_the_second(
    api_alice: Any, sent_request: Message
) -> None:
    response = api_alice.patch(
        f"/api/v1/messages/{sent_request.pk}", {"sent_at": "2026-11-09T09:15:30-05:00"}
    )
    assert response.status_code == 200, response.json()
    assert datetime.fromisoformat(response.json()["sent_at"]) == datetime(
        2026, 11, 9, 14, 15, 30, tzinfo=UTC
    )
    refused = api_alice.patch(
        f"/api/v1/messages/{sent_request.pk}", {"sent_at": "1850-01-01T00:00:00Z"}
    )
    assert refused.status_code == 422


@time_machine.travel(NOW, tick=False)
def test_the_api_records_a_reply_with_its_outcome_and_a_referral(
    api_alice: Any, alice: Any, referrer: Contact, sent_request: Message
) -> None:
    url = f"/api/v1/messages/{sent_request.pk}"
    early = api_alice.post(f"{url}/referrals", {"name": "Noor Haddad"})
    assert early.status_code == 422
    bad = api_alice.post(f"{url}/reply", {"outcome": "perhaps"})
    assert bad.status_code == 422 and "reply_outcome" in bad.json()["errors"]
    replied = api_alice.post(f"{url}/reply", {"outcome": "referred", "text": "Try Noor."})
    assert replied.status_code == 200, replied.json()
    body = replied.json()
    assert body["reply_outcome"] == "referred" and body["reply_text"] == "Try Noor."
    assert datetime.fromisoformat(body["replied_at"]) == NOW
    named = api_alice.post(f"{url}/referrals", {"name": "Noor Haddad", "may_mention": "no"})
    assert named.status_code == 201
    assert named.json()["referred_by"] == referrer.pk and named.json()["referred_in"] is None
    assert api_alice.post(f"{url}/referrals", {"name": "Noor Haddad"}).status_code == 200
    # Taking the reply back takes what it said with it.
    cleared = api_alice.patch(url, {"replied_at": None}).json()
    assert cleared["reply_outcome"] == "" and cleared["reply_text"] == ""


def test_the_api_hides_other_peoples_messages_from_the_reply_endpoints(
    api_outsider: Any, sent_request: Message
) -> None:
    url = f"/api/v1/messages/{sent_request.pk}"
    assert api_outsider.post(f"{url}/reply", {"outcome": "yes"}).status_code == 404
    assert api_outsider.post(f"{url}/referrals", {"name": "Eve"}).status_code == 404
    sent_request.refresh_from_db()
    assert sent_request.replied_at is None


# Export and backup


def test_export_and_backup_keep_the_outcome_and_their_words(alice: Any, referrer: Contact) -> None:
    Message.objects.create(
        owner=alice,
        contact=referrer,
        kind="request",
        status="sent",
        sent_at=timezone.now() - timedelta(days=3),
        replied_at=timezone.now(),
        reply_outcome="declined",
        reply_text="Not this term, sorry.",
    )
    [messages_table] = [t for t in workbook(alice) if t.name == "Messages"]
    row = dict(zip(messages_table.headers, next(iter(messages_table.rows)), strict=True))
    assert row["Their answer"] == "Declined" and row["Their reply"] == "Not this term, sorry."
    document = json.loads(json.dumps(export_backup(alice)))
    [saved] = document["data"]["outreach.message"]
    assert saved["reply_outcome"] == "declined" and saved["reply_text"] == "Not this term, sorry."
    alice.delete()
    fresh = create_user("alice")
    hand_edited = json.loads(json.dumps(document))
    hand_edited["data"]["outreach.message"][0]["reply_outcome"] = "maybe"
    with pytest.raises(BackupRefused, match="reply_outcome"):
        restore_backup(fresh, hand_edited)
    restore_backup(fresh, document)
    restored = Message.objects.owned_by(fresh).get()
    assert restored.reply_outcome == "declined" and restored.reply_text == "Not this term, sorry."


@time_machine.travel(NOW, tick=False)
def test_a_reply_wakes_a_contact_set_aside_as_dormant_on_the_web_and_in_the_api(
    client_alice: Any, api_alice: Any, alice: Any, referrer: Contact, sent_request: Message
) -> None:
    referrer.closed_reason = "dormant"
    referrer.save()
    answer = {"when": "2026-11-05T08:10", "outcome": "yes"}
    client_alice.post(f"/messages/{sent_request.pk}/replied", answer)
    referrer.refresh_from_db()
    assert referrer.closed_reason == ""  # they answered after all
    assert referrer.responsiveness != "unknown"  # and we learned how quickly
    other = Message.objects.create(
        owner=alice, contact=referrer, kind="request", status="sent", sent_at=NOW
    )
    referrer.closed_reason = "dormant"
    referrer.save()
    answered = api_alice.post(
        f"/api/v1/messages/{other.pk}/reply", {"outcome": "proposed", "replied_at": NOW.isoformat()}
    )
    assert answered.status_code == 200, answered.content
    referrer.refresh_from_db()
    assert referrer.closed_reason == ""
