"""`coffeechat contacts`: the contact list in the terminal, or as JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from coffeechat.cli.accounts import acting_user
from coffeechat.cli.main import CommandError
from coffeechat.domain import vocab
from coffeechat.network import queries


def rows(user: Any, query: str, stage: str, limit: int) -> list[dict[str, Any]]:
    if stage and stage not in vocab.ids(vocab.STAGES):
        raise CommandError(
            f"Unknown stage {stage!r}. Stages: {', '.join(vocab.ids(vocab.STAGES))}."
        )
    if limit < 1:
        raise CommandError("--limit must be at least 1.")
    found = queries.contact_list(user, queries.ContactFilters(q=query, stage=stage))[:limit]
    return [
        {
            "id": c.pk,
            "name": c.full_name,
            "organization": c.organization.name if c.organization else "",
            "title": c.title,
            "email": c.email,
            "stage": c.stage,
            "how_found": c.how_found,
            "tags": c.tags,
        }
        for c in found
    ]


def run(args: argparse.Namespace) -> int:
    found = rows(acting_user(args.user), args.query, args.stage, args.limit)
    if args.json:
        json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not found:
        print(
            "No contacts match."
            if args.query or args.stage
            else "No contacts yet. Add your first with `coffeechat serve`."
        )
        return 0
    width = max(len(r["name"]) for r in found)
    for r in found:
        print(f"{r['id']:>6}  {r['name']:<{width}}  {r['stage']:<13}  {r['organization']}")
    return 0
