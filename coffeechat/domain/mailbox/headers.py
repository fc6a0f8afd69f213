"""The few header fields the sync asks the server for, parsed; and a reply's first lines."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime

from coffeechat.domain import limits

# Asked for with BODY.PEEK[HEADER.FIELDS (...)]: enough to match and to spot auto-replies.
FIELDS = (
    "FROM",
    "TO",
    "CC",
    "SUBJECT",
    "DATE",
    "MESSAGE-ID",
    "IN-REPLY-TO",
    "REFERENCES",
    "AUTO-SUBMITTED",
    "X-AUTOREPLY",
    "X-AUTORESPOND",
    "PRECEDENCE",
)

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
# Subjects mail programs give their automatic answers, in the languages students write in most.
_AUTO_SUBJECT = re.compile(
    r"^\s*(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|abwesenheit|"
    r"absence|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|"
    r"i am away|i'm away|away from (the )?office|on vacation|on leave)",
    re.IGNORECASE,
)
_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg|sv|tr|rv)\s*(\[\d+\])?\s*:\s*)+", re.I)


@dataclass(frozen=True, slots=True)
class MailHeaders:
    message_id: str
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    sender: str  # lower-cased address, "" when missing
    recipients: tuple[str, ...]  # To and Cc, lower-cased
    subject: str
    date: datetime | None
    auto_submitted: str
    x_autoreply: str
    precedence: str

    @property
    def key(self) -> str:
        """What makes this mail the same mail in every folder: its Message-ID, else a digest."""
        if self.message_id:
            return self.message_id[:255]
        when = self.date.isoformat() if self.date else ""
        seed = "\n".join((self.sender, ",".join(self.recipients), when, self.subject))
        return "sha256:" + hashlib.sha256(seed.encode()).hexdigest()

    @property
    def thread_ids(self) -> tuple[str, ...]:
        return (*self.in_reply_to, *self.references)


def _ids(value: str) -> tuple[str, ...]:
    return tuple(_MESSAGE_ID.findall(value or ""))


def _addresses(*values: str) -> tuple[str, ...]:
    found = [addr.strip().lower() for _, addr in getaddresses([v for v in values if v])]
    return tuple(a for a in found if "@" in a)


def _date(value: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _text(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name, "")
    except (ValueError, IndexError):  # a header too broken to decode is as good as absent
        return ""
    return limits.one_line(str(value))


def parse_headers(raw: bytes) -> MailHeaders:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    ids = _ids(_text(message, "Message-ID"))
    senders = _addresses(_text(message, "From"))
    return MailHeaders(
        message_id=ids[0] if ids else "",
        in_reply_to=_ids(_text(message, "In-Reply-To")),
        references=_ids(_text(message, "References")),
        sender=senders[0] if senders else "",
        recipients=_addresses(_text(message, "To"), _text(message, "Cc")),
        subject=_text(message, "Subject"),
        date=_date(_text(message, "Date")),
        auto_submitted=_text(message, "Auto-Submitted").lower(),
        x_autoreply=_text(message, "X-Autoreply") or _text(message, "X-Autorespond"),
        precedence=_text(message, "Precedence").lower(),
    )


def is_auto_reply(headers: MailHeaders) -> bool:
    """RFC 3834's Auto-Submitted, the older markers, or an out-of-office subject."""
    if headers.auto_submitted and headers.auto_submitted.split(";")[0].strip() != "no":
        return True
    if headers.x_autoreply or headers.precedence in ("auto_reply", "bulk", "junk", "list"):
        return True
    return bool(_AUTO_SUBJECT.match(headers.subject))


def bare_subject(subject: str) -> str:
    """The subject without Re:/Fwd: prefixes and extra spaces, lower-cased, for comparing."""
    return " ".join(_REPLY_PREFIX.sub("", subject).split()).lower()


def body_text(raw: bytes) -> str:
    """The plain text of a whole message (its HTML with tags dropped when there is no text)."""
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = str(part.get_content())
    except (LookupError, ValueError, AssertionError):  # an unknown charset or a broken part
        payload = part.get_payload(decode=True)
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if part.get_content_subtype() == "html":
        text = re.sub(r"<[^>]*>", " ", re.sub(r"(?is)<(style|script).*?</\1>", " ", text))
    return limits.storable(text.replace("\r\n", "\n"))


# Where the quoted original starts: "On Tue, Ann wrote:", "-----Original Message-----", "> …".
_QUOTE_START = re.compile(
    r"^(on .{0,200}wrote:|am .{0,200}schrieb.*:|le .{0,200}a écrit ?:|-{2,}\s*original message"
    r"|_{5,}|from: .+|-- ?$|>)",
    re.IGNORECASE,
)
EXCERPT_LINES = 6
EXCERPT_CHARS = 600


def reply_excerpt(text: str) -> str:
    """Their first lines: the quoted original and the signature left out."""
    kept: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if _QUOTE_START.match(stripped):
            break
        if stripped or (kept and kept[-1]):
            kept.append(stripped)
        if sum(1 for k in kept if k) >= EXCERPT_LINES:
            break
    return "\n".join(kept).strip()[:EXCERPT_CHARS]
