"""Reads for follow-ups: the user's pending actions, the Today board, and the nav counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus, urlencode

from django.db.models import QuerySet
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.domain.followups import Action, BusinessCalendar, actions
from coffeechat.followups.rule_settings import rule_settings_for
from coffeechat.followups.snapshot import Gathered, gather
from coffeechat.interviews.models import Meeting

# The compose page belongs to the outreach room; it is linked by its public path.
WEEK = timedelta(days=6)
UPCOMING_MEETINGS = 10


def local_today(profile: Profile) -> date:
    """Today as the user sees it, in their own time zone."""
    return timezone.now().astimezone(rule_settings_for(profile).tzinfo).date()


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


def plan(user: Any, on_date: date | None = None) -> Plan:
    gathered = gather(user)
    settings = gathered.settings
    day = on_date or local_today(gathered.profile)
    calendar = BusinessCalendar(settings.country, settings.subdivision)
    return Plan(gathered, calendar, day, actions(gathered.snapshot, settings, day, calendar))


def _path(name: str) -> str:
    """A fixed page's path, reversed once: a busy Today lists thousands of links to it."""
    return _reversed(name, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=32)
def _reversed(name: str, prefix: str, urlconf: str | None) -> str:
    """`prefix` only keys the cache: reverse() reads the current script prefix itself."""
    return reverse(name, urlconf=urlconf)


def action_link(action: Action) -> tuple[str, str]:
    """Where to go to do the thing an action asks for, and what to call the link."""
    if action.draft_kind and action.contact_id is not None:
        query = f"contact={action.contact_id}&kind={quote_plus(action.draft_kind)}"
        if action.meeting_id is not None:  # thank-you and close-the-loop quote that meeting
            query += f"&meeting={action.meeting_id}"
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
    names = plan.gathered.contact_names()
    orgs = plan.gathered.organization_names()
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


GROUP_LIMIT = 50


@dataclass
class Board:
    """The Today page: what is late, what is due, what is coming."""

    on_date: date
    overdue: list[ActionRow] = field(default_factory=list)
    today: list[ActionRow] = field(default_factory=list)
    this_week: list[ActionRow] = field(default_factory=list)
    later: int = 0
    meetings: list[Meeting] = field(default_factory=list)
    # Rows drawn per group; None draws all. A page of thousands of steps helps nobody.
    limit: int | None = GROUP_LIMIT

    def _shown(self, rows: list[ActionRow]) -> list[ActionRow]:
        return rows if self.limit is None else rows[: self.limit]

    @property
    def overdue_shown(self) -> list[ActionRow]:
        return self._shown(self.overdue)

    @property
    def today_shown(self) -> list[ActionRow]:
        return self._shown(self.today)

    @property
    def this_week_shown(self) -> list[ActionRow]:
        return self._shown(self.this_week)

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
    rows = action_rows(plan, [a for a in plan.actions if a.due <= day + WEEK])
    result = Board(on_date=day, meetings=list(upcoming_meetings(user)))
    if show_all:
        result.limit = None
    result.later = len(plan.actions) - len(rows)
    for row in rows:
        due = row.action.due
        group = result.overdue if due < day else result.today if due == day else result.this_week
        group.append(row)
    return result


def open_action_counts(user: Any, today: date | None = None) -> dict[str, int]:
    """For the navigation: how many actions are late, and how many are due today."""
    current = plan(user, today)
    due = current.due()
    overdue = sum(1 for a in due if a.due < current.on_date)
    return {"overdue": overdue, "today": len(due) - overdue}
