"""A conversation to prepare, hold and reflect on: Alice meets Priya (Acme Health) in person."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact


@pytest.fixture
def meeting(alice: Any, referrer: Contact) -> Meeting:
    profile = profile_of(alice)
    profile.fields_of_interest = ["public health"]
    profile.introduction = "I'm a junior studying statistics, curious about health data."
    profile.save()
    return Meeting.objects.create(
        owner=alice,
        contact=referrer,
        starts_at=datetime(2025, 3, 4, 15, 0, tzinfo=UTC),  # 10:00 in New York
        minutes=20,
        mode="in-person",
        location="Blue Bottle, 5th Street",
    )


def api_path(meeting: Meeting, rest: str = "") -> str:
    return f"/api/v1/meetings/{meeting.pk}{rest}"
