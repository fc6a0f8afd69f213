"""Writes for a conversation: planning and editing its agenda, the live notes, the clock,
referrals, resources and advice captured on the spot, and the reflection afterwards.

Every write here is safe to repeat, because live mode re-sends anything the server may have
missed (after a dropped connection or a closed tab).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.domain.drafts.times import (
    Slot,
    format_slot_in_zones,
    propose_times,
    times_reply,
)
from coffeechat.domain.followups import BusinessCalendar
from coffeechat.domain.questions import Agenda, PlanContext, fill, plan
from coffeechat.domain.questions.planner import Order
from coffeechat.interviews import bank
from coffeechat.interviews.models import AgendaItem, Meeting, Resource
from coffeechat.interviews.queries import agenda_of
from coffeechat.network.models import Contact
from coffeechat.network.services import organization_named
from coffeechat.outreach.context import user_tz
from coffeechat.outreach.drafting import contact_tz
from coffeechat.outreach.models import Message
from coffeechat.outreach.queries import busy_intervals


class AgendaInUse(Exception):
    """The conversation has started (notes taken or questions asked): planning again would
    throw that away."""

    message = (
        "You've already started taking notes in this conversation, so the agenda stays as it "
        "is. Reorder, add or remove questions by hand instead."
    )


def role_phrase(title: str) -> str | None:
    """A contact's title as the bank's sentences read it: "Data analyst" → "a data analyst"."""
    title = " ".join(title.split())
    if not title:
        return None
    noun = title if title[:2].isupper() else title[0].lower() + title[1:]
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


def asked_before(meeting: Meeting) -> frozenset[str]:
    """Question keys this person already answered in earlier conversations."""
    keys = (
        AgendaItem.objects.owned_by(meeting.owner)
        .filter(meeting__contact_id=meeting.contact_id, asked=True)
        .exclude(meeting_id=meeting.pk)
        .exclude(question_key="")
        .values_list("question_key", flat=True)
    )
    return frozenset(keys)


def _asked_identities(keys: frozenset[str]) -> frozenset[int | str]:
    """A user's own question is remembered on the agenda as "mine-<id>"; the planner knows it
    by its row id."""
    ids: set[int | str] = set(keys)
    ids |= {int(key[5:]) for key in keys if key.startswith("mine-") and key[5:].isdigit()}
    return frozenset(ids)


def _item_key(question_id: int | str, key: str) -> str:
    return key or f"mine-{question_id}"


def agenda_started(meeting: Meeting) -> bool:
    return bool(meeting.notes.strip() or meeting.started_at) or (
        AgendaItem.objects.owned_by(meeting.owner)
        .filter(meeting=meeting)
        .filter(Q(asked=True) | ~Q(notes=""))
        .exists()
    )


def _context(meeting: Meeting, order: Order = "natural") -> PlanContext:
    """Blanks come from the profile (first field of interest) and the contact."""
    contact = meeting.contact
    organization = contact.organization
    fields = profile_of(meeting.owner).fields_of_interest or []
    return PlanContext(
        has_organization=organization is not None,
        asked_keys_or_ids=_asked_identities(asked_before(meeting)),
        order=order,
        field=(fields[0] if fields else None) or contact.field or None,
        organization=organization.name if organization else None,
        role=role_phrase(contact.title),
    )


@transaction.atomic
def plan_agenda(meeting: Meeting, order: Order = "natural") -> Agenda:
    """Plan the agenda from the user's bank and store it, replacing an unstarted one."""
    if agenda_started(meeting):
        raise AgendaInUse(AgendaInUse.message)
    context = _context(meeting, order)
    agenda = plan(bank.planner_questions(meeting.owner), meeting.minutes, context)
    AgendaItem.objects.owned_by(meeting.owner).filter(meeting=meeting).delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            owner=meeting.owner,
            meeting=meeting,
            question_key=_item_key(item.question_id, item.key),
            text=item.text,
            category=item.category,
            minutes=item.minutes,
            order=item.order,
        )
        for item in agenda.items
    )
    return agenda


def add_from_bank(meeting: Meeting, ref: str) -> AgendaItem:
    """Add a question from the user's bank, its blanks filled for this person."""
    question = bank.entry(meeting.owner, ref).question
    context = _context(meeting)
    text = fill(
        question.text, field=context.field, organization=context.organization, role=context.role
    )
    key = _item_key(question.id, question.key)
    return add_item(
        meeting, text=text, category=question.category, minutes=question.minutes, key=key
    )


