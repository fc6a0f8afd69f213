"""The daily digest through a real SMTP server on loopback, including a failure and its retry."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message as EmailMessage
from typing import Any

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.test import override_settings

from coffeechat.accounts.services import personal_owner
from coffeechat.cli.main import main
from coffeechat.common import mail
from coffeechat.followups.models import DailyDigest
from tests.followups.conftest import free_port, ny, person, sent


class Mailbox:
    """An SMTP handler that keeps what it receives, or refuses it when told to."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []
        self.refuse = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "451 Mailbox busy, try again later"
        self.received.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    handler = Mailbox()
    # aiosmtpd 1.4 checks its own port after starting, so it needs a real one, not 0.
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND=mail.BACKEND,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            yield handler
    finally:
        controller.stop()


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def owner(db: Any) -> Any:
    user = personal_owner("Sam")
    user.email = "sam@example.org"
    user.save()
    kit = person(user, "Kit")
    sent(kit, "request", ny(2026, 3, 6))  # a follow-up falls due on the 17th
    return user


def body(mail: EmailMessage) -> str:
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


@time_machine.travel(ny(2026, 3, 17, 7), tick=False)
def test_it_sends_once_a_day_unless_forced(mailbox: Mailbox, owner: Any, capsys: Any) -> None:
    code, out, _ = run(["digest"], capsys)
    assert code == 0 and "sent to sam@example.org" in out
    [mail] = mailbox.received
    assert mail["To"] == "sam@example.org" and "1 due" in mail["Subject"]
    assert "Follow up with Kit Example" in body(mail) and "Good morning, Sam" in body(mail)
    code, out, _ = run(["digest"], capsys)
    assert code == 0 and "already sent" in out and len(mailbox.received) == 1
    code, _, _ = run(["digest", "--force"], capsys)
    assert code == 0 and len(mailbox.received) == 2


@time_machine.travel(ny(2026, 3, 17, 7), tick=False)
def test_the_digest_reads_well_in_any_mail_program(
    mailbox: Mailbox, owner: Any, capsys: Any, settings: Any
) -> None:
    settings.DEFAULT_FROM_EMAIL = "coffeechat@careers.example.edu"
    sent(person(owner, "Zoë"), "request", ny(2026, 3, 6))  # 8-bit text in the body
    run(["digest"], capsys)
    [mail] = mailbox.received
    assert mail["Content-Transfer-Encoding"] == "quoted-printable"
    assert "Zoë" in body(mail)
    assert mail["Message-ID"].endswith("@careers.example.edu>")
    assert not mail["Date"].endswith("-0000")  # a real offset, not "zone unknown"


@time_machine.travel(ny(2026, 3, 16, 7), tick=False)
def test_nothing_due_sends_nothing(mailbox: Mailbox, owner: Any, capsys: Any) -> None:
    code, out, _ = run(["digest"], capsys)
    assert code == 0 and "nothing due" in out and mailbox.received == []


def test_a_failed_send_fails_loudly_and_is_retried(
    mailbox: Mailbox, owner: Any, capsys: Any
) -> None:
    mailbox.refuse = True
    with time_machine.travel(ny(2026, 3, 17, 7), tick=False):
        code, _, err = run(["digest"], capsys)
    assert code == 1 and "tried again on the next run" in err and "451" in err
    record = DailyDigest.objects.get(owner=owner)
    assert record.last_sent_on is None and "451" in record.last_error
    mailbox.refuse = False
    with time_machine.travel(ny(2026, 3, 17, 8), tick=False):
        code, out, _ = run(["digest"], capsys)
    assert code == 0 and "sent" in out and len(mailbox.received) == 1
    record.refresh_from_db()
    assert record.last_error == "" and str(record.last_sent_on) == "2026-03-17"


def test_an_unreachable_server_is_a_failure_too(owner: Any, capsys: Any) -> None:
    with (
        override_settings(
            EMAIL_BACKEND=mail.BACKEND,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=9,  # discard: nothing listens there
            EMAIL_USE_TLS=False,
            EMAIL_TIMEOUT=2,
        ),
        time_machine.travel(ny(2026, 3, 17, 7), tick=False),
    ):
        code, _, err = run(["digest"], capsys)
    assert code == 1 and "could not send" in err


@override_settings(EMAIL_HOST="")
def test_no_mail_server_is_a_clear_error(owner: Any, capsys: Any) -> None:
    code, _, err = run(["digest"], capsys)
    assert code == 2 and "COFFEECHAT_SMTP_HOST" in err


def test_an_account_without_an_address_is_told_so(mailbox: Mailbox, db: Any, capsys: Any) -> None:
    personal_owner()
    code, _, err = run(["digest"], capsys)
    assert code == 2 and "no e-mail address" in err


@time_machine.travel(ny(2026, 3, 17, 7), tick=False)
def test_server_mode_mails_everyone_who_opted_in(
    mailbox: Mailbox, alice: Any, bob: Any, outsider: Any, capsys: Any
) -> None:
    for user in (alice, bob, outsider):
        sent(person(user, "Kit"), "request", ny(2026, 3, 6))
    DailyDigest.objects.create(owner=alice, enabled=True)
    DailyDigest.objects.create(owner=outsider, enabled=True)  # but has no address
    with override_settings(PERSONAL=False):
        code, _, _ = run(["digest"], capsys)
        assert code == 0 and [m["To"] for m in mailbox.received] == ["alice@example.org"]
        code, _, _ = run(["digest", "--user", "bob"], capsys)
    assert code == 0 and mailbox.received[-1]["To"] == "bob@example.org"


def test_a_bad_date_is_refused(mailbox: Mailbox, owner: Any, capsys: Any) -> None:
    code, _, err = run(["digest", "--on", "17/03/2026"], capsys)
    assert code == 2 and "YYYY-MM-DD" in err
