"""`{{ some_date|day_label:today }}`: Today's one date style ("Mon 7 Dec", "Thu 18 Sep 2025")."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from coffeechat.domain.followups.ordering import day_label as label

register = template.Library()


@register.filter
def day_label(day: date | datetime | None, today: date | None) -> str:
    """A datetime is read in the active time zone (inside `{% timezone %}`: the user's)."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = timezone.localtime(day).date()
    return label(day, today or day)
