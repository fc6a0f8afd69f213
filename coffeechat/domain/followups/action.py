"""What the rules engine hands back: one suggested next step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from coffeechat.domain.followups.facts import MessageKind

ActionKind = Literal[
    "send-request",
    "try-another-contact",
    "follow-up",
    "schedule",
    "prepare",
    "thank-you",
    "thank-for-answer",
    "reflect",
    "contact-referral",
    "forward-introduction",
    "close-the-loop",
    "connect",
    "keep-in-touch",
    "broaden",
    "note-reply",  # an answer whose outcome isn't noted yet (newest id, so it comes last)
]
ACTION_KINDS: tuple[ActionKind, ...] = get_args(ActionKind)


@dataclass(frozen=True, slots=True)
class Action:
    """One next step. `key` is stable across runs: store done/snoozed/dismissed against it."""

    kind: ActionKind
    key: str
    title: str
    reason: str
    due: date  # in the user's time zone
    overdue: bool = False
    contact_id: int | None = None
    meeting_id: int | None = None
    organization_id: int | None = None
    field: str | None = None  # for "broaden"
    draft_kind: MessageKind | None = None  # the message to draft for it, if any
    about_id: int | None = None  # the person a forwardable introduction is about
    # For "broaden": how many people you have heard from in the field, and the aim.
    progress: tuple[int, int] | None = None
    # For "try-another-contact": how many other people you know at the organization.
    others_known: int = 0
    # For "note-reply": the message they answered, and the first lines of their answer.
    message_id: int | None = None
    quote: str = ""
