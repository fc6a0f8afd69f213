"""What the sync writes: findings recorded through the same services as the buttons, and undone."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from coffeechat.domain.mailbox.matching import Finding, Known, KnownMessage, contact_addresses
from coffeechat.network.models import Contact
from coffeechat.outreach import services
from coffeechat.outreach.models import MailboxFinding, Message


def known_for(user: Any) -> Known:
    """Contacts by every address they write from, their e-mail messages, earlier findings."""
    by_address: dict[str, int] = {}
    contacts = Contact.objects.owned_by(user).exclude(email="").values_list("pk", "email", "notes")
    for pk, email, notes in contacts.iterator(chunk_size=2000):
        for address in contact_addresses(email, notes):
            by_address.setdefault(address, pk)
    done = set(MailboxFinding.objects.owned_by(user).values_list("key", flat=True))
    return Known(by_address, messages_for(user), done)


def messages_for(user: Any) -> list[KnownMessage]:
    rows = Message.objects.owned_by(user).filter(channel="email", contact__email__gt="")
    return [
        KnownMessage(
            m.pk, m.contact_id, m.status, m.subject, m.body, m.sent_at, m.replied_at,
            m.mail_message_id,
        )
        for m in rows.only(
            "pk", "contact_id", "status", "subject", "body", "sent_at", "replied_at",
            "mail_message_id",
        ).iterator(chunk_size=2000)
    ]  # fmt: skip


def record(user: Any, finding: Finding) -> MailboxFinding:
    """Sent: the draft marked sent (or a new sent message) by `services.mark_sent`, so the
    follow-up clock starts as with the button. Reply: `services.mark_replied`, as the button."""
    contact = Contact.objects.owned_by(user).get(pk=finding.contact_id)
    message: Message | None = None
    if finding.message_id is not None:
        message = Message.objects.owned_by(user).get(pk=finding.message_id)
    created = False
    if finding.kind == "sent":
        if message is None:
            message = Message.objects.create(
                owner=user,
                contact=contact,
                kind="follow-up" if finding.follow_up else "request",
                subject=finding.subject,
                body=finding.text,
            )
            created = True
        message.mail_message_id = finding.mail_message_id
        message.save(update_fields=["mail_message_id", "updated_at"])
        services.mark_sent(message, finding.when)
    else:
        assert message is not None
        services.mark_replied(message, finding.when, text=finding.text)
    return MailboxFinding.objects.create(
        owner=user,
        contact=contact,
        message=message,
        kind=finding.kind,
        key=finding.key,
        created_message=created,
    )


@transaction.atomic
def undo(finding: MailboxFinding) -> None:
    """Take back what the finding changed; the finding stays so the next sync skips that mail."""
    message = None
    if finding.message_id is not None:
        message = Message.objects.owned_by(finding.owner).filter(pk=finding.message_id).first()
    if message is not None and finding.kind == "sent":
        if finding.created_message:
            message.delete()
            finding.message = None
        else:
            message.status = "draft"
            message.sent_at = None
            message.save(update_fields=["status", "sent_at", "updated_at"])
    elif message is not None:
        message.replied_at = None
        message.reply_outcome = ""
        message.reply_text = ""
        message.save(update_fields=["replied_at", "reply_outcome", "reply_text", "updated_at"])
    finding.undone_at = timezone.now()
    finding.save(update_fields=["undone_at", "updated_at"])
