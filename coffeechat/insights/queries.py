"""The figures of a search, computed in the database: one query per figure, whatever the size.

Steps of the funnel are cumulative: someone who met you also counts as having been asked and
having replied, so every rate stays between 0 and 1 even when a meeting came about by phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import TruncWeek

from coffeechat.common.fields import BoundedDateTimeField
from coffeechat.domain import insights, vocab
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact, Organization
from coffeechat.network.queries import ORGANIZATION_SORTS
from coffeechat.outreach.models import Message

STEPS: tuple[tuple[str, str], ...] = (
    ("identified", "Identified"),
    ("requested", "Asked for a conversation"),
    ("replied", "Replied"),
    ("met", "Met"),
    ("thanked", "Thanked"),
)
STEP_IDS = tuple(step for step, _ in STEPS)
REQUEST_KINDS = sorted(vocab.REQUEST_KINDS)
WEEKS = 26


def _sent(**lookup: Any) -> QuerySet[Message]:
    return Message.objects.filter(
        contact=OuterRef("pk"), status="sent", sent_at__isnull=False, **lookup
    )


def _held() -> QuerySet[Meeting]:
    return Meeting.objects.filter(contact=OuterRef("pk"), status="held")


_THANKED = Q(Exists(_sent(kind="thank-you")))
_MET = Q(Exists(_held())) | _THANKED
_REPLIED = (
    Q(Exists(Message.objects.filter(contact=OuterRef("pk"), replied_at__isnull=False))) | _MET
)
_REQUESTED = Q(Exists(_sent(kind__in=REQUEST_KINDS))) | _REPLIED
REACHED = {"requested": _REQUESTED, "replied": _REPLIED, "met": _MET, "thanked": _THANKED}


def _step_counts() -> dict[str, Any]:
    return {step: Count("pk", filter=reached) for step, reached in REACHED.items()}


def _active(user: Any) -> QuerySet[Contact]:
    """People with a message or a meeting: only they can be past `identified`.

    The step conditions are correlated subqueries; testing them on these few hundred people
    instead of every contact keeps the page flat for someone with 30,000 connections.
    """
    return Contact.objects.owned_by(user).filter(
        Q(pk__in=Message.objects.owned_by(user).values("contact"))
        | Q(pk__in=Meeting.objects.owned_by(user).values("contact"))
    )


@dataclass(frozen=True)
class Step:
    id: str
    label: str
    count: int
    rate: float | None  # from the step before
    median_days: float | None  # from the step before


def funnel(user: Any, zone: tzinfo, sources: list[dict[str, Any]]) -> list[Step]:
    """The steps, counted as the sums of `by_source`'s rows: every step condition is tested
    on every active person once for the page, not once more for the totals."""
    counts = {step: sum(row[step] for row in sources) for step in STEP_IDS}
    gaps = insights.step_gaps(_step_dates(user, zone), len(STEP_IDS) - 1)
    steps = [Step("identified", STEPS[0][1], counts["identified"], None, None)]
    for i, (step, label) in enumerate(STEPS[1:]):
        previous = counts[STEP_IDS[i]]
        steps.append(
            Step(
                step,
                label,
                counts[step],
                insights.rate(counts[step], previous),
                gaps[i - 1] if i else None,
            )
        )
    return steps


def _step_dates(user: Any, zone: tzinfo) -> list[list[date | None]]:
    """Each active person's first date at each step after `identified`, in the user's zone."""

    def first(queryset: QuerySet[Any], column: str) -> Subquery:
        return Subquery(
            queryset.order_by(column).values(column)[:1], output_field=BoundedDateTimeField()
        )

    rows = (
        _active(user)
        .filter(_REQUESTED)
        .values_list(
            first(_sent(kind__in=REQUEST_KINDS), "sent_at"),
            first(
                Message.objects.filter(contact=OuterRef("pk"), replied_at__isnull=False),
                "replied_at",
            ),
            first(_held(), "starts_at"),
            first(_sent(kind="thank-you"), "sent_at"),
        )
    )
    return [[_local_date(moment, zone) for moment in row] for row in rows]


def _local_date(moment: datetime | None, zone: tzinfo) -> date | None:
    return moment.astimezone(zone).date() if moment else None


def by_source(user: Any) -> list[dict[str, Any]]:
    identified = (
        Contact.objects.owned_by(user)
        .values("how_found")
        .annotate(identified=Count("pk"))
        .values_list("how_found", "identified")
    )
    reached = {
        row.pop("how_found"): row
        for row in _active(user).values("how_found").annotate(**_step_counts()).order_by()
    }
    zero = dict.fromkeys(REACHED, 0)
    rows = [
        {"how_found": how, "identified": count, **reached.get(how, zero)}
        for how, count in identified.order_by()
    ]
    rows.sort(key=lambda row: (-row["identified"], row["how_found"]))
    return [{**row, "label": vocab.label(vocab.HOW_FOUND, row["how_found"])} for row in rows]


def by_rule_set(user: Any) -> list[dict[str, Any]]:
    """People asked, grouped by the rule set of their first request."""
    first_rule_set = Subquery(
        _sent(kind__in=REQUEST_KINDS).order_by("sent_at").values("rule_set")[:1]
    )
    counts = {step: Count("pk", filter=REACHED[step]) for step in STEP_IDS[1:]}
    requested = Message.objects.owned_by(user).filter(
        status="sent", sent_at__isnull=False, kind__in=REQUEST_KINDS
    )
    rows = (
        Contact.objects.owned_by(user)
        .filter(pk__in=requested.values("contact"))
        .annotate(rule_set=first_rule_set)
        .values("rule_set")
        .annotate(**counts)
        .order_by("-requested", "rule_set")
    )
    return [{**row, "reply_rate": insights.rate(row["replied"], row["requested"])} for row in rows]


def median_reply_days(user: Any) -> float | None:
    """Median time from a request to its reply, in days; one column of durations is read."""
    waits = (
        Message.objects.owned_by(user)
        .filter(
            kind__in=REQUEST_KINDS, status="sent", sent_at__isnull=False, replied_at__isnull=False
        )
        .annotate(wait=ExpressionWrapper(F("replied_at") - F("sent_at"), DurationField()))
        .values_list("wait", flat=True)
    )
    middle = insights.median(w.total_seconds() / 86400 for w in waits if w >= timedelta(0))
    return round(middle, 1) if middle is not None else None


PROGRESS: tuple[tuple[str, str], ...] = (
    ("no-contact", "Nobody there yet"),
    ("identified", "Someone identified"),
    ("asked", "Asked"),
    ("booster", "Booster found"),
    ("met", "Met"),
)


def organizations(user: Any, limit: int = 100) -> list[dict[str, Any]]:
    """The LAMP-ranked target list with how far each has got and who answers there."""
    at_org = {"contact__organization": OuterRef("pk")}
    # The ranking uses the organization's own columns: pick the page first, then count people
    # for those few, instead of joining every contact to every organization.
    ranked = Organization.objects.owned_by(user).order_by(*ORGANIZATION_SORTS["lamp"])
    page = ranked.values("pk")[:limit]
    orgs = (
        Organization.objects.owned_by(user)
        .filter(pk__in=page)
        .annotate(
            people=Count("contacts"),
            boosters=Count("contacts", filter=Q(contacts__responsiveness="booster")),
            obligates=Count("contacts", filter=Q(contacts__responsiveness="obligate")),
            curmudgeons=Count("contacts", filter=Q(contacts__responsiveness="curmudgeon")),
            asked=Exists(Message.objects.filter(status="sent", kind__in=REQUEST_KINDS, **at_org)),
            met=Exists(Meeting.objects.filter(status="held", **at_org)),
        )
        .order_by(*ORGANIZATION_SORTS["lamp"])
    )
    return [
        {
            "id": org.pk,
            "name": org.name,
            "advocacy": org.advocacy,
            "motivation": org.motivation,
            "posting": org.posting,
            "people": org.people,
            "boosters": org.boosters,
            "obligates": org.obligates,
            "curmudgeons": org.curmudgeons,
            "progress": _progress(org),
            "progress_label": vocab.label(PROGRESS, _progress(org)),
        }
        for org in orgs
    ]


def _progress(org: Any) -> str:
    if org.met:
        return "met"
    if org.boosters:
        return "booster"
    if org.asked:
        return "asked"
    return "identified" if org.people else "no-contact"


def weekly(user: Any, zone: tzinfo, today: date) -> list[dict[str, Any]]:
    """Requests, held meetings and thank-yous per ISO week (Monday in the user's zone)."""
    mondays = insights.week_starts(today, WEEKS)
    since = datetime.combine(mondays[0], datetime.min.time(), tzinfo=zone)
    messages = Message.objects.owned_by(user).filter(status="sent", sent_at__gte=since)
    sources = {
        "requests": (messages.filter(kind__in=REQUEST_KINDS), "sent_at"),
        "meetings": (
            Meeting.objects.owned_by(user).filter(status="held", starts_at__gte=since),
            "starts_at",
        ),
        "thank_yous": (messages.filter(kind="thank-you"), "sent_at"),
    }
    counts: dict[str, dict[date, int]] = {}
    for name, (queryset, column) in sources.items():
        rows = (
            queryset.annotate(week=TruncWeek(column, tzinfo=zone))
            .values("week")
            .annotate(n=Count("pk"))
            .values_list("week", "n")
        )
        counts[name] = {week.date(): n for week, n in rows}
    return [
        {
            "week": f"{monday.isocalendar().year}-W{monday.isocalendar().week:02d}",
            "starts": monday,
            **{name: counts[name].get(monday, 0) for name in sources},
        }
        for monday in mondays
    ]


# A conversation booked counts once the person has replied (or met you): booked without a
# recorded reply would put more people at this step than at the one before it.
_BOOKED = (
    Q(Exists(Meeting.objects.filter(contact=OuterRef("pk")).exclude(status="cancelled"))) & _REPLIED
) | _MET


def booked(user: Any) -> int:
    """How many people got at least as far as a conversation in the calendar."""
    return _active(user).filter(_BOOKED).count()


def weekly_activity(user: Any, zone: tzinfo, today: date) -> list[dict[str, Any]]:
    """Per ISO week (Monday in the user's zone): messages sent (with the requests and
    thank-yous among them), replies received and conversations held. Three queries."""
    mondays = insights.week_starts(today, WEEKS)
    since = datetime.combine(mondays[0], datetime.min.time(), tzinfo=zone)
    messages = Message.objects.owned_by(user)
    sent = _per_week(
        messages.filter(status="sent", sent_at__gte=since),
        "sent_at",
        zone,
        sent=Count("pk"),
        requests=Count("pk", filter=Q(kind__in=REQUEST_KINDS)),
        thank_yous=Count("pk", filter=Q(kind="thank-you")),
    )
    replies = _per_week(messages.filter(replied_at__gte=since), "replied_at", zone, n=Count("pk"))
    held = Meeting.objects.owned_by(user).filter(status="held", starts_at__gte=since)
    meetings = _per_week(held, "starts_at", zone, n=Count("pk"))
    quiet = {"sent": 0, "requests": 0, "thank_yous": 0}
    return [
        {
            "starts": monday,
            **sent.get(monday, quiet),
            "replies": replies.get(monday, {"n": 0})["n"],
            "meetings": meetings.get(monday, {"n": 0})["n"],
        }
        for monday in mondays
    ]


def _per_week(
    queryset: QuerySet[Any], column: str, zone: tzinfo, **counts: Any
) -> dict[date, dict[str, int]]:
    rows = (
        queryset.annotate(week=TruncWeek(column, tzinfo=zone))
        .values("week")
        .annotate(**counts)
        .order_by()
    )
    return {row.pop("week").date(): row for row in rows}
