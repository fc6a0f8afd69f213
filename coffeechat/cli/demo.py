"""`coffeechat demo`: load synthetic data to look around, or for benchmarks."""

from __future__ import annotations

import argparse
import json
import sys

from coffeechat.cli.main import AddCommand, CommandError

SCALE_NAMES = ("small", "heavy", "campus")


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from coffeechat.cli.accounts import acting_user
    from coffeechat.common import planner_stats
    from coffeechat.demo.generate import generate
    from coffeechat.network.models import Contact

    if settings.PERSONAL:  # a fresh demo folder: set it up as `serve` would
        call_command("migrate", interactive=False, verbosity=0)
    owner = acting_user(args.user) if args.scale != "campus" else None
    if owner is not None and Contact.objects.owned_by(owner).exists() and not args.force:
        raise CommandError(
            "Demo data goes into an empty account, so it never mixes with your real contacts. "
            "Try it in a separate data folder: COFFEECHAT_DATA_DIR=/tmp/coffeechat-demo "
            "coffeechat demo (or add --force)."
        )
    made = generate(owner, args.scale, args.seed, timezone.localdate())
    planner_stats.refresh()  # so the first pages after a bulk load are planned well
    if args.json:
        json.dump(asdict(made), sys.stdout)
        print()
    else:
        print(
            f"Added {made.contacts} contacts at {made.organizations} organizations, "
            f"{made.messages} messages and {made.meetings} meetings"
            + (f" for {made.users} students." if made.users > 1 else ".")
        )
    return 0


def register(add: AddCommand) -> None:
    demo = add("demo", run, "Load realistic synthetic data (to try coffeechat, or to benchmark).")
    demo.add_argument("--scale", choices=SCALE_NAMES, default="small")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--user", default=None, help="whose account (server mode)")
    demo.add_argument("--force", action="store_true", help="add to an account that has contacts")
    demo.add_argument("--json", action="store_true")
