"""Account operations shared by the web, the CLI and the API."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from coffeechat.accounts.models import ApiToken, Membership, Profile, Share

OWNER_USERNAME = "owner"


class ShareRefused(Exception):
    """The share can't be made; the message says why."""


def profile_of(user: Any) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def membership_of(user: Any) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user)
    return membership


def role_of(user: Any) -> str:
    """student, adviser or staff; Django's `is_staff` flag always counts as staff."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return "staff" if user.is_staff else membership_of(user).role


@transaction.atomic
def create_user(
    username: str,
    *,
    email: str = "",
    password: str | None = None,
    role: str = "student",
    display_name: str = "",
) -> Any:
    User = get_user_model()
    user = User.objects.create_user(username=username, email=email, password=password)
    Profile.objects.create(user=user, display_name=display_name)
    Membership.objects.create(user=user, role=role)
    return user


def personal_owner(display_name: str = "") -> Any:
    """The one account of personal mode, created on first use; it never prompts."""
    User = get_user_model()
    user = User.objects.filter(username=OWNER_USERNAME).first()
    if user is None:
        user = create_user(OWNER_USERNAME)  # no password: personal mode signs in by link
    profile = profile_of(user)
    if display_name and not profile.display_name:
        profile.display_name = display_name
        profile.save(update_fields=["display_name"])
    return user


def set_role(user: Any, role: str) -> Membership:
    membership = membership_of(user)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def mark_email_verified(user: Any, email: str) -> bool:
    """Confirm `email` for `user` if it is still their address; False when it changed since."""
    if user.email.casefold() != email.casefold():
        return False
    membership = membership_of(user)
    if membership.email_verified_at is None:
        membership.email_verified_at = timezone.now()
        membership.save(update_fields=["email_verified_at"])
    return True


def issue_token(user: Any, name: str) -> str:
    _, raw = ApiToken.issue(user, name=" ".join(name.split())[:80] or "cli")
    return raw


def revoke_token(token: ApiToken) -> None:
    token.delete()


def share_with(student: Any, adviser: Any) -> Share:
    if adviser.pk == student.pk:
        raise ShareRefused("You can't share with yourself.")
    if not adviser.is_active or role_of(adviser) != "adviser":
        raise ShareRefused("That account isn't a career adviser's.")
    try:
        with transaction.atomic():
            return Share.objects.create(owner=student, adviser=adviser)
    except IntegrityError as exc:
        raise ShareRefused("You already share with this adviser.") from exc


def stop_sharing(share: Share) -> None:
    share.delete()


@transaction.atomic
def delete_account(user: Any) -> None:
    """Everything the person owns goes with them: every owned row cascades from the user."""
    user.delete()
