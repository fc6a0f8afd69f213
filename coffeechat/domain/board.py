"""The pipeline board: a column per stage of a conversation, and the one move each card offers.

Stages are derived from facts (docs/method.md §1), so a card moves only because something
happened: a request was sent, a reply noted, a meeting held. The board never stores a place.
"Researched" rests in the first column and "prepared" in "Scheduled" (they are the same step,
done a little more); the three ways a conversation ends rest together in a folded column.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from coffeechat.domain.followups.action import Action
from coffeechat.domain.followups.ordering import is_daily, urgency


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    title: str
    stages: tuple[str, ...]
    empty: str  # what an empty column says: what would put someone here


COLUMNS: tuple[Column, ...] = (
    Column(
        "identified",
        "Identified",
        ("identified", "researched"),
        "Nobody here yet. Add people you would like to learn from: classmates, alumni, "
        "former colleagues.",
    ),
    Column(
        "requested",
        "Requested",
        ("requested",),
        "No request is waiting for an answer. When you send one, it waits here.",
    ),
    Column(
        "replied",
        "Replied",
        ("replied",),
        "Nobody is waiting for you to pick a time. Replies land here.",
    ),
    Column(
        "scheduled",
        "Scheduled",
        ("scheduled", "prepared"),
        "No conversation on the calendar yet. Once someone says yes, set a time.",
    ),
    Column(
        "held",
        "Held",
        ("held",),
        "No conversation waiting for a thank-you. After each talk, the person comes here.",
    ),
    Column(
        "thanked",
        "Thanked",
        ("thanked",),
        "Thank-yous you send move people here, ready for a first update.",
    ),
    Column(
        "keeping",
        "Keeping in touch",
        ("keep-in-touch",),
        "An update every few months keeps a contact warm; people you update rest here.",
    ),
    Column(
        "closed",
        "Closed",
        ("declined", "cancelled", "dormant"),
        "Nothing closed. People who said no, cancelled or went quiet would rest here.",
    ),
)
# The last column is folded: closed conversations stay findable without asking for attention.
CLOSED = COLUMNS[-1]
BY_ID = {column.id: column for column in COLUMNS}


def column_of(stage: str) -> Column:
    return next(column for column in COLUMNS if stage in column.stages)


def column_counts(by_stage: dict[str, int]) -> dict[str, int]:
    """How many people rest in each column, from how many are at each stage."""
    return {column.id: sum(by_stage.get(s, 0) for s in column.stages) for column in COLUMNS}


def next_step(actions: Iterable[Action]) -> Action | None:
    """A person's next step from the follow-up plan: the earliest due, the most urgent first.
    Goals (a field to hear more voices in) belong to no one person."""
    daily = [a for a in actions if is_daily(a)]
    return min(daily, key=lambda a: (a.due, urgency(a))) if daily else None


Move = Literal[
    "write-request",
    "follow-up",
    "log-reply",
    "schedule",
    "prepare",
    "thank",
    "keep-in-touch",
    "update",
    "open",
]

MOVE_LABELS: dict[Move, str] = {
    "write-request": "Write request",
    "follow-up": "Follow up",
    "log-reply": "Log a reply",
    "schedule": "Schedule",
    "prepare": "Prepare",
    "thank": "Thank",
    "keep-in-touch": "Keep in touch",
    "update": "Send an update",
    "open": "Open",
}

_BY_STAGE: dict[str, Move] = {
    "identified": "write-request",
    "researched": "write-request",
    "requested": "log-reply",
    "replied": "schedule",
    "scheduled": "prepare",
    "prepared": "prepare",
    "held": "thank",
    "thanked": "keep-in-touch",
    "keep-in-touch": "update",
}


def move(stage: str, actions: Iterable[Action], on_date: date) -> Move:
    """The one thing that moves this card on. A request still waiting offers the follow-up
    once the plan says one is due; otherwise noting their reply is what moves it. A reply
    whose answer isn't noted yet (one found in the mailbox) asks for that before a date."""
    if stage == "requested" and any(a.kind == "follow-up" and a.due <= on_date for a in actions):
        return "follow-up"
    if any(a.kind == "note-reply" for a in actions):
        return "log-reply"
    return _BY_STAGE.get(stage, "open")
