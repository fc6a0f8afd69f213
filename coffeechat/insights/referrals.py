"""The referral tree: bounded by the number of people in referral chains, read in one query."""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from coffeechat.domain import insights, vocab
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message


def tree(user: Any, limit: int | None = None) -> tuple[insights.TreeLayout, int]:
    """The tree (the first `limit` people of it, for the page) and how many people it has."""
    contacts = Contact.objects.owned_by(user)
    asked = Exists(
        Message.objects.filter(
            contact=OuterRef("pk"), status="sent", kind__in=sorted(vocab.REQUEST_KINDS)
        )
    )
    booked = Exists(Meeting.objects.filter(contact=OuterRef("pk")).exclude(status="cancelled"))
    # "Referred someone" as an uncorrelated IN: the correlated form was planned on the owner
    # index and rescanned every contact per contact (minutes at 30,000 people).
    referrers = contacts.filter(referred_by__isnull=False).values("referred_by")
    rows = (
        contacts.filter(Q(referred_by__isnull=False) | Q(pk__in=referrers))
        .annotate(pursued=ExpressionWrapper(Q(asked) | Q(booked), output_field=BooleanField()))
        .values_list("pk", "first_name", "last_name", "referred_by_id", "pursued")
    )
    people = [
        insights.Person(pk, " ".join(p for p in (first, last) if p) or "(no name)", parent, pursued)
        for pk, first, last, parent, pursued in rows
    ]
    shown = people if limit is None else insights.first_people(people, limit)
    return insights.layout(shown), len(people)


def as_json(layout: insights.TreeLayout) -> list[dict[str, Any]]:
    return [
        {
            "id": p.id,
            "name": p.name,
            "parent": p.parent,
            "depth": p.depth,
            "pursued": p.pursued,
        }
        for p in layout.people
    ]
