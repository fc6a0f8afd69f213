"""Outreach fixtures: a held conversation with Tomás (Priya's referral), and a loopback SMTP
server that keeps what it receives."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import Meeting, Resource
from coffeechat.network.models import Contact
from coffeechat.outreach.mailbox import imap
from coffeechat.outreach.models import Message


@pytest.fixture
def full_profile(alice: Any) -> Any:
    profile = profile_of(alice)
    profile.program = "public health"
    profile.year = "third-year"
    profile.fields_of_interest = ["epidemiology", "health data"]
    profile.introduction = "I'm exploring how outbreak teams use data."
    profile.save()
    return profile


@pytest.fixture
def held_meeting(alice: Any, referral: Contact, full_profile: Any) -> Meeting:
    meeting = Meeting.objects.create(
        owner=alice,
        contact=referral,
        starts_at=datetime(2026, 11, 10, 15, 0, tzinfo=UTC),
        minutes=20,
        status="held",
        advice="Learn R before Python for surveillance work",
        next_step="take the field epidemiology short course",
        notes="Talked about night shifts during outbreaks.",
    )
    Contact.objects.create(
        owner=alice, first_name="Wen", last_name="Li", referred_by=referral, referred_in=meeting
    )
    Resource.objects.create(owner=alice, meeting=meeting, title="CDC field manual")
    return meeting


@pytest.fixture
def sent_request(alice: Any, referrer: Contact) -> Message:
    return Message.objects.create(
        owner=alice,
        contact=referrer,
        kind="request",
        subject="Advice on health data work",
        body="Dear Priya, I'm Alice.",
        status="sent",
        sent_at=datetime(2026, 11, 2, 14, 0, tzinfo=UTC),
    )


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.received: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    """aiosmtpd 1.4 can't start on port 0 (its start-up probe connects to the port given),
    so a free port is picked first."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def bodies_read(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every body the sync asked the server for."""
    seen: list[bytes] = []
    original = imap.Session.bodies

    def recording(self: imap.Session, uids: list[int]) -> Iterator[tuple[int, bytes]]:
        for uid, raw in original(self, uids):
            seen.append(raw)
            yield uid, raw

    monkeypatch.setattr(imap.Session, "bodies", recording)
    return seen
