"""Follow-up commands: `coffeechat today` and `coffeechat digest`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from coffeechat.cli.main import AddCommand, CommandError
from coffeechat.domain import limits
from coffeechat.domain.followups.ordering import day_label


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{value!r} isn't a date. Use YYYY-MM-DD, e.g. 2026-11-30.") from exc
    problem = limits.date_problem(day)
    if problem:
        raise CommandError(problem)
    return day


def _day(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B}"


def _print_group(title: str, rows: list[Any], today: date) -> None:
    """Dates in Today's one style: the year only when it isn't this one."""
    if not rows:
        return
    print(f"{title} ({len(rows)})")
    for row in rows:
        a = row.action
        who = f" · {row.organization_name}" if row.organization_name else ""
        print(f"  {day_label(a.due, today):<15}  {a.title}{who}")
        print(f"{'':19}{a.reason}")
    print()


def today(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.followups import queries, services

    on_date = _date(args.on)
    user = acting_user(args.user)
    current = queries.plan(user, on_date)
    services.settle_contacts(user, current)
    if args.json:
        rows = queries.action_rows(current, current.due())
        json.dump([queries.action_json(r) for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    board = queries.board(user, current)
    if not (board.overdue or board.today or board.this_week):
        print(f"Nothing due on {_day(current.on_date)}. A good day to research someone new.")
        return 0
    day = current.on_date
    _print_group(f"Today, {_day(day)}", queries.action_rows(current, board.today), day)
    _print_group("Overdue", queries.action_rows(current, board.overdue), day)
    _print_group("This week", queries.action_rows(current, board.this_week), day)
    return 0


def digest(args: argparse.Namespace) -> int:
    from django.conf import settings

    from coffeechat.cli.accounts import acting_user
    from coffeechat.followups import digest as mail

    on_date = _date(args.on)
    if args.user or settings.PERSONAL:
        users = [acting_user(args.user)]
        if not users[0].email:
            raise CommandError(
                f"{users[0].get_username()} has no e-mail address, so there's nowhere to send "
                "the digest. Add one to the account first."
            )
    else:
        users = mail.subscribers()
    try:
        results = mail.send_all(users, on_date, force=args.force)
    except mail.DigestNotConfigured as exc:
        raise CommandError(str(exc)) from exc
    messages = {
        "sent": "sent to {detail}",
        "nothing-due": "nothing due, no e-mail sent",
        "already-sent": "already sent today (use --force to send again)",
        "failed": "could not send ({detail}); it will be tried again on the next run",
    }
    for r in results:
        out = sys.stderr if r.outcome == "failed" else sys.stdout
        print(
            f"{r.username}, {r.on_date}: " + messages[r.outcome].format(detail=r.detail), file=out
        )
    return 1 if any(r.outcome == "failed" for r in results) else 0


def register(add: AddCommand) -> None:
    """Add this module's subcommands to the parser."""
    p = add("today", today, "What to do today: overdue, due today and this week.")
    p.add_argument("--on", default=None, metavar="YYYY-MM-DD", help="as if it were this day")
    p.add_argument("--json", action="store_true", help="print the due actions as JSON")
    p.add_argument("--user", default=None, help="whose actions (server mode)")

    d = add("digest", digest, "E-mail each person their due actions (run it daily, e.g. cron).")
    d.add_argument("--on", default=None, metavar="YYYY-MM-DD", help="as if it were this day")
    d.add_argument("--user", default=None, help="only this person (server mode: all who opted in)")
    d.add_argument("--force", action="store_true", help="send even if today's went out already")
