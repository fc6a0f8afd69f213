"""Reads for follow-ups: the user's pending actions, the Today board, and the nav counts."""

from __future__ import annotations

import threading
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import quote_plus, urlencode
from zoneinfo import ZoneInfo

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone

from coffeechat.common.stamps import PLAN, StampedCache, changed_contacts, versions_of
from coffeechat.domain.followups import Action, ActionStateFacts, BusinessCalendar, Outcome, outcome
from coffeechat.domain.followups.first_steps import Progress, Step, finished, first_steps
from coffeechat.domain.followups.ordering import Arranged, Steps, is_daily
from coffeechat.domain.vocab import REQUEST_KINDS
from coffeechat.followups.snapshot import (
    Gathered,
    action_states,
    gather_facts,
    refresh_facts,
    with_states,
)
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact

# The compose page belongs to the outreach room; it is linked by its public path.
UPCOMING_MEETINGS = 10


@dataclass(frozen=True)
class Plan:
    """Every pending action of one user on one day, with the facts they came from."""

    gathered: Gathered
    calendar: BusinessCalendar
    on_date: date
    steps: Steps  # pending, in order, and in Today's parts
    dormant: frozenset[int]  # resting without an answer (`dormant_contacts`)

    @property
    def actions(self) -> list[Action]:
        return self.steps.actions

    @cached_property
    def arranged(self) -> Arranged:
        """Today's parts, kept sorted with the plan's steps (`Steps`): every view of Today
        draws from them, and a heavy user's plan holds tens of thousands of steps."""
        return self.steps.arranged()

    def due(self) -> list[Action]:
        actions = self.actions  # in date order
        return actions[: bisect_right(actions, self.on_date, key=lambda a: a.due)]

    def daily(self) -> list[Action]:
        """What is due, without the goals (field coverage): the badge and the digest count
        these, so a goal never shows up as a chore every morning."""
        return [a for a in self.due() if is_daily(a)]

    def find(self, key: str) -> Action | None:
        return next((a for a in self.actions if a.key == key), None)


@dataclass(slots=True)
class _Known:
    """One user's facts as of one plan stamp, and what the rules made of them each day."""

    gathered: Gathered  # without action states: those are kept apart (`PlanCache`)
    calendar: BusinessCalendar
    outcomes: dict[date, Outcome] = field(default_factory=dict)
    plans: dict[date, Plan] = field(default_factory=dict)  # each day's latest, with its states
    settled: set[date] = field(default_factory=set)
    # Days settled before these facts changed: whose facts or steps changed since.
    unsettled: dict[date, frozenset[int]] = field(default_factory=dict)
    stated: Gathered | None = None  # the facts with the latest states, shared by every day

    def with_states(self, states: tuple[ActionStateFacts, ...]) -> Gathered:
        stated = self.stated
        if stated is None or stated.action_states != states:
            stated = self.stated = with_states(self.gathered, states)
        return stated


def _known(user: Any) -> _Known:
    gathered = gather_facts(user)
    settings = gathered.settings
    return _Known(gathered, BusinessCalendar(settings.country, settings.subdivision))


def _refreshed(user: Any, known: _Known, since: int, until: int) -> _Known | None:
    """`known` brought from plan stamp `since` to `until` by reading again only the people
    whose facts changed in between, and working out only their steps (and of those their
    facts reach); None when the change log can't say who changed (`stamps.changed_contacts`)."""
    changed = changed_contacts(user, since, until)
    found = refresh_facts(user, known.gathered, changed) if changed is not None else None
    if found is None:
        return None
    gathered, read_again, read = found
    fresh = _Known(gathered, known.calendar)
    for day, ran in list(known.outcomes.items()):
        now = fresh.outcomes[day] = ran.after(read_again, read)
        if day in known.settled or day in known.unsettled:
            reworked = {pk for pk in now.reworked or () if pk is not None}
            fresh.unsettled[day] = known.unsettled.get(day, frozenset()) | reworked
        kept = known.plans.get(day)
        if kept is not None:  # its steps patched, not sorted again
            states = kept.gathered.action_states
            steps = now.steps_after(ran, kept.steps, states)
            fresh.plans[day] = Plan(
                fresh.with_states(states), known.calendar, day, steps, now.dormant
            )
    return fresh


