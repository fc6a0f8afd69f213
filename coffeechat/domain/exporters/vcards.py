"""Contacts → a vCard 3.0 file that phones, Google, Apple and Outlook can import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import vobject

from coffeechat.domain.limits import one_line


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
    first, last = one_line(data.first_name), one_line(data.last_name)
    card.add("n").value = vobject.vcard.Name(family=last, given=first)
    card.add("fn").value = _display_name(data)
    for email in data.emails:
        line = card.add("email")
        line.value = email
        line.type_param = "INTERNET"
    for phone in data.phones:
        card.add("tel").value = phone
    if data.organization or data.department:
        department = [one_line(data.department)] if data.department else []
        card.add("org").value = [one_line(data.organization), *department]
    if data.title:
        card.add("title").value = one_line(data.title)
    for url in (data.linkedin_url, data.website):
        if url:
            card.add("url").value = url
    if data.notes:
        card.add("note").value = data.notes
    if data.tags:
        card.add("categories").value = [one_line(tag) for tag in data.tags]
    return str(card.serialize())


def _display_name(data: VCardData) -> str:
    """FN is required: the name, else the organization, else the first email."""
    name = " ".join(one_line(part) for part in (data.first_name, data.last_name) if part)
    fallback = one_line(data.organization) or next(iter(data.emails), "")
    return name or fallback or "Unnamed contact"
