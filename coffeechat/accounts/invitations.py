"""Invitation links: created by staff (page or CLI), single-use, valid for 14 days."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.models import Invitation, digest
from coffeechat.accounts.services import create_user


def create_invitation(
    email: str, *, role: str = "student", by: Any = None
) -> tuple[Invitation, str]:
    raw = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        role=role,
        key_digest=digest(raw),
        created_by=by,
        expires_at=timezone.now() + Invitation.LIFETIME,
    )
    return invitation, raw


def signup_path(raw_key: str) -> str:
    return reverse("signup-invited", args=[raw_key])


def cli_link(raw_key: str) -> str:
    """The full link for the CLI, which has no request to take the host name from."""
    base = settings.BASE_URL or f"https://{settings.ALLOWED_HOSTS[0]}"
    return base + signup_path(raw_key)


def open_invitation(raw_key: str) -> Invitation | None:
    """The invitation behind a link while it can still be used; else None."""
    invitation = Invitation.objects.filter(key_digest=digest(raw_key)).first()
    if invitation is None or invitation.status() != "open":
        return None
    return invitation


def recent_invitations(limit: int = 100) -> QuerySet[Invitation]:
    return Invitation.objects.order_by("-created_at")[:limit]


@transaction.atomic
def accept_invitation(invitation: Invitation, *, password: str, display_name: str) -> Any:
    """Create the invited account; the row lock keeps a link from being used twice at once."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.status() != "open":
        return None
    user = create_user(
        locked.email,
        email=locked.email,
        password=password,
        role=locked.role,
        display_name=display_name,
    )
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    return user
