"""Account commands: sign-in links, API tokens, users, roles and invitations.

Django is imported inside the functions, so registering these commands keeps `coffeechat --help`
instant.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from coffeechat.cli.main import AddCommand, CommandError


def acting_user(username: str | None = None) -> Any:
    """Personal mode: the owner (created on first use). Server mode: the named user."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from coffeechat.accounts.services import personal_owner

    if settings.PERSONAL and not username:
        return personal_owner()
    if not username:
        raise CommandError("In server mode, say whose: --user NAME")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"There is no user called {username!r}.")
    return user


def _server_only(what: str) -> None:
    from django.conf import settings

    if settings.PERSONAL:
        raise CommandError(f"{what} belong to a career centre's server (COFFEECHAT_MODE=server).")


def sign_in_url(host: str, port: int) -> str:
    from django.conf import settings

    from coffeechat.accounts.models import SignInLink
    from coffeechat.accounts.services import personal_owner

    if not settings.PERSONAL:
        raise CommandError("Sign-in links are for personal mode; in server mode, use a password.")
    display_host = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host
    return f"http://{display_host}:{port}/signin/{SignInLink.issue(personal_owner())}"


def new_token(username: str | None, name: str) -> str:
    from coffeechat.accounts.services import issue_token

    return issue_token(acting_user(username), name)


def create_user(username: str, *, email: str, password: str | None) -> Any:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from coffeechat.accounts.services import create_user as create_account

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


def tokens(args: argparse.Namespace) -> int:
    """List the user's API tokens (never the secret), or revoke one by id."""
    from coffeechat.accounts import queries, services

    user = acting_user(args.user)
    if args.revoke is not None:
        token = queries.tokens_of(user).filter(pk=args.revoke).first()
        if token is None:
            raise CommandError(f"You have no API token with id {args.revoke}.", code=1)
        services.revoke_token(token)
        print(f"Revoked {token.name} ({token.prefix}…).", file=sys.stderr)
        return 0
    rows: list[dict[str, Any]] = [
        {
            "id": t.pk,
            "name": t.name,
            "prefix": t.prefix,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
        }
        for t in queries.tokens_of(user)
    ]
    if args.json:
        print(json.dumps(rows))
        return 0
    if not rows:
        print("No API tokens yet. `coffeechat token --name NAME` makes one.", file=sys.stderr)
    for row in rows:
        used = (row["last_used_at"] or "never used")[:16]
        print(f"{row['id']:>5}  {row['prefix']}…  {row['name']:<24}  {used}")
    return 0


def invite(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from coffeechat.accounts import invitations
    from coffeechat.accounts.models import Invitation

    _server_only("Invitations")
    try:
        validate_email(args.email)
    except ValidationError as exc:
        raise CommandError(f"{args.email!r} isn't an e-mail address.") from exc
    role = "adviser" if args.adviser else "student"
    _, key = invitations.create_invitation(args.email, role=role)
    print(invitations.cli_link(key))
    days = Invitation.LIFETIME.days
    print(f"Single-use, valid for {days} days, for {args.email} ({role}).", file=sys.stderr)
    return 0


def role(args: argparse.Namespace) -> int:
    from coffeechat.accounts.services import set_role

    _server_only("Roles")
    set_role(acting_user(args.username), args.role)
    print(f"{args.username} is now {args.role}.", file=sys.stderr)
    return 0


def register(add: AddCommand) -> None:
    listed = add("tokens", tokens, "List your API tokens (never the secret), or revoke one.")
    listed.add_argument("--revoke", type=int, metavar="ID", help="revoke the token with this id")
    listed.add_argument("--user", default=None, help="whose tokens (server mode)")
    listed.add_argument("--json", action="store_true", help="print JSON for scripts")

    inviting = add("invite", invite, "Print a single-use sign-up link (server mode, 14 days).")
    inviting.add_argument("email")
    inviting.add_argument("--adviser", action="store_true", help="invite a career adviser")

    roles = add("role", role, "Make an account a student, an adviser or staff (server mode).")
    roles.add_argument("username")
    roles.add_argument("role", choices=("student", "adviser", "staff"))
