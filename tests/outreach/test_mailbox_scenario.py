"""The judging scenario: a realistic mailbox of a few hundred messages, a dozen of them to or
from contacts. Every request and reply is recorded, nothing from strangers, no out-of-office as a
reply, and a second run changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from coffeechat.network.models import Contact
from coffeechat.outreach.mailbox import sync
from coffeechat.outreach.models import MailboxFinding, Message
from tests.outreach.mailbox_helpers import Mailbox, mail
from tests.servers import Dovecot

ME = "Alice Moreau <alice@uni.example>"
T0 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
AUTO_REPLIES: tuple[dict[str, str], ...] = (
    {"Auto-Submitted": "auto-replied"},
    {"X-Autoreply": "yes"},
    {"Precedence": "auto_reply"},
    {},  # only the subject says so
)


def test_a_realistic_mailbox(alice: Any, trusted: Dovecot, bodies_read: list[bytes]) -> None:
    box = Mailbox(trusted, "alice")
    box.connect(alice)
    contacts = [
        Contact.objects.create(
            owner=alice, first_name=f"Person{i}", email=f"person{i}@firm{i}.example",
            notes="Other e-mail addresses: p3@home.example" if i == 3 else "",
        )
        for i in range(12)
    ]  # fmt: skip
    drafts = {
        i: Message.objects.create(
            owner=alice, contact=contacts[i], subject=f"Advice on your path, {i}",
            body=f"Dear Person{i},\nI'm Alice, a student. Could I ask you for 20 minutes?",
        )
        for i in range(8)
    }  # fmt: skip
    # Sent: a request to each contact (8 from drafts, with the mail program's signature), 40 to
    # strangers, and 2 answers to contacts' replies (talk, not new requests).
    for i, contact in enumerate(contacts):
        body = drafts[i].body + "\n\n--\nAlice" if i in drafts else f"Hi Person{i}, 20 minutes?"
        subject = drafts[i].subject if i in drafts else f"A question from a student, {i}"
        box.put("Sent", mail(sender=ME, to=f"Person{i} <{contact.email}>", subject=subject,
                             body=body, when=T0 + timedelta(hours=i),
                             message_id=f"<req{i}@uni.example>"))  # fmt: skip
    for n in range(40):
        box.put("Sent", mail(sender=ME, to=f"friend{n}@mail.example", subject=f"Notes {n}",
                             body="STRANGER", when=T0 + timedelta(minutes=n)))  # fmt: skip
    # Inbox: replies from 7 contacts (4 threaded, 2 by address, 1 from a second address), 4
    # out-of-office answers from contacts, 250 strangers, and an older mail from a contact.
    for i in range(7):
        sender = "p3@home.example" if i == 3 else contacts[i].email
        box.put("INBOX", mail(sender=sender, to=ME, subject=f"Re: {i}",
                              body=f"Happy to help, {i}!\n\nOn Monday Alice wrote:\n> Dear",
                              when=T0 + timedelta(days=1, hours=i),
                              message_id=f"<reply{i}@firm.example>",
                              in_reply_to=f"<req{i}@uni.example>" if i < 4 else ""))  # fmt: skip
    for i in (0, 1):
        box.put("Sent", mail(sender=ME, to=contacts[i].email, subject=f"Re: Re: {i}",
                             body="Tuesday works, thank you!", when=T0 + timedelta(days=2),
                             in_reply_to=f"<reply{i}@firm.example>"))  # fmt: skip
    for k, headers in enumerate(AUTO_REPLIES):
        i = 8 + k
        box.put("INBOX", mail(sender=contacts[i].email, to=ME,
                              subject=f"Automatic reply: A question from a student, {i}",
                              body="I am out of the office.", when=T0 + timedelta(days=1),
                              headers=headers))  # fmt: skip
    for n in range(250):
        box.put("INBOX", mail(sender=f"news{n % 17}@letters.example", to=ME,
                              subject=f"Weekly digest {n}", body="STRANGER " + contacts[0].email,
                              when=T0 + timedelta(minutes=n)))  # fmt: skip
    box.put("INBOX", mail(sender=contacts[11].email, to=ME, subject="From last year",
                          body="Old news", when=T0 - timedelta(days=300)))  # fmt: skip

    report = sync.sync(alice)

    assert report.scanned == 12 + 40 + 7 + 2 + 4 + 250 + 1
    assert (report.sent_found, report.replies_found, report.auto_replies_skipped) == (12, 7, 4)
    sent = Message.objects.owned_by(alice).filter(status="sent")
    assert sent.count() == 12
    assert not Message.objects.owned_by(alice).filter(status="draft").exists()
    for i, draft in drafts.items():
        draft.refresh_from_db()
        assert (draft.status, draft.sent_at) == ("sent", T0 + timedelta(hours=i))
    replied = {m.contact_id for m in sent if m.replied_at is not None}
    assert replied == {c.pk for c in contacts[:7]}
    assert (
        Message.objects.owned_by(alice).get(contact=contacts[3]).reply_text == "Happy to help, 3!"
    )
    assert not any(b"STRANGER" in raw or b"out of the office" in raw for raw in bodies_read)

    again = sync.sync(alice)

    assert (again.scanned, again.sent_found, again.replies_found) == (0, 0, 0)
    assert MailboxFinding.objects.owned_by(alice).count() == 19
    assert Message.objects.owned_by(alice).count() == 12
