"""/api/v1/messages and /api/v1/check."""

from __future__ import annotations

from typing import Any

import pytest

from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message


def test_create_read_update_delete(api_alice: Any, referral: Contact) -> None:
    created = api_alice.post(
        "/api/v1/messages",
        {"contact": referral.pk, "kind": "request", "subject": "Advice?", "body": "Hi"},
    )
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["status"] == "draft" and data["contact"] == referral.pk
    path = f"/api/v1/messages/{data['id']}"
    assert api_alice.get(path).json()["subject"] == "Advice?"
    updated = api_alice.patch(path, {"status": "sent", "sent_at": "2026-11-02T09:00:00-05:00"})
    assert updated.status_code == 200, updated.json()
    assert updated.json()["sent_at"].startswith("2026-11-02T14:00:00")
    assert updated.json()["body"] == "Hi"  # untouched by the patch
    replied = api_alice.patch(path, {"replied_at": "2026-11-04T10:00:00Z"})
    assert replied.json()["replied_at"].startswith("2026-11-04T10:00")
    assert api_alice.delete(path).status_code == 204
    assert not Message.objects.exists()


def test_sent_without_a_date_means_now(api_alice: Any, referral: Contact) -> None:
    created = api_alice.post(
        "/api/v1/messages", {"contact": referral.pk, "status": "sent", "body": "Hi"}
    )
    assert created.json()["sent_at"] is not None


def test_invalid_fields_answer_422(api_alice: Any, referral: Contact) -> None:
    response = api_alice.post(
        "/api/v1/messages", {"contact": referral.pk, "kind": "job-ask", "subject": "a\nb"}
    )
    assert response.status_code == 422
    assert {"kind", "subject"} <= set(response.json()["errors"])
    reply_first = api_alice.post(
        "/api/v1/messages", {"contact": referral.pk, "replied_at": "2026-11-04T10:00:00Z"}
    )
    assert reply_first.status_code == 422


def test_the_list_filters_and_paginates(
    api_alice: Any, alice: Any, referral: Contact, referrer: Contact
) -> None:
    for n in range(3):
        Message.objects.create(owner=alice, contact=referral, kind="request", body=str(n))
    Message.objects.create(owner=alice, contact=referrer, kind="thank-you", status="sent")
    page = api_alice.get("/api/v1/messages", limit=2).json()
    assert page["count"] == 4 and len(page["items"]) == 2
    assert api_alice.get("/api/v1/messages", contact=referrer.pk).json()["count"] == 1
    assert api_alice.get("/api/v1/messages", kind="request").json()["count"] == 3
    assert api_alice.get("/api/v1/messages", status="sent").json()["count"] == 1


def test_draft_returns_a_filled_draft(
    api_alice: Any, referral: Contact, held_meeting: Meeting
) -> None:
    response = api_alice.post("/api/v1/messages/draft", {"contact": referral.pk, "kind": "request"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"kind", "variant", "channel", "subject", "body", "missing", "tips"}
    assert data["variant"] == "referred" and "Priya Raman" in data["body"]
    thanks = api_alice.post(
        "/api/v1/messages/draft",
        {"contact": referral.pk, "kind": "thank-you", "meeting": held_meeting.pk},
    ).json()
    assert "your advice to learn R before Python" in thanks["body"]
    letter = api_alice.post("/api/v1/messages/draft", {"contact": referral.pk, "kind": "letter"})
    assert letter.json()["subject"] is None and letter.json()["channel"] == "letter"
    unknown = api_alice.post("/api/v1/messages/draft", {"contact": referral.pk, "kind": "x"})
    assert unknown.status_code == 422


def test_check_returns_findings_and_words(api_alice: Any) -> None:
    response = api_alice.post(
        "/api/v1/check",
        {"text": "Are there any openings on your team for me?", "kind": "request",
         "channel": "email", "subject": "Hello", "rules": "2hjs-5", "minutes": 20},
    )  # fmt: skip
    assert response.status_code == 200
    data = response.json()
    assert data["words"] == 9
    job = next(f for f in data["findings"] if f["rule"] == "asks-for-job")
    assert set(job) == {"rule", "severity", "message", "start", "end"}
    assert job["severity"] == "error" and job["start"] == 0
    assert not any(f["rule"] == "missing-time-request" for f in data["findings"])


def test_check_a_question(api_alice: Any) -> None:
    data = api_alice.post("/api/v1/check", {"text": "Do you like your job?", "kind": "question"})
    findings = data.json()["findings"]
    assert [f["rule"] for f in findings] == ["closed-question"]
    open_question = api_alice.post(
        "/api/v1/check", {"text": "What does a typical week look like?", "kind": "question"}
    )
    assert open_question.json()["findings"] == []


@pytest.mark.parametrize(
    "payload", [{"kind": "nope"}, {"channel": "fax"}, {"rules": "strict"}, {"minutes": 0}]
)
def test_check_refuses_unknown_options(api_alice: Any, payload: dict[str, Any]) -> None:
    response = api_alice.post("/api/v1/check", {"text": "Hi"} | payload)
    assert response.status_code == 422
    assert set(payload) <= set(response.json()["errors"])


def test_check_needs_a_token(client: Any) -> None:
    response = client.post("/api/v1/check", {"text": "Hi"}, content_type="application/json")
    assert response.status_code == 401


def test_other_users_messages_and_contacts_are_not_found(
    api_outsider: Any, referral: Contact, alice: Any
) -> None:
    message = Message.objects.create(owner=alice, contact=referral, body="private")
    path = f"/api/v1/messages/{message.pk}"
    assert api_outsider.get(path).status_code == 404
    assert api_outsider.patch(path, {"body": "mine"}).status_code == 404
    assert api_outsider.delete(path).status_code == 404
    assert api_outsider.get("/api/v1/messages").json()["count"] == 0
    stolen = api_outsider.post("/api/v1/messages", {"contact": referral.pk, "body": "x"})
    assert stolen.status_code == 422 and "contact" in stolen.json()["errors"]
    drafted = api_outsider.post("/api/v1/messages/draft", {"contact": referral.pk})
    assert drafted.status_code == 422
    assert Message.objects.get().body == "private"


def test_a_patch_cannot_move_a_message_to_someone_elses_contact(
    api_alice: Any, alice: Any, outsider: Any, referral: Contact
) -> None:
    theirs = Contact.objects.create(owner=outsider, first_name="Oscar")
    message = Message.objects.create(owner=alice, contact=referral)
    response = api_alice.patch(f"/api/v1/messages/{message.pk}", {"contact": theirs.pk})
    assert response.status_code == 422


def test_check_reads_the_recipient_from_to(api_alice: Any) -> None:
    text = "Dear Mr. Johnson,\nCould we talk for 20 minutes?"
    wrong = api_alice.post("/api/v1/check", {"text": text, "to": "Aisha Bello"}).json()
    right = api_alice.post("/api/v1/check", {"text": text, "to": "Sam Johnson"}).json()
    assert "greeting-name-mismatch" in [f["rule"] for f in wrong["findings"]]
    assert "greeting-name-mismatch" not in [f["rule"] for f in right["findings"]]
