"""What the checker needs to know about a message besides its body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from coffeechat.domain.checker.rulesets import DEFAULT_RULE_SET, RuleSet

Kind = Literal[
    "request",
    "follow-up",
    "thank-you",
    "linkedin-note",
    "referral-intro",
    "close-the-loop",
    "update",
    "letter",
    "phone-script",
    "introduction-blurb",
]
Channel = Literal["email", "linkedin", "phone", "letter", "in-person"]
KINDS: tuple[str, ...] = get_args(Kind)
CHANNELS: tuple[str, ...] = get_args(Channel)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Everything about a message except its body. Only `kind` and `channel` are required.

    `known_names`: the user's, the contact's and organizations' names (never "misspelt").
    `other_bodies`: bodies already sent to *other* contacts (to spot a mass message).
    `meeting_ended_at` / `recorded_at`: aware datetimes, to judge a thank-you's timing.
    `meeting_notes`: advice, referral names and topics noted in the meeting.
    `recipient_name`: the full name of the person the message is to, to check the greeting.
    """

    kind: Kind
    channel: Channel
    subject: str | None = None
    referrer_name: str | None = None
    minutes: int | None = None
    rules: RuleSet = DEFAULT_RULE_SET
    known_names: tuple[str, ...] = ()
    personal_words: tuple[str, ...] = ()
    other_bodies: tuple[str, ...] = ()
    meeting_ended_at: datetime | None = None
    recorded_at: datetime | None = None
    meeting_notes: tuple[str, ...] = ()
    recipient_name: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown message kind {self.kind!r}; expected one of {KINDS}")
        if self.channel not in CHANNELS:
            raise ValueError(f"unknown channel {self.channel!r}; expected one of {CHANNELS}")
