"""Reads for outreach: messages, the user's templates, and the facts a draft or a check needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain.drafts import Template
from coffeechat.domain.questions import CATEGORIES
from coffeechat.interviews.models import AgendaItem, Meeting, Resource
from coffeechat.network.models import Contact
from coffeechat.network.search import MAX_WORDS, TRIGRAM, search
from coffeechat.outreach.models import Message, MessageTemplate, SmtpAccount

# The mass-message rule compares with recent sends only: enough to spot a pattern, bounded cost.
OTHER_BODIES_LIMIT = 200


@dataclass(frozen=True, slots=True)
class MessageFilters:
    contact: int | None = None
    kind: str = ""
    status: str = ""


def message_list(user: Any, filters: MessageFilters = MessageFilters()) -> QuerySet[Message]:
    found = Message.objects.owned_by(user).select_related("contact", "contact__organization")
    if filters.contact is not None:
        found = found.filter(contact_id=filters.contact)
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.status:
        found = found.filter(status=filters.status)
    return found.order_by("-updated_at", "-id")


def message_detail(user: Any, pk: int) -> Message:
    return get_owned_or_404(
        Message.objects.select_related("contact", "contact__organization"), user, pk=pk
    )


def contact_for_draft(user: Any, pk: int) -> Contact:
    return get_owned_or_404(
        Contact.objects.select_related("organization", "referred_by"), user, pk=pk
    )


# The recipient picker shows this many matches: enough to spot the one meant, cheap at 100,000.
CONTACT_MATCHES = 10


def contact_matches(user: Any, q: str) -> list[Contact]:
    """The first few of the user's contacts matching `q` (the contact search), by name.

    Words of one or two letters alone ("Li", "Wu") can't use the search index; they are looked
    for in names only, which keeps the scan cheap (about 25 ms at 30,000 contacts, not 240)."""
    words = q.split()[:MAX_WORDS]
    if not words:
        return []
    own = Contact.objects.owned_by(user)
    if all(len(w) < TRIGRAM for w in words):
        found = own.filter(*(Q(first_name__icontains=w) | Q(last_name__icontains=w) for w in words))
    else:
        found = search(own, " ".join(words))
    return list(
        found.select_related("organization").order_by("last_name", "first_name", "id")[
            :CONTACT_MATCHES
        ]
    )


def contact_detail(contact: Contact) -> str:
    """What tells two people of the same name apart in the picker."""
    parts = [contact.title, contact.organization.name if contact.organization else ""]
    return ", ".join(p for p in parts if p)


def user_template(user: Any, kind: str, variant: str) -> Template | None:
    own = MessageTemplate.objects.owned_by(user).filter(kind=kind, variant=variant).first()
    if own is None:
        return None
    return Template(kind, variant, own.subject or None, own.body)


def customized_keys(user: Any) -> set[tuple[str, str]]:
    return set(MessageTemplate.objects.owned_by(user).values_list("kind", "variant"))


def latest_held_meeting(user: Any, contact: Contact) -> Meeting | None:
    return (
        Meeting.objects.owned_by(user)
        .filter(contact=contact, status="held")
        .order_by("-starts_at")
        .first()
    )


def latest_referral_meeting(user: Any, referrer: Contact) -> Meeting | None:
    """The latest conversation held with someone `referrer` introduced (for close-the-loop)."""
    return (
        Meeting.objects.owned_by(user)
        .filter(contact__referred_by=referrer, status="held")
        .select_related("contact", "contact__organization", "contact__referred_by")
        .order_by("-starts_at")
        .first()
    )


def owned_meeting(user: Any, pk: int) -> Meeting:
    return get_owned_or_404(
        Meeting.objects.select_related("contact", "contact__organization", "contact__referred_by"),
        user,
        pk=pk,
    )


def referrals_named_in(user: Any, meeting: Meeting) -> list[tuple[str, str]]:
    """(name, whether the person met may be named to them) for each person they suggested."""
    found = Contact.objects.owned_by(user).filter(referred_in=meeting).order_by("id")
    return [(c.full_name, c.referrer_consent) for c in found]


def referrals_met_since(user: Any, meeting: Meeting) -> list[str]:
    """The people suggested in `meeting` whom the user has since talked with."""
    held = Meeting.objects.owned_by(user).filter(status="held").values("contact_id")
    found = Contact.objects.owned_by(user).filter(referred_in=meeting, pk__in=held)
    return [c.full_name for c in found.order_by("id")]


def latest_unasked_referral(user: Any, referrer: Contact) -> Contact | None:
    """The newest person `referrer` suggested whom the user hasn't written to yet."""
    return (
        Contact.objects.owned_by(user)
        .filter(referred_by=referrer)
        .exclude(pk__in=Message.objects.owned_by(user).values("contact_id"))
        .select_related("organization", "referred_by")
        .order_by("-id")
        .first()
    )


def resources_of(user: Any, meeting: Meeting) -> list[str]:
    return list(
        Resource.objects.owned_by(user).filter(meeting=meeting).values_list("title", flat=True)
    )


# Agenda categories that name a subject of conversation (not its opening or closing moves).
TOPIC_CATEGORIES = (
    "path",
    "day",
    "skills",
    "entry",
    "rewards",
    "trends",
    "culture",
    "organization",
)


def topics_of(user: Any, meeting: Meeting) -> list[str]:
    """What was talked about: the categories of the agenda questions marked as asked."""
    labels: dict[str, str] = dict(CATEGORIES)
    asked = set(
        AgendaItem.objects.owned_by(user)
        .filter(meeting=meeting, asked=True, category__in=TOPIC_CATEGORIES)
        .values_list("category", flat=True)
    )
    return [labels[c].lower() for c in TOPIC_CATEGORIES if c in asked]


def other_bodies(user: Any, contact: Contact | None) -> tuple[str, ...]:
    """Bodies of recent messages sent to other people, newest first, in one query."""
    sent = Message.objects.owned_by(user).filter(status="sent").exclude(body="")
    if contact is not None:
        sent = sent.exclude(contact=contact)
    return tuple(sent.order_by("-sent_at").values_list("body", flat=True)[:OTHER_BODIES_LIMIT])


def busy_intervals(user: Any, since: datetime) -> list[tuple[datetime, datetime]]:
    """The user's scheduled conversations from `since` on, as (start, end) instants."""
    meetings = Meeting.objects.owned_by(user).filter(status="scheduled", starts_at__gte=since)
    return [(m.starts_at, m.planned_end) for m in meetings.only("starts_at", "minutes")]


def smtp_account(user: Any) -> SmtpAccount | None:
    return SmtpAccount.objects.owned_by(user).first()
