"""The composer: a filled draft for every kind, live findings, propose times, saving."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.domain.drafts import KINDS
from coffeechat.interviews.models import AgendaItem, Meeting, Resource
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message


def body_of(response: Any) -> str:
    return response.context["form"]["body"].value()


@pytest.mark.parametrize("kind", KINDS)
def test_it_fills_a_draft_of_every_kind_from_profile_and_contact(
    client_alice: Any, referral: Contact, held_meeting: Meeting, kind: str
) -> None:
    response = client_alice.get("/compose/", {"contact": referral.pk, "kind": kind})
    assert response.status_code == 200
    body = body_of(response)
    assert "Alice Moreau" in body or kind == "phone-script"
    if kind != "close-the-loop":
        assert "Tomás" in body
    assert response.context["kind"] == kind


def test_it_writes_the_request_from_the_referrer(client_alice: Any, referral: Contact) -> None:
    response = client_alice.get("/compose/", {"contact": referral.pk, "kind": "request"})
    body = body_of(response)
    assert "Priya Raman suggested" in body
    assert "Lakeside University" in body
    assert response.context["form"]["subject"].value()


def test_it_writes_the_thank_you_from_the_latest_held_meeting(
    client_alice: Any, referral: Contact, held_meeting: Meeting
) -> None:
    body = body_of(client_alice.get("/compose/", {"contact": referral.pk, "kind": "thank-you"}))
    assert "Tuesday 10 November" in body
    assert "your advice to learn R before Python for surveillance work" in body
    assert "Wen Li" in body
    assert "take the field epidemiology short course" in body


def test_it_closes_the_loop_with_the_referrer_about_the_person_met(
    client_alice: Any, referrer: Contact, held_meeting: Meeting, alice: Any
) -> None:
    AgendaItem.objects.create(
        owner=alice, meeting=held_meeting, text="How did you start?", category="path", asked=True
    )
    response = client_alice.get("/compose/", {"contact": referrer.pk, "kind": "close-the-loop"})
    body = body_of(response)
    assert body.startswith("Hi Priya,")
    assert "Tomás Ibáñez" in body and "career path and first steps" in body
    assert response.context["form"]["subject"].value() == "I spoke with Tomás Ibáñez: thank you"


def test_a_bare_contact_still_gets_a_request_with_no_blank(client_alice: Any, alice: Any) -> None:
    bare = Contact.objects.create(owner=alice, first_name="Sam", how_found="online")
    response = client_alice.get("/compose/", {"contact": bare.pk, "kind": "request"})
    assert response.context["missing"] == ()
    assert "[" not in response.context["form"].initial["body"]


def test_it_marks_what_only_the_student_can_say(
    client_alice: Any, referral: Contact, held_meeting: Meeting
) -> None:
    held_meeting.advice = ""
    held_meeting.next_step = ""
    held_meeting.save()
    Contact.objects.filter(referred_in=held_meeting).delete()
    Resource.objects.filter(meeting=held_meeting).delete()
    response = client_alice.get("/compose/", {"contact": referral.pk, "kind": "thank-you"})
    assert response.context["missing"] == ("advice_phrase",)
    page = response.content.decode()
    assert "only you can say" in page
    assert "Name one thing from your conversation" in page  # the tip says what to add
    assert "<mark" in page  # the bracketed gap is highlighted in the preview


def test_it_offers_the_recipient_search_without_a_contact(
    client_alice: Any, referral: Contact
) -> None:
    page = client_alice.get("/compose/").content.decode()
    assert 'role="combobox"' in page and 'name="q"' in page
    assert "Tomás Ibáñez" not in page  # no list of every contact: they are searched for
    assert 'id="compose-form"' not in page


def test_the_findings_fragment_flags_and_marks_the_offending_text(
    client_alice: Any, referral: Contact
) -> None:
    text = "Hi Tomás, <b>do you have a job</b> opening for me? [Name]"
    response = client_alice.post(
        "/compose/findings",
        {
            "contact": referral.pk,
            "kind": "request",
            "channel": "email",
            "subject": "",
            "body": text,
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page  # a fragment
    assert 'class="finding sev-error"' in page
    assert "subject line" in page  # missing-subject, with its reason
    assert "&lt;b&gt;" in page and "<b>" not in page  # escaped
    assert '<mark class="sev-' in page
    assert "words" in page


def test_the_findings_fragment_counts_crlf_text_like_the_checker(
    client_alice: Any, referral: Contact
) -> None:
    response = client_alice.post(
        "/compose/findings",
        {"contact": referral.pk, "kind": "request", "channel": "email", "body": "One\r\n[Name]"},
    )
    assert '">[Name]</mark>' in response.content.decode()


def test_the_check_button_works_without_javascript(client_alice: Any, referral: Contact) -> None:
    response = client_alice.post(
        "/compose/",
        {"contact": referral.pk, "kind": "request", "channel": "email", "subject": "Hi",
         "body": "Are there any openings on your team for me?", "action": "check"},
    )  # fmt: skip
    assert response.status_code == 200
    assert any(f.rule == "asks-for-job" for f in response.context["review"].findings)
    assert Message.objects.count() == 0


def test_an_invalid_post_answers_422_and_keeps_the_text(client_alice: Any) -> None:
    response = client_alice.post(
        "/compose/",
        {"contact": "", "kind": "nonsense", "channel": "email", "subject": "S",
         "body": "Every word I typed", "action": "save"},
    )  # fmt: skip
    assert response.status_code == 422
    assert Message.objects.count() == 0


def test_a_subject_with_a_line_break_is_refused_politely(
    client_alice: Any, referral: Contact
) -> None:
    response = client_alice.post(
        "/compose/",
        {"contact": referral.pk, "kind": "request", "channel": "email",
         "subject": "Hello\nBcc: x@evil.example", "body": "Kept text", "action": "save"},
    )  # fmt: skip
    assert response.status_code == 422
    assert "Kept text" in response.content.decode()


def test_saving_keeps_a_draft_and_opens_it(client_alice: Any, referral: Contact) -> None:
    response = client_alice.post(
        "/compose/",
        {"contact": referral.pk, "kind": "request", "channel": "email", "subject": "Advice?",
         "body": "Line one\r\nLine two", "action": "save"},
    )  # fmt: skip
    message = Message.objects.get()
    assert response.status_code == 302 and response.url == f"/messages/{message.pk}/"
    assert message.status == "draft" and message.sent_at is None
    assert message.body == "Line one\nLine two"
    page = client_alice.get(response.url).content.decode()
    assert "Line two" in page and "Mark as sent" in page


def edit(client: Any, message: Message) -> Any:
    return client.post(
        f"/messages/{message.pk}/",
        {"contact": message.contact_id, "kind": "request", "channel": "email",
         "subject": "Better subject", "body": "Edited", "action": "save"},
    )  # fmt: skip


def test_editing_a_saved_draft_updates_it(client_alice: Any, alice: Any, referral: Contact) -> None:
    draft = Message.objects.create(owner=alice, contact=referral)
    assert edit(client_alice, draft).status_code == 302
    draft.refresh_from_db()
    assert (draft.subject, draft.body, draft.status) == ("Better subject", "Edited", "draft")
    assert Message.objects.count() == 1


def test_a_sent_message_stays_as_it_went_out(client_alice: Any, sent_request: Message) -> None:
    response = edit(client_alice, sent_request)
    assert response.status_code == 302
    sent_request.refresh_from_db()
    assert (sent_request.subject, sent_request.body) == (
        "Advice on health data work",
        "Dear Priya, I'm Alice.",
    )
    assert "already gone out" in client_alice.get(response.url).content.decode()


@time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False)
def test_propose_times_adds_slots_in_the_contacts_zone_around_holidays_and_meetings(
    client_alice: Any, referral: Contact, alice: Any
) -> None:
    referral.time_zone = "Europe/Berlin"
    referral.save()
    # Monday 23 Nov 09:00–17:00 New York is busy; Thursday 26 Nov is Thanksgiving (US).
    Meeting.objects.create(
        owner=alice, contact=referral, status="scheduled", minutes=480,
        starts_at=datetime(2026, 11, 23, 14, 0, tzinfo=UTC),
    )  # fmt: skip
    response = client_alice.post(
        "/compose/",
        {"contact": referral.pk, "kind": "follow-up", "channel": "email", "subject": "Thanks",
         "body": "Happy to talk!", "action": "times"},
    )  # fmt: skip
    assert response.status_code == 200
    body = body_of(response)
    assert body.startswith("Happy to talk!\n\nWould one of these times suit you?")
    assert "They are in Berlin time:" in body
    slots = [line for line in body.splitlines() if line.startswith("- ")]
    assert 3 <= len(slots) <= 4
    assert not any("Monday 23 November" in s or "Thursday 26 November" in s for s in slots)
    assert Message.objects.count() == 0  # proposing doesn't save


def test_outsider_gets_404_for_someone_elses_contact_or_message(
    client_outsider: Any, referral: Contact, sent_request: Message
) -> None:
    assert client_outsider.get("/compose/", {"contact": referral.pk}).status_code == 404
    found = client_outsider.post(
        "/compose/findings", {"contact": referral.pk, "kind": "request", "body": "x"}
    )
    assert found.status_code == 404
    saved = client_outsider.post(
        "/compose/",
        {"contact": referral.pk, "kind": "request", "channel": "email", "body": "x",
         "action": "save"},
    )  # fmt: skip
    assert saved.status_code == 422 and Message.objects.count() == 1
    for url in (
        f"/messages/{sent_request.pk}/",
        f"/messages/{sent_request.pk}/sent",
        f"/messages/{sent_request.pk}/replied",
        f"/messages/{sent_request.pk}/delete",
        f"/messages/{sent_request.pk}/eml",
    ):
        assert client_outsider.get(url).status_code == 404, url
        assert client_outsider.post(
            url, {"body": "mine", "when": "2026-11-01T10:00"}
        ).status_code in {
            404,
            405,
        }, url
    assert Message.objects.get(pk=sent_request.pk).body == "Dear Priya, I'm Alice."


def test_the_findings_fragment_costs_the_same_with_more_sent_messages(
    client_alice: Any, alice: Any, referral: Contact, referrer: Contact
) -> None:
    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            client_alice.post(
                "/compose/findings",
                {"contact": referral.pk, "kind": "thank-you", "channel": "email", "body": "Hi"},
            )
        return len(queries)

    before = cost()
    for n in range(5):
        Message.objects.create(
            owner=alice, contact=referrer, body=f"Hello {n}", status="sent",
            sent_at=datetime(2026, 11, 1, tzinfo=UTC),
        )  # fmt: skip
    assert cost() == before