class PlanCache:
    """The last users' plans, kept until what they were made from changes
    (`coffeechat.common.stamps`).

    Reading the facts and running the rules is most of what Today, the navigation badge and
    the digest cost; with this, a page view that changed nothing costs one stamp query.
    The facts are kept under the plan stamp, which writes of fields no rule reads (live mode's
    notes) and what the user does with a step leave alone; the rules' answer for each day is
    kept beside them. What was done with each step (done, snoozed, dismissed) is read again
    whenever anything changed, and only laid over the kept answer: marking a step done doesn't
    run the rules again.
    """

    def __init__(self, users: int = 64, days_per_user: int = 4) -> None:
        self._facts: StampedCache[_Known] = StampedCache("plan-facts", users, PLAN)
        self._states: StampedCache[tuple[ActionStateFacts, ...]] = StampedCache(
            "plan-states", users
        )
        self._days = days_per_user
        self._lock = threading.Lock()

    def clear(self) -> None:
        self._facts.clear()
        self._states.clear()

    def plan(self, user: Any, on_date: date | None) -> Plan:
        facts_stamp, states_stamp = versions_of(user, (PLAN, None))  # first, in one query
        known = self._facts.get(
            user,
            "facts",
            lambda: _known(user),
            facts_stamp,
            lambda old, since, until: _refreshed(user, old, since, until),
        )
        states = self._states.get(user, "states", lambda: action_states(user), states_stamp)
        day = on_date or timezone.now().astimezone(known.gathered.tz).date()
        found = known.plans.get(day)
        if found is not None and found.gathered.action_states == states:
            return found
        gathered = known.gathered
        ran = known.outcomes.get(day)
        if ran is not None and found is not None:  # the same facts: only some states moved
            steps = ran.restated(found.steps, found.gathered.action_states, states)
        else:
            ran = ran or outcome(gathered.snapshot, gathered.settings, day, known.calendar)
            steps = ran.steps(states)
        found = Plan(known.with_states(states), known.calendar, day, steps, ran.dormant)
        with self._lock:
            if day not in known.outcomes and len(known.outcomes) >= self._days:
                known.outcomes.clear()
                known.plans.clear()
                known.settled.clear()
                known.unsettled.clear()
            known.outcomes[day] = ran
            known.plans[day] = found
        return found

    def to_settle(self, user: Any, current: Plan) -> frozenset[int] | None:
        """Whom Today should settle on showing this plan (`services.settle_contacts`):
        everyone (None) the first time it shows a plan of these facts on this day; after a
        change to a few people, when an earlier plan of the day was settled, only those whose
        facts or steps changed since; then nobody, since what settling records is in the
        database already (what was done with a step plays no part in it)."""
        known = self._facts.peek(user, "facts")
        with self._lock:
            if known is None or known.plans.get(current.on_date) is not current:
                return None
            if current.on_date in known.settled:
                return frozenset()
            known.settled.add(current.on_date)
            return known.unsettled.pop(current.on_date, None)


PLANS = PlanCache()


def plan(user: Any, on_date: date | None = None) -> Plan:
    """Every pending action of `user` on `on_date` (their today by default)."""
    return PLANS.plan(user, on_date)


def _path(name: str, *args: str) -> str:
    """A fixed page's path, reversed once: a busy Today lists thousands of links to it."""
    return _reversed(name, args, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=32)
def _reversed(name: str, args: tuple[str, ...], prefix: str, urlconf: str | None) -> str:
    """`prefix` only keys the cache: reverse() reads the current script prefix itself."""
    return reverse(name, args=args, urlconf=urlconf)


def row_urls() -> dict[str, str]:
    """Where each Today row's buttons post: the same for every row, so reversed once."""
    return {
        "undo": _path("action-undo"),
        **{verb: _path("action-state", verb) for verb in ("done", "snooze", "dismiss")},
    }


def group_urls() -> dict[str, str]:
    """Where a late group's "Mark all done" / "Snooze all a week" and their Undo post."""
    return {"undo": _path("group-undo"), **{v: _path("group-state", v) for v in ("done", "snooze")}}


