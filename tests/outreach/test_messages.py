"""After writing: mark as sent, reply received, the list, deleting."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message


def draft(owner: Any, contact: Contact, **fields: Any) -> Message:
    return Message.objects.create(owner=owner, contact=contact, subject="Advice?", **fields)


@time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False)
def test_mark_as_sent_defaults_to_now_in_the_users_zone(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    message = draft(alice, referral)
    form = client_alice.get(f"/messages/{message.pk}/sent").content.decode()
    assert 'value="2026-11-20T10:00:00"' in form  # 15:00 UTC is 10:00 in New York
    response = client_alice.post(f"/messages/{message.pk}/sent", {"when": "2026-11-19T09:30"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == "sent"
    assert message.sent_at == datetime(2026, 11, 19, 14, 30, tzinfo=UTC)


@time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False)
def test_a_date_in_the_future_or_garbage_is_refused_with_422(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    message = draft(alice, referral)
    for when in ("2026-12-01T10:00", "next tuesday"):
        response = client_alice.post(f"/messages/{message.pk}/sent", {"when": when})
        assert response.status_code == 422
        assert when in response.content.decode()
    message.refresh_from_db()
    assert message.status == "draft"


@time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False)
def test_reply_received_records_when(client_alice: Any, sent_request: Message) -> None:
    response = client_alice.post(
        f"/messages/{sent_request.pk}/replied", {"when": "2026-11-05", "outcome": "yes"}
    )
    assert response.status_code == 302
    sent_request.refresh_from_db()
    assert sent_request.replied_at == datetime(2026, 11, 5, 5, 0, tzinfo=UTC)
    assert sent_request.reply_outcome == "yes"


def test_a_reply_needs_a_sent_message_first(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    message = draft(alice, referral)
    response = client_alice.post(f"/messages/{message.pk}/replied", {"when": "2026-11-05"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.replied_at is None


def test_the_contact_timeline_lists_drafts_and_sent_messages(
    client_alice: Any, alice: Any, referrer: Contact, sent_request: Message
) -> None:
    draft(alice, referrer, kind="follow-up")
    page = client_alice.get(f"/contacts/{referrer.pk}/").content.decode()
    assert "Sent: Request" in page and "Drafted: Follow-up" in page


def test_delete_removes_the_message(client_alice: Any, sent_request: Message) -> None:
    assert (
        "Delete this request?"
        in client_alice.get(f"/messages/{sent_request.pk}/delete").content.decode()
    )
    response = client_alice.post(f"/messages/{sent_request.pk}/delete")
    assert response.status_code == 302
    assert response.url == f"/contacts/{sent_request.contact_id}/"
    assert not Message.objects.exists()


def _listed(client: Any, **params: Any) -> tuple[int, list[int]]:
    """The count the list states, and the messages it links to, in order."""
    html = client.get("/messages/", params).content.decode()
    count = re.search(r'<p class="count">(\d+) message', html)
    assert count is not None
    return int(count.group(1)), [int(pk) for pk in re.findall(r'href="/messages/(\d+)/"', html)]


def test_the_list_filters_by_kind_status_and_contact(
    client_alice: Any, alice: Any, referral: Contact, sent_request: Message
) -> None:
    thank_you = draft(alice, referral, kind="thank-you")
    assert _listed(client_alice) == (2, [thank_you.pk, sent_request.pk])
    assert _listed(client_alice, status="sent") == (1, [sent_request.pk])
    assert _listed(client_alice, kind="thank-you") == (1, [thank_you.pk])
    assert _listed(client_alice, contact=referral.pk) == (1, [thank_you.pk])


def test_the_list_shows_only_your_own_messages(client_outsider: Any, sent_request: Message) -> None:
    assert _listed(client_outsider) == (0, [])
    assert "Advice on health data" not in client_outsider.get("/messages/").content.decode()


def test_the_list_query_count_stays_flat(
    client_alice: Any, alice: Any, referral: Contact, referrer: Contact
) -> None:
    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client_alice.get("/messages/").status_code == 200
        return len(queries)

    draft(alice, referral)
    before = cost()
    for n in range(6):
        draft(alice, referrer if n % 2 else referral, kind="follow-up")
    assert cost() == before


@time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False)
def test_marking_a_thank_you_sent_promises_no_follow_up(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    request, thanks = draft(alice, referral), draft(alice, referral, kind="thank-you")
    page = client_alice.get(f"/messages/{thanks.pk}/sent").content.decode()
    assert "follow-up clock" not in page
    said = client_alice.post(
        f"/messages/{thanks.pk}/sent", {"when": "2026-11-19T09:30"}, follow=True
    )
    assert "follow up" not in said.content.decode()
    said = client_alice.post(
        f"/messages/{request.pk}/sent", {"when": "2026-11-19T09:30"}, follow=True
    )
    assert "follow up" in said.content.decode()  # a request does start the clock
