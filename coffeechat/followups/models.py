"""What the user did with a computed action, and the daily digest's bookkeeping.

Actions themselves are derived from facts every time; only the user's decisions are stored.
"""

from __future__ import annotations

from django.db import models

from coffeechat.common.fields import BoundedDateField
from coffeechat.common.owned import Owned


class ActionState(Owned):
    STATES = (("done", "Done"), ("snoozed", "Snoozed"), ("dismissed", "Dismissed"))

    # Keys embed a field name for "broaden" actions, so leave room for long ones.
    key = models.CharField(max_length=255)
    state = models.CharField(max_length=10, choices=STATES)
    until = BoundedDateField(null=True, blank=True)

    # Neither the rules nor Insights read what was done with a step: marking one done keeps
    # the figures and the rules' answer (the plan cache lays the states over it).
    QUIET_TOPICS = frozenset({"insights", "plan"})

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="action_state_unique_per_owner")
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.state}"


class DailyDigest(Owned):
    """One row per user: whether they want the e-mail, and the last day it went out.

    A failed send leaves `last_sent_on` alone, so the next run tries that day's digest again.
    """

    enabled = models.BooleanField("e-mail me my actions each morning", default=False)
    last_sent_on = BoundedDateField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="daily_digest_one_per_owner")]

    def __str__(self) -> str:
        return f"digest (last sent {self.last_sent_on or 'never'})"
