"""Reads for a conversation's pages: owner-scoped, with a query count that doesn't grow with
the agenda. Templates show times in the profile's time zone (`{% timezone %}`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain.drafts.dates import MONTHS, WEEKDAYS
from coffeechat.domain.drafts.times import zone_label
from coffeechat.domain.prep import logistics
from coffeechat.interviews.models import AgendaItem, Meeting, Resource
from coffeechat.network.models import Contact
from coffeechat.outreach.context import user_tz

# Minutes before the agreed end at which live mode nudges toward the closing questions.
# The one place this default lives; a user's override is Profile.rule_settings[...].
LIVE_WARNING_MINUTES = 5
LIVE_WARNING_SETTING = "live_warning_minutes"


def live_warning_minutes(profile: Profile) -> int:
    value = (profile.rule_settings or {}).get(LIVE_WARNING_SETTING, LIVE_WARNING_MINUTES)
    return value if isinstance(value, int) and 0 <= value <= 60 else LIVE_WARNING_MINUTES


def meeting_for(user: Any, pk: int) -> Meeting:
    """One of the user's meetings with its contact, organization and referrer, or 404."""
    meetings = Meeting.objects.select_related(
        "contact", "contact__organization", "contact__referred_by"
    )
    return get_owned_or_404(meetings, user, pk=pk)


def item_for(meeting: Meeting, pk: int) -> AgendaItem:
    return get_owned_or_404(AgendaItem.objects.filter(meeting=meeting), meeting.owner, pk=pk)


def agenda_of(meeting: Meeting) -> list[AgendaItem]:
    return list(AgendaItem.objects.owned_by(meeting.owner).filter(meeting=meeting))


def day_and_time(moment: datetime, tz: ZoneInfo, now: datetime) -> str:
    """ "Tuesday 4 March, 10:00" in `tz`, with the year only when it isn't this year."""
    local = moment.astimezone(tz)
    year = f" {local.year}" if local.year != now.astimezone(tz).year else ""
    day = f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]}{year}"
    return f"{day}, {local:%H:%M}"


def prep_sheet(user: Any, pk: int) -> dict[str, Any]:
    meeting = meeting_for(user, pk)
    profile = profile_of(user)
    items = agenda_of(meeting)
    tz = user_tz(profile)
    return {
        "when": day_and_time(meeting.starts_at, tz, timezone.now()),
        "zone": zone_label(profile.time_zone),
        "meeting": meeting,
        "contact": meeting.contact,
        "profile": profile,
        "logistics": logistics(
            meeting.mode,
            place=meeting.location,
            phone=meeting.contact.phone,
            name=meeting.contact.first_name or meeting.contact.full_name,
        ),
        "items": items,
        "agenda_minutes": sum(item.minutes for item in items),
    }


def live_page(user: Any, pk: int) -> dict[str, Any]:
    meeting = meeting_for(user, pk)
    profile = profile_of(user)
    return {
        "meeting": meeting,
        "contact": meeting.contact,
        "profile": profile,
        "items": agenda_of(meeting),
        "resources": list(Resource.objects.owned_by(user).filter(meeting=meeting)),
        "referrals": list(
            Contact.objects.owned_by(user).filter(referred_in=meeting).order_by("created_at")
        ),
        "warning_minutes": live_warning_minutes(profile),
        "now": timezone.now(),
    }


def reflection_page(user: Any, pk: int) -> dict[str, Any]:
    meeting = meeting_for(user, pk)
    profile = profile_of(user)
    return {
        "meeting": meeting,
        "contact": meeting.contact,
        "profile": profile,
        "referrals": list(
            Contact.objects.owned_by(user).filter(referred_in=meeting).order_by("created_at")
        ),
    }
