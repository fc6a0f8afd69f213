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

    class Meta:
        indexes = [
            models.Index(fields=["owner", "contact", "kind"]),
            models.Index(fields=["owner", "status", "sent_at"]),
            # The messages page lists the latest first: walked in order, never sorted.
            models.Index(fields=["owner", "updated_at"]),
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
