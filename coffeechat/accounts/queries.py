"""Reads for accounts: tokens, shares, and what an adviser may see of the students who shared."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from coffeechat.accounts.models import ApiToken, Share
from coffeechat.common.fields import BoundedDateTimeField
from coffeechat.common.owned import scope
from coffeechat.followups.queries import open_action_counts
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """API tokens belong to their user (not to `owner`), so they get their own one path."""
    if not getattr(user, "is_authenticated", False):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user_id=user.pk).order_by("-created_at", "-pk")


def token_or_404(user: Any, pk: int) -> ApiToken:
    token = tokens_of(user).filter(pk=pk).first()
    if token is None:
        raise Http404("No API token with that id.")
    return token


def shares_of(student: Any) -> QuerySet[Share]:
    return (
        scope(Share.objects.all(), student)
        .select_related("adviser__profile")
        .order_by("created_at", "pk")
    )


def advisers_to_offer(student: Any) -> QuerySet[Any]:
    """Active advisers the student doesn't share with yet."""
    return (
        get_user_model()
        .objects.filter(is_active=True, membership__role="adviser")
        .exclude(pk=student.pk)
        .exclude(shares_received__owner_id=student.pk)
        .select_related("profile")
        .order_by("profile__display_name", "email")
    )


def shared_student_or_404(adviser: Any, student_id: int) -> Any:
    """The student, only when they share with this adviser right now; anyone else is a 404."""
    share = (
        Share.objects.filter(adviser_id=adviser.pk, owner_id=student_id)
        .select_related("owner__profile")
        .first()
    )
    if share is None:
        raise Http404("No student with that id shares with you.")
    return share.owner


@dataclass(frozen=True)
class StudentRow:
    student: Any
    shared_since: datetime
    held: int
    overdue: int
    last_activity: datetime | None


def _latest(model: Any) -> Subquery:
    return Subquery(
        model.objects.filter(owner_id=OuterRef("owner_id"))
        .order_by()
        .values("owner_id")
        .annotate(latest=Max("updated_at"))
        .values("latest")[:1],
        output_field=BoundedDateTimeField(),
    )


def _held(model: Any) -> Subquery:
    return Subquery(
        model.objects.filter(owner_id=OuterRef("owner_id"), status="held")
        .order_by()
        .values("owner_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )


def adviser_dashboard(adviser: Any) -> list[StudentRow]:
    """One row per student sharing with `adviser`. Counts and activity come from one query;
    overdue follow-ups are what the student's own Today page shows, computed per student on
    their own calendar, so adviser and student see the same number."""
    shares = (
        Share.objects.filter(adviser_id=adviser.pk)
        .select_related("owner__profile")
        .annotate(
            held=Coalesce(_held(Meeting), 0),
            contact_activity=_latest(Contact),
            message_activity=_latest(Message),
            meeting_activity=_latest(Meeting),
        )
        .order_by("owner__profile__display_name", "owner__email", "pk")
    )
    rows = []
    for share in shares:
        stamps = [
            s
            for s in (share.contact_activity, share.message_activity, share.meeting_activity)
            if s is not None
        ]
        rows.append(
            StudentRow(
                student=share.owner,
                shared_since=share.created_at,
                held=share.held,
                overdue=open_action_counts(share.owner)["overdue"],
                last_activity=max(stamps) if stamps else None,
            )
        )
    return rows
