"""The rules engine's entry points: from a snapshot and a date to the next steps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from coffeechat.domain.followups.action import Action
from coffeechat.domain.followups.business_days import BusinessCalendar
from coffeechat.domain.followups.context import RuleContext
from coffeechat.domain.followups.facts import ActionStateFacts, Snapshot
from coffeechat.domain.followups.rule_settings import RuleSettings
from coffeechat.domain.followups.rules import RULES


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one run of the rules says on one day, before what the user did with each step:
    every step the facts call for (`candidates`), and who is resting (`dormant_contacts`),
    from one pass over the histories. Marking a step done changes no fact, so a kept outcome
    takes the new states through `pending` without running the rules again."""

    on_date: date
    candidates: tuple[Action, ...]
    dormant: frozenset[int]
    context: RuleContext  # what the run read, for the next run after a small change (`after`)

    def after(self, snapshot: Snapshot, changed: frozenset[int]) -> Outcome:
        """The same day's outcome once the facts of the `changed` people are those of
        `snapshot`: only the steps of the people those facts reach are worked out again
        (`RuleContext.updated`), the rest kept. The same as `outcome(snapshot, …)` (a
        property test holds them equal), for a fraction of the work when few people changed."""
        ctx = self.context.updated(snapshot, changed)
        reach = ctx.focus or frozenset()
        kept = (
            c for c in self.candidates if c.contact_id is not None and c.contact_id not in reach
        )
        fresh = (candidate for rule in RULES for candidate in rule(ctx))
        dormant = (self.dormant - reach) | _dormant(ctx)
        return Outcome(self.on_date, (*kept, *fresh), dormant, replace(ctx, focus=None))

    def pending(self, action_states: Iterable[ActionStateFacts]) -> list[Action]:
        """The steps left once done and dismissed ones are dropped and snoozed ones moved,
        sorted by due date, then kind, then key."""
        on_date = self.on_date
        states = {s.key: s for s in action_states}
        shown = [
            kept
            for candidate in self.candidates
            if (kept := _apply_state(candidate, states.get(candidate.key), on_date)) is not None
        ]
        shown.sort(key=lambda a: (a.due, a.kind, a.key))
        return shown


def outcome(
    snapshot: Snapshot,
    settings: RuleSettings,
    on_date: date,
    calendar: BusinessCalendar | None = None,
) -> Outcome:
    """The rules' steps and the dormant contacts together: the histories are built once for
    both. The snapshot's action states play no part (see `Outcome.pending`)."""
    ctx = RuleContext.build(snapshot, settings, on_date, calendar)
    candidates = tuple(candidate for rule in RULES for candidate in rule(ctx))
    return Outcome(on_date, candidates, _dormant(ctx), ctx)


def actions(
    snapshot: Snapshot,
    settings: RuleSettings,
    on_date: date,
    calendar: BusinessCalendar | None = None,
) -> list[Action]:
    """Every pending action, sorted by due date then kind.

    Pending includes actions due later (for an "upcoming" list or the calendar feed); a Today
    view shows those with `due <= on_date`. Done and dismissed actions are dropped; a snoozed
    one is due on its snooze date. Pass a `calendar` to reuse its holiday cache across calls.
    """
    return outcome(snapshot, settings, on_date, calendar).pending(snapshot.action_states)


def _apply_state(action: Action, state: ActionStateFacts | None, on_date: date) -> Action | None:
    due = action.due
    if state is not None:
        if state.state in ("done", "dismissed"):
            return None
        if state.snoozed_until is not None:
            due = state.snoozed_until
    late = due < on_date
    if due == action.due and late == action.overdue:
        return action  # most steps: nothing to change, and a copy of each costs
    return replace(action, due=due, overdue=late)


def dormant_contacts(
    snapshot: Snapshot,
    settings: RuleSettings,
    on_date: date,
    calendar: BusinessCalendar | None = None,
) -> frozenset[int]:
    """Contacts resting without an answer: followed up the maximum number of times (or already
    marked dormant / "curmudgeon"). The caller may record them as "curmudgeon"; they get no
    more actions until they reply. Excluded contacts (do-not-contact etc.) are not listed.
    """
    return _dormant(RuleContext.build(snapshot, settings, on_date, calendar))


def _dormant(ctx: RuleContext) -> frozenset[int]:
    return frozenset(
        h.contact.id
        for h in ctx.of_focus(ctx.histories)
        if h.contact.id not in ctx.active and not h.contact.excluded and not h.turned_down
    )


def responsiveness(
    request_sent_on: date,
    replied_on: date | None,
    calendar: BusinessCalendar,
    settings: RuleSettings,
) -> Literal["booster", "obligate"] | None:
    """2-Hour Job Search terms: a reply within the follow-up interval marks a booster.

    A later reply marks an obligate; no reply yet says nothing (dormancy, "curmudgeon",
    comes from `dormant_contacts`).
    """
    if replied_on is None:
        return None
    deadline = calendar.add_business_days(request_sent_on, settings.follow_up_business_days)
    return "booster" if replied_on <= deadline else "obligate"
