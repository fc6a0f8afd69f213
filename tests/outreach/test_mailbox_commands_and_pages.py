"""`coffeechat mail …` and the settings page's mailbox section, against a real Dovecot."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from django.test import Client

from coffeechat.cli.main import main
from coffeechat.common.sealed import unseal
from coffeechat.domain.mailbox.matching import Finding
from coffeechat.network.models import Contact
from coffeechat.outreach.mailbox import records, sync
from coffeechat.outreach.models import MailboxAccount, MailboxFinding, Message
from tests.followups.conftest import free_port
from tests.outreach.mailbox_helpers import PASSWORD, Mailbox, mail
from tests.servers import Dovecot

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def run(argv: list[str], capsys: Any, stdin: str = "") -> tuple[int, str, str]:
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(argv)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def connect_argv(server: Dovecot, who: str) -> list[str]:
    return ["mail", "connect", "--user", who, "--host", "localhost", "--port", str(server.port),
            "--security", "starttls", "--login", who, "--password-stdin"]  # fmt: skip


def with_mail_to_priya(owner: Any, box: Mailbox) -> Contact:
    priya = Contact.objects.create(owner=owner, first_name="Priya", email="priya@acme.example")
    box.put("Sent", mail(sender="me@uni.example", to="priya@acme.example", subject="Advice?",
                         body="Hi Priya", when=T0, message_id="<c1@uni.example>"))  # fmt: skip
    return priya


def test_connect_keeps_the_password_encrypted_and_tests_it(
    server: Any, alice: Any, trusted: Dovecot, capsys: Any
) -> None:
    Mailbox(trusted, "alice")
    code, out, _ = run(connect_argv(trusted, "alice"), capsys, stdin=PASSWORD + "\n")
    assert code == 0
    assert "Connected. " in out and "Sent" in out
    account = MailboxAccount.objects.owned_by(alice).get()
    assert PASSWORD not in account.password_sealed
    assert unseal(account.password_sealed, sync.PASSWORD_PURPOSE) == PASSWORD


def test_connect_with_a_wrong_password_exits_4(
    server: Any, alice: Any, trusted: Dovecot, capsys: Any
) -> None:
    code, _, err = run(connect_argv(trusted, "alice"), capsys, stdin="wrong\n")
    assert code == 4
    assert "app password" in err


def test_sync_json_counts_and_exit_codes(
    server: Any, alice: Any, trusted: Dovecot, capsys: Any
) -> None:
    code, out, _ = run(["mail", "sync", "--user", "alice", "--json"], capsys)
    assert code == 3 and json.loads(out)["status"] == "not-connected"

    box = Mailbox(trusted, "alice")
    box.connect(alice)
    with_mail_to_priya(alice, box)
    code, out, _ = run(["mail", "sync", "--user", "alice", "--json"], capsys)
    report = json.loads(out)
    assert code == 0
    assert (report["status"], report["sent_found"], report["scanned"]) == ("ok", 1, 1)

    MailboxAccount.objects.owned_by(alice).update(port=free_port())  # nobody listens there
    code, _, err = run(["mail", "sync", "--user", "alice"], capsys)
    assert code == 5 and err


def test_sync_all_runs_everyone_and_reports_the_worst(
    server: Any, alice: Any, bob: Any, trusted: Dovecot, capsys: Any
) -> None:
    alice_box = Mailbox(trusted, "alice")
    alice_box.connect(alice)
    with_mail_to_priya(alice, alice_box)
    Mailbox(trusted, "bob")
    from coffeechat.outreach.mailbox.accounts import save_account

    save_account(bob, "localhost", trusted.port, "starttls", "bob", "stale-password")

    code, out, err = run(["mail", "sync", "--all"], capsys)

    assert code == 4
    assert "alice: Checked 1 new mail: 1 sent message and 0 replies found." in out
    assert "bob: " in err and "app password" in err
    assert Message.objects.owned_by(alice).filter(status="sent").count() == 1


def test_sync_all_is_for_server_mode(db: Any, capsys: Any) -> None:
    code, _, err = run(["mail", "sync", "--all"], capsys)
    assert code == 2 and "server mode" in err


def test_a_second_run_exits_cleanly(server: Any, alice: Any, trusted: Dovecot, capsys: Any) -> None:
    Mailbox(trusted, "alice").connect(alice)
    MailboxAccount.objects.owned_by(alice).update(sync_lease_until=datetime(2099, 1, 1, tzinfo=UTC))
    code, out, _ = run(["mail", "sync", "--user", "alice"], capsys)
    assert code == 0 and "already being checked" in out


def test_disconnect(server: Any, alice: Any, trusted: Dovecot, capsys: Any) -> None:
    Mailbox(trusted, "alice").connect(alice)
    code, out, _ = run(["mail", "disconnect", "--user", "alice"], capsys)
    assert (
        code == 0
        and "Mailbox removed" in out
        and not MailboxAccount.objects.owned_by(alice).exists()
    )
    code, _, _ = run(["mail", "test", "--user", "alice"], capsys)
    assert code == 3


# The page


def post_mailbox(client: Client, server: Dovecot, password: str) -> Any:
    return client.post(
        "/outreach/settings/",
        {"section": "mailbox", "mailbox-host": "localhost", "mailbox-port": server.port,
         "mailbox-security": "starttls", "mailbox-username": "alice",
         "mailbox-password": password},
        follow=True,
    )  # fmt: skip


def test_the_page_connects_checks_mail_and_removes(
    client_alice: Client, alice: Any, trusted: Dovecot
) -> None:
    page = client_alice.get("/outreach/settings/").content.decode()
    assert "Connect mailbox" in page and "imap.gmail.com" in page

    box = Mailbox(trusted, "alice")
    response = post_mailbox(client_alice, trusted, PASSWORD)
    page = response.content.decode()
    assert "Mailbox saved. Connected." in page
    assert "Password saved." in page and PASSWORD not in page
    assert "Check mail now" in page

    with_mail_to_priya(alice, box)
    page = client_alice.post("/outreach/mailbox/sync", follow=True).content.decode()
    assert "1 sent message and 0 replies found" in page

    page = client_alice.post("/outreach/mailbox/test", follow=True).content.decode()
    assert "we&#x27;ll read your inbox and Sent" in page

    page = client_alice.post("/outreach/mailbox/remove", follow=True).content.decode()
    assert "Mailbox removed" in page and "Connect mailbox" in page
    assert not MailboxAccount.objects.owned_by(alice).exists()


def test_the_page_asks_for_the_password_once_and_says_when_it_is_wrong(
    client_alice: Client, alice: Any, trusted: Dovecot
) -> None:
    response = post_mailbox(client_alice, trusted, "")
    assert response.status_code == 422
    assert "Paste the app password" in response.content.decode()

    page = post_mailbox(client_alice, trusted, "nope").content.decode()
    assert "couldn&#x27;t sign in yet" in page and "app password" in page
    # Saved anyway, so fixing the password is one field; an empty one now keeps it.
    assert post_mailbox(client_alice, trusted, "").status_code == 200


def test_check_mail_without_a_mailbox(client_alice: Client) -> None:
    page = client_alice.post("/outreach/mailbox/sync", follow=True).content.decode()
    assert "No mailbox is connected yet" in page


def test_a_found_reply_asks_how_they_answered(client_alice: Client, alice: Any) -> None:
    priya = Contact.objects.create(owner=alice, first_name="Priya", email="priya@acme.example")
    request = Message.objects.create(owner=alice, contact=priya, status="sent", sent_at=T0)
    finding = Finding("reply", "<r@acme.example>", priya.pk, request.pk, T0 + timedelta(days=1),
                      "Re: Advice", "Happy to!", "<r@acme.example>")  # fmt: skip
    records.record(alice, finding)
    page = client_alice.get(f"/contacts/{priya.pk}/").content.decode()
    assert f'href="/messages/{request.pk}/replied">Note how they answered' in page
    client_alice.post(
        f"/messages/{request.pk}/replied",
        {"when": (T0 + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"), "outcome": "yes"},
    )
    page = client_alice.get(f"/contacts/{priya.pk}/").content.decode()
    assert "Reply received: yes" in page and "Note how they answered" not in page


def test_the_timeline_marks_findings_and_undoes_them(
    client_alice: Client, client_outsider: Client, alice: Any, trusted: Dovecot
) -> None:
    box = Mailbox(trusted, "alice")
    box.connect(alice)
    priya = with_mail_to_priya(alice, box)
    sync.sync(alice)
    finding = MailboxFinding.objects.owned_by(alice).get()
    page = client_alice.get(f"/contacts/{priya.pk}/").content.decode()
    assert "Found in your mailbox" in page

    assert client_outsider.post(f"/outreach/mailbox/found/{finding.pk}/undo").status_code == 404
    assert Message.objects.owned_by(alice).count() == 1

    response = client_alice.post(f"/outreach/mailbox/found/{finding.pk}/undo", follow=True)
    page = response.content.decode()
    assert "won&#x27;t be picked up from your mailbox again" in page
    assert "Found in your mailbox" not in page
    assert not Message.objects.owned_by(alice).exists()
