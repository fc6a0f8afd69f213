"""Messages to contacts: drafts and what was sent, with replies."""

from __future__ import annotations

from django.db import models

from coffeechat.common.fields import BoundedDateTimeField
from coffeechat.common.owned import Owned
from coffeechat.domain import vocab


class Message(Owned):
    contact = models.ForeignKey(
        "network.Contact", on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=20, choices=vocab.MESSAGE_KINDS, default="request")
    channel = models.CharField(max_length=12, choices=vocab.CHANNELS, default="email")
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=vocab.MESSAGE_STATUSES, default="draft")
    sent_at = BoundedDateTimeField(null=True, blank=True)
    replied_at = BoundedDateTimeField(null=True, blank=True)
    # What the reply said, and their words if the user pasted them ("" when not noted).
    reply_outcome = models.CharField(
        max_length=10, choices=vocab.REPLY_OUTCOMES, blank=True, default=""
    )
    reply_text = models.TextField(blank=True, default="")
    # The checker rule set the message was written under, so insights can compare them.
    rule_set = models.CharField(max_length=20, blank=True, default="")
    # The Message-ID it went out with (SMTP here, or found in the mailbox), so replies thread.
    mail_message_id = models.CharField(max_length=255, blank=True, default="")

    PLAN_CONTACT = "contact_id"

    class Meta:
        indexes = [
            models.Index(fields=["owner", "contact", "kind"]),
            models.Index(fields=["owner", "status", "sent_at"]),
            # The messages page lists the latest first: walked in order, never sorted.
            models.Index(fields=["owner", "updated_at"]),
            models.Index(fields=["owner", "mail_message_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.contact}"


class MessageTemplate(Owned):
    """A user's own wording for one built-in (kind, variant); deleting it resets to the original."""

    kind = models.CharField(max_length=20, choices=vocab.MESSAGE_KINDS)
    variant = models.CharField(max_length=20)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "variant"], name="template_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.variant})"


SMTP_SECURITY: tuple[tuple[str, str], ...] = (
    ("starttls", "STARTTLS (usually port 587)"),
    ("ssl", "TLS from the start (usually port 465)"),
    ("none", "None (only for a server on this computer)"),
)


class SmtpAccount(Owned):
    """A user's own outgoing mail server; it overrides the one set in the environment.

    The password is kept as typed (the app must hand it to the server) and never shown back.
    """

    host = models.CharField(max_length=200)
    port = models.PositiveIntegerField(default=587)
    security = models.CharField(max_length=8, choices=SMTP_SECURITY, default="starttls")
    username = models.CharField(max_length=200, blank=True)
    password = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="smtp_account_one_per_owner")]

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


MAILBOX_SECURITY: tuple[tuple[str, str], ...] = (
    ("tls", "TLS from the start (usually port 993)"),
    ("starttls", "STARTTLS (usually port 143)"),
)


class MailboxAccount(Owned):
    """The student's own mailbox, read (never written) to find sent requests and replies.

    The app password is kept sealed (coffeechat.common.sealed) and never shown back.
    `sync_lease_until` is the sync lock: a run takes it with one conditional UPDATE, so two runs
    at once can't both hold it on SQLite or PostgreSQL, and a crashed run's lease runs out.
    """

    host = models.CharField(max_length=200)
    port = models.PositiveIntegerField(default=993)
    security = models.CharField(max_length=8, choices=MAILBOX_SECURITY, default="tls")
    username = models.CharField(max_length=200)
    password_sealed = models.TextField()
    sync_lease_until = BoundedDateTimeField(null=True, blank=True)
    last_sync_at = BoundedDateTimeField(null=True, blank=True)
    last_sync_note = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="mailbox_account_one_per_owner")
        ]

    def __str__(self) -> str:
        return f"{self.username} at {self.host}:{self.port}"


class MailboxFolder(Owned):
    """How far a folder has been read: the next sync starts after `last_uid`, unless the
    server's UIDVALIDITY changed (then the folder is read again; findings don't repeat)."""

    account = models.ForeignKey(MailboxAccount, on_delete=models.CASCADE, related_name="folders")
    name = models.CharField(max_length=500)
    uidvalidity = models.BigIntegerField()
    last_uid = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "name"], name="mailbox_folder_unique")
        ]

    def __str__(self) -> str:
        return self.name


MAILBOX_FINDING_KINDS: tuple[tuple[str, str], ...] = (("sent", "Sent"), ("reply", "Reply"))


class MailboxFinding(Owned):
    """One mail the sync recorded, keyed by its Message-ID so a mail seen in several folders
    (Gmail's labels) or again after a UIDVALIDITY change counts once. Undone findings stay,
    so the next sync doesn't find them again."""

    contact = models.ForeignKey(
        "network.Contact", on_delete=models.CASCADE, related_name="mailbox_findings"
    )
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings"
    )
    kind = models.CharField(max_length=5, choices=MAILBOX_FINDING_KINDS)
    key = models.CharField(max_length=255)
    # True when the sync wrote the message itself (no draft matched): undo deletes it.
    created_message = models.BooleanField(default=False)
    undone_at = BoundedDateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="mailbox_finding_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} found for {self.contact}"
