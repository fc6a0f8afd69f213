"""What one mail means: a request the student sent from their mail program, or a contact's reply.

`wants_body` decides from the headers alone whether the body is worth fetching (only mail to or
from a contact that isn't already known); `classify` turns headers and body into a Finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from coffeechat.domain.mailbox.headers import (
    MailHeaders,
    bare_subject,
    is_auto_reply,
    reply_excerpt,
)

Role = Literal["sent", "inbox"]
# How much of a draft's opening must match the mail's: mail programs add signatures below it.
BODY_START_CHARS = 120
# What a message keeps, as the composer allows: a subject line, a body of 10,000 characters.
SUBJECT_CHARS = 200
BODY_CHARS = 10_000


@dataclass(frozen=True, slots=True)
class KnownMessage:
    id: int
    contact_id: int
    status: str  # "draft" or "sent"
    subject: str
    body: str
    sent_at: datetime | None
    replied_at: datetime | None
    mail_message_id: str


@dataclass(slots=True)
class Known:
    """A snapshot of the student's data the sync matches against."""

    contact_by_address: dict[str, int]
    messages: list[KnownMessage]
    # Keys of mail already recorded, or recorded and undone: never recorded again.
    done_keys: set[str] = field(default_factory=set)

    def contact_of(self, headers: MailHeaders, role: Role) -> int | None:
        addresses = headers.recipients if role == "sent" else (headers.sender,)
        for address in addresses:
            if address in self.contact_by_address:
                return self.contact_by_address[address]
        return None

    def by_mail_id(self, mail_id: str) -> KnownMessage | None:
        return next((m for m in self.messages if m.mail_message_id == mail_id), None)


@dataclass(frozen=True, slots=True)
class Finding:
    kind: Literal["sent", "reply"]
    key: str
    contact_id: int
    message_id: int | None  # the draft or sent message; None: a new sent message to record
    when: datetime
    subject: str
    text: str  # the body (sent) or the reply's first lines
    mail_message_id: str
    follow_up: bool = False  # a new sent message to someone already written to


def wants_body(headers: MailHeaders, role: Role, known: Known) -> bool:
    """True only for mail to (Sent) or from (inbox) a contact, not automatic, not yet recorded."""
    if headers.key in known.done_keys or is_auto_reply(headers):
        return False
    if role == "sent" and headers.message_id and known.by_mail_id(headers.message_id):
        return False  # coffeechat sent it by SMTP and recorded it then
    return known.contact_of(headers, role) is not None


def _words(text: str) -> str:
    return " ".join(text.split()).lower()


def _same_message(draft: KnownMessage, headers: MailHeaders, body: str) -> bool:
    if bare_subject(draft.subject) != bare_subject(headers.subject):
        return False
    start = _words(draft.body)[:BODY_START_CHARS]
    return _words(body).startswith(start)


def classify(headers: MailHeaders, body: str, role: Role, known: Known) -> Finding | None:
    """The finding for a mail `wants_body` accepted, or None when it changes nothing."""
    if not wants_body(headers, role, known) or headers.date is None:
        return None
    contact_id = known.contact_of(headers, role)
    assert contact_id is not None
    mine = [m for m in known.messages if m.contact_id == contact_id]
    if role == "sent":
        return _sent(headers, body, contact_id, mine, known)
    return _reply(headers, body, contact_id, mine, known)


def _sent(
    headers: MailHeaders, body: str, contact_id: int, mine: list[KnownMessage], known: Known
) -> Finding | None:
    assert headers.date is not None
    draft = next((m for m in mine if _same_message(m, headers, body)), None)
    if draft is not None and draft.status == "sent":
        return None  # already marked as sent by hand
    if draft is None and headers.in_reply_to and known.by_mail_id(headers.in_reply_to[0]) is None:
        # Answering a mail of theirs: a conversation, not a new request to follow up. (A reply
        # to the student's own request is a follow-up in the same thread, and counts.)
        return None
    return Finding(
        kind="sent",
        key=headers.key,
        contact_id=contact_id,
        message_id=draft.id if draft else None,
        when=headers.date,
        subject=headers.subject[:SUBJECT_CHARS],
        text=body.strip()[:BODY_CHARS],
        mail_message_id=headers.message_id,
        follow_up=draft is None and any(m.status == "sent" for m in mine),
    )


def _reply(
    headers: MailHeaders, body: str, contact_id: int, mine: list[KnownMessage], known: Known
) -> Finding | None:
    when = headers.date
    assert when is not None
    threaded = [known.by_mail_id(i) for i in headers.thread_ids]
    target = next((m for m in threaded if m is not None and m.status == "sent"), None)
    if target is None:
        earlier = [
            m for m in mine if m.status == "sent" and m.sent_at is not None and m.sent_at <= when
        ]
        target = max(earlier, key=lambda m: m.sent_at or when, default=None)
    if target is None or target.replied_at is not None:
        return None
    if target.sent_at is not None and when < target.sent_at:
        return None
    return Finding(
        kind="reply",
        key=headers.key,
        contact_id=target.contact_id,
        message_id=target.id,
        when=when,
        subject=headers.subject[:SUBJECT_CHARS],
        text=reply_excerpt(body),
        mail_message_id=headers.message_id,
    )


def contact_addresses(email: str, notes: str) -> list[str]:
    """A contact's address plus the others an import noted ("Other e-mail addresses: …")."""
    found = [email]
    for line in notes.splitlines():
        label, _, rest = line.partition(":")
        if label.strip().lower() == "other e-mail addresses":
            found += rest.split(",")
    return [a.strip().lower() for a in found if "@" in a]
