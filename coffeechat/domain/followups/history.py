"""One pass over the snapshot: what happened with each contact, gathered once.

Every rule reads these summaries instead of scanning all messages again, which keeps the
engine linear in the number of facts (a heavy user has tens of thousands of contacts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from coffeechat.domain.followups.facts import ContactFacts, MeetingFacts, MessageFacts, Snapshot
from coffeechat.domain.vocab import REQUEST_KINDS

# A reply to any of these is an answer to the ask.
_OUTREACH_KINDS = REQUEST_KINDS | {"follow-up"}


@dataclass(slots=True)
class ContactHistory:
    contact: ContactFacts
    request_on: date | None = None  # the first sent request (any kind that asks)
    follow_up_dates: list[date] = field(default_factory=list)
    first_reply_on: date | None = None  # to a request or follow-up
    last_thank_you_on: date | None = None
    last_close_loop_on: date | None = None
    sent_linkedin_note: bool = False
    last_blurb_on: date | None = None  # a note they were given to forward for an introduction
    last_interaction_on: date | None = None
    meetings: list[MeetingFacts] = field(default_factory=list)

    @property
    def follow_ups(self) -> list[date]:
        """Follow-ups that belong to the current request, oldest first."""
        request_on = self.request_on
        if request_on is None:
            return []
        return sorted(d for d in self.follow_up_dates if d >= request_on)

    @property
    def has_live_meeting(self) -> bool:
        return any(m.status != "cancelled" for m in self.meetings)

    @property
    def responded(self) -> bool:
        """They answered, or a conversation got arranged some other way (a call, an event)."""
        return self.first_reply_on is not None or self.has_live_meeting

    def held_meetings(self) -> list[MeetingFacts]:
        return [m for m in self.meetings if m.status == "held"]

    def _touch(self, on: date) -> None:
        if self.last_interaction_on is None or on > self.last_interaction_on:
            self.last_interaction_on = on

    def add_message(self, message: MessageFacts) -> None:
        sent_on = message.sent_on
        if not message.sent or sent_on is None:
            return
        self._touch(sent_on)
        if message.replied_on is not None:
            self._touch(message.replied_on)
            if message.kind in _OUTREACH_KINDS:
                self.first_reply_on = _earliest(self.first_reply_on, message.replied_on)
        if message.kind in REQUEST_KINDS:
            self.request_on = _earliest(self.request_on, sent_on)
        elif message.kind == "follow-up":
            self.follow_up_dates.append(sent_on)
        elif message.kind == "thank-you":
            self.last_thank_you_on = _latest(self.last_thank_you_on, sent_on)
        elif message.kind == "close-the-loop":
            self.last_close_loop_on = _latest(self.last_close_loop_on, sent_on)
        elif message.kind == "linkedin-note":
            self.sent_linkedin_note = True
        elif message.kind == "introduction-blurb":
            self.last_blurb_on = _latest(self.last_blurb_on, sent_on)

    def add_meeting(self, meeting: MeetingFacts, tz: ZoneInfo) -> None:
        self.meetings.append(meeting)
        if meeting.status != "cancelled":
            self._touch(local_date(meeting, tz))


def local_date(meeting: MeetingFacts, tz: ZoneInfo) -> date:
    """The meeting's day as the user sees it."""
    return meeting.starts_at.astimezone(tz).date()


def build_histories(
    snapshot: Snapshot, meetings: dict[int, MeetingFacts], tz: ZoneInfo
) -> dict[int, ContactHistory]:
    histories = {c.id: ContactHistory(c) for c in snapshot.contacts}
    for message in snapshot.messages:
        history = histories.get(message.contact_id)
        if history is not None:
            history.add_message(message)
    for meeting in meetings.values():
        history = histories.get(meeting.contact_id)
        if history is not None:
            history.add_meeting(meeting, tz)
    return histories


def _earliest(current: date | None, candidate: date) -> date:
    return candidate if current is None else min(current, candidate)


def _latest(current: date | None, candidate: date) -> date:
    return candidate if current is None else max(current, candidate)
