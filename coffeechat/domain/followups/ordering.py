"""Today in order of urgency: what is due today first, then what is late, grouped by kind.

The engine hands back every pending step sorted by date. A person reads a day differently:
steps with a clock on them (a thank-you within a day, notes while the talk is fresh, a reply
to someone who said yes) come before steps that keep for a week, and ten late reminders of
the same kind are one decision, not ten. Field coverage is a goal to work toward, not a chore
that falls due every morning, so it is set apart.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

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


def by_date(action: Action) -> tuple[date, str, str]:
    """The engine's order of pending steps: due date, then kind, then key."""
    return (action.due, action.kind, action.key)


def _this_week(action: Action) -> tuple[Any, ...]:
    return (action.due, *urgency(action))


def _goal_order(action: Action) -> tuple[Any, ...]:
    return (action.progress or (0, 0), action.key)


# Where a step goes on Today: a late step goes to the group of its kind.
_TODAY, _WEEK, _GOALS, _LATER = "today", "week", "goals", "later"
_ORDERS: dict[str, Callable[[Action], Any]] = {
    _TODAY: urgency,
    _WEEK: _this_week,
    _GOALS: _goal_order,
    _LATER: by_date,
}


def _part(action: Action, on_date: date) -> str:
    if action.kind in GOAL_KINDS:
        return _GOALS
    if action.due > on_date + WEEK:
        return _LATER
    if action.due > on_date:
        return _WEEK
    if action.due == on_date:
        return _TODAY
    return action.kind


def _order(part: str) -> Callable[[Action], Any]:
    return _ORDERS.get(part, urgency)  # a late group: oldest first


@dataclass(frozen=True, slots=True)
class Steps:
    """A day's pending steps in the engine's order (`actions`, by `by_date`) and in Today's
    parts, each part in its own order. Sorted once from a whole run; after a change to a few
    people, `patched` takes out their old steps and puts in their new ones by bisection, so
    the thousands of others are never sorted again."""

    on_date: date
    actions: list[Action]
    parts: dict[str, list[Action]]

    @classmethod
    def of(cls, actions: Iterable[Action], on_date: date) -> Steps:
        parts: dict[str, list[Action]] = {}
        for action in actions:
            parts.setdefault(_part(action, on_date), []).append(action)
        for part, found in parts.items():
            found.sort(key=_order(part))
        return cls(on_date, sorted((a for p in parts.values() for a in p), key=by_date), parts)

    def patched(self, removed: Iterable[Action], added: Iterable[Action]) -> Steps:
        """These steps without `removed` (each one present) and with `added`. The lists
        are copied, never changed in place: a page may still be drawing from this one."""
        actions = list(self.actions)
        parts = dict(self.parts)
        copied: set[str] = set()

        def part_of(action: Action) -> tuple[list[Action], Callable[[Action], Any]]:
            part = _part(action, self.on_date)
            if part not in copied:
                parts[part] = list(parts.get(part, ()))
                copied.add(part)
            return parts[part], _order(part)

        for action in removed:
            _take_out(actions, action, by_date)
            found, order = part_of(action)
            _take_out(found, action, order)
        for action in added:
            insort(actions, action, key=by_date)
            found, order = part_of(action)
            insort(found, action, key=order)
        return Steps(self.on_date, actions, {p: found for p, found in parts.items() if found})

    def arranged(self) -> Arranged:
        """Today's parts (`arrange`)."""
        parts = self.parts
        groups = tuple(
            KindGroup(kind, GROUP_TITLES[kind], tuple(parts[kind]))
            for kind in URGENCY
            if kind in parts
        )
        return Arranged(
            due_today=tuple(parts.get(_TODAY, ())),
            overdue=groups,
            this_week=tuple(parts.get(_WEEK, ())),
            goals=tuple(parts.get(_GOALS, ())),
            later=len(parts.get(_LATER, ())),
            overdue_count=sum(len(g.actions) for g in groups),
        )


def _take_out(found: list[Action], action: Action, order: Callable[[Action], Any]) -> None:
    """Remove `action` from `found`, sorted by `order`, where steps with its sort key sit."""
    at = bisect_left(found, order(action), key=order)
    while found[at] != action:  # steps are told apart by key, so this is at most a step on
        at += 1
    del found[at]


def arrange(actions: Iterable[Action], on_date: date) -> Arranged:
    """Split a day's pending steps into what Today shows, each part in order of urgency."""
    return Steps.of(actions, on_date).arranged()


def is_daily(action: Action) -> bool:
    """A step that counts toward "due today" (the navigation badge, the digest): not a goal."""
    return action.kind not in GOAL_KINDS


def day_label(day: date, today: date) -> str:
    """One date style everywhere on Today: "Mon 7 Dec", with the year when it isn't this one
    ("Thu 18 Sep 2025")."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"
