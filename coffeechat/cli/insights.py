"""Insight commands: `insights` (a summary of the search) and `journal` (a Markdown file).

Django is imported inside the handlers, so `coffeechat --help` stays instant."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coffeechat.cli.main import AddCommand, CommandError


def register(add: AddCommand) -> None:
    """Add this module's subcommands to the parser."""
    summary = add("insights", summary_command, "Show how your search is going, in brief.")
    summary.add_argument("--json", action="store_true", help="print JSON for scripts")
    summary.add_argument("--user", default=None, help="whose search (server mode)")

    journal = add("journal", journal_command, "Write every conversation you've held to Markdown.")
    journal.add_argument("file", metavar="FILE.md", help="where to write the journal")
    journal.add_argument("--force", action="store_true", help="replace the file if it exists")
    journal.add_argument("--user", default=None, help="whose journal (server mode)")


def summary_command(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.insights import report

    figures = report.as_json(report.build(acting_user(args.user)))
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print("\n".join(summary_lines(figures)))
    return 0


def summary_lines(figures: dict[str, Any]) -> list[str]:
    funnel = figures["funnel"]
    if not funnel["identified"]:
        return [
            "No contacts yet, so nothing to sum up. Add the people you'd like to learn from",
            "(`coffeechat serve`), and this summary grows with your search.",
        ]
    lines = ["Funnel"]
    for step in ("identified", "requested", "replied", "met", "thanked"):
        rate = funnel["rates"].get(step)
        wait = funnel["median_days"].get(step)
        extra = f"  {_pct(rate)} of the step before" if rate is not None else ""
        extra += f", median {wait:g} days" if wait is not None else ""
        lines.append(f"  {step:<11}{funnel[step]:>5}{extra}")
    reply_days = figures["median_reply_days"]
    lines.append(
        f"Replies: {_pct(figures['reply_rate'])} answered"
        + (f", after {reply_days:g} days (median)" if reply_days is not None else "")
    )
    waiting = [n["name"] for n in figures["referral_tree"] if n["parent"] and not n["pursued"]]
    if figures["referral_tree"]:
        depth = max(n["depth"] for n in figures["referral_tree"])
        lines.append(f"Referrals: chains up to {depth} deep")
        if waiting:
            lines.append(f"  not contacted yet: {', '.join(waiting)}")
    for field in figures["fields"]:
        note = "  (fewer than 3 people so far)" if field["few_voices"] else ""
        lines.append(f"Field {field['field']}: {field['conversations']} conversation(s){note}")
    return lines


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{round(rate * 100)} %"


def journal_command(args: argparse.Namespace) -> int:
    from coffeechat.cli.accounts import acting_user
    from coffeechat.domain.insights import render_markdown
    from coffeechat.insights import journal
    from coffeechat.insights.report import zone_of

    user = acting_user(args.user)
    target = Path(args.file)
    if target.exists() and not args.force:
        raise CommandError(f"{target} already exists; add --force to replace it.")
    entries = journal.entries(user, zone_of(user))
    text = render_markdown(entries, journal.title_for(user))
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"Can't write {target}: {exc.strerror or exc}.") from exc
    print(f"Wrote {len(entries)} conversation(s) to {target}.", file=sys.stderr)
    return 0
