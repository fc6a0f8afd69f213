"""Writes for meetings: schedule, edit (raising the calendar SEQUENCE), hold, cancel, delete.

Also the gentle warnings shown after saving: they advise, they never block.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F
from django.forms import ModelForm
from django.utils import timezone

from coffeechat.common.validators import time_zone_names
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact

LONG_MEETING_MINUTES = 30
WORKDAY = (time(8, 0), time(18, 0))
CLOSING_STATUSES = ("held", "cancelled", "no-show")


def contact_zone(contact: Contact, user_zone: str) -> ZoneInfo:
    """The contact's own time zone when known, else assume they live on the user's clock."""
    zone = contact.time_zone if contact.time_zone in time_zone_names() else user_zone
    return ZoneInfo(zone)


@dataclass(frozen=True, slots=True)
class ContactClock:
    """The meeting's start and end on the contact's clock, when that differs from the user's."""

    starts: datetime
    ends: datetime
    zone: str


def contact_clock(meeting: Meeting, user_zone: str) -> ContactClock | None:
    contact = meeting.contact
    if not contact.time_zone or contact.time_zone not in time_zone_names():
        return None
    zone = ZoneInfo(contact.time_zone)
    return ContactClock(
        meeting.starts_at.astimezone(zone), meeting.planned_end.astimezone(zone), contact.time_zone
    )


def warnings(meeting: Meeting, user_zone: str) -> list[str]:
    """What is worth a second look; the meeting is saved either way."""
    found: list[str] = []
    if meeting.minutes > LONG_MEETING_MINUTES:
        found.append(
            f"{meeting.minutes} minutes is a generous ask. Most people can spare 20 to 30; "
            "if they offered more, that's fine, and keeping to time still shows respect."
        )
    zone = contact_zone(meeting.contact, user_zone)
    start = meeting.starts_at.astimezone(zone)
    end = meeting.planned_end.astimezone(zone)
    opens, closes = WORKDAY
    outside = start.time() < opens or end.date() != start.date() or end.time() > closes
    if outside and meeting.status in ("proposed", "scheduled"):
        found.append(
            f"That is {start:%H:%M} on {meeting.contact.full_name}'s clock, outside 08:00–18:00. "
            "If they suggested it, great; otherwise a time in their working day is kinder."
        )
    return found


@transaction.atomic
def save_meeting(form: ModelForm, contact: Contact | None = None) -> Meeting:
    """Create (with `contact`) or update a meeting from a valid form; an edit raises SEQUENCE
    so calendar apps replace the event they already hold."""
    meeting: Meeting = form.instance
    if meeting.pk is None:
        assert contact is not None, "a new meeting needs its contact"
        meeting.owner_id = contact.owner_id
        meeting.contact = contact
    else:
        meeting.sequence = F("sequence") + 1
    if meeting.status == "held" and meeting.ended_at is None:
        meeting.ended_at = meeting.planned_end
    saved: Meeting = form.save()
    saved.refresh_from_db()
    return saved


@transaction.atomic
def set_status(meeting: Meeting, status: str, ended_at: datetime | None = None) -> Meeting:
    """Held (ending now unless told otherwise), cancelled, no-show, or back to scheduled."""
    meeting.status = status
    if status == "held":
        ended_at = ended_at or timezone.now()
        # Marked held before it even began: assume it ran the agreed length.
        meeting.ended_at = ended_at if ended_at >= meeting.starts_at else meeting.planned_end
    meeting.sequence = F("sequence") + 1
    meeting.save(update_fields=["status", "ended_at", "sequence", "updated_at"])
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def held_earlier(meeting: Meeting, starts_at: datetime) -> Meeting:
    """It happened before the time it was set for: move the start there and mark it held,
    ending after the agreed length, or now if that is sooner (never before it began)."""
    meeting.starts_at = starts_at
    meeting.save(update_fields=["starts_at", "updated_at"])
    ended_at = min(meeting.planned_end, timezone.now())
    return set_status(meeting, "held", max(ended_at, starts_at))


def delete_meeting(meeting: Meeting) -> None:
    meeting.delete()


def new_meeting(owner: Any) -> Meeting:
    return Meeting(owner=owner, minutes=20, mode="video", status="scheduled")


STATUS_NOTES = {
    "held": "Marked as held. Next: a thank-you within a day, and a few notes while it's fresh.",
    "cancelled": "Marked as cancelled. If they'd like another time, you can schedule a new one.",
    "no-show": "Marked as a no-show. It happens; a short, friendly note to reschedule is fine.",
    "scheduled": "Back on the calendar.",
    "proposed": "Marked as proposed, waiting for their yes.",
}
