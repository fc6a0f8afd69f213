"""Building mail and placing it in a test Dovecot with IMAP APPEND, as a mail program would."""

from __future__ import annotations

import imaplib
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from coffeechat.outreach.mailbox import accounts
from tests.servers import DOVECOT_PASSWORD as PASSWORD
from tests.servers import Dovecot


def mail(
    *,
    sender: str,
    to: str,
    subject: str,
    body: str,
    when: datetime,
    message_id: str = "",
    in_reply_to: str = "",
    headers: dict[str, str] | None = None,
) -> bytes:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = to
    email["Subject"] = subject
    email["Date"] = format_datetime(when)
    if message_id:
        email["Message-ID"] = message_id
    if in_reply_to:
        email["In-Reply-To"] = in_reply_to
        email["References"] = in_reply_to
    for name, value in (headers or {}).items():
        email[name] = value
    email.set_content(body)
    return email.as_bytes()


class Mailbox:
    """The student's side of the server: put mail where their mail program would."""

    def __init__(self, server: Dovecot, login: str):
        self.server = server
        self.login = login
        self.client = imaplib.IMAP4("127.0.0.1", server.port)
        self.client.login(login, PASSWORD)

    def put(self, folder: str, raw: bytes) -> None:
        status, _ = self.client.append(f'"{folder}"', None, None, raw)
        assert status == "OK"

    def create(self, folder: str) -> None:
        status, said = self.client.create(f'"{folder}"')
        assert status == "OK", said

    def delete(self, folder: str) -> None:
        status, _ = self.client.delete(f'"{folder}"')
        assert status == "OK"

    def connect(self, user: Any) -> None:
        """Connect coffeechat `user` to this mailbox over STARTTLS (the test certificate is
        for "localhost"; the `trusted` fixture makes it trusted)."""
        accounts.save_account(user, "localhost", self.server.port, "starttls", self.login, PASSWORD)