def action_link(action: Action) -> tuple[str, str]:
    """Where to go to do the thing an action asks for, and what to call the link."""
    if action.kind == "try-another-contact" and action.organization_id is not None:
        # Never a draft to the person who didn't answer: the others there, or a new one.
        at = f"organization={action.organization_id}"
        if action.others_known:
            return f"{_path('contact-list')}?{at}", "See who else is there"
        return f"{_path('contact-create')}?{at}", "Add someone there"
    if action.draft_kind and action.contact_id is not None:
        query = f"contact={action.contact_id}&kind={quote_plus(action.draft_kind)}"
        if action.meeting_id is not None:  # thank-you and close-the-loop quote that meeting
            query += f"&meeting={action.meeting_id}"
        if action.about_id is not None:  # the person a forwardable introduction is about
            query += f"&about={action.about_id}"
        return f"{_path('compose')}?{query}", "Write it"
    if action.kind == "note-reply" and action.message_id is not None:
        return reverse("message-replied", args=[action.message_id]), "Note their answer"
    if action.kind == "prepare" and action.meeting_id is not None:
        return reverse("meeting-prep", args=[action.meeting_id]), "Prepare"
    if action.kind == "reflect" and action.meeting_id is not None:
        return reverse("meeting-reflect", args=[action.meeting_id]), "Reflect"
    if action.kind == "schedule" and action.contact_id is not None:
        return f"{_path('meeting-create')}?contact={action.contact_id}", "Schedule it"
    if action.kind == "broaden" and action.field:
        return f"{_path('contact-list')}?{urlencode({'field': action.field})}", "Find people"
    if action.contact_id is not None:
        return reverse("contact-detail", args=[action.contact_id]), "Open contact"
    return _path("contact-list"), "Open contacts"


@dataclass(frozen=True, slots=True)
class ActionRow:
    action: Action
    contact_name: str
    organization_name: str
    link: str
    link_label: str


def action_rows(plan: Plan, chosen: list[Action]) -> list[ActionRow]:
    gathered = plan.gathered
    rows = []
    for a in chosen:
        link, label = action_link(a)
        rows.append(
            ActionRow(
                action=a,
                contact_name=gathered.contact_name(a.contact_id),
                organization_name=gathered.organization_name(a.organization_id),
                link=link,
                link_label=label,
            )
        )
    return rows


def action_json(row: ActionRow) -> dict[str, Any]:
    """The shape shared by the API and `coffeechat today --json`."""
    a = row.action
    return {
        "key": a.key,
        "kind": a.kind,
        "title": a.title,
        "contact": a.contact_id,
        "contact_name": row.contact_name,
        "meeting": a.meeting_id,
        "organization": a.organization_id,
        "due": a.due.isoformat(),
        "overdue": a.overdue,
        "reason": a.reason,
        "draft_kind": a.draft_kind,
        "message": a.message_id,
        "quote": a.quote,
    }


GROUP_LIMIT = 10


@dataclass(frozen=True, slots=True)
class GroupView:
    """A group of late steps of one kind, with the rows drawn for it."""

    kind: str
    title: str
    count: int
    rows: list[ActionRow]

    @property
    def hidden(self) -> int:
        return self.count - len(self.rows)


@dataclass(frozen=True, slots=True)
class Goal:
    """A field of interest and how many people you have heard from in it, toward the aim."""

    field: str
    heard: int
    wanted: int
    link: str


@dataclass
class Board:
    """The Today page: meetings today, then due today, then late steps grouped by kind, then
    the rest of the week; field coverage as goals beside them.

    The groups hold every action; rows (names, links) are made only for the ones drawn.
    """

    plan: Plan
    arranged: Arranged = field(default_factory=Arranged)
    meetings_today: list[Meeting] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)  # coming up after today
    steps: tuple[StepView, ...] = ()  # the first run's steps, while any is left
    # Rows drawn per group; None draws all. A page of thousands of steps helps nobody.
    limit: int | None = GROUP_LIMIT

    def _shown(self, group: tuple[Action, ...]) -> list[Action]:
        return list(group if self.limit is None else group[: self.limit])

    @property
    def on_date(self) -> date:
        return self.plan.on_date

    @property
    def today(self) -> list[Action]:
        return list(self.arranged.due_today)

    @property
    def overdue(self) -> list[Action]:
        return [a for g in self.arranged.overdue for a in g.actions]

    @property
    def this_week(self) -> list[Action]:
        return list(self.arranged.this_week)

    @property
    def later(self) -> int:
        return self.arranged.later

    @property
    def today_shown(self) -> list[ActionRow]:
        return action_rows(self.plan, self._shown(self.arranged.due_today))

    @property
    def overdue_groups(self) -> list[GroupView]:
        return [
            GroupView(
                g.kind, g.title, len(g.actions), action_rows(self.plan, self._shown(g.actions))
            )
            for g in self.arranged.overdue
        ]

    @property
    def this_week_shown(self) -> list[ActionRow]:
        return action_rows(self.plan, self._shown(self.arranged.this_week))

    @property
    def not_shown(self) -> int:
        """Steps of the week (today and this week) left undrawn; late groups say their own."""
        groups = (self.arranged.due_today, self.arranged.this_week)
        return sum(len(g) - len(self._shown(g)) for g in groups)

    @property
    def goals(self) -> list[Goal]:
        """Field coverage, while the first steps are done: a new account isn't nagged."""
        if self.steps:
            return []
        found = []
        for a in self.arranged.goals:
            heard, wanted = a.progress or (0, 0)
            found.append(Goal(a.field or "", heard, wanted, action_link(a)[0]))
        return found

    @property
    def tomorrow(self) -> date:
        return self.on_date + timedelta(days=1)

    @property
    def empty(self) -> bool:
        arranged = self.arranged
        return not (
            arranged.due_today
            or arranged.overdue
            or arranged.this_week
            or self.meetings
            or self.meetings_today
        )


