"""`check`: run every rule that applies to the message's kind and collect the findings."""

from __future__ import annotations

from collections.abc import Callable

from coffeechat.domain.checker import content, form, job_ask, spelling, style, thanks, timing
from coffeechat.domain.checker.context import KINDS, CheckContext
from coffeechat.domain.checker.text import Doc
from coffeechat.domain.findings import SEVERITIES, Finding

Rule = Callable[[Doc, CheckContext], list[Finding]]

_ASKING = frozenset({"request", "referral-intro"})
_INTRODUCING = frozenset({"request", "referral-intro", "letter", "linkedin-note", "phone-script"})
_TIMED = frozenset({"request", "follow-up", "referral-intro", "letter", "linkedin-note",
                    "phone-script"})  # fmt: skip
_EVERY_KIND = frozenset(KINDS)

# Which kinds of message each rule reads. A thank-you needn't introduce you; a request must.
RULES: tuple[tuple[Rule, frozenset[str]], ...] = (
    (job_ask.asks_for_job, _EVERY_KIND),
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
)

RULE_IDS: tuple[str, ...] = (
    "asks-for-job", "missing-referral", "referral-late", "missing-source",
    "missing-introduction", "missing-why-you", "missing-time-request", "time-request-long",
    "missing-question", "missing-follow-up-plan", "missing-subject", "too-long",
    "over-char-limit", "placeholder", "spelling", "thank-you-not-specific", "thank-you-late",
    "about-you-share", "mass-message",
)  # fmt: skip


def check(text: str, context: CheckContext) -> list[Finding]:
    """All findings for one message body, sorted by where they point, then by severity.

    Findings about the message as a whole (`start` is None) come first.
    """
    doc = Doc.of(text)
    findings = [
        finding for rule, kinds in RULES if context.kind in kinds for finding in rule(doc, context)
    ]
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[int, int, str]:
    start = -1 if finding.start is None else finding.start
    return start, SEVERITIES.index(finding.severity), finding.rule
