"""Reads for the pipeline board (`coffeechat.domain.board`): the count of each column, and one
page of a column's cards, each with its next step and the link that moves it on.

The number of queries never depends on how many people there are: counts are two queries
(kept under the data stamp), a page of a column one, and the next steps come from the
follow-up plan Today already keeps (`followups.queries.plan`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse

from coffeechat.common.stamps import StampedCache
from coffeechat.domain import board
from coffeechat.domain.followups import Action, MeetingFacts, MessageFacts
from coffeechat.domain.vocab import REQUEST_KINDS
from coffeechat.followups.queries import Plan, action_link
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.network.queries import ContactFilters, contact_ids, in_stages, with_stage
from coffeechat.outreach.models import Message

PER_COLUMN = 20


def _matching(user: Any, filters: ContactFilters) -> Any:
    """The filtered contacts with their derived stage, by name (the stage is the column)."""
    chosen = replace(filters, stage="", sort="name")
    return contact_ids(user, chosen, with_stage(Contact.objects.owned_by(user)))


def _has_facts(user: Any) -> Q:
    """Only people with a message, a meeting or a closed state can be past the first column:
    the stage is worked out for them alone, everyone else is counted with a plain COUNT."""
    return (
        Q(pk__in=Message.objects.owned_by(user).values("contact"))
        | Q(pk__in=Meeting.objects.owned_by(user).values("contact"))
        | ~Q(closed_reason="")
    )


COUNTS: StampedCache[dict[str, int]] = StampedCache("board-counts", 256)


def column_counts(user: Any, filters: ContactFilters) -> dict[str, int]:
    """How many of the filtered people rest in each column, kept until the data changes."""

    def count() -> dict[str, int]:
        matching = _matching(user, filters).order_by()
        moved = matching.filter(_has_facts(user)).values("stage").annotate(n=Count("pk"))
        counts = board.column_counts(dict(moved.values_list("stage", "n")))
        counts[board.COLUMNS[0].id] += matching.exclude(_has_facts(user)).count()
        return counts

    return COUNTS.get(user, ("counts", filters), count)


@dataclass(frozen=True, slots=True)
class Card:
    contact: Any  # a Contact with `stage` and its organization
    step: Action | None
    move_label: str
    move_link: str


@dataclass(frozen=True, slots=True)
class ColumnPage:
    column: board.Column
    cards: list[Card]
    page: int
    has_more: bool


def column_page(
    user: Any, filters: ContactFilters, column: board.Column, plan: Plan, page: int = 1
) -> ColumnPage:
    """One page of a column's cards (one query), with one more row read to know if more follow."""
    start = (page - 1) * PER_COLUMN
    rows = list(
        in_stages(_matching(user, filters), user, column.stages).select_related("organization")[
            start : start + PER_COLUMN + 1
        ]
    )
    shown = rows[:PER_COLUMN]
    moves = _Moves(plan, [c.pk for c in shown])
    return ColumnPage(column, [moves.card(c) for c in shown], page, len(rows) > PER_COLUMN)


# The moves that are a message to write, and its kind (the composer drafts it).
_DRAFTS: dict[board.Move, str] = {
    "write-request": "request",
    "thank": "thank-you",
    "keep-in-touch": "update",
    "update": "update",
}


class _Moves:
    """Where each card's one move leads, from the plan's facts: no query."""

    def __init__(self, plan: Plan, contact_ids: Iterable[int]) -> None:
        wanted = set(contact_ids)
        self.on_date = plan.on_date
        self.actions: dict[int, list[Action]] = {}
        for action in plan.actions:
            if action.contact_id in wanted:
                self.actions.setdefault(action.contact_id, []).append(action)
        snapshot = plan.gathered.snapshot
        self.requests = _latest(
            (m for m in snapshot.messages if m.contact_id in wanted and _asked(m)),
            lambda m: m.sent_at,
        )
        self.upcoming = _latest(
            (
                m
                for m in snapshot.meetings
                if m.contact_id in wanted and m.status in ("proposed", "scheduled")
            ),
            lambda m: m.starts_at,
        )
        self.held = _latest(
            (m for m in snapshot.meetings if m.contact_id in wanted and m.status == "held"),
            lambda m: m.starts_at,
        )

    def card(self, contact: Any) -> Card:
        actions = self.actions.get(contact.pk, [])
        chosen = board.move(contact.stage, actions, self.on_date)
        return Card(
            contact,
            board.next_step(actions),
            board.MOVE_LABELS[chosen],
            self._link(chosen, contact.pk, actions),
        )

    def _link(self, chosen: board.Move, pk: int, actions: list[Action]) -> str:
        planned = {a.kind: a for a in actions}
        request, upcoming, held = self.requests.get(pk), self.upcoming.get(pk), self.held.get(pk)
        if chosen == "follow-up" and "follow-up" in planned:
            return action_link(planned["follow-up"])[0]
        if chosen == "thank" and "thank-you" in planned:  # it quotes the right meeting
            return action_link(planned["thank-you"])[0]
        if chosen == "log-reply" and "note-reply" in planned:  # the answer the mailbox found
            return action_link(planned["note-reply"])[0]
        if chosen == "log-reply" and request is not None:
            return reverse("message-replied", args=[request.id])
        if chosen == "prepare" and upcoming is not None:
            return reverse("meeting-prep", args=[upcoming.id])
        if chosen == "schedule":
            return f"{reverse('meeting-create')}?contact={pk}"
        if chosen in _DRAFTS:
            query = {"contact": pk, "kind": _DRAFTS[chosen]}
            if chosen == "thank" and held is not None:
                query["meeting"] = held.id
            return f"{reverse('compose')}?{urlencode(query)}"
        return reverse("contact-detail", args=[pk])


def _asked(message: MessageFacts) -> bool:
    return message.sent and message.kind in REQUEST_KINDS | {"follow-up"}


Fact = TypeVar("Fact", MessageFacts, MeetingFacts)


def _latest(items: Iterable[Fact], moment: Callable[[Fact], datetime | None]) -> dict[int, Fact]:
    """The item with the latest `moment` for each contact."""
    found: dict[int, Fact] = {}
    for item in items:
        known = found.get(item.contact_id)
        when = moment(item)
        if when is not None and (known is None or when > (moment(known) or when)):
            found[item.contact_id] = item
    return found
