"""Run the checker on what the user is writing and shape the result for the page."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from coffeechat.accounts.services import profile_of
from coffeechat.domain.checker import KINDS, RULE_SETS, check, word_count
from coffeechat.domain.drafts import Draft, Template, render
from coffeechat.domain.drafts.checking import draft_check_context
from coffeechat.domain.drafts.sample import sample_context
from coffeechat.domain.findings import Finding
from coffeechat.domain.questions import check_question
from coffeechat.network.models import Contact
from coffeechat.outreach.context import check_context, rule_set_for, sender_of, user_tz


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    finding: Finding | None = None


@dataclass(frozen=True, slots=True)
class Review:
    findings: list[Finding]
    segments: list[Segment]
    words: int
    chars: int

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")


def findings_for(
    user: Any,
    text: str,
    *,
    contact: Contact | None,
    kind: str,
    channel: str,
    subject: str | None,
    now: datetime,
    context_changes: dict[str, Any] | None = None,
) -> list[Finding]:
    """`kind` "question" checks one interview question; any other is a message kind.
    `context_changes` replace parts of the context built from the user's data."""
    if kind == "question":
        return check_question(text)
    ctx = check_context(
        user, contact=contact, kind=kind, channel=channel, subject=subject, recorded_at=now
    )
    return check(text, replace(ctx, **(context_changes or {})))


def review(
    user: Any,
    text: str,
    *,
    contact: Contact | None,
    kind: str,
    channel: str,
    subject: str | None,
    now: datetime,
) -> Review:
    kind = kind if kind in KINDS else "request"
    findings = findings_for(
        user, text, contact=contact, kind=kind, channel=channel, subject=subject, now=now
    )
    return Review(findings, segments(text, findings), word_count(text), len(text))


def segments(text: str, findings: list[Finding]) -> list[Segment]:
    """The text cut into plain and flagged runs; where findings overlap, the first one wins."""
    pieces: list[Segment] = []
    cursor = 0
    spans = sorted(
        (f for f in findings if f.start is not None and f.end is not None and f.end > f.start),
        key=lambda f: (f.start or 0, -(f.end or 0)),
    )
    for finding in spans:
        start, end = finding.start or 0, min(finding.end or 0, len(text))
        if start < cursor or start >= len(text):
            continue
        if start > cursor:
            pieces.append(Segment(text[cursor:start]))
        pieces.append(Segment(text[start:end], finding))
        cursor = end
    if cursor < len(text):
        pieces.append(Segment(text[cursor:]))
    return pieces


@dataclass(frozen=True, slots=True)
class TemplateReview:
    """A user's template tried on a made-up person: the draft, and what the checker says."""

    draft: Draft
    findings: list[Finding]


def review_template(
    user: Any, kind: str, variant: str, subject: str | None, body: str, now: datetime
) -> TemplateReview:
    """Errors and warnings our checker finds in `body` once filled in for a sample contact."""
    profile = profile_of(user)
    ctx = sample_context(
        kind, variant, sender_of(user, profile), now.astimezone(user_tz(profile)).date()
    )
    draft = render(kind, ctx, Template(kind, variant, subject, body))
    # A 2-Hour Job Search wording is tried against its own rule set, whatever the user's is.
    rules = RULE_SETS.get(variant) or rule_set_for(profile)
    findings = check(draft.body, draft_check_context(draft, ctx, rules))
    serious = [f for f in findings if f.severity in ("error", "warning")]
    return TemplateReview(draft, serious)
