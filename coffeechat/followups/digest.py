"""The daily digest: each person's due actions by e-mail, once a day, retried after a failure."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage

from coffeechat.domain.followups.ordering import day_label
from coffeechat.followups import queries, services
from coffeechat.followups.models import DailyDigest

Outcome = Literal["sent", "nothing-due", "already-sent", "failed"]


class DigestNotConfigured(Exception):
    """There is no SMTP server to send through."""


@dataclass(frozen=True, slots=True)
class Result:
    username: str
    outcome: Outcome
    on_date: date
    detail: str = ""


def settings_for(user: Any) -> DailyDigest:
    found, _ = DailyDigest.objects.get_or_create(owner=user)
    return found


def set_enabled(user: Any, enabled: bool) -> None:
    DailyDigest.objects.update_or_create(owner=user, defaults={"enabled": enabled})


def subscribers() -> list[Any]:
    """Server mode: everyone active with an address who asked for the digest."""
    # An operator's run across all accounts: the one place that reads every user's choice.
    wanted = DailyDigest.objects.filter(enabled=True).values("owner_id")
    users = get_user_model().objects.filter(is_active=True, pk__in=wanted).exclude(email="")
    return list(users.order_by("pk"))


def _line(row: queries.ActionRow, today: date) -> str:
    who = f" ({row.organization_name})" if row.organization_name else ""
    due = day_label(row.action.due, today)
    return f"- {row.action.title}{who}, due {due}\n  {row.action.reason}"


def compose(current: queries.Plan) -> tuple[str, str] | None:
    """Subject and body for the day, or None when nothing is due."""
    due = current.daily()  # goals (field coverage) aren't a morning chore
    if not due:
        return None
    rows = queries.action_rows(current, due)
    late = [r for r in rows if r.action.due < current.on_date]
    today = [r for r in rows if r.action.due == current.on_date]
    name = current.gathered.profile.display_name or "there"
    parts = [f"Good morning, {name}. Here is what moves your conversations forward today."]
    if late:
        parts.append("Waiting since earlier (a late note is still a kind note):")
        parts.extend(_line(r, current.on_date) for r in late)
    if today:
        parts.append("Due today:")
        parts.extend(_line(r, current.on_date) for r in today)
    parts.append("Mark each one done, snooze or dismiss it on your Today page.")
    counts = [f"{len(late)} waiting" if late else "", f"{len(today)} due" if today else ""]
    subject = "coffeechat today: " + ", ".join(c for c in counts if c)
    return subject, "\n\n".join(parts) + "\n"


def send_one(user: Any, on_date: date | None = None, *, force: bool = False) -> Result:
    record = settings_for(user)
    current = queries.plan(user, on_date)
    day = current.on_date
    services.settle_contacts(user, current)
    if record.last_sent_on == day and not force:
        return Result(user.get_username(), "already-sent", day)
    message = compose(current)
    if message is None:
        return Result(user.get_username(), "nothing-due", day)
    subject, body = message
    try:
        EmailMessage(subject, body, to=[user.email]).send()
    except (smtplib.SMTPException, OSError) as exc:
        record.last_error = f"{day}: {exc}"[:300]
        record.save(update_fields=["last_error", "updated_at"])
        return Result(user.get_username(), "failed", day, str(exc))
    record.last_sent_on, record.last_error = day, ""
    record.save(update_fields=["last_sent_on", "last_error", "updated_at"])
    return Result(user.get_username(), "sent", day, user.email)


def send_all(users: list[Any], on_date: date | None = None, *, force: bool = False) -> list[Result]:
    if not settings.EMAIL_HOST:
        raise DigestNotConfigured(
            "No mail server is set up, so the digest can't be sent. Set COFFEECHAT_SMTP_HOST "
            "(and COFFEECHAT_SMTP_PORT, _USER, _PASSWORD as your provider needs)."
        )
    return [send_one(user, on_date, force=force) for user in users]
