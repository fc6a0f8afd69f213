"""Turn the user's rows into the plain data the drafting and checking cores read."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.domain.checker import DEFAULT_RULE_SET, RULE_SETS, CheckContext, RuleSet
from coffeechat.domain.drafts import DraftContext, MeetingRecap, Recipient, Sender
from coffeechat.domain.drafts.dates import long_date
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach import queries

# The numbers a user may override, with the range that keeps the rule meaningful.
RULE_NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "max_words": (40, 400),
    "linkedin_char_limit": (100, 2000),
    "long_minutes": (15, 60),
}
# Kinds written after a conversation: their draft and check read the latest meeting.
AFTER_MEETING_KINDS = frozenset({"thank-you", "update", "linkedin-note"})


def user_tz(profile: Profile) -> ZoneInfo:
    try:
        return ZoneInfo(profile.time_zone or "UTC")
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def rule_set_for(profile: Profile) -> RuleSet:
    """The chosen rule set with the user's own numbers; out-of-range numbers are ignored."""
    stored = profile.rule_settings or {}
    base = RULE_SETS.get(str(stored.get("rule_set", "")), DEFAULT_RULE_SET)
    overrides: dict[str, Any] = {
        name: value
        for name, (low, high) in RULE_NUMBER_RANGES.items()
        if isinstance(value := stored.get(name), int) and low <= value <= high
    }
    return replace(base, **overrides)


def personal_words(profile: Profile) -> tuple[str, ...]:
    words = (profile.rule_settings or {}).get("personal_words", [])
    return tuple(w for w in words if isinstance(w, str)) if isinstance(words, list) else ()


def sender_of(user: Any, profile: Profile) -> Sender:
    return Sender(
        name=profile.display_name or user.get_username(),
        school=profile.school,
        program=profile.program,
        year=profile.year,
        introduction=profile.introduction,
        interests=tuple(profile.fields_of_interest or ()),
        email=user.email,
    )


_SOURCES = {"linkedin": "LinkedIn"}


def recipient_of(contact: Contact) -> Recipient:
    return Recipient(
        first_name=contact.first_name,
        last_name=contact.last_name,
        title=contact.title,
        organization=contact.organization.name if contact.organization else "",
        field=contact.field,
        how_found=contact.how_found,
        source=_SOURCES.get(contact.how_found, ""),
        referrer=contact.referred_by.full_name if contact.referred_by else "",
        linkedin=contact.linkedin_url,
    )


def recap_of(user: Any, meeting: Meeting, tz: ZoneInfo) -> MeetingRecap:
    return MeetingRecap(
        date=long_date(meeting.starts_at.astimezone(tz).date()),
        advice=meeting.advice,
        referrals=tuple(queries.referrals_named_in(user, meeting)),
        topics=tuple(queries.topics_of(user, meeting)),
        next_step=meeting.next_step,
        resources=tuple(queries.resources_of(user, meeting)),
    )


def meeting_for(user: Any, contact: Contact, kind: str) -> Meeting | None:
    """The conversation a draft of `kind` refers to, if any."""
    if kind == "close-the-loop":
        return queries.latest_referral_meeting(user, contact)
    if kind in AFTER_MEETING_KINDS:
        return queries.latest_held_meeting(user, contact)
    return None


def draft_context(
    user: Any, contact: Contact, kind: str, now: datetime, meeting: Meeting | None = None
) -> DraftContext:
    """For close-the-loop the draft is about the person met, written to `contact`, who
    introduced them; every other kind is about and to `contact`."""
    profile = profile_of(user)
    tz = user_tz(profile)
    meeting = meeting or meeting_for(user, contact, kind)
    about = contact
    if kind == "close-the-loop" and meeting is not None:
        about = meeting.contact
    recipient = recipient_of(about)
    if kind == "close-the-loop":
        recipient = replace(recipient, referrer=contact.full_name)
    return DraftContext(
        user=sender_of(user, profile),
        contact=recipient,
        meeting=recap_of(user, meeting, tz) if meeting else MeetingRecap(),
        today=now.astimezone(tz).date(),
        linkedin_char_limit=rule_set_for(profile).linkedin_char_limit,
    )


def check_context(
    user: Any,
    *,
    contact: Contact | None,
    kind: str,
    channel: str,
    subject: str | None,
    recorded_at: datetime,
) -> CheckContext:
    """Everything the checker knows about a message besides its body. Raises ValueError for
    an unknown kind or channel (forms validate both before this is called)."""
    profile = profile_of(user)
    names = [profile.display_name]
    meeting = None
    if contact is not None:
        names += [contact.first_name, contact.last_name]
        if contact.organization:
            names.append(contact.organization.name)
        if contact.referred_by:
            names.append(contact.referred_by.full_name)
        meeting = meeting_for(user, contact, kind) if kind == "thank-you" else None
    notes: tuple[str, ...] = ()
    if meeting is not None:
        recap = recap_of(user, meeting, user_tz(profile))
        notes = tuple(
            n
            for n in (meeting.advice, meeting.next_step, meeting.notes, *recap.referrals)
            if n.strip()
        )
    return CheckContext(
        kind=kind,  # type: ignore[arg-type]
        channel=channel,  # type: ignore[arg-type]
        subject=subject if channel == "email" else None,
        referrer_name=contact.referred_by.full_name if contact and contact.referred_by else None,
        rules=rule_set_for(profile),
        known_names=tuple(n for n in names if n),
        personal_words=personal_words(profile),
        other_bodies=queries.other_bodies(user, contact),
        meeting_ended_at=(meeting.ended_at or meeting.planned_end) if meeting else None,
        recorded_at=recorded_at if meeting else None,
        meeting_notes=notes,
        recipient_name=contact.full_name if contact is not None else None,
    )
