"""Small factories so each test states only the facts it is about."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from coffeechat.domain.followups import (
    Action,
    ContactFacts,
    MeetingFacts,
    MessageFacts,
    RuleSettings,
    Snapshot,
    actions,
)

SETTINGS = RuleSettings(country="US", time_zone="America/New_York")


def contact(id: int, **overrides: Any) -> ContactFacts:
    fields: dict[str, Any] = {"name": f"Person {id}", "created_on": date(2026, 1, 5)}
    fields.update(overrides)
    return ContactFacts(id=id, **fields)


def sent(
    id: int, contact_id: int, kind: Any, on: date, replied_on: date | None = None, **reply: Any
) -> MessageFacts:
    """`reply` may say what the answer was (`reply_outcome`) and hold its words (`reply_text`)."""
    return MessageFacts(
        id=id,
        contact_id=contact_id,
        kind=kind,
        status="sent",
        sent_on=on,
        replied_on=replied_on,
        **reply,
    )


def meeting(
    id: int, contact_id: int, starts_at: datetime, status: Any = "held", **overrides: Any
) -> MeetingFacts:
    ends_at = overrides.pop("ends_at", starts_at + timedelta(minutes=30))
    return MeetingFacts(
        id=id,
        contact_id=contact_id,
        starts_at=starts_at,
        ends_at=ends_at,
        status=status,
        **overrides,
    )


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def run(snapshot: Snapshot, on: date, settings: RuleSettings = SETTINGS) -> list[Action]:
    return actions(snapshot, settings, on)


def of_kind(found: list[Action], kind: str) -> list[Action]:
    return [a for a in found if a.kind == kind]


def keys(found: list[Action]) -> set[str]:
    return {a.key for a in found}
