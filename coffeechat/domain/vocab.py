"""The product's vocabularies: ids are public (API, CLI, exports); labels are what people read."""

from __future__ import annotations

HOW_FOUND: tuple[tuple[str, str], ...] = (
    ("alumni", "Alumni network"),
    ("referral", "Referral"),
    ("faculty", "Faculty or staff"),
    ("family", "Family"),
    ("friend", "Friend"),
    ("neighbour", "Neighbour"),
    ("colleague", "Colleague"),
    ("event", "Event"),
    ("linkedin", "LinkedIn"),
    ("online", "Online / cold"),
    ("other", "Other"),
)

HONORIFICS: tuple[tuple[str, str], ...] = (
    ("", "None"),
    ("Ms.", "Ms."),
    ("Mr.", "Mr."),
    ("Mx.", "Mx."),
    ("Dr.", "Dr."),
    ("Prof.", "Prof."),
)

CONSENT: tuple[tuple[str, str], ...] = (
    ("unknown", "Not asked yet"),
    ("yes", "Yes"),
    ("no", "No, leave them out"),
)

MESSAGE_KINDS: tuple[tuple[str, str], ...] = (
    ("request", "Request"),
    ("follow-up", "Follow-up"),
    ("thank-you", "Thank-you"),
    ("linkedin-note", "LinkedIn note"),
    ("referral-intro", "Referral introduction"),
    ("close-the-loop", "Close the loop"),
    ("update", "Update"),
    ("letter", "Letter"),
    ("phone-script", "Phone script"),
    ("introduction-blurb", "Introduction to forward"),
)

# Kinds that ask a person for a conversation: sending one starts the follow-up clock.
REQUEST_KINDS: frozenset[str] = frozenset({"request", "referral-intro", "letter", "phone-script"})

CHANNELS: tuple[tuple[str, str], ...] = (
    ("email", "E-mail"),
    ("linkedin", "LinkedIn"),
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("in-person", "In person"),
)

MESSAGE_STATUSES: tuple[tuple[str, str], ...] = (("draft", "Draft"), ("sent", "Sent"))

# What a reply said (coffeechat.domain.followups.facts.ReplyOutcome; "" = not noted).
REPLY_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("yes", "Yes, happy to talk"),
    ("proposed", "Proposed times"),
    ("declined", "Declined"),
    ("referred", "Referred me to someone else"),
)

MEETING_MODES: tuple[tuple[str, str], ...] = (
    ("in-person", "In person"),
    ("phone", "Phone"),
    ("video", "Video"),
)

MEETING_STATUSES: tuple[tuple[str, str], ...] = (
    ("proposed", "Proposed"),
    ("scheduled", "Scheduled"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
    ("no-show", "No-show"),
)

# The 2-Hour Job Search's names for how people answer: quick, slow, or not at all.
RESPONSIVENESS: tuple[tuple[str, str], ...] = (
    ("unknown", "Not known yet"),
    ("booster", "Booster"),
    ("obligate", "Obligate"),
    ("curmudgeon", "Curmudgeon"),
)

# A contact can be closed at any point; that stops every clock.
CLOSED_REASONS: tuple[tuple[str, str], ...] = (
    ("", "Open"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
    ("dormant", "Dormant"),
)

# The life of one conversation (docs/method.md §1), in order. Derived, never stored.
STAGES: tuple[tuple[str, str], ...] = (
    ("identified", "Identified"),
    ("researched", "Researched"),
    ("requested", "Requested"),
    ("replied", "Replied"),
    ("scheduled", "Scheduled"),
    ("prepared", "Prepared"),
    ("held", "Held"),
    ("thanked", "Thanked"),
    ("keep-in-touch", "Keeping in touch"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
    ("dormant", "Dormant"),
)

RESOURCE_KINDS: tuple[tuple[str, str], ...] = (
    ("book", "Book"),
    ("website", "Website"),
    ("organization", "Professional organization"),
    ("other", "Other"),
)


def ids(vocabulary: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(key for key, _ in vocabulary)


def label(vocabulary: tuple[tuple[str, str], ...], key: str) -> str:
    return dict(vocabulary).get(key, key)
