"""Helpers for follow-up tests: messages and meetings with times on Alice's clock (New York)."""

from __future__ import annotations

import socket
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message

NEW_YORK = ZoneInfo("America/New_York")


def ny(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)


def person(owner: Any, first: str, last: str = "Example", **fields: Any) -> Contact:
    return Contact.objects.create(owner=owner, first_name=first, last_name=last, **fields)


def sent(contact: Contact, kind: str, at: datetime, replied_at: datetime | None = None) -> Message:
    return Message.objects.create(
        owner=contact.owner,
        contact=contact,
        kind=kind,
        status="sent",
        sent_at=at,
        replied_at=replied_at,
    )


def meeting(contact: Contact, starts_at: datetime, **fields: Any) -> Meeting:
    return Meeting.objects.create(
        owner=contact.owner, contact=contact, starts_at=starts_at, **fields
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port
