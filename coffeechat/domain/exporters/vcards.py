"""Contacts → a vCard 3.0 file that phones, Google, Apple, Outlook and CardDAV servers accept.

Each card carries a stable `UID` (so importing the file again, or putting a card on a CardDAV
server, updates the same person instead of adding another), `PRODID` and `REV`. A CardDAV
server such as Radicale refuses a single card without a UID.

We write the few properties we emit ourselves instead of through vobject (about 90% of the
export's time went into it); the bytes are the ones vobject wrote, down to its escaping and
folding, which `tests/domain/exporters/test_vcards_oracle.py` checks against vobject itself.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from coffeechat.domain.limits import one_line

PRODID = "-//coffeechat//coffeechat contacts//EN"
FOLD_AT = 75  # octets per physical line, as RFC 2425 asks


@dataclass(frozen=True, slots=True)
class VCardData:
    first_name: str = ""
    last_name: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    organization: str = ""
    department: str = ""
    title: str = ""
    website: str = ""
    linkedin_url: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    honorific: str = ""
    postal_address: str = ""
    location: str = ""
    uid: str = ""
    revised: datetime | None = None


def to_vcards(cards: Iterable[VCardData]) -> bytes:
    """All cards in one UTF-8 .vcf file, CRLF line ends and folded long lines."""
    buffer = io.BytesIO()
    write_vcards(cards, buffer)
    return buffer.getvalue()


def write_vcards(cards: Iterable[VCardData], into: BinaryIO) -> None:
    for card in cards:
        into.write(to_vcard(card).encode("utf-8"))


def to_vcard(data: VCardData) -> str:
    """One card as text, for a file or a CardDAV PUT."""
    return "".join(_fold(line) + "\r\n" for line in _card_lines(data))


def _card_lines(data: VCardData) -> Iterator[str]:
    """The card's lines, unfolded, in vobject's order: VERSION, PRODID and UID first, then the
    properties by name, each name's lines in the order they were added."""
    yield "BEGIN:VCARD"
    yield "VERSION:3.0"
    yield f"PRODID:{PRODID}"
    if data.uid:
        yield f"UID:{_escaped(data.uid)}"
    # The postal address is free text: it goes whole into the street part, where every reader
    # shows it; the place a person is based goes into the locality of a second address.
    # ADR parts: post office box; extended; street; locality; region; postal code; country.
    if data.postal_address.strip():
        yield f"ADR;TYPE=HOME:;;{_escaped(_lines(data.postal_address))};;;;"
    if data.location.strip():
        yield f"ADR;TYPE=WORK:;;;{_escaped(one_line(data.location))};;;"
    if data.tags:
        yield "CATEGORIES:" + ",".join(_escaped(one_line(tag)) for tag in data.tags)
    for email in data.emails:
        yield f"EMAIL;TYPE=INTERNET:{_escaped(email)}"
    yield f"FN:{_escaped(_display_name(data))}"
    # N parts: family; given; additional; prefix; suffix.
    last, first = _escaped(one_line(data.last_name)), _escaped(one_line(data.first_name))
    yield f"N:{last};{first};;{_escaped(one_line(data.honorific))};"
    if data.notes:
        yield f"NOTE:{_escaped(data.notes)}"
    if data.organization or data.department:
        units = [one_line(data.organization)]
        if data.department:
            units.append(one_line(data.department))
        yield "ORG:" + ";".join(map(_escaped, units))
    if data.revised is not None:
        yield "REV:" + data.revised.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for phone in data.phones:
        yield f"TEL;TYPE=VOICE:{_escaped(phone)}"
    if data.title:
        yield f"TITLE:{_escaped(one_line(data.title))}"
    for url in (data.linkedin_url, data.website):
        if url:
            yield f"URL:{_escaped(url)}"
    yield "END:VCARD"


def _escaped(text: str) -> str:
    """A text value escaped as vobject escapes it: every line break (CRLF, LF, or a lone CR)
    becomes one `\\n`; tabs and other control characters stay as they are."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """`line` folded as vobject folds it: a line under 75 characters stays whole (even when
    its UTF-8 is longer); a longer one breaks before the first character whose UTF-8 would pass
    75 octets on the first line or 74 after a continuation line's leading space, so no
    character is ever split."""
    if len(line) < FOLD_AT:
        return line
    if line.isascii():
        rest = range(FOLD_AT, len(line), FOLD_AT - 1)
        return "\r\n ".join([line[:FOLD_AT], *(line[at : at + FOLD_AT - 1] for at in rest)])
    raw = line.encode("utf-8")
    parts, start, room = [], 0, FOLD_AT
    while len(raw) - start > room:
        end = start + room
        while raw[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to its character
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start, room = end, FOLD_AT - 1
    parts.append(raw[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _lines(text: str) -> str:
    return "\n".join(one_line(line) for line in text.splitlines() if line.strip())


def _display_name(data: VCardData) -> str:
    """FN is required: the name, else the organization, else the first email."""
    name = " ".join(one_line(part) for part in (data.first_name, data.last_name) if part)
    fallback = one_line(data.organization) or next(iter(data.emails), "")
    return name or fallback or "Unnamed contact"
