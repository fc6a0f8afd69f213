"""Small helpers for the checker's unit tests."""

from __future__ import annotations

from typing import Any

from coffeechat.domain.checker import CheckContext, check
from coffeechat.domain.findings import Finding


def context(kind: str = "request", channel: str = "email", **fields: Any) -> CheckContext:
    return CheckContext(kind=kind, channel=channel, **fields)  # type: ignore[arg-type]


def findings(text: str, rule: str, **fields: Any) -> list[Finding]:
    return [f for f in check(text, context(**fields)) if f.rule == rule]


def pointed(text: str, rule: str, **fields: Any) -> list[str]:
    """The pieces of text a rule points at."""
    return [text[f.start : f.end] for f in findings(text, rule, **fields) if f.start is not None]


def greeting_findings(greeting: str, to: str) -> list[Finding]:
    """`greeting-name-mismatch` on a short note that opens with `greeting`, sent to `to`."""
    return findings(
        f"{greeting}\n\nThanks for your time.", "greeting-name-mismatch", recipient_name=to
    )
