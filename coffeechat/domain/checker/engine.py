"""`check`: run every rule that applies to the message's kind and collect the findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from coffeechat.domain.checker import (
    content,
    form,
    greeting,
    job_model,
    spelling,
    style,
    thanks,
    timing,
)
from coffeechat.domain.checker.context import KINDS, CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import SEVERITIES, Finding

Rule = Callable[[Doc, CheckContext], list[Finding]]

_ASKING = frozenset({"request", "referral-intro"})
_INTRODUCING = frozenset({"request", "referral-intro", "letter", "linkedin-note", "phone-script",
                         "introduction-blurb"})  # fmt: skip
_TIMED = frozenset({"request", "follow-up", "referral-intro", "letter", "linkedin-note",
                    "phone-script", "introduction-blurb"})  # fmt: skip
_EVERY_KIND = frozenset(KINDS)

# Which kinds of message each rule reads. A thank-you needn't introduce you; a request must.
RULES: tuple[tuple[Rule, frozenset[str]], ...] = (
    (job_model.asks_for_job, _EVERY_KIND),
    (content.referral, _ASKING),
    (content.missing_source, _ASKING),
    (content.missing_introduction, _INTRODUCING),
    (content.missing_why_you, _ASKING | {"letter"}),
    (timing.missing_time_request, frozenset({"request", "follow-up"})),
    (timing.time_request_long, _TIMED),
    (content.missing_question, _ASKING),
    (content.missing_follow_up_plan, frozenset({"request"})),
    (form.missing_subject, _EVERY_KIND),
    (form.too_long, frozenset({"request"})),
    (form.over_char_limit, frozenset({"linkedin-note"})),
    (form.placeholders, _EVERY_KIND),
    (spelling.spelling, _EVERY_KIND),
    (thanks.thank_you_not_specific, frozenset({"thank-you"})),
    (thanks.thank_you_late, frozenset({"thank-you"})),
    (style.about_you_share, frozenset({"request", "follow-up", "referral-intro", "linkedin-note"})),
    (style.mass_message, _EVERY_KIND),
    (greeting.greeting_name_mismatch, _EVERY_KIND),
)

RULE_IDS: tuple[str, ...] = (
    "asks-for-job", "missing-referral", "referral-late", "missing-source",
    "missing-introduction", "missing-why-you", "missing-time-request", "time-request-long",
    "missing-question", "missing-follow-up-plan", "missing-subject", "too-long",
    "over-char-limit", "placeholder", "spelling", "thank-you-not-specific", "thank-you-late",
    "about-you-share", "mass-message", "greeting-name-mismatch",
)  # fmt: skip
_QUOTE_LIMIT = 60


def check(text: str, context: CheckContext) -> list[Finding]:
    """All findings for one message body: errors first, then warnings, then hints; within a
    severity, findings about the message as a whole (`start` is None) first, then by position.

    Each finding that points into the text quotes the phrase it points at, and no two findings
    share a rule and a span.
    """
    doc = Doc.of(text)
    findings: dict[tuple[str, int | None, int | None], Finding] = {}
    for rule, kinds in RULES:
        if context.kind not in kinds:
            continue
        for finding in rule(doc, context):
            findings.setdefault((finding.rule, finding.start, finding.end), _quoted(text, finding))
    return sorted(findings.values(), key=_order)


def _quoted(text: str, finding: Finding) -> Finding:
    """The finding with the phrase it points at quoted at the front of its message, unless the
    message quotes it already."""
    if finding.start is None or finding.end is None:
        return finding
    phrase = " ".join(text[finding.start : finding.end].split())
    if not phrase or f'"{phrase}"' in finding.message:
        return finding
    if len(phrase) > _QUOTE_LIMIT:
        phrase = phrase[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return replace(finding, message=f'"{phrase}": {finding.message}')


def _order(finding: Finding) -> tuple[int, int, int, str]:
    start = -1 if finding.start is None else finding.start
    return SEVERITIES.index(finding.severity), start, finding.end or 0, finding.rule
