"""Account operations shared by the web, the CLI and the API."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from coffeechat.accounts.models import Profile

OWNER_USERNAME = "owner"


def profile_of(user: Any) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def create_user(username: str, *, email: str = "", password: str | None = None) -> Any:
    User = get_user_model()
    user = User.objects.create_user(username=username, email=email, password=password)
    Profile.objects.create(user=user, display_name="")
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
