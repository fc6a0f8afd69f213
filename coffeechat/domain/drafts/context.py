"""What a draft is written from: the user, the contact, the meeting. Plain data, all optional.

Every text field may be empty: rendering turns a missing value into a visible placeholder
instead of failing, so a half-filled contact still yields a useful draft to finish by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DEFAULT_MINUTES = 20
DEFAULT_LINKEDIN_CHAR_LIMIT = 300
# Follow up after about 7 business days (METHOD.md §2); said in words people use.
DEFAULT_FOLLOW_UP_WHEN = "in about a week"


@dataclass(frozen=True, slots=True)
class Sender:
    """The user who writes. `year` is free text: "third-year", "senior" or "2027"."""

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


@dataclass(frozen=True, slots=True)
class Recipient:
    """The contact. `how_found` is an id of `vocab.HOW_FOUND`; `source` says where, in words
    that read after "through" or "at" ("the Lakeside alumni group", "your talk at GeoConf")."""

    first_name: str = ""
    last_name: str = ""
    title: str = ""
    organization: str = ""
    field: str = ""
    how_found: str = ""
    source: str = ""
    referrer: str = ""
    address: tuple[str, ...] = ()
    linkedin: str = ""


@dataclass(frozen=True, slots=True)
class MeetingRecap:
    """What came out of a conversation. `date` is already formatted in the user's time zone."""

    date: str = ""
    advice: str = ""
    referrals: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    next_step: str = ""
    resources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DraftContext:
    """Everything `render` may use. `channel=None` means the kind's usual channel.

    For `close-the-loop`, `contact` is the person you met and `contact.referrer` the person
    you are writing to. `news` is what is new with you, for the `update` kind.
    """

    user: Sender = field(default_factory=Sender)
    contact: Recipient = field(default_factory=Recipient)
    meeting: MeetingRecap = field(default_factory=MeetingRecap)
    minutes: int = DEFAULT_MINUTES
    today: date | None = None
    channel: str | None = None
    follow_up_when: str = ""
    linkedin_char_limit: int = DEFAULT_LINKEDIN_CHAR_LIMIT
    news: str = ""
