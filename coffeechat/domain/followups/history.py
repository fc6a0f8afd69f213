"""One pass over the snapshot: what happened with each contact, gathered once.

Every rule reads these summaries instead of scanning all messages again, which keeps the
engine linear in the number of facts (a heavy user has tens of thousands of contacts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from coffeechat.domain.followups.facts import (
    ContactFacts,
    MeetingFacts,
    MessageFacts,
    ReplyOutcome,
    Snapshot,
)
from coffeechat.domain.vocab import REQUEST_KINDS

# A reply to any of these is an answer to the ask.
_OUTREACH_KINDS = REQUEST_KINDS | {"follow-up"}
# Answers that lead to a conversation; "" is a reply recorded without an outcome (a yes, as before).
_YES_OUTCOMES: frozenset[ReplyOutcome] = frozenset({"", "yes", "proposed"})
# Kind notes that close a loop after a no or a referral: nothing more is asked of them.
_KIND_NOTES = frozenset({"thank-you", "close-the-loop", "update"})


def _minute(moment: datetime) -> datetime:
    """Times typed by hand carry no seconds: compare at the minute, so a thank-you noted at
    14:32 for a meeting that ended at 14:32:45 still counts as after it."""
    return moment.replace(second=0, microsecond=0)


@dataclass(slots=True)
class ContactHistory:
    contact: ContactFacts
    request_on: date | None = None  # the first sent request (any kind that asks)
    follow_up_dates: list[date] = field(default_factory=list)
    first_reply_on: date | None = None  # to a request or follow-up
    last_thank_you_on: date | None = None
    # Each sent thank-you: its day, and its moment when known (to the second).
    thank_yous: list[tuple[date, datetime | None]] = field(default_factory=list)
    last_reply_on: date | None = None  # the latest answer to a request or follow-up
    reply_outcome: ReplyOutcome = ""  # …and what it said
    # Answers whose outcome isn't noted yet, and the latest day one was noted.
    unnoted_replies: list[MessageFacts] = field(default_factory=list)
    last_noted_reply_on: date | None = None
    last_kind_note_on: date | None = None  # the latest thank-you, close-the-loop or update
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

    @property
    def wants_to_talk(self) -> bool:
        """They answered with a yes or some times (or a reply with no outcome noted)."""
        return self.first_reply_on is not None and self.reply_outcome in _YES_OUTCOMES

    @property
    def turned_down(self) -> bool:
        """Their latest answer was a no: the path closes kindly, nothing more is asked."""
        return self.reply_outcome == "declined"

    def answer_to_thank(self) -> date | None:
        """The day of a no or a referral not yet answered with a kind note, else None."""
        if self.reply_outcome not in ("declined", "referred") or self.last_reply_on is None:
            return None
        noted = self.last_kind_note_on
        return None if noted is not None and noted >= self.last_reply_on else self.last_reply_on

    def thanked_after(self, moment: datetime, tz: ZoneInfo) -> bool:
        """A thank-you went out at or after `moment` (by the day when only the day is known)."""
        day = moment.astimezone(tz).date()
        return any(
            _minute(at) >= _minute(moment) if at is not None else on >= day
            for on, at in self.thank_yous
        )

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
                self._add_reply(message.replied_on, message.reply_outcome)
                self._note_outcome(message, message.replied_on)
        if message.kind in _KIND_NOTES:
            self.last_kind_note_on = _latest(self.last_kind_note_on, sent_on)
        if message.kind in REQUEST_KINDS:
            self.request_on = _earliest(self.request_on, sent_on)
        elif message.kind == "follow-up":
            self.follow_up_dates.append(sent_on)
        elif message.kind == "thank-you":
            self.last_thank_you_on = _latest(self.last_thank_you_on, sent_on)
            self.thank_yous.append((sent_on, message.sent_at))
        elif message.kind == "close-the-loop":
            self.last_close_loop_on = _latest(self.last_close_loop_on, sent_on)
        elif message.kind == "linkedin-note":
            self.sent_linkedin_note = True
        elif message.kind == "introduction-blurb":
            self.last_blurb_on = _latest(self.last_blurb_on, sent_on)

    def _add_reply(self, on: date, outcome: ReplyOutcome) -> None:
        self.first_reply_on = _earliest(self.first_reply_on, on)
        # The latest answer says where things stand; on one day, a yes outranks a no.
        latest = self.last_reply_on
        if latest is None or on > latest or (on == latest and outcome in _YES_OUTCOMES):
            self.last_reply_on = on
            self.reply_outcome = outcome

    def _note_outcome(self, message: MessageFacts, on: date) -> None:
        if message.reply_outcome:
            self.last_noted_reply_on = _latest(self.last_noted_reply_on, on)
        else:
            self.unnoted_replies.append(message)

    def replies_to_note(self) -> list[MessageFacts]:
        """Answers with no outcome noted and none noted on a later one: what they said is
        still to be told (a later answer with its outcome already says where things stand)."""
        noted = self.last_noted_reply_on
        return [
            m
            for m in self.unnoted_replies
            if m.replied_on is not None and (noted is None or m.replied_on > noted)
        ]

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
