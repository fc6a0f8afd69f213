"""`coffeechat mail connect | test | sync | disconnect`: your mailbox, from a terminal or a timer.

Exit codes of `mail sync` (and `mail test`), for cron and systemd timers:
0 done (also when another run was already checking: nothing to do), 3 no mailbox connected
(or its password must be entered again), 4 the server refused the user name or password,
5 the server couldn't be reached or the secure connection failed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from coffeechat.cli.main import AddCommand, CommandError

EXIT_NOT_CONNECTED = 3
EXIT_AUTH = 4
EXIT_NETWORK = 5


def _exit_code(exc: Exception) -> int:
    from coffeechat.outreach.mailbox import imap, sync

    if isinstance(exc, sync.NotConnected):
        return EXIT_NOT_CONNECTED
    if isinstance(exc, imap.MailboxError) and exc.reason == "auth":
        return EXIT_AUTH
    return EXIT_NETWORK


def _password(args: argparse.Namespace) -> str:
    """From stdin (for scripts) or asked for without echo; never on the command line, where
    other people on the machine could see it in the process list."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass("App password (not shown): ")


def connect(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.outreach.mailbox import accounts, imap, sync

    if args.security not in ("tls", "starttls"):
        raise CommandError("--security is tls or starttls.")
    user = acting_user(args.user)
    password = _password(args)
    if not password:
        raise CommandError("An app password is needed to sign in to your mailbox.")
    account = accounts.save_account(
        user, args.host.strip(), args.port, args.security, args.login.strip(), password
    )
    print("Mailbox saved (the password is kept encrypted).")
    try:
        print(accounts.check_connection(sync.config_of(account)))
    except (sync.NotConnected, imap.MailboxError) as exc:
        raise CommandError(f"We couldn't sign in yet: {exc}", _exit_code(exc)) from exc
    return 0


def test(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.outreach.mailbox import accounts, imap, sync

    try:
        config = sync.config_of(sync.account_of(acting_user(args.user)))
        print(accounts.check_connection(config))
    except (sync.NotConnected, imap.MailboxError) as exc:
        raise CommandError(str(exc), _exit_code(exc)) from exc
    return 0


def disconnect(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.outreach.mailbox import accounts

    removed = accounts.remove_account(acting_user(args.user))
    print("Mailbox removed, with its password." if removed else "No mailbox was connected.")
    return 0


def _sync_one(user: Any, budget: float) -> tuple[int, dict[str, Any]]:
    from coffeechat.outreach.mailbox import imap, sync

    name = user.get_username()
    try:
        report = sync.sync(user, budget_seconds=budget)
    except sync.AlreadySyncing as exc:
        return 0, {"user": name, "status": "already-syncing", "message": str(exc)}
    except (sync.NotConnected, imap.MailboxError) as exc:
        reason = "not-connected" if isinstance(exc, sync.NotConnected) else exc.reason
        return _exit_code(exc), {"user": name, "status": reason, "message": str(exc)}
    return 0, {"user": name, "status": "ok", "message": report.summary()} | report.as_json()


def sync_mail(args: argparse.Namespace) -> int:
    from django.conf import settings

    from coffeechat.cli.accounts import acting_user
    from coffeechat.outreach.mailbox import sync

    if args.all:
        if settings.PERSONAL:
            raise CommandError("--all is for server mode; in personal mode just run mail sync.")
        users = sync.connected_users()
    else:
        users = [acting_user(args.user)]
    results = [_sync_one(user, args.budget) for user in users]
    code = max((c for c, _ in results), default=0)
    if args.json:
        rows = [row for _, row in results]
        json.dump(rows if args.all else rows[0], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return code
    for c, row in results:
        who = f"{row['user']}: " if args.all else ""
        print(who + row["message"], file=sys.stderr if c else sys.stdout)
    return code


def register(add: AddCommand) -> None:
    """Add this module's subcommands to the parser."""
    mail = add("mail", _no_action, "Your mailbox: connect, test, sync (see docs/mailbox.md).")
    sub = mail.add_subparsers(dest="mail_command", metavar="ACTION")

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler, needs_django=True)
        p.add_argument("--user", default=None, help="whose mailbox (server mode)")
        return p

    c = action("connect", connect, "Connect your mailbox (IMAP) and test it.")
    c.add_argument("--host", required=True, help="e.g. imap.gmail.com")
    c.add_argument("--port", type=int, default=993)
    c.add_argument("--security", default="tls", help="tls (port 993) or starttls (port 143)")
    c.add_argument("--login", required=True, help="the mailbox user name, usually your address")
    c.add_argument("--password-stdin", action="store_true", help="read the app password from stdin")
    action("test", test, "Sign in and list the folders we'd read.")
    action("disconnect", disconnect, "Forget the mailbox and its password.")
    s = action(
        "sync",
        sync_mail,
        "Read new mail once; exit 0 ok, 3 not connected, 4 refused, 5 unreachable.",
    )
    s.add_argument("--all", action="store_true", help="server mode: everyone with a mailbox")
    s.add_argument("--json", action="store_true", help="print counts as JSON")
    s.add_argument(
        "--budget", type=float, default=120.0, help="seconds to spend at most (default 120)"
    )


def _no_action(args: argparse.Namespace) -> int:
    raise CommandError("Say what to do: coffeechat mail connect | test | sync | disconnect")
