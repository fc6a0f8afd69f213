"""Meetings (the informational interviews themselves), questions, agendas and resources."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models

from coffeechat.common.fields import BoundedDateTimeField
from coffeechat.common.owned import Owned
from coffeechat.domain import vocab


class Meeting(Owned):
    contact = models.ForeignKey(
        "network.Contact", on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = BoundedDateTimeField()
    minutes = models.PositiveSmallIntegerField("agreed length (minutes)", default=20)
    mode = models.CharField(max_length=12, choices=vocab.MEETING_MODES, default="video")
    location = models.CharField("place or link", max_length=300, blank=True)
    # One line the student writes on the prep sheet: what they most want to learn from this
    # person. Shown at the top of the prep sheet and in live mode, so the conversation has aim.
    objective = models.CharField(
        "what I want to learn from this person", max_length=300, blank=True
    )
    status = models.CharField(max_length=12, choices=vocab.MEETING_STATUSES, default="scheduled")
    # Live mode's clock: stored on the server so a reload or another device keeps counting.
    started_at = BoundedDateTimeField(null=True, blank=True)
    ended_at = BoundedDateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)
    advice = models.TextField("advice worth quoting", blank=True)
    next_step = models.CharField(max_length=300, blank=True)
    reflection = models.JSONField(default=dict, blank=True)
    thank_you = models.ForeignKey(
        "outreach.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # RFC 5545 SEQUENCE: raised on every edit so calendars replace the old event.
    sequence = models.PositiveIntegerField(default=0)

    # Live mode saves these every few seconds; Today's plan reads none of them and Insights
    # only the advice, so those saves don't make either be worked out again.
    QUIET_FIELDS = {
        "plan": frozenset({"notes", "advice", "next_step"}),
        "insights": frozenset({"notes", "next_step"}),
    }
    PLAN_CONTACT = "contact_id"

    class Meta:
        indexes = [
            models.Index(fields=["owner", "starts_at"]),
            models.Index(fields=["owner", "contact"]),
        ]

    def __str__(self) -> str:
        return f"Conversation with {self.contact} on {self.starts_at:%Y-%m-%d}"

    @property
    def planned_end(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


class Question(Owned):
    """A user's own question, or the user's override (hidden, order) of a built-in one by key."""

    key = models.CharField(max_length=80, blank=True)
    category = models.CharField(max_length=20)
    text = models.TextField()
    minutes = models.PositiveSmallIntegerField(default=2)
    priority = models.PositiveSmallIntegerField(default=2)
    tiara = models.CharField(max_length=12, blank=True)
    position = models.PositiveIntegerField(null=True, blank=True)
    hidden = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["owner", "category"])]

    def __str__(self) -> str:
        return self.text[:60]


class AgendaItem(Owned):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    question_key = models.CharField(max_length=80, blank=True)
    text = models.TextField()
    category = models.CharField(max_length=20)
    minutes = models.PositiveSmallIntegerField(default=2)
    order = models.PositiveIntegerField(default=0)
    asked = models.BooleanField(default=False)
    notes = models.TextField(blank=True)

    # Today's plan only asks whether a meeting has an agenda; Insights quotes the notes with
    # their question, category and order, but not whether it was asked or for how long.
    QUIET_FIELDS = {
        "plan": frozenset(
            {"question_key", "text", "category", "minutes", "order", "asked", "notes"}
        ),
        "insights": frozenset({"minutes", "asked"}),
    }
    PLAN_CONTACT = "meeting__contact_id"  # whether the meeting has an agenda

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Resource(Owned):
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="resources"
    )
    contact = models.ForeignKey(
        "network.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=14, choices=vocab.RESOURCE_KINDS, default="other")
    title = models.CharField(max_length=200)
    url = models.URLField(blank=True, max_length=300)
    notes = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.title
