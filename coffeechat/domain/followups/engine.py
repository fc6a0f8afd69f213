"""The rules engine's entry points: from a snapshot and a date to the next steps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Literal

from coffeechat.domain.followups.action import Action
from coffeechat.domain.followups.business_days import BusinessCalendar
from coffeechat.domain.followups.context import RuleContext
from coffeechat.domain.followups.facts import ActionStateFacts, Snapshot
from coffeechat.domain.followups.ordering import Steps
from coffeechat.domain.followups.rule_settings import RuleSettings
from coffeechat.domain.followups.rules import RULES


@dataclass(frozen=True)
class Outcome:
    """What one run of the rules says on one day, before what the user did with each step:
    every step the facts call for, by the person it belongs to (`by_person`), and who is
    resting (`dormant_contacts`), from one pass over the histories. Marking a step done
    changes no fact, so a kept outcome takes the new states through `pending` without running
    the rules again."""

    on_date: date
    by_person: Mapping[int | None, tuple[Action, ...]]  # None: the goals, nobody's
    dormant: frozenset[int]
    context: RuleContext  # what the run read, for the next run after a small change (`after`)
    # Whose steps were worked out again from the outcome this one came `after` (None: all).
    reworked: frozenset[int | None] | None = None

    @property
    def candidates(self) -> tuple[Action, ...]:
        return tuple(step for steps in self.by_person.values() for step in steps)

    @cached_property
    def by_key(self) -> dict[str, list[Action]]:
        """The candidates by key, where the user's states are stored (`restated`)."""
        found: dict[str, list[Action]] = {}
        for step in self.candidates:
            found.setdefault(step.key, []).append(step)
        return found

    def after(self, changes: Snapshot, changed: frozenset[int]) -> Outcome:
        """The same day's outcome once the facts of the `changed` people are those in
        `changes` (their contacts, messages, meetings and referrals, and the organizations
        read again with them): only the steps of the people those facts reach are worked out
        again (`RuleContext.updated`), the rest kept. The same as `outcome` on the whole new
        facts (a property test holds them equal), for work in proportion to the change."""
        ctx = self.context.updated(changes, changed)
        reworked = frozenset({None, *(ctx.focus or ())})
        by_person = dict(self.by_person)
        for pk in reworked:
            by_person.pop(pk, None)
        by_person.update(_by_person(candidate for rule in RULES for candidate in rule(ctx)))
        dormant = (self.dormant - reworked) | _dormant(ctx)
        return Outcome(self.on_date, by_person, dormant, replace(ctx, focus=None), reworked)

    def pending(self, action_states: Iterable[ActionStateFacts]) -> list[Action]:
        """The steps left once done and dismissed ones are dropped and snoozed ones moved,
        sorted by due date, then kind, then key."""
        return self.steps(action_states).actions

    def steps(self, action_states: Iterable[ActionStateFacts]) -> Steps:
        """`pending`, with Today's parts (`Steps`)."""
        states = {s.key: s for s in action_states}
        return Steps.of(_applied(self.candidates, states, self.on_date), self.on_date)

    def restated(
        self,
        kept: Steps,
        before: Iterable[ActionStateFacts],
        after: Iterable[ActionStateFacts],
    ) -> Steps:
        """`kept`, this outcome's steps under the states `before`, under `after` instead:
        only the steps whose state changed (one marked done, snoozed, taken back) are taken
        out and put back."""
        then, now = {s.key: s for s in before}, {s.key: s for s in after}
        moved = [key for key in then.keys() | now.keys() if then.get(key) != now.get(key)]
        steps = [step for key in moved for step in self.by_key.get(key, ())]
        on_date = self.on_date
        return kept.patched(_applied(steps, then, on_date), _applied(steps, now, on_date))

    def steps_after(
        self, before: Outcome, kept: Steps, action_states: Iterable[ActionStateFacts]
    ) -> Steps:
        """This outcome's `steps`, from `kept`, the steps of the outcome it came `after`
        under the same states: only the reworked people's steps are taken out and put back."""
        if self.reworked is None:
            return self.steps(action_states)
        states = {s.key: s for s in action_states}

        def of_reworked(ran: Outcome) -> list[Action]:
            found = (step for pk in self.reworked or () for step in ran.by_person.get(pk, ()))
            return _applied(found, states, self.on_date)

        return kept.patched(of_reworked(before), of_reworked(self))


def _by_person(candidates: Iterable[Action]) -> dict[int | None, tuple[Action, ...]]:
    found: dict[int | None, list[Action]] = {}
    for candidate in candidates:
        found.setdefault(candidate.contact_id, []).append(candidate)
    return {pk: tuple(steps) for pk, steps in found.items()}


def _applied(
    candidates: Iterable[Action], states: Mapping[str, ActionStateFacts], on_date: date
) -> list[Action]:
    return [
        kept
        for candidate in candidates
        if (kept := _apply_state(candidate, states.get(candidate.key), on_date)) is not None
    ]


def outcome(
    snapshot: Snapshot,
    settings: RuleSettings,
    on_date: date,
    calendar: BusinessCalendar | None = None,
) -> Outcome:
    """The rules' steps and the dormant contacts together: the histories are built once for
    both. The snapshot's action states play no part (see `Outcome.pending`)."""
    ctx = RuleContext.build(snapshot, settings, on_date, calendar)
    candidates = (candidate for rule in RULES for candidate in rule(ctx))
    return Outcome(on_date, _by_person(candidates), _dormant(ctx), ctx)


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
