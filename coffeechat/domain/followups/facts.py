"""The snapshot the rules engine reads: plain facts, gathered by the caller from the database.

Ids are the database ids. Dates (`sent_on`, `replied_on`, `created_on`) are already in the
user's time zone; datetimes are aware. Facts that point at an unknown contact are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

# Ids as in coffeechat.domain.vocab.MESSAGE_KINDS.
MessageKind = Literal[
    "request",
    "follow-up",
    "thank-you",
    "linkedin-note",  # a connection request with a personal note
    "referral-intro",  # a request that names the person who referred you
    "close-the-loop",  # telling a referrer how their referral went
    "update",  # a keep-in-touch progress note
    "letter",
    "phone-script",
    "introduction-blurb",  # a note for a referrer to forward to the person they suggested
]
Consent = Literal["yes", "no", "unknown"]
MessageStatus = Literal["draft", "sent"]
MeetingStatus = Literal["proposed", "scheduled", "held", "cancelled", "no-show"]
Responsiveness = Literal["unknown", "booster", "obligate", "curmudgeon"]
ActionStateKind = Literal["done", "dismissed", "snoozed"]
# What a reply said: "" for a reply recorded before outcomes existed (read as a yes).
ReplyOutcome = Literal["", "yes", "proposed", "declined", "referred"]


@dataclass(frozen=True, slots=True)
class ContactFacts:
    id: int
    name: str
    created_on: date
    organization_id: int | None = None
    shortlisted: bool = False  # the user's own target flag
    do_not_contact: bool = False
    declined: bool = False
    cancelled: bool = False
    dormant: bool = False  # closed as dormant by the user or the app: quiet until they reply
    has_linkedin: bool = False
    has_phone: bool = False
    referred_by: int | None = None
    referrer_consent: Consent = "unknown"  # may `referred_by` be named to them?
    responsiveness: Responsiveness | None = None
    fields: frozenset[str] = frozenset()  # fields of interest this person speaks for
    # Days between keep-in-touch notes for this person: None follows the user's rule
    # settings, 0 means "don't remind me".
    keep_in_touch_days: int | None = None

    @property
    def excluded(self) -> bool:
        """The person asked not to be contacted, said no, or the user called it off."""
        return self.do_not_contact or self.declined or self.cancelled


@dataclass(frozen=True, slots=True)
class MessageFacts:
    id: int
    contact_id: int
    kind: MessageKind
    status: MessageStatus
    sent_on: date | None = None
    replied_on: date | None = None
    sent_at: datetime | None = None  # the moment, to the second, when known
    reply_outcome: ReplyOutcome = ""
    reply_text: str = ""  # the start of their words, when kept (the mailbox keeps them)

    @property
    def sent(self) -> bool:
        """Only sent messages count: a draft completes nothing and starts no clock."""
        return self.status == "sent" and self.sent_on is not None


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    id: int
    contact_id: int
    starts_at: datetime
    ends_at: datetime  # as planned
    status: MeetingStatus
    ended_at: datetime | None = None  # when it really ended, if recorded
    has_agenda: bool = False
    has_reflection: bool = False

    def __post_init__(self) -> None:
        # A naive time would silently be read in the server's zone, shifting every due date.
        for moment in (self.starts_at, self.ends_at, self.ended_at):
            if moment is not None and moment.utcoffset() is None:
                raise ValueError("meeting times must be timezone-aware")

    @property
    def finished_at(self) -> datetime:
        return self.ended_at or self.ends_at


@dataclass(frozen=True, slots=True)
class ReferralFacts:
    """Someone named during a meeting: `contact_id` was suggested by `referrer_id`."""

    contact_id: int
    meeting_id: int
    referrer_id: int


@dataclass(frozen=True, slots=True)
class OrganizationFacts:
    """An organization with its LAMP scores; `motivation` None means not scored yet."""

    id: int
    name: str
    advocacy: bool = False
    motivation: int | None = None  # 1-3
    posting: bool = False
    people: int = 0  # how many people you have there who may still be asked


@dataclass(frozen=True, slots=True)
class ActionStateFacts:
    """What the user did with an action, stored against its key."""

    key: str
    state: ActionStateKind
    snoozed_until: date | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    contacts: tuple[ContactFacts, ...] = ()
    messages: tuple[MessageFacts, ...] = ()
    meetings: tuple[MeetingFacts, ...] = ()
    referrals: tuple[ReferralFacts, ...] = ()
    organizations: tuple[OrganizationFacts, ...] = ()
    fields_of_interest: tuple[str, ...] = ()
    action_states: tuple[ActionStateFacts, ...] = ()
