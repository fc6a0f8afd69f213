"""The staff page: anonymous counts across all students, never a name or a contact.

Small groups are hidden: a count that rests on fewer than five students could point at a
particular person ("the one student exploring marine biology"), so it is shown as
"fewer than 5" or left out. These reads span every owner on purpose; they return numbers only.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.db.models.functions import Lower, Trim

from coffeechat.accounts.models import Share
from coffeechat.interviews.models import Meeting

SMALLEST_GROUP = 5


def shown(count: int) -> int | None:
    """The count, or None when it rests on 1-4 people (the page says "fewer than 5")."""
    return None if 0 < count < SMALLEST_GROUP else count


def six_months_before(day: date) -> date:
    year, month = (day.year, day.month - 6) if day.month > 6 else (day.year - 1, day.month + 6)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_start(today: date) -> date:
    configured: date | None = settings.TERM_START
    return configured or six_months_before(today)


@dataclass(frozen=True)
class FieldRow:
    field: str
    conversations: int
    students: int


@dataclass(frozen=True)
class Overview:
    term_start: date
    conversations: int | None
    students_talking: int | None
    fields: list[FieldRow]
    hidden_fields: int
    students: int | None
    advisers: int | None
    sharing: int | None


def overview(today: date) -> Overview:
    start = term_start(today)
    held = Meeting.objects.filter(
        status="held", starts_at__gte=datetime.combine(start, time.min, tzinfo=UTC)
    )
    totals = held.aggregate(n=Count("pk"), people=Count("owner", distinct=True))
    by_field = (
        held.annotate(key=Lower(Trim("contact__field")))
        .values("key")
        .annotate(n=Count("pk"), people=Count("owner", distinct=True))
        .order_by("-n", "key")
    )
    visible = [
        FieldRow(row["key"] or "(no field given)", row["n"], row["people"])
        for row in by_field
        if row["people"] >= SMALLEST_GROUP
    ]
    users = get_user_model().objects.filter(is_active=True)
    roles = users.aggregate(
        students=Count("pk", filter=Q(membership__role="student", is_staff=False)),
        advisers=Count("pk", filter=Q(membership__role="adviser")),
    )
    enough_people = totals["people"] >= SMALLEST_GROUP
    return Overview(
        term_start=start,
        conversations=totals["n"] if enough_people or totals["n"] == 0 else None,
        students_talking=shown(totals["people"]),
        fields=visible,
        hidden_fields=len(by_field) - len(visible),
        students=shown(roles["students"]),
        advisers=shown(roles["advisers"]),
        sharing=shown(Share.objects.values("owner").distinct().count()),
    )