@transaction.atomic
def add_item(
    meeting: Meeting, *, text: str, category: str, minutes: int, key: str = ""
) -> AgendaItem:
    """Add a question at the end of the agenda, before the closing questions."""
    items = agenda_of(meeting)
    closing = [item for item in items if item.category in ("referrals", "closing")]
    if category in ("referrals", "closing") or not closing:
        position = (items[-1].order + 1) if items else 1
    else:
        position = closing[0].order
        AgendaItem.objects.owned_by(meeting.owner).filter(
            pk__in=[item.pk for item in items if item.order >= position]
        ).update(order=F("order") + 1)
    return AgendaItem.objects.create(
        owner=meeting.owner,
        meeting=meeting,
        question_key=key,
        text=text,
        category=category,
        minutes=minutes,
        order=position,
    )


def reorder(meeting: Meeting, item_ids: list[int]) -> None:
    """Put the agenda in this order; ids not on this meeting's agenda are ignored, and items
    left out keep their relative order after the ones named."""
    items = agenda_of(meeting)
    by_id = {item.pk: item for item in items}
    named = [by_id[pk] for pk in dict.fromkeys(item_ids) if pk in by_id]
    rest = [item for item in items if item not in named]
    for position, item in enumerate([*named, *rest], 1):
        item.order = position
    AgendaItem.objects.bulk_update(items, ["order"])


def move_item(meeting: Meeting, item: AgendaItem, step: int) -> None:
    ids = [other.pk for other in agenda_of(meeting)]
    index = ids.index(item.pk)
    target = index + step
    if 0 <= target < len(ids):
        ids[index], ids[target] = ids[target], ids[index]
        reorder(meeting, ids)


def update_item(item: AgendaItem, changes: dict[str, Any]) -> AgendaItem:
    for name, value in changes.items():
        setattr(item, name, value)
    item.save(update_fields=[*changes, "updated_at"])
    return item


def update_meeting(meeting: Meeting, changes: dict[str, Any]) -> Meeting:
    for name, value in changes.items():
        setattr(meeting, name, value)
    meeting.save(update_fields=[*changes, "updated_at"])
    return meeting


def start_clock(meeting: Meeting) -> Meeting:
    """Start the countdown once; pressing start again keeps the first start."""
    if meeting.started_at is None:
        update_meeting(meeting, {"started_at": timezone.now()})
    return meeting


def end_meeting(meeting: Meeting) -> Meeting:
    """Mark the conversation held at its actual end, which starts the thank-you clock."""
    if meeting.status != "held" or meeting.ended_at is None:
        now = timezone.now()
        started = meeting.started_at or min(meeting.starts_at, now)
        changes: dict[str, Any] = {"status": "held", "ended_at": now, "started_at": started}
        if meeting.starts_at > now:
            # Held in live mode before the time it was set for: it happened now, so the
            # record moves to when it really began (Insights never sees an end before a start).
            changes["starts_at"] = started
        update_meeting(meeting, changes)
    return meeting


def add_advice(meeting: Meeting, text: str) -> Meeting:
    """Append advice worth quoting; the same words sent twice are kept once."""
    text = text.strip()
    paragraphs = [p for p in meeting.advice.split("\n\n") if p.strip()]
    if text and text not in paragraphs:
        update_meeting(meeting, {"advice": "\n\n".join([*paragraphs, text])})
    return meeting


def add_resource(meeting: Meeting, values: dict[str, Any]) -> tuple[Resource, bool]:
    """A book, website or professional organization they recommended; (resource, created)."""
    existing = (
        Resource.objects.owned_by(meeting.owner)
        .filter(meeting=meeting, title=values["title"], kind=values["kind"])
        .first()
    )
    if existing is not None:
        return existing, False
    resource = Resource.objects.create(
        owner=meeting.owner, meeting=meeting, contact=meeting.contact, **values
    )
    return resource, True


MENTION_NOTES = {
    "yes": "{referrer} said you may mention their name when you reach out.",
    "no": "{referrer} would rather you didn't mention their name.",
    "unknown": "You haven't asked {referrer} yet whether you may mention their name.",
}


