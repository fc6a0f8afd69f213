"""`coffeechat …`: one entry point. Django is set up only for the commands that need it,
so `coffeechat --help` stays instant."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from coffeechat.cli.base import AddCommand, CommandError, setup_django

__all__ = ["AddCommand", "CommandError", "build_parser", "main", "setup_django"]

# Each feature module exposes `register(add)`; it must not import Django at module level,
# so `coffeechat --help` stays instant.
FEATURE_COMMANDS = (
    "coffeechat.cli.accounts",
    "coffeechat.cli.transfer",
    "coffeechat.cli.outreach",
    "coffeechat.cli.followups",
    "coffeechat.cli.mail",
    "coffeechat.cli.insights",
    "coffeechat.cli.demo",
)


def _serve(args: argparse.Namespace) -> int:
    from coffeechat.cli import serve

    return serve.run(
        host=args.host,
        port=args.port,
        open_browser=not args.no_browser,
        name=args.name,
        workers=args.workers,
    )


def _link(args: argparse.Namespace) -> int:
    from coffeechat.cli import accounts

    print(accounts.sign_in_url(args.host, args.port))
    return 0


def _token(args: argparse.Namespace) -> int:
    from coffeechat.cli import accounts

    print(accounts.new_token(username=args.user, name=args.name))
    return 0


def _createuser(args: argparse.Namespace) -> int:
    from coffeechat.cli import accounts

    accounts.create_user(args.username, email=args.email, password=args.password)
    print(f"Created {args.username}.", file=sys.stderr)
    return 0


def _contacts(args: argparse.Namespace) -> int:
    from coffeechat.cli import contacts

    return contacts.run(args)


def _manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["coffeechat manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coffeechat",
        description="Informational interviews, from the first name on your list to the "
        "relationship that lasts.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str,
        handler: Callable[[argparse.Namespace], int],
        help_text: str,
        needs_django: bool = True,
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler, needs_django=needs_django)
        return p

    serve = add(
        "serve",
        _serve,
        "Start coffeechat and open it in your browser, signed in.",
        needs_django=False,
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-browser", action="store_true", help="print the link, don't open it")
    serve.add_argument("--name", default="", help="your name, for the profile (first run)")
    serve.add_argument(
        "--workers", type=int, default=0, help="server mode: processes to run (default 2)"
    )

    link = add("link", _link, "Print a fresh one-time sign-in link for a running coffeechat.")
    link.add_argument("--host", default="127.0.0.1")
    link.add_argument("--port", type=int, default=8000)

    token = add("token", _token, "Print a new API token (kept only as a hash; copy it now).")
    token.add_argument("--user", default=None, help="whose token (server mode)")
    token.add_argument("--name", default="cli", help="a label to recognise the token by")

    create = add("createuser", _createuser, "Create an account (server mode).")
    create.add_argument("username")
    create.add_argument("--email", default="")
    create.add_argument("--password", default=None, help="asked for when not given")

    contacts = add("contacts", _contacts, "List or search your contacts.")
    contacts.add_argument("query", nargs="?", default="", help="words to search for")
    contacts.add_argument("--stage", default="")
    contacts.add_argument("--limit", type=int, default=50)
    contacts.add_argument("--json", action="store_true", help="print JSON for scripts")
    contacts.add_argument("--user", default=None, help="whose contacts (server mode)")

    manage = add("manage", _manage, "Run a Django management command.", needs_django=False)
    manage.add_argument("rest", nargs=argparse.REMAINDER)

    for module_name in FEATURE_COMMANDS:
        importlib.import_module(module_name).register(add)
    return parser


def _refuse_unstorable_arguments(args: argparse.Namespace) -> None:
    """Bytes that aren't text in this locale arrive as lone surrogates; NUL can't be stored.
    Either is refused before anything runs (the per-field rules live in the forms)."""
    from coffeechat.domain import limits

    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and limits.text_problem(item):
                shown = name.replace("_", "-")
                raise CommandError(f"{shown}: {limits.UNSTORABLE_MESSAGE}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        _refuse_unstorable_arguments(args)
        if args.needs_django:
            setup_django()
        result: Any = args.handler(args)
        return int(result or 0)
    except CommandError as exc:
        print(f"coffeechat: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # configuration and database errors: a message, not a traceback
        from django.core.exceptions import ImproperlyConfigured
        from django.db import DatabaseError

        if isinstance(exc, ImproperlyConfigured | DatabaseError):
            print(f"coffeechat: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
