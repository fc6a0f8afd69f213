"""Today in order of urgency: what is due today first, then what is late, grouped by kind.

The engine hands back every pending step sorted by date. A person reads a day differently:
steps with a clock on them (a thank-you within a day, notes while the talk is fresh, a reply
to someone who said yes) come before steps that keep for a week, and ten late reminders of
the same kind are one decision, not ten. Field coverage is a goal to work toward, not a chore
that falls due every morning, so it is set apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coffeechat.domain.followups.action import Action, ActionKind

# Most urgent first. A thank-you and a reflection lose their value within a day; a reply to
# a yes, an agenda for a meeting that is coming and a nudge keep a conversation alive; a first
# request, a LinkedIn note or a keep-in-touch update can wait a little without harm.
URGENCY: tuple[ActionKind, ...] = (
    "thank-you",
    "reflect",
    "note-reply",
    "schedule",
    "prepare",
    "follow-up",
    "contact-referral",
    "forward-introduction",
    "thank-for-answer",
    "close-the-loop",
    "send-request",
    "try-another-contact",
    "connect",
    "keep-in-touch",
    "broaden",
)
_RANK = {kind: rank for rank, kind in enumerate(URGENCY)}

# How a group of late steps of one kind is headed on Today.
GROUP_TITLES: dict[ActionKind, str] = {
    "send-request": "First requests to send",
    "try-another-contact": "Second people to try",
    "follow-up": "Follow-ups to send",
    "note-reply": "Replies to note",
    "schedule": "Times to settle",
    "prepare": "Meetings to prepare",
    "thank-you": "Thank-yous to send",
    "reflect": "Talks to reflect on",
    "contact-referral": "Introductions to follow up",
    "forward-introduction": "Notes to offer for forwarding",
    "thank-for-answer": "Kind replies to people who said no",
    "close-the-loop": "People to tell how it went",
    "connect": "LinkedIn connections to make",
    "keep-in-touch": "Updates to keep in touch",
    "broaden": "Fields to hear more voices in",
}

WEEK = timedelta(days=6)
GOAL_KINDS: frozenset[ActionKind] = frozenset({"broaden"})


def urgency(action: Action) -> tuple[int, date, str]:
    """Sort key: the kind's urgency, then the oldest due date, then the key (stable)."""
    return (_RANK[action.kind], action.due, action.key)


@dataclass(frozen=True, slots=True)
class KindGroup:
    """Late steps of one kind, oldest first: they can be settled together."""

    kind: ActionKind
    title: str
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class Arranged:
    due_today: tuple[Action, ...] = ()
    overdue: tuple[KindGroup, ...] = ()
    this_week: tuple[Action, ...] = ()
    goals: tuple[Action, ...] = ()
    later: int = 0  # steps due after this week: counted, not drawn
    overdue_count: int = 0


def arrange(actions: list[Action], on_date: date) -> Arranged:
    """Split a day's pending steps into what Today shows, each part in order of urgency."""
    today: list[Action] = []
    late: dict[ActionKind, list[Action]] = {}
    week: list[Action] = []
    goals: list[Action] = []
    later = 0
    for action in actions:
        if action.kind in GOAL_KINDS:
            goals.append(action)
        elif action.due > on_date + WEEK:
            later += 1
        elif action.due > on_date:
            week.append(action)
        elif action.due == on_date:
            today.append(action)
        else:
            late.setdefault(action.kind, []).append(action)
    groups = tuple(
        KindGroup(kind, GROUP_TITLES[kind], tuple(sorted(late[kind], key=urgency)))
        for kind in URGENCY
        if kind in late
    )
    return Arranged(
        due_today=tuple(sorted(today, key=urgency)),
        overdue=groups,
        this_week=tuple(sorted(week, key=lambda a: (a.due, *urgency(a)))),
        goals=tuple(sorted(goals, key=lambda a: (a.progress or (0, 0), a.key))),
        later=later,
        overdue_count=sum(len(g.actions) for g in groups),
    )


def is_daily(action: Action) -> bool:
    """A step that counts toward "due today" (the navigation badge, the digest): not a goal."""
    return action.kind not in GOAL_KINDS


def day_label(day: date, today: date) -> str:
    """One date style everywhere on Today: "Mon 7 Dec", with the year when it isn't this one
    ("Thu 18 Sep 2025")."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"
