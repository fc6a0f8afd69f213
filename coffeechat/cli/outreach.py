"""Outreach commands: `coffeechat check`, the message checker in the terminal. Pure: it needs
no database, so it doesn't set Django up."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from coffeechat.cli.main import AddCommand, CommandError

QUESTION = "question"
SUBJECT_PREFIX = "subject:"


def register(add: AddCommand) -> None:
    """Add this module's subcommands to the parser."""
    check = add(
        "check",
        run_check,
        "Check an outreach message (or an interview question) before you send it.",
        needs_django=False,
    )
    check.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    check.add_argument("--kind", default="request", help="request, follow-up, thank-you, …")
    check.add_argument("--channel", default="email", help="email, linkedin, letter or phone")
    check.add_argument("--referrer", default=None, help="who referred you, if anyone")
    check.add_argument("--to", default=None, help='the recipient\'s full name, e.g. "Aisha Bello"')
    check.add_argument("--minutes", type=int, default=None, help="the length you ask for")
    check.add_argument("--rules", default="career-office", help="career-office, 2hjs-5, 2hjs-6")
    check.add_argument("--json", action="store_true", help="print JSON for scripts")


def read_text(path: str) -> str:
    try:
        raw = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"Can't read {path}: {exc.strerror or exc}.") from exc
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path} isn't UTF-8 text; save it as UTF-8 and try again.") from exc


def split_subject(text: str) -> tuple[str | None, str, int]:
    """A first line `Subject: …` followed by a blank line is the subject.

    Returns (subject, body, lines before the body) so positions map back to the file.
    """
    first, newline, rest = text.partition("\n")
    if first.lower().startswith(SUBJECT_PREFIX) and newline:
        blank, newline2, body = rest.partition("\n")
        if not blank.strip() and newline2:
            return first[len(SUBJECT_PREFIX) :].strip(), body, 2
        if not blank.strip():
            return first[len(SUBJECT_PREFIX) :].strip(), "", 2
    return None, text, 0


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def findings_of(args: argparse.Namespace, body: str, subject: str | None) -> list[Any]:
    from coffeechat.domain.checker import CHANNELS, KINDS, RULE_SETS, CheckContext, check
    from coffeechat.domain.questions import check_question

    if args.kind not in (*KINDS, QUESTION):
        raise CommandError(f"Unknown kind {args.kind!r}. Kinds: {', '.join((*KINDS, QUESTION))}.")
    if args.channel not in CHANNELS:
        raise CommandError(f"Unknown channel {args.channel!r}. Channels: {', '.join(CHANNELS)}.")
    if args.rules not in RULE_SETS:
        raise CommandError(f"Unknown rule set {args.rules!r}. Sets: {', '.join(RULE_SETS)}.")
    if args.minutes is not None and not 1 <= args.minutes <= 600:
        raise CommandError("--minutes takes a length between 1 and 600.")
    if args.kind == QUESTION:
        return check_question(body)
    context = CheckContext(
        kind=args.kind,
        channel=args.channel,
        subject=subject,
        referrer_name=args.referrer,
        minutes=args.minutes,
        rules=RULE_SETS[args.rules],
        recipient_name=args.to,
        known_names=tuple(name for name in (args.to, args.referrer) if name),
    )
    return check(body, context)


def run_check(args: argparse.Namespace) -> int:
    from coffeechat.domain.checker import word_count

    subject, body, offset_lines = split_subject(read_text(args.file))
    findings = findings_of(args, body, subject)
    if args.json:
        json.dump(
            {"findings": [f.as_dict() for f in findings], "words": word_count(body)},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        print_findings(findings, body, offset_lines, word_count(body))
    return 1 if any(f.severity == "error" for f in findings) else 0


def print_findings(findings: list[Any], body: str, offset_lines: int, words: int) -> None:
    if not findings:
        print(f"Nothing to flag ({words} words). Read it aloud once, then send it.")
        return
    for f in findings:
        if f.start is None:
            where = "-"
        else:
            line, column = line_and_column(body, f.start)
            where = f"{line + offset_lines}:{column}"
        print(f"{where:>7}  {f.severity:<7}  {f.rule}: {f.message}")
    errors = sum(1 for f in findings if f.severity == "error")
    print(f"{len(findings)} finding(s), {errors} to fix before sending; {words} words.")