def add_referral(meeting: Meeting, values: dict[str, Any]) -> tuple[Contact, bool]:
    """A person they suggested you talk to in a conversation. (contact, created)"""
    return refer(meeting.contact, values, meeting=meeting)


@transaction.atomic
def refer(
    referrer: Contact,
    values: dict[str, Any],
    *,
    meeting: Meeting | None = None,
    heard_at: datetime | None = None,
) -> tuple[Contact, bool]:
    """A person `referrer` suggested you talk to, in `meeting` or else in a reply heard at
    `heard_at`: a new contact that remembers who named them, where, and whether you may say
    so. (contact, created); the same name from the same place is found, not added twice."""
    owner = referrer.owner
    first, _, last = " ".join(values["name"].split()).partition(" ")
    same_place = Q(referred_in=meeting) if meeting else Q(referred_by=referrer, referred_in=None)
    existing = (
        Contact.objects.owned_by(owner).filter(same_place, first_name=first, last_name=last).first()
    )
    if existing is not None:
        return existing, False
    moment = meeting.starts_at if meeting else heard_at or timezone.now()
    day = timezone.localtime(moment, ZoneInfo(profile_of(owner).time_zone or "UTC"))
    where = "your conversation" if meeting else "their reply"
    note = f"Suggested by {referrer.full_name} in {where} on {day.day} {day:%b %Y}. "
    note += MENTION_NOTES[values["may_mention"]].format(
        referrer=referrer.first_name or referrer.full_name
    )
    contact = Contact.objects.create(
        owner=owner,
        first_name=first,
        last_name=last,
        organization=organization_named(owner, values.get("organization", "")),
        email=values.get("email", ""),
        linkedin_url=values.get("linkedin_url", ""),
        how_found="referral",
        referred_by=referrer,
        referred_in=meeting,
        referrer_consent=values["may_mention"],
        notes=note,
    )
    return contact, True


def _tz(meeting: Meeting) -> ZoneInfo:
    return ZoneInfo(profile_of(meeting.owner).time_zone or "UTC")


def suggested_times(meeting: Meeting, now: datetime) -> list[Slot]:
    """A few free slots of the meeting's length to offer: weekdays in working hours, clear of
    the user's scheduled conversations and their country's public holidays, and inside the
    contact's working day when their zone is known."""
    profile = profile_of(meeting.owner)
    year = now.astimezone(user_tz(profile)).year
    calendar = BusinessCalendar(profile.country or "")
    return propose_times(
        now,
        user_tz(profile),
        contact_tz(meeting.contact),
        busy=busy_intervals(meeting.owner, now),
        minutes=meeting.minutes,
        skip_dates=calendar.holidays_in(year) | calendar.holidays_in(year + 1),
    )


def suggested_time_lines(meeting: Meeting, now: datetime) -> list[str]:
    """The suggested slots as the user reads them: their own zone first, the contact's after."""
    mine = user_tz(profile_of(meeting.owner))
    theirs = contact_tz(meeting.contact)
    year = now.astimezone(mine).year
    return [
        format_slot_in_zones(slot, mine, theirs, this_year=year)
        for slot in suggested_times(meeting, now)
    ]


def times_reply_draft(meeting: Meeting, now: datetime) -> Message:
    """Offer times as a new short reply draft, leaving the request already sent untouched."""
    contact = meeting.contact
    mine = user_tz(profile_of(meeting.owner))
    sent = (
        Message.objects.owned_by(meeting.owner)
        .filter(contact=contact, status="sent")
        .exclude(subject="")
        .order_by("-sent_at")
        .first()
    )
    subject = sent.subject if sent else "Times for our conversation"
    body = times_reply(
        suggested_times(meeting, now),
        mine,
        contact_tz(contact),
        name=contact.first_name,
        this_year=now.astimezone(mine).year,
    )
    return Message.objects.create(
        owner=meeting.owner,
        contact=contact,
        kind="follow-up",
        channel=sent.channel if sent else "email",
        subject=subject if subject.lower().startswith("re:") else f"Re: {subject}"[:200],
        body=body,
    )


def save_reflection(meeting: Meeting, answers: dict[str, str], next_step: str) -> Meeting:
    reflection = {key: text.strip() for key, text in answers.items() if text.strip()}
    return update_meeting(meeting, {"reflection": reflection, "next_step": next_step.strip()})
