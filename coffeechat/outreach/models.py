"""Messages to contacts: drafts and what was sent, with replies."""

from __future__ import annotations

from django.db import models

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
    sent_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    # The checker rule set the message was written under, so insights can compare them.
    rule_set = models.CharField(max_length=20, blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["owner", "contact", "kind"]),
            models.Index(fields=["owner", "status", "sent_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.contact}"
