"""Every page that reads stored dates keeps working whatever dates are already in the database
(rows written before the range was enforced, or by hand), and the data migration repairs them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from coffeechat.accounts.services import profile_of
from coffeechat.followups import services as followup_services
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message
from tests.conftest import ApiClient

UTC = dt.UTC
EXTREMES = [
    dt.datetime(9999, 12, 31, 22, 0, tzinfo=UTC),
    dt.datetime(1, 1, 1, 0, 0, tzinfo=UTC),
    dt.datetime(1, 1, 1, 10, 0, tzinfo=UTC),
    dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
]


def stored_as(alice: Any, moment: dt.datetime) -> Meeting:
    """A meeting, a sent message and a contact whose dates are `moment`, bypassing every check."""
    contact = Contact.objects.create(owner=alice, first_name="Ada", last_name="Edge")
    meeting = Meeting.objects.create(
        owner=alice, contact=contact, starts_at=dt.datetime(2026, 5, 1, 14, tzinfo=UTC)
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=moment, minutes=120, started_at=moment, ended_at=moment
    )
    message = Message.objects.create(owner=alice, contact=contact, kind="request")
    Message.objects.filter(pk=message.pk).update(status="sent", sent_at=moment, replied_at=moment)
    Contact.objects.filter(pk=contact.pk).update(connected_on=moment.date())
    return Meeting.objects.get(pk=meeting.pk)


def pages(meeting: Meeting) -> list[str]:
    contact = meeting.contact_id
    return [
        "/",
        "/today/",
        "/today/counts",
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}.ics",
        f"/meetings/{meeting.pk}/edit",
        f"/meetings/{meeting.pk}/prep/",
        f"/meetings/{meeting.pk}/live/",
        f"/meetings/{meeting.pk}/reflect/",
        f"/contacts/{contact}/",
        f"/contacts/{contact}/edit",
        "/contacts/",
        "/messages/",
        "/insights/",
        "/insights/journal/",
        "/insights/journal.md",
        "/calendar/",
    ]


API = [
    "/api/v1/actions",
    "/api/v1/actions?all=true",
    "/api/v1/meetings",
    "/api/v1/messages",
    "/api/v1/contacts",
    "/api/v1/insights",
]


@pytest.mark.parametrize("moment", EXTREMES, ids=str)
def test_every_reader_survives_any_stored_date(alice: Any, moment: dt.datetime) -> None:
    meeting = stored_as(alice, moment)
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    failed = [path for path in pages(meeting) if client.get(path).status_code >= 500]
    api = ApiClient(alice)
    api.client = Client(raise_request_exception=False)
    api_paths = [*API, f"/api/v1/meetings/{meeting.pk}", f"/api/v1/meetings/{meeting.pk}.ics"]
    failed += [path for path in api_paths if api.get(path).status_code >= 500]
    assert failed == []
    secret = followup_services.calendar_secret(profile_of(alice))
    feed = Client().get(f"/calendar/{secret}.ics")
    assert feed.status_code == 200
    assert b"BEGIN:VCALENDAR" in feed.content
