"""Realistic synthetic data for trying coffeechat and for benchmarks.

`small` is what a newcomer loads to look around; `heavy` is a very connected user (30,000 LinkedIn
connections); `campus` is a career centre (2,000 students with 200 contacts each). Deterministic
for a given seed and date, and written with bulk inserts so even `heavy` takes seconds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import transaction

from coffeechat.accounts.services import create_user, profile_of
from coffeechat.demo import pools
from coffeechat.domain import vocab
from coffeechat.interviews.models import AgendaItem, Meeting
from coffeechat.network.models import Contact, Organization, name_key
from coffeechat.outreach.models import Message


@dataclass(frozen=True)
class Scale:
    contacts: int
    organizations: int
    messages: int
    meetings: int
    users: int = 1


SCALES = {
    "small": Scale(contacts=40, organizations=12, messages=40, meetings=10),
    "heavy": Scale(contacts=30_000, organizations=3_000, messages=2_000, meetings=500),
    "campus": Scale(contacts=200, organizations=40, messages=20, meetings=5, users=2_000),
}
NOTE_CATEGORIES = ("path", "day", "skills", "entry", "trends", "advice", "resources")
BATCH = 2_000


@dataclass(frozen=True)
class Generated:
    users: int
    organizations: int
    contacts: int
    messages: int
    meetings: int


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _org_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = (
            f"{rng.choice(pools.ORG_STEMS)} {rng.choice(pools.ORG_KINDS)}"
            f"{rng.choice(pools.ORG_SUFFIXES)}"
        )
        if name_key(name) in seen:
            name = f"{name} {len(names) + 1}"
        seen.add(name_key(name))
        names.append(name)
    return names


def _notes(rng: random.Random, sentences: int) -> str:
    parts = [rng.choice(pools.NOTE_OPENERS)]
    parts += rng.sample(pools.NOTE_DETAILS, k=min(sentences - 1, len(pools.NOTE_DETAILS)))
    return " ".join(parts)


def fill_account(user: Any, scale: Scale, rng: random.Random, today: date) -> Generated:
    """Add one person's synthetic network, messages and meetings to `user`'s empty account."""
    profile = profile_of(user)
    profile.display_name = profile.display_name or "Sam Rivera"
    profile.school = profile.school or "Lakeside University"
    profile.program = profile.program or "Environmental Studies"
    profile.fields_of_interest = profile.fields_of_interest or rng.sample(pools.FIELDS, k=3)
    profile.country = profile.country or "US"
    profile.introduction = profile.introduction or (
        "I'm finishing a degree in environmental studies and exploring where data and public "
        "service meet."
    )
    profile.save()

    orgs = Organization.objects.bulk_create(
        (
            Organization(
                owner=user,
                name=name,
                name_key=name_key(name),
                industry=rng.choice(pools.FIELDS),
                location=rng.choice(pools.CITIES),
                advocacy=rng.random() < 0.2,
                motivation=rng.choice((None, 1, 2, 3)),
                posting=rng.random() < 0.3,
            )
            for name in _org_names(rng, scale.organizations)
        ),
        batch_size=BATCH,
    )
    # Skewed sizes: a few large employers hold most people (Zipf-like weights).
    weights = [1 / (rank + 1) for rank in range(len(orgs))]
    how_found = [key for key, _ in vocab.HOW_FOUND if key != "referral"]
    contacts = Contact.objects.bulk_create(
        (
            Contact(
                owner=user,
                first_name=rng.choice(pools.FIRST_NAMES),
                last_name=rng.choice(pools.LAST_NAMES),
                organization=rng.choices(orgs, weights)[0] if orgs else None,
                title=rng.choice(pools.TITLES),
                field=rng.choice(pools.FIELDS),
                location=rng.choice(pools.CITIES),
                how_found="linkedin" if i % 3 else rng.choice(how_found),
                linkedin_url=f"https://www.linkedin.com/in/demo-{user.pk}-{i}",
                email=f"person{i}.{user.pk}@example.org" if i % 4 == 0 else "",
                connected_on=today - timedelta(days=rng.randrange(1, 2000)),
                notes=_notes(rng, 2) if i % 10 == 0 else "",
                tags_text=f",{rng.choice(pools.CITIES).lower()}," if i % 5 == 0 else "",
            )
            for i in range(scale.contacts)
        ),
        batch_size=BATCH,
    )
    # Referral chains: about one in ten people came through someone met earlier.
    referred = []
    for index in range(10, len(contacts), 10):
        contact = contacts[index]
        contact.referred_by = contacts[rng.randrange(0, index)]
        contact.how_found = "referral"
        referred.append(contact)
    Contact.objects.bulk_update(referred, ["referred_by", "how_found"], batch_size=BATCH)

    asked = rng.sample(contacts, k=min(scale.messages, len(contacts)))
    messages: list[Message] = []
    replied: list[tuple[Contact, date]] = []
    for contact in asked:
        sent = today - timedelta(days=rng.randrange(3, 730))
        reply_day = sent + timedelta(days=rng.randrange(1, 12)) if rng.random() < 0.55 else None
        if reply_day and reply_day < today:
            replied.append((contact, reply_day))
        messages.append(
            Message(
                owner=user,
                contact=contact,
                kind="request",
                channel="email",
                status="sent",
                subject="A question from a fellow alum",
                body=_notes(rng, 3),
                sent_at=_at(sent, 14),
                rule_set="career-office",
                replied_at=_at(reply_day, 9) if reply_day and reply_day < today else None,
                # Answers long past were noted as they came: they lead to the meetings below.
                reply_outcome="yes" if reply_day and reply_day < today else "",
            )
        )
        if reply_day is None and sent < today - timedelta(days=40):
            # Someone who never answered got the two polite follow-ups the method allows.
            messages += [
                Message(
                    owner=user,
                    contact=contact,
                    kind="follow-up",
                    channel="email",
                    status="sent",
                    subject="Following up",
                    body=_notes(rng, 2),
                    sent_at=_at(sent + timedelta(days=days), 11),
                )
                for days in (11, 22)
            ]
    meetings: list[Meeting] = []
    declined = [contact for contact, _ in replied[scale.meetings :]]
    for contact in declined:  # a kind "not now": some people who answer can't meet
        contact.closed_reason = "declined"
    Contact.objects.bulk_update(declined, ["closed_reason"], batch_size=BATCH)
    for contact, reply_day in replied[: scale.meetings]:
        starts = reply_day + timedelta(days=rng.randrange(2, 15))
        held = starts < today
        meetings.append(
            Meeting(
                owner=user,
                contact=contact,
                starts_at=_at(starts, 15, 30),
                minutes=rng.choice((20, 20, 30, 15)),
                mode=rng.choice(("video", "phone", "in-person")),
                status="held" if held else "scheduled",
                ended_at=_at(starts, 15, 55) if held else None,
                notes=_notes(rng, 5) if held else "",
                advice=rng.choice(pools.NOTE_DETAILS) if held else "",
                reflection={"learned": rng.choice(pools.NOTE_OPENERS)} if held else {},
            )
        )
        if held:
            after = starts + timedelta(days=1)
            messages += [
                Message(
                    owner=user,
                    contact=contact,
                    kind=kind,
                    channel=channel,
                    status="sent",
                    subject=subject,
                    body=_notes(rng, 2),
                    sent_at=_at(after, 10),
                )
                for kind, channel, subject in (
                    ("thank-you", "email", "Thank you"),
                    ("linkedin-note", "linkedin", ""),
                )
            ]
    Message.objects.bulk_create(messages, batch_size=BATCH)
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    AgendaItem.objects.bulk_create(
        (
            AgendaItem(
                owner=user,
                meeting=meeting,
                question_key="",
                category=category,
                text=f"Tell me about {category}.",
                order=order,
                asked=True,
                notes=rng.choice(pools.NOTE_OPENERS + pools.NOTE_DETAILS),
            )
            for meeting in meetings
            if meeting.status == "held"
            for order, category in enumerate(rng.sample(NOTE_CATEGORIES, k=4))
        ),
        batch_size=BATCH,
    )
    return Generated(1, len(orgs), len(contacts), len(messages), len(meetings))


@transaction.atomic
def generate(owner: Any, scale_name: str, seed: int, today: date) -> Generated:
    """Fill `owner`'s account, or for `campus` create the students too (`owner` is unused)."""
    scale = SCALES[scale_name]
    rng = random.Random(seed)
    if scale.users == 1:
        return fill_account(owner, scale, rng, today)
    totals = [0, 0, 0, 0, 0]
    for number in range(scale.users):
        student = create_user(f"student{number:04d}-{seed}")
        made = fill_account(student, scale, rng, today)
        for i, value in enumerate(
            (1, made.organizations, made.contacts, made.messages, made.meetings)
        ):
            totals[i] += value
    return Generated(*totals)
