"""What a draft is written from: the user, the contact, the meeting. Plain data, all optional.

Every text field may be empty. Built-in wording is written so that a sentence needing a missing
value is left out or said another way; only what nobody but the student can know (their news,
the thing they took away from a conversation nobody noted) shows as a `[bracket]` to fill.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DEFAULT_MINUTES = 20
DEFAULT_LINKEDIN_CHAR_LIMIT = 300
# Follow up after about 7 business days (docs/method.md); said in words people use.
DEFAULT_FOLLOW_UP_WHEN = "in about a week"

# Whether the person who suggested a contact agreed to be named to them.
Consent = Literal["yes", "no", "unknown"]


@dataclass(frozen=True, slots=True)
class Sender:
    """The user who writes. `year` is free text: "third-year", "senior" or "2027".

    `rule_set` is the checker rule set the user writes to ("career-office", "2hjs-5",
    "2hjs-6"): the shorter sets get shorter request wording. `prefer_first_names` greets
    everyone by first name.
    """

    name: str = ""
    school: str = ""
    program: str = ""
    year: str = ""
    role: str = ""
    introduction: str = ""
    interests: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    address: tuple[str, ...] = ()
    rule_set: str = "career-office"
    prefer_first_names: bool = False


@dataclass(frozen=True, slots=True)
class Recipient:
    """The contact. `how_found` is an id of `vocab.HOW_FOUND`; `source` says where, in words
    that read after "through" ("LinkedIn", "the Lakeside alumni group").

    `referrer_consent` says whether `referrer` may be named ("no" keeps them out of every
    draft). `referral_field` is the field of the conversation in which they were suggested.
    `notes` are the user's research notes, read for a piece of their work to mention.
    """

    first_name: str = ""
    last_name: str = ""
    honorific: str = ""
    title: str = ""
    organization: str = ""
    field: str = ""
    how_found: str = ""
    source: str = ""
    referrer: str = ""
    referrer_consent: Consent = "unknown"
    referral_field: str = ""
    notes: str = ""
    address: tuple[str, ...] = ()
    linkedin: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Referral:
    """Someone the contact suggested, and whether the contact may be named to them."""

    name: str
    consent: Consent = "unknown"


@dataclass(frozen=True, slots=True)
class MeetingRecap:
    """What came out of a conversation. `date` is already formatted in the user's time zone;
    `day` is the same day, to say "today" or "yesterday" when it is. `referrals_met` are the
    people they suggested whom the user has talked with since."""

    date: str = ""
    day: dt.date | None = None
    advice: str = ""
    referrals: tuple[Referral, ...] = ()
    topics: tuple[str, ...] = ()
    next_step: str = ""
    resources: tuple[str, ...] = ()
    referrals_met: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DraftContext:
    """Everything `render` may use. `channel=None` means the kind's usual channel.

    For `close-the-loop`, `contact` is the person you met and `contact.referrer` the person
    you are writing to. For `introduction-blurb`, `contact` is the person to be introduced to
    and `contact.referrer` the person you are writing to, who will forward it. `news` is what
    is new with you, for the `update` kind.
    """

    user: Sender = field(default_factory=Sender)
    contact: Recipient = field(default_factory=Recipient)
    meeting: MeetingRecap = field(default_factory=MeetingRecap)
    minutes: int = DEFAULT_MINUTES
    today: dt.date | None = None
    channel: str | None = None
    follow_up_when: str = ""
    linkedin_char_limit: int = DEFAULT_LINKEDIN_CHAR_LIMIT
    news: str = ""
