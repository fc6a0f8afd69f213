"""What the user did with a computed action: actions are derived; only their state is stored."""

from __future__ import annotations

from django.db import models

from coffeechat.common.owned import Owned


class ActionState(Owned):
    STATES = (("done", "Done"), ("snoozed", "Snoozed"), ("dismissed", "Dismissed"))

    key = models.CharField(max_length=120)
    state = models.CharField(max_length=10, choices=STATES)
    until = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="action_state_unique_per_owner")
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.state}"
