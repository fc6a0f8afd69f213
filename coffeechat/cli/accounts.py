"""Account commands: sign-in links, API tokens, new users."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from coffeechat.accounts.models import ApiToken, SignInLink
from coffeechat.accounts.services import create_user as create_account
from coffeechat.accounts.services import personal_owner
from coffeechat.cli.main import CommandError


def acting_user(username: str | None = None) -> Any:
    """Personal mode: the owner (created on first use). Server mode: the named user."""
    if settings.PERSONAL and not username:
        return personal_owner()
    if not username:
        raise CommandError("In server mode, say whose: --user NAME")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"There is no user called {username!r}.")
    return user


def sign_in_url(host: str, port: int) -> str:
    if not settings.PERSONAL:
        raise CommandError("Sign-in links are for personal mode; in server mode, use a password.")
    display_host = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host
    return f"http://{display_host}:{port}/signin/{SignInLink.issue(personal_owner())}"


def new_token(username: str | None, name: str) -> str:
    _, raw = ApiToken.issue(acting_user(username), name=name[:80] or "cli")
    return raw


def create_user(username: str, *, email: str, password: str | None) -> Any:
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise CommandError(f"A user called {username!r} already exists.")
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError("No password given and no terminal to ask on: use --password.")
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password again: "):
            raise CommandError("The two passwords differ; nothing was created.")
    try:
        validate_password(password, User(username=username, email=email))
    except ValidationError as exc:
        raise CommandError(" ".join(exc.messages)) from exc
    return create_account(username, email=email, password=password)