def _day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)


def meetings_around(user: Any, day: date, tz: ZoneInfo) -> tuple[list[Meeting], list[Meeting]]:
    """Still-planned meetings on `day` in the user's zone (even one that began an hour ago),
    and the next ones after it: one query."""
    start, end = _day_bounds(day, tz)
    rows = list(
        Meeting.objects.owned_by(user)
        .filter(status__in=["proposed", "scheduled"], starts_at__gte=start)
        .select_related("contact", "contact__organization")
        .order_by("starts_at", "id")[: UPCOMING_MEETINGS * 2]
    )
    on_day = [m for m in rows if m.starts_at < end]
    return on_day, [m for m in rows if m.starts_at >= end][:UPCOMING_MEETINGS]


@dataclass(frozen=True, slots=True)
class StepView:
    """A first-run step with where to do it, and where the guide explains it."""

    step: Step
    link: str
    label: str
    guide: str


def _first_request_link(plan: Plan) -> tuple[str, str]:
    """A draft to the first shortlisted person not asked yet, else the contact list."""
    asked = {m.contact_id for m in plan.gathered.snapshot.messages if m.kind in REQUEST_KINDS}
    chosen = next(
        (c for c in plan.gathered.snapshot.contacts if c.shortlisted and c.id not in asked), None
    )
    if chosen is None:
        return _path("contact-list"), "Choose someone to write to"
    return f"{_path('compose')}?contact={chosen.id}&kind=request", f"Write to {chosen.name}"


def _progress(user: Any, plan: Plan) -> Progress:
    """Read from the plan's facts, with one small query only while no contact has a history."""
    gathered = plan.gathered
    snapshot = gathered.snapshot
    has_request = any(m.sent and m.kind in REQUEST_KINDS for m in snapshot.messages)
    return Progress(
        has_profile=bool(gathered.profile.display_name.strip()),
        has_contacts=bool(snapshot.contacts) or Contact.objects.owned_by(user).exists(),
        has_shortlist=has_request or any(c.shortlisted for c in snapshot.contacts),
        has_request=has_request,
    )


def first_run(user: Any, plan: Plan, steps: tuple[Step, ...] | None = None) -> tuple[StepView, ...]:
    """The four first steps, each done or not from the data, with where to do each."""
    steps = steps or first_steps(_progress(user, plan))
    write_link, write_label = _first_request_link(plan)
    links = {
        "about-you": (_path("profile"), "Fill in your profile", "/guide/#ask"),
        "contacts": (_path("import"), "Bring in your contacts", "/guide/#find-people"),
        "shortlist": (_path("contact-list"), "Choose from your contacts", "/guide/#find-people"),
        "first-request": (write_link, write_label, "/guide/#ask"),
    }
    return tuple(StepView(step, *links[step.id]) for step in steps)


def first_run_steps(user: Any, plan: Plan) -> tuple[StepView, ...]:
    """The first steps while any is left undone; () once they are all done."""
    steps = first_steps(_progress(user, plan))
    return () if finished(steps) else first_run(user, plan, steps)


def board(user: Any, plan: Plan, *, show_all: bool = False) -> Board:
    today_meetings, later_meetings = meetings_around(user, plan.on_date, plan.gathered.tz)
    return Board(
        plan,
        plan.arranged,
        meetings_today=today_meetings,
        meetings=later_meetings,
        steps=first_run_steps(user, plan),
        limit=None if show_all else GROUP_LIMIT,
    )


def open_action_counts(user: Any, today: date | None = None) -> dict[str, int]:
    """For the navigation: how many actions are late, and how many are due today."""
    arranged = plan(user, today).arranged  # goals are apart: they aren't a daily chore
    return {"overdue": arranged.overdue_count, "today": len(arranged.due_today)}
