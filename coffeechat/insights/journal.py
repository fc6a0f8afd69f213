"""The journal's data: every held conversation with what came of it, in a fixed number of
queries (meetings, agenda, resources, referrals, follow-ups), whatever the number of meetings."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from django.db.models import Prefetch

from coffeechat.accounts.services import profile_of
from coffeechat.domain import insights, vocab
from coffeechat.domain.questions import CATEGORIES, REFLECTION_PROMPTS
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message


def entries(user: Any, zone: tzinfo) -> list[insights.JournalEntry]:
    meetings = list(
        Meeting.objects.owned_by(user)
        .filter(status="held")
        .select_related("contact__organization", "contact__referred_by")
        .prefetch_related(
            Prefetch("agenda", queryset=AgendaItem.objects.order_by("order", "id")),
            "resources",
        )
        .order_by("starts_at", "id")
    )
    referrals: dict[int, list[str]] = {}
    for person in (
        Contact.objects.owned_by(user)
        .filter(referred_in__in=meetings)
        .order_by("last_name", "first_name")
    ):
        referrals.setdefault(person.referred_in_id or 0, []).append(person.full_name)
    sent = (
        Message.objects.owned_by(user)
        .filter(status="sent", sent_at__isnull=False, contact__in={m.contact_id for m in meetings})
        .exclude(kind__in=sorted(vocab.REQUEST_KINDS))
        .order_by("sent_at")
    )
    follow_ups: dict[int, list[Message]] = {}
    for message in sent:
        follow_ups.setdefault(message.contact_id, []).append(message)
    return [
        _entry(m, referrals.get(m.pk, []), follow_ups.get(m.contact_id, []), zone) for m in meetings
    ]


def _entry(
    meeting: Meeting, referrals: list[str], sent: list[Message], zone: tzinfo
) -> insights.JournalEntry:
    contact = meeting.contact
    categories: dict[str, str] = dict(CATEGORIES)
    reflection = meeting.reflection if isinstance(meeting.reflection, dict) else {}
    return insights.JournalEntry(
        person=contact.full_name,
        day=meeting.starts_at.astimezone(zone).date(),
        role=contact.title,
        organization=contact.organization.name if contact.organization else "",
        how_found=contact.get_how_found_display(),
        referred_by=contact.referred_by.full_name if contact.referred_by else "",
        mode=meeting.get_mode_display(),
        minutes=meeting.minutes,
        agenda=tuple(
            insights.AgendaNote(
                item.text, categories.get(item.category, item.category), item.notes, item.asked
            )
            for item in meeting.agenda.all()
        ),
        notes=meeting.notes,
        advice=meeting.advice,
        next_step=meeting.next_step,
        referrals=tuple(referrals),
        resources=tuple(
            insights.ResourceNote(r.title, r.get_kind_display(), r.url, r.notes)
            for r in meeting.resources.all()
        ),
        reflection=tuple(
            (prompt, str(reflection.get(key) or "")) for key, prompt in REFLECTION_PROMPTS
        ),
        follow_ups=tuple(
            insights.FollowUp(m.sent_at.astimezone(zone).date(), m.get_kind_display(), m.subject)
            for m in sent
            if m.sent_at and m.sent_at >= meeting.starts_at
        ),
    )


def title_for(user: Any) -> str:
    name = profile_of(user).display_name
    return f"Conversation journal: {name}" if name else "Conversation journal"


def markdown(user: Any, zone: tzinfo, title: str) -> str:
    return insights.render_markdown(entries(user, zone), title)
