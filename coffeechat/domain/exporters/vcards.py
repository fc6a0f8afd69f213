"""Contacts → a vCard 3.0 file that phones, Google, Apple and Outlook can import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import vobject


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


def to_vcards(cards: Sequence[VCardData]) -> bytes:
    """All cards in one UTF-8 .vcf file, CRLF line ends and folded long lines."""
    return "".join(_serialize(card) for card in cards).encode("utf-8")


def _serialize(data: VCardData) -> str:
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=data.last_name, given=data.first_name)
    card.add("fn").value = _display_name(data)
    for email in data.emails:
        line = card.add("email")
        line.value = email
        line.type_param = "INTERNET"
    for phone in data.phones:
        card.add("tel").value = phone
    if data.organization or data.department:
        card.add("org").value = [data.organization, *([data.department] if data.department else [])]
    if data.title:
        card.add("title").value = data.title
    for url in (data.linkedin_url, data.website):
        if url:
            card.add("url").value = url
    if data.notes:
        card.add("note").value = data.notes
    if data.tags:
        card.add("categories").value = list(data.tags)
    return str(card.serialize())


def _display_name(data: VCardData) -> str:
    """FN is required: the name, else the organization, else the first email."""
    name = " ".join(part for part in (data.first_name, data.last_name) if part)
    return name or data.organization or next(iter(data.emails), "") or "Unnamed contact"
