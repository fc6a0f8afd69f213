"""Turn the user's rows into the plain data the drafting and checking cores read."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.domain.checker import DEFAULT_RULE_SET, RULE_SETS, CheckContext, RuleSet
from coffeechat.domain.drafts import (
    DraftContext,
    MeetingRecap,
    Recipient,
    Referral,
    Sender,
    default_channel,
)
from coffeechat.domain.drafts.dates import long_date
from coffeechat.domain.work_fields import infer_field
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
        email=profile.email or user.email,
        phone=profile.phone,
        address=tuple(profile.postal_address.splitlines()),
        rule_set=rule_set_for(profile).id,
        prefer_first_names=profile.prefer_first_names,
    )


_SOURCES = {"linkedin": "LinkedIn"}


def recipient_of(contact: Contact) -> Recipient:
    referrer = contact.referred_by
    return Recipient(
        first_name=contact.first_name,
        last_name=contact.last_name,
        honorific=contact.honorific,
        title=contact.title,
        organization=contact.organization.name if contact.organization else "",
        field=contact.field,
        how_found=contact.how_found,
        source=_SOURCES.get(contact.how_found, ""),
        referrer=referrer.full_name if referrer else "",
        referrer_consent=contact.referrer_consent,  # type: ignore[arg-type]
        referral_field=_field_of(referrer) if referrer else "",
        notes=contact.notes,
        address=tuple(contact.postal_address.splitlines()),
        linkedin=contact.linkedin_url,
        email=contact.email,
    )


def _field_of(contact: Contact) -> str:
    organization = contact.organization.name if contact.organization else ""
    return contact.field or infer_field(contact.title, organization)


def recap_of(user: Any, meeting: Meeting, tz: ZoneInfo) -> MeetingRecap:
    day = meeting.starts_at.astimezone(tz).date()
    return MeetingRecap(
        date=long_date(day),
        day=day,
        advice=meeting.advice,
        referrals=tuple(
            Referral(name, consent)  # type: ignore[arg-type]
            for name, consent in queries.referrals_named_in(user, meeting)
        ),
        topics=tuple(queries.topics_of(user, meeting)),
        next_step=meeting.next_step,
        resources=tuple(queries.resources_of(user, meeting)),
        referrals_met=tuple(queries.referrals_met_since(user, meeting)),
    )


def meeting_for(user: Any, contact: Contact, kind: str) -> Meeting | None:
    """The conversation a draft of `kind` refers to, if any."""
    if kind == "close-the-loop":
        return queries.latest_referral_meeting(user, contact)
    if kind in AFTER_MEETING_KINDS:
        return queries.latest_held_meeting(user, contact)
    return None


def draft_context(
    user: Any,
    contact: Contact,
    kind: str,
    now: datetime,
    meeting: Meeting | None = None,
    about: Contact | None = None,
) -> DraftContext:
    """Every kind is written to `contact`. Two are about someone else: close-the-loop tells
    `contact` how the talk went with the person they introduced (the meeting's contact), and
    introduction-blurb gives `contact` a note to forward to someone they suggested (`about`,
    else the newest of them not yet written to)."""
    profile = profile_of(user)
    tz = user_tz(profile)
    meeting = meeting or meeting_for(user, contact, kind)
    recipient = recipient_of(contact)
    if kind == "close-the-loop" and meeting is not None:
        recipient = _written_to_referrer(recipient_of(meeting.contact), contact)
    elif kind == "introduction-blurb":
        about = about or queries.latest_unasked_referral(user, contact)
        recipient = _written_to_referrer(recipient_of(about) if about else Recipient(), contact)
    return DraftContext(
        user=sender_of(user, profile),
        contact=recipient,
        meeting=recap_of(user, meeting, tz) if meeting else MeetingRecap(),
        today=now.astimezone(tz).date(),
        channel=channel_for(kind, contact),
        linkedin_char_limit=rule_set_for(profile).linkedin_char_limit,
    )


def _written_to_referrer(about: Recipient, referrer: Contact) -> Recipient:
    """A draft about `about`, addressed to the person who suggested them (who knows)."""
    return replace(about, referrer=referrer.full_name, referrer_consent="yes")


def channel_for(kind: str, contact: Contact) -> str | None:
    """A LinkedIn message for someone we can only reach there; else the kind's usual one."""
    if default_channel(kind) == "email" and not contact.email and contact.linkedin_url:
        return "linkedin"
    return None


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
    names = [profile.display_name, profile.school, profile.program, *_interests(profile)]
    meeting = None
    if contact is not None:
        names += [contact.first_name, contact.last_name]
        if contact.organization:
            names.append(contact.organization.name)
        if contact.referred_by:
            names.append(contact.referred_by.full_name)
        meeting = meeting_for(user, contact, kind) if kind == "thank-you" else None
    notes: tuple[str, ...] = ()
    if meeting is not None:  # checked as the user types: only the query the notes need
        referrals = (name for name, _ in queries.referrals_named_in(user, meeting))
        notes = tuple(
            n for n in (meeting.advice, meeting.next_step, meeting.notes, *referrals) if n.strip()
        )
    return CheckContext(
        kind=kind,  # type: ignore[arg-type]
        channel=channel,  # type: ignore[arg-type]
        subject=subject if channel == "email" else None,
        referrer_name=_nameable_referrer(contact),
        rules=rule_set_for(profile),
        known_names=tuple(n for n in names if n),
        personal_words=personal_words(profile),
        other_bodies=queries.other_bodies(user, contact),
        meeting_ended_at=(meeting.ended_at or meeting.planned_end) if meeting else None,
        recorded_at=recorded_at if meeting else None,
        meeting_notes=notes,
        recipient_name=contact.full_name if contact is not None else None,
    )


def _nameable_referrer(contact: Contact | None) -> str | None:
    """The referrer the checker expects to see named: not one who asked to be left out."""
    if contact is None or contact.referred_by is None or contact.referrer_consent == "no":
        return None
    return contact.referred_by.full_name


def _interests(profile: Profile) -> list[str]:
    fields = profile.fields_of_interest or []
    return [f for f in fields if isinstance(f, str)] if isinstance(fields, list) else []
