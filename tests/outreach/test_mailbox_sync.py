"""The mailbox sync against a real Dovecot: what it records, what it never reads, and that
running it again, twice at once, after a crash or a renumbering changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from coffeechat.network.models import Contact
from coffeechat.outreach.mailbox import imap, records, sync
from coffeechat.outreach.mailbox.accounts import check_connection, save_account
from coffeechat.outreach.models import MailboxFinding, MailboxFolder, Message
from tests.conftest import signed_in
from tests.outreach.mailbox_helpers import PASSWORD, Mailbox, mail
from tests.servers import Dovecot

ME = "alice@uni.example"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def box(trusted: Dovecot, alice: Any) -> Mailbox:
    mailbox = Mailbox(trusted, "alice")
    mailbox.connect(alice)
    return mailbox


def person(owner: Any, first: str, email: str, notes: str = "") -> Contact:
    return Contact.objects.create(owner=owner, first_name=first, email=email, notes=notes)


def draft(owner: Any, contact: Contact, subject: str, body: str) -> Message:
    return Message.objects.create(owner=owner, contact=contact, subject=subject, body=body)


def test_sent_from_the_mail_program_and_replies_are_recorded(
    alice: Any, box: Mailbox, bodies_read: list[bytes]
) -> None:
    priya = person(alice, "Priya", "priya@acme.example")
    sam = person(alice, "Sam", "sam@work.example", notes="Other e-mail addresses: sam@home.example")
    lee = person(alice, "Lee", "lee@lab.example")
    request = draft(alice, priya, "Advice on health data work", "Dear Priya,\nI'm Alice.")
    Message.objects.create(
        owner=alice, contact=lee, subject="Hello", status="sent", sent_at=T0 - timedelta(days=3)
    )
    box.put("Sent", mail(sender=ME, to="Priya <priya@acme.example>", subject=request.subject,
                         body="Dear Priya,\nI'm Alice.\n\n-- \nAlice, sent from my phone",
                         when=T0, message_id="<req-1@uni.example>"))  # fmt: skip
    box.put("Sent", mail(sender=ME, to="sam@work.example", subject="Twenty minutes?",
                         body="Hi Sam, could I ask you about QA?", when=T0,
                         message_id="<req-2@uni.example>"))  # fmt: skip
    box.put("INBOX", mail(sender="priya@acme.example", to=ME, subject="Re: " + request.subject,
                          body="Happy to!\nTuesday at 3?\n\nOn Mon, Alice wrote:\n> Dear Priya",
                          when=T0 + timedelta(days=1), message_id="<r1@acme.example>",
                          in_reply_to="<req-1@uni.example>"))  # fmt: skip
    box.put("INBOX", mail(sender="Sam <sam@home.example>", to=ME, subject="Sure",
                          body="Sure, call me Friday.", when=T0 + timedelta(days=2),
                          message_id="<r2@home.example>"))  # fmt: skip
    box.put("INBOX", mail(sender="lee@lab.example", to=ME, subject="Out of Office: Hello",
                          body="I am away until Monday.", when=T0 + timedelta(days=1),
                          headers={"Auto-Submitted": "auto-replied"}))  # fmt: skip
    box.put("INBOX", mail(sender="stranger@spam.example", to=ME, subject="Big sale",
                          body="STRANGER-BODY", when=T0))  # fmt: skip

    report = sync.sync(alice)

    assert (report.sent_found, report.replies_found, report.auto_replies_skipped) == (2, 2, 1)
    request.refresh_from_db()
    assert (request.status, request.sent_at, request.mail_message_id) == (
        "sent", T0, "<req-1@uni.example>"
    )  # fmt: skip
    assert request.replied_at == T0 + timedelta(days=1)
    assert request.reply_text == "Happy to!\nTuesday at 3?"
    to_sam = Message.objects.owned_by(alice).get(contact=sam)
    assert (to_sam.status, to_sam.kind, to_sam.subject) == ("sent", "request", "Twenty minutes?")
    assert to_sam.replied_at == T0 + timedelta(days=2)
    assert Message.objects.owned_by(alice).get(contact=lee).replied_at is None
    assert not any(b"STRANGER-BODY" in raw or b"I am away" in raw for raw in bodies_read)
    assert len(bodies_read) == 4

    again = sync.sync(alice)
    assert (again.scanned, again.sent_found, again.replies_found) == (0, 0, 0)
    assert MailboxFinding.objects.owned_by(alice).count() == 4


def test_undone_findings_are_not_found_again(alice: Any, box: Mailbox) -> None:
    priya = person(alice, "Priya", "priya@acme.example")
    box.put("Sent", mail(sender=ME, to="priya@acme.example", subject="Advice?", body="Hi",
                         when=T0, message_id="<a@uni.example>"))  # fmt: skip
    box.put("INBOX", mail(sender="priya@acme.example", to=ME, subject="Re: Advice?",
                          body="Yes", when=T0 + timedelta(hours=5),
                          in_reply_to="<a@uni.example>"))  # fmt: skip
    sync.sync(alice)
    for finding in MailboxFinding.objects.owned_by(alice).order_by("-kind"):
        records.undo(finding)
    assert not Message.objects.owned_by(alice).filter(contact=priya).exists()
    MailboxFolder.objects.owned_by(alice).update(last_uid=0)  # read everything again

    report = sync.sync(alice)

    assert (report.sent_found, report.replies_found) == (0, 0)
    assert not Message.objects.owned_by(alice).filter(contact=priya).exists()


def test_a_reply_to_a_draft_marked_sent_undone_goes_back_to_draft(alice: Any, box: Mailbox) -> None:
    priya = person(alice, "Priya", "priya@acme.example")
    request = draft(alice, priya, "Advice?", "Hi Priya")
    box.put("Sent", mail(sender=ME, to="priya@acme.example", subject="Advice?", body="Hi Priya",
                         when=T0))  # fmt: skip
    sync.sync(alice)
    records.undo(MailboxFinding.objects.owned_by(alice).get())
    request.refresh_from_db()
    assert (request.status, request.sent_at) == ("draft", None)


def test_a_mail_in_several_folders_counts_once_and_all_mail_is_skipped(
    alice: Any, box: Mailbox
) -> None:
    person(alice, "Priya", "priya@acme.example")
    sent = mail(sender=ME, to="priya@acme.example", subject="Advice?", body="Hi", when=T0,
                message_id="<once@uni.example>")  # fmt: skip
    box.create("Sent Messages")
    box.create("Archive")
    for folder in ("Sent", "Sent Messages", "Archive"):
        box.put(folder, sent)

    report = sync.sync(alice)

    assert report.sent_found == 1
    assert Message.objects.owned_by(alice).count() == 1
    names = set(MailboxFolder.objects.owned_by(alice).values_list("name", flat=True))
    assert names == {"INBOX", "Sent", "Sent Messages"}


def test_a_uidvalidity_change_rereads_the_folder_without_duplicates(
    alice: Any, box: Mailbox
) -> None:
    person(alice, "Priya", "priya@acme.example")
    sent = mail(sender=ME, to="priya@acme.example", subject="Advice?", body="Hi", when=T0,
                message_id="<v@uni.example>")  # fmt: skip
    box.put("Sent", sent)
    sync.sync(alice)
    before = MailboxFolder.objects.owned_by(alice).get(name="Sent").uidvalidity
    box.delete("Sent")
    box.create("Sent")
    box.put("Sent", sent)

    report = sync.sync(alice)

    folder = MailboxFolder.objects.owned_by(alice).get(name="Sent")
    assert folder.uidvalidity != before and folder.last_uid == 1
    assert report.scanned == 1 and report.sent_found == 0
    assert Message.objects.owned_by(alice).count() == 1


def five_requests_in_batches_of_two(
    owner: Any, box: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(5):
        contact = person(owner, f"P{i}", f"p{i}@acme.example")
        box.put("Sent", mail(sender=ME, to=contact.email, subject=f"Advice {i}", body="Hi",
                             when=T0 + timedelta(minutes=i)))  # fmt: skip
    monkeypatch.setattr(imap, "HEADER_BATCH", 2)


def test_a_connection_dropped_mid_sync_resumes_without_duplicates(
    alice: Any, box: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    five_requests_in_batches_of_two(alice, box, monkeypatch)
    original = imap.Session.headers
    calls = {"n": 0}

    def dropping(self: imap.Session, uids: list[int]) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            self.client.shutdown()  # the line goes dead under the second batch
        return original(self, uids)

    monkeypatch.setattr(imap.Session, "headers", dropping)
    with pytest.raises(imap.MailboxError) as failed:
        sync.sync(alice)
    assert failed.value.reason == "network"
    assert Message.objects.owned_by(alice).count() == 2
    assert MailboxFolder.objects.owned_by(alice).get(name="Sent").last_uid == 2

    report = sync.sync(alice)

    assert report.sent_found == 3
    assert Message.objects.owned_by(alice).filter(status="sent").count() == 5


def test_a_second_run_at_the_same_time_says_already_syncing(
    alice: Any, box: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    person(alice, "Priya", "priya@acme.example")
    box.put("Sent", mail(sender=ME, to="priya@acme.example", subject="Advice?", body="Hi",
                         when=T0))  # fmt: skip
    original = imap.Session.headers
    second: list[Exception] = []

    def meanwhile(self: imap.Session, uids: list[int]) -> Any:
        try:
            sync.sync(alice)
        except sync.AlreadySyncing as exc:
            second.append(exc)
        return original(self, uids)

    monkeypatch.setattr(imap.Session, "headers", meanwhile)
    report = sync.sync(alice)

    assert len(second) == 1 and "already being checked" in str(second[0])
    assert report.sent_found == 1 and Message.objects.owned_by(alice).count() == 1
    monkeypatch.setattr(imap.Session, "headers", original)
    assert sync.sync(alice).scanned == 0  # the lease was given back


def test_a_wrong_password_says_so(alice: Any, trusted: Dovecot) -> None:
    Mailbox(trusted, "alice")
    save_account(alice, "localhost", trusted.port, "starttls", "alice", "not-it")
    with pytest.raises(imap.MailboxError) as failed:
        sync.sync(alice)
    assert failed.value.reason == "auth"
    assert "app password" in str(failed.value)
    assert "app password" in sync.account_of(alice).last_sync_note


@pytest.mark.parametrize(
    ("security", "tls_port", "works"),
    [("tls", True, True), ("starttls", False, True), ("tls", False, False)],
)
def test_tls_and_starttls(trusted: Dovecot, security: str, tls_port: bool, works: bool) -> None:
    Mailbox(trusted, "alice")
    port = trusted.tls_port if tls_port else trusted.port
    config = imap.MailboxConfig("localhost", port, security, "alice", PASSWORD)
    if works:
        assert "we'll read your inbox and Sent" in check_connection(config)
    else:
        with pytest.raises(imap.MailboxError) as failed:
            check_connection(config)
        assert failed.value.reason in ("tls", "network")


def test_an_untrusted_certificate_is_refused(dovecot: Dovecot) -> None:
    Mailbox(dovecot, "alice")
    config = imap.MailboxConfig("localhost", dovecot.tls_port, "tls", "alice", PASSWORD)
    with pytest.raises(imap.MailboxError) as failed:
        check_connection(config)
    assert failed.value.reason == "tls"


def test_an_unreachable_server(alice: Any) -> None:
    from tests.followups.conftest import free_port

    config = imap.MailboxConfig("127.0.0.1", free_port(), "tls", "alice", PASSWORD)
    with pytest.raises(imap.MailboxError) as failed:
        check_connection(config)
    assert failed.value.reason == "network"


def test_two_students_see_only_their_own(alice: Any, bob: Any, trusted: Dovecot) -> None:
    alice_box, bob_box = Mailbox(trusted, "alice"), Mailbox(trusted, "bob")
    alice_box.connect(alice)
    bob_box.connect(bob)
    person(alice, "Priya", "priya@acme.example")
    bobs_priya = person(bob, "Priya", "priya@acme.example")
    bob_box.put("Sent", mail(sender="bob@uni.example", to="priya@acme.example", subject="Hi",
                             body="Hello", when=T0, message_id="<bob@uni.example>"))  # fmt: skip

    assert sync.sync(alice).sent_found == 0
    assert sync.sync(bob).sent_found == 1
    assert not Message.objects.owned_by(alice).exists()
    assert Message.objects.owned_by(bob).get().contact == bobs_priya
    assert MailboxFinding.objects.owned_by(alice).count() == 0


def test_the_time_budget_stops_between_batches_and_the_next_run_goes_on(
    alice: Any, box: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    five_requests_in_batches_of_two(alice, box, monkeypatch)
    ticks = iter([0.0, 0.0, 1000.0])  # the start, the first batch in time, then out of time

    report = sync.sync(alice, budget_seconds=10, clock=lambda: next(ticks, 1000.0))

    assert (report.complete, report.scanned, report.sent_found) == (False, 2, 2)
    assert "There's more to read" in report.summary()
    assert sync.account_of(alice).sync_lease_until is None
    rest = sync.sync(alice)
    assert (rest.complete, rest.scanned, rest.sent_found) == (True, 3, 3)


def test_a_found_reply_asks_on_today_how_they_answered(alice: Any, box: Mailbox) -> None:
    priya = person(alice, "Priya", "priya@acme.example")
    priya.last_name = "Raman"
    priya.save()
    box.put("Sent", mail(sender=ME, to="priya@acme.example", subject="Advice?", body="Hi Priya",
                         when=T0, message_id="<ask@uni.example>"))  # fmt: skip
    answer = "Happy to <help>!\nTuesday at 3?\n\nOn Mon, Alice wrote:\n> Hi"
    came = T0 + timedelta(days=1)
    box.put("INBOX", mail(sender="priya@acme.example", to=ME, subject="Re: Advice?", body=answer,
                          when=came, in_reply_to="<ask@uni.example>"))  # fmt: skip
    sync.sync(alice)
    request = Message.objects.owned_by(alice).get(contact=priya)

    with time_machine.travel(T0 + timedelta(days=1, hours=6), tick=False):  # Tuesday morning
        html = signed_in(alice).get("/today/").content.decode()
    assert "Note how Priya Raman answered" in html
    assert "Happy to &lt;help&gt;!<br>Tuesday at 3?</blockquote>" in html
    assert f'href="/messages/{request.pk}/replied">Note their answer' in html
