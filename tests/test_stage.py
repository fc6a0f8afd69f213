"""A contact's stage is derived from messages and meetings (docs/method.md §1)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from coffeechat.domain import vocab
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact
from coffeechat.network.queries import ContactFilters, contact_list
from coffeechat.outreach.models import Message


def stage(user: Any, contact: Contact) -> str:
    """The derived stage, checked against the stage filter (which narrows by index first)."""
    derived: str = next(c.stage for c in contact_list(user, ContactFilters()) if c.pk == contact.pk)
    for key, _ in vocab.STAGES:
        found = contact_list(user, ContactFilters(stage=key)).filter(pk=contact.pk).exists()
        assert found == (key == derived), (key, derived)
    return derived


def test_it_walks_the_life_of_a_conversation(alice: Any) -> None:
    now = timezone.now()
    person = Contact.objects.create(owner=alice, first_name="Ana")
    assert stage(alice, person) == "identified"
    person.notes = "Leads the water team."
    person.save()
    assert stage(alice, person) == "researched"
    draft = Message.objects.create(owner=alice, contact=person, kind="request")
    assert stage(alice, person) == "researched"  # a draft asks nobody anything
    draft.status, draft.sent_at = "sent", now
    draft.save()
    assert stage(alice, person) == "requested"
    draft.replied_at = now
    draft.save()
    assert stage(alice, person) == "replied"
    meeting = Meeting.objects.create(owner=alice, contact=person, starts_at=now + timedelta(days=3))
    assert stage(alice, person) == "scheduled"
    AgendaItem.objects.create(
        owner=alice, meeting=meeting, text="How did you start?", category="path"
    )
    assert stage(alice, person) == "prepared"
    meeting.status = "held"
    meeting.save()
    assert stage(alice, person) == "held"
    Message.objects.create(
        owner=alice, contact=person, kind="thank-you", status="sent", sent_at=now
    )
    assert stage(alice, person) == "thanked"
    Message.objects.create(owner=alice, contact=person, kind="update", status="sent", sent_at=now)
    assert stage(alice, person) == "keep-in-touch"
    person.closed_reason = "dormant"
    person.save()
    assert stage(alice, person) == "dormant"
