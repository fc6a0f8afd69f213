"""Drafts from the user's data and their own templates, and meeting times to propose."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.accounts.services import profile_of
from coffeechat.domain.drafts import Draft, choose_variant, propose_times, render, slots_paragraph
from coffeechat.domain.followups import BusinessCalendar
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach import queries
from coffeechat.outreach.context import draft_context, user_tz
from coffeechat.outreach.models import Message


def draft_for(
    user: Any,
    contact: Contact,
    kind: str,
    now: datetime,
    meeting: Meeting | None = None,
    about: Contact | None = None,
) -> Draft:
    """The draft of `kind` for `contact`, in the user's own wording when they have customized it.
    `about` is the person an introduction-blurb introduces (see `draft_context`)."""
    ctx = draft_context(user, contact, kind, now, meeting, about)
    template = queries.user_template(user, kind, choose_variant(kind, ctx))
    return render(kind, ctx, template)


def contact_tz(contact: Contact | None) -> ZoneInfo | None:
    if contact is None or not contact.time_zone:
        return None
    try:
        return ZoneInfo(contact.time_zone)
    except (ValueError, KeyError):
        return None


def proposed_times_text(user: Any, contact: Contact | None, now: datetime) -> str:
    """A paragraph offering 3–4 free slots, written in the contact's zone (else the user's).

    Free hours are weekdays 09:00–17:00 in the user's zone, minus their scheduled
    conversations and the public holidays of their country.
    """
    profile = profile_of(user)
    mine = user_tz(profile)
    theirs = contact_tz(contact)
    calendar = BusinessCalendar(profile.country or "")
    today = now.astimezone(mine).date()
    holidays = calendar.holidays_in(today.year) | calendar.holidays_in(today.year + 1)
    slots = propose_times(
        now,
        mine,
        theirs,
        busy=queries.busy_intervals(user, now),
        skip_dates=holidays,
    )
    return slots_paragraph(slots, theirs or mine)


def copy_as_draft(message: Message) -> Message:
    """A new draft with `message`'s contact, kind, channel and words (the original stays)."""
    return Message.objects.create(
        owner=message.owner,
        contact=message.contact,
        kind=message.kind,
        channel=message.channel,
        subject=message.subject,
        body=message.body,
    )
