"""Reads for a conversation's pages: owner-scoped, with a query count that doesn't grow with
the agenda. Templates show times in the profile's time zone (`{% timezone %}`)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.common.owned import get_owned_or_404
from coffeechat.interviews.models import AgendaItem, Meeting, Resource
from coffeechat.network.models import Contact

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


def prep_sheet(user: Any, pk: int) -> dict[str, Any]:
    meeting = meeting_for(user, pk)
    profile = profile_of(user)
    items = agenda_of(meeting)
    return {
        "meeting": meeting,
        "contact": meeting.contact,
        "profile": profile,
        "in_person": meeting.mode == "in-person",
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
