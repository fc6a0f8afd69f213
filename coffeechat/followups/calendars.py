"""Calendar files: one meeting as .ics, and the per-user subscription feed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.domain.followups import MeetingEvent, feed_ics, meeting_ics
from coffeechat.followups.queries import plan
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.interviews.models import Meeting

FALLBACK_DOMAIN = "coffeechat.invalid"


def calendar_domain() -> str:
    """Names this install in event UIDs, so they stay the same whichever URL served them."""
    for host in settings.ALLOWED_HOSTS:
        name = host.lstrip(".").strip("[]")
        if name and name != "*":
            return name
    return FALLBACK_DOMAIN


def prep_url(origin: str, meeting_id: int) -> str:
    return origin.rstrip("/") + reverse("meeting-detail", args=[meeting_id])


def meeting_event(meeting: Meeting, time_zone: str, origin: str) -> MeetingEvent:
    contact = meeting.contact
    link = meeting.location if meeting.location.startswith(("https://", "http://")) else None
    place = None if link else meeting.location or (contact.phone if meeting.mode == "phone" else "")
    return MeetingEvent(
        meeting_id=meeting.pk,
        domain=calendar_domain(),
        contact_name=contact.full_name,
        starts_at=meeting.starts_at,
        duration=timedelta(minutes=meeting.minutes),
        time_zone=time_zone,
        mode=meeting.mode,  # type: ignore[arg-type]
        stamp=meeting.updated_at,
        sequence=meeting.sequence,
        organization_name=contact.organization.name if contact.organization else None,
        location=place or None,
        video_url=link,
        agenda_url=prep_url(origin, meeting.pk),
        cancelled=meeting.status == "cancelled",
    )


def meeting_file(meeting: Meeting, profile: Profile, origin: str) -> bytes:
    return meeting_ics(meeting_event(meeting, rule_settings_for(profile).time_zone, origin))


def profile_for_secret(secret: str) -> Profile | None:
    if not secret:
        return None
    found = Profile.objects.select_related("user").filter(calendar_secret=secret).first()
    return found if found is not None and found.user.is_active else None


def feed_file(user: Any, profile: Profile, origin: str) -> bytes:
    """Scheduled meetings as timed events; pending actions as all-day reminders. A late
    action shows on today rather than on a day already gone."""
    current = plan(user)
    zone = current.gathered.settings.time_zone
    meetings = (
        Meeting.objects.owned_by(user)
        .filter(status__in=["proposed", "scheduled"])
        .select_related("contact", "contact__organization")
        .order_by("starts_at", "id")
    )
    today = current.on_date
    reminders = [a if a.due >= today else replace(a, due=today) for a in current.actions]
    return feed_ics(
        [meeting_event(m, zone, origin) for m in meetings],
        reminders,
        name=f"coffeechat: {profile}",
        domain=calendar_domain(),
        stamp=timezone.now(),
    )
