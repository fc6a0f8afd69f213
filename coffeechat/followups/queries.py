"""Reads for follow-ups: the user's pending actions, the Today board, and the nav counts."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus, urlencode

from django.db.models import QuerySet
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone

from coffeechat.common.stamps import StampedCache
from coffeechat.domain.followups import Action, BusinessCalendar, actions
from coffeechat.followups.snapshot import Gathered, gather
from coffeechat.interviews.models import Meeting

# The compose page belongs to the outreach room; it is linked by its public path.
WEEK = timedelta(days=6)
UPCOMING_MEETINGS = 10


@dataclass(frozen=True, slots=True)
class Plan:
    """Every pending action of one user on one day, with the facts they came from."""

    gathered: Gathered
    calendar: BusinessCalendar
    on_date: date
    actions: list[Action]

    def due(self) -> list[Action]:
        return [a for a in self.actions if a.due <= self.on_date]

    def find(self, key: str) -> Action | None:
        return next((a for a in self.actions if a.key == key), None)


@dataclass(slots=True)
class _Known:
    """One user's facts as of one data stamp, and the plans already worked out from them."""

    gathered: Gathered
    calendar: BusinessCalendar
    plans: dict[date, Plan] = field(default_factory=dict)
    settled: set[date] = field(default_factory=set)


def _known(user: Any) -> _Known:
    gathered = gather(user)
    settings = gathered.settings
    return _Known(gathered, BusinessCalendar(settings.country, settings.subdivision))


class PlanCache:
    """The last users' plans, kept until their data stamp changes (`coffeechat.common.stamps`).

    Reading the facts and running the rules is most of what Today, the navigation badge and
    the digest cost; with this, a page view that changed nothing costs one stamp query.
    The facts are kept once per user; the rules' answer for each day asked about beside them.
    """

    def __init__(self, users: int = 64, days_per_user: int = 4) -> None:
        self._facts: StampedCache[_Known] = StampedCache("plan-facts", users)
        self._days = days_per_user
        self._lock = threading.Lock()

    def clear(self) -> None:
        self._facts.clear()

    def plan(self, user: Any, on_date: date | None) -> Plan:
        known = self._facts.get(user, "facts", lambda: _known(user))
        day = on_date or timezone.now().astimezone(known.gathered.tz).date()
        found = known.plans.get(day)
        if found is None:
            gathered = known.gathered
            found = Plan(
                gathered,
                known.calendar,
                day,
                actions(gathered.snapshot, gathered.settings, day, known.calendar),
            )
            with self._lock:
                if len(known.plans) >= self._days:
                    known.plans.clear()
                    known.settled.clear()
                known.plans[day] = found
        return found

    def first_look(self, user: Any, current: Plan) -> bool:
        """True the first time Today shows this plan: what settling it records is already in
        the database after that, so doing it again would write nothing."""
        known = self._facts.peek(user, "facts")
        with self._lock:
            if known is None or known.plans.get(current.on_date) is not current:
                return True
            if current.on_date in known.settled:
                return False
            known.settled.add(current.on_date)
            return True


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


def action_link(action: Action) -> tuple[str, str]:
    """Where to go to do the thing an action asks for, and what to call the link."""
    if action.draft_kind and action.contact_id is not None:
        query = f"contact={action.contact_id}&kind={quote_plus(action.draft_kind)}"
        if action.meeting_id is not None:  # thank-you and close-the-loop quote that meeting
            query += f"&meeting={action.meeting_id}"
        if action.about_id is not None:  # the person a forwardable introduction is about
            query += f"&about={action.about_id}"
        return f"{_path('compose')}?{query}", "Write it"
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
    names = plan.gathered.contact_names
    orgs = plan.gathered.organization_names
    rows = []
    for a in chosen:
        link, label = action_link(a)
        rows.append(
            ActionRow(
                action=a,
                contact_name=names.get(a.contact_id, "") if a.contact_id else "",
                organization_name=orgs.get(a.organization_id, "") if a.organization_id else "",
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
    }


GROUP_LIMIT = 10


@dataclass
class Board:
    """The Today page: what is late, what is due, what is coming.

    The groups hold every action; rows (names, links) are made only for the ones drawn.
    """

    plan: Plan
    overdue: list[Action] = field(default_factory=list)
    today: list[Action] = field(default_factory=list)
    this_week: list[Action] = field(default_factory=list)
    later: int = 0
    meetings: list[Meeting] = field(default_factory=list)
    # Rows drawn per group; None draws all. A page of thousands of steps helps nobody.
    limit: int | None = GROUP_LIMIT

    def _shown(self, group: list[Action]) -> list[Action]:
        return group if self.limit is None else group[: self.limit]

    @property
    def on_date(self) -> date:
        return self.plan.on_date

    @property
    def overdue_shown(self) -> list[ActionRow]:
        return action_rows(self.plan, self._shown(self.overdue))

    @property
    def today_shown(self) -> list[ActionRow]:
        return action_rows(self.plan, self._shown(self.today))

    @property
    def this_week_shown(self) -> list[ActionRow]:
        return action_rows(self.plan, self._shown(self.this_week))

    @property
    def not_shown(self) -> int:
        groups = (self.overdue, self.today, self.this_week)
        return sum(len(g) for g in groups) - sum(len(self._shown(g)) for g in groups)

    @property
    def tomorrow(self) -> date:
        return self.on_date + timedelta(days=1)

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.today or self.this_week or self.meetings)


def upcoming_meetings(user: Any, limit: int = UPCOMING_MEETINGS) -> QuerySet[Meeting]:
    return (
        Meeting.objects.owned_by(user)
        .filter(status__in=["proposed", "scheduled"], starts_at__gte=timezone.now())
        .select_related("contact", "contact__organization")
        .order_by("starts_at", "id")[:limit]
    )


def board(user: Any, plan: Plan, *, show_all: bool = False) -> Board:
    day = plan.on_date
    result = Board(plan, meetings=list(upcoming_meetings(user)))
    if show_all:
        result.limit = None
    for action in plan.actions:
        due = action.due
        if due > day + WEEK:
            result.later += 1
            continue
        group = result.overdue if due < day else result.today if due == day else result.this_week
        group.append(action)
    return result


def open_action_counts(user: Any, today: date | None = None) -> dict[str, int]:
    """For the navigation: how many actions are late, and how many are due today."""
    current = plan(user, today)
    due = current.due()
    overdue = sum(1 for a in due if a.due < current.on_date)
    return {"overdue": overdue, "today": len(due) - overdue}
