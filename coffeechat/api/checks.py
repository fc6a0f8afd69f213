"""/api/v1/check: the message checker (or, with kind "question", the question checker)."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from coffeechat.domain.checker import CHANNELS, KINDS, RULE_SETS, word_count
from coffeechat.outreach.review import findings_for

router = Router(tags=["check"])

QUESTION = "question"


class CheckIn(Schema):
    text: str
    kind: str = "request"
    channel: str = "email"
    subject: str | None = None
    referrer: str | None = None
    to: str | None = None
    minutes: int | None = None
    rules: str | None = None


class FindingOut(Schema):
    rule: str
    severity: str
    message: str
    start: int | None
    end: int | None


class CheckOut(Schema):
    findings: list[FindingOut]
    words: int


@router.post("", response=CheckOut)
def check_text(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    """The user's own rule set and words apply unless `rules` names another set."""
    from coffeechat.api.main import FormErrors

    errors: dict[str, list[str]] = {}
    if payload.kind not in (*KINDS, QUESTION):
        errors["kind"] = [f"Unknown kind. Kinds: {', '.join((*KINDS, QUESTION))}."]
    if payload.channel not in CHANNELS:
        errors["channel"] = [f"Unknown channel. Channels: {', '.join(CHANNELS)}."]
    if payload.rules is not None and payload.rules not in RULE_SETS:
        errors["rules"] = [f"Unknown rule set. Rule sets: {', '.join(RULE_SETS)}."]
    if payload.minutes is not None and not 1 <= payload.minutes <= 600:
        errors["minutes"] = ["Give the length in minutes, between 1 and 600."]
    if errors:
        raise FormErrors(errors)
    text = payload.text.replace("\r\n", "\n")
    findings = findings_for(
        request.user, text, contact=None, kind=payload.kind, channel=payload.channel,
        subject=payload.subject, now=timezone.now(),
        context_changes=_overrides(payload),
    )  # fmt: skip
    return {"findings": [f.as_dict() for f in findings], "words": word_count(text)}


def _overrides(payload: CheckIn) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if payload.referrer:
        changes["referrer_name"] = payload.referrer
    if payload.to:
        changes["recipient_name"] = payload.to
    if payload.minutes is not None:
        changes["minutes"] = payload.minutes
    if payload.rules:
        changes["rules"] = RULE_SETS[payload.rules]
    return changes
