"""Contacts → a vCard 3.0 file that phones, Google, Apple, Outlook and CardDAV servers accept.

Each card carries a stable `UID` (so importing the file again, or putting a card on a CardDAV
server, updates the same person instead of adding another), `PRODID` and `REV`. A CardDAV
server such as Radicale refuses a single card without a UID.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

import vobject

from coffeechat.domain.limits import one_line

PRODID = "-//coffeechat//coffeechat contacts//EN"


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
    card = vobject.vCard()
    card.add("prodid").value = PRODID
    if data.uid:
        card.add("uid").value = data.uid
    if data.revised is not None:
        card.add("rev").value = data.revised.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    first, last = one_line(data.first_name), one_line(data.last_name)
    card.add("n").value = vobject.vcard.Name(
        family=last, given=first, prefix=one_line(data.honorific)
    )
    card.add("fn").value = _display_name(data)
    for email in data.emails:
        line = card.add("email")
        line.value = email
        line.type_param = "INTERNET"
    for phone in data.phones:
        line = card.add("tel")
        line.value = phone
        line.type_param = "VOICE"
    if data.organization or data.department:
        department = [one_line(data.department)] if data.department else []
        card.add("org").value = [one_line(data.organization), *department]
    if data.title:
        card.add("title").value = one_line(data.title)
    for url in (data.linkedin_url, data.website):
        if url:
            card.add("url").value = url
    # The postal address is free text: it goes whole into the street part, where every reader
    # shows it; the place a person is based goes into the locality of a second address.
    if data.postal_address.strip():
        _address(card, "HOME", vobject.vcard.Address(street=_lines(data.postal_address)))
    if data.location.strip():
        _address(card, "WORK", vobject.vcard.Address(city=one_line(data.location)))
    if data.notes:
        card.add("note").value = data.notes
    if data.tags:
        card.add("categories").value = [one_line(tag) for tag in data.tags]
    return str(card.serialize())


def _address(card: vobject.base.Component, kind: str, value: vobject.vcard.Address) -> None:
    line = card.add("adr")
    line.value = value
    line.type_param = kind


def _lines(text: str) -> str:
    return "\n".join(one_line(line) for line in text.splitlines() if line.strip())


def _display_name(data: VCardData) -> str:
    """FN is required: the name, else the organization, else the first email."""
    name = " ".join(one_line(part) for part in (data.first_name, data.last_name) if part)
    fallback = one_line(data.organization) or next(iter(data.emails), "")
    return name or fallback or "Unnamed contact"
