"""Account personas for server mode: a student (alice), a second student (bob), an outsider, an
adviser and career-centre staff; plus a real SMTP server on loopback."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from coffeechat.accounts.services import create_user
from coffeechat.common import mail
from tests.conftest import signed_in


@pytest.fixture
def adviser(db: Any) -> Any:
    return create_user(
        "dana@example.edu",
        email="dana@example.edu",
        password="adviser horse battery",
        role="adviser",
        display_name="Dana Okafor",
    )


@pytest.fixture
def staff(db: Any) -> Any:
    return create_user("lee@example.edu", email="lee@example.edu", role="staff")


@pytest.fixture
def client_bob(bob: Any) -> Client:
    return signed_in(bob)


@pytest.fixture
def client_adviser(adviser: Any) -> Client:
    return signed_in(adviser)


@pytest.fixture
def client_staff(staff: Any) -> Client:
    return signed_in(staff)


class Inbox:
    """What the loopback SMTP server received, as parsed e-mail messages."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted"

    def body(self, index: int = -1) -> str:
        payload = self.messages[index].get_payload(decode=True)
        assert isinstance(payload, bytes)
        return payload.decode()

    def link(self, index: int = -1) -> str:
        found = re.search(r"https?://\S+", self.body(index))
        assert found, self.body(index)
        return found.group(0)


def free_port() -> int:
    # aiosmtpd's Controller can't start on port 0 (it connects to its own port to check it's
    # up), so pick a free port first.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    received = Inbox()
    controller = Controller(received, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = mail.BACKEND
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield received
    finally:
        controller.stop()


@pytest.fixture
def cli() -> Any:
    """`coffeechat …` in-process."""
    from coffeechat.cli import main as cli_main

    return cli_main.main
