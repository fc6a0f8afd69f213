"""Postal addresses from their parts: a vCard ADR, or the street, city, postcode… columns of
an address book's CSV ("Business Street", "Ort privat", "Code postal (bureau)")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from coffeechat.domain.importers.normalize import fold

PARTS = ("box", "extended", "street", "city", "region", "code", "country")
# Words naming a part, as address books write them (folded: accents gone, ß is ss). Longer
# phrases first, so "land region" is a country before "region" is a region.
_PART_WORDS: tuple[tuple[str, str], ...] = (
    ("land region", "country"),
    ("pays region", "country"),
    ("pais o region", "country"),
    ("country region", "country"),
    ("bundesland kanton", "region"),
    ("dep region", "region"),
    ("provincia o estado", "region"),
    ("postal code", "code"),
    ("post code", "code"),
    ("code postal", "code"),
    ("codigo postal", "code"),
    ("zipcode", "code"),
    ("zip", "code"),
    ("postleitzahl", "code"),
    ("po box", "box"),
    ("postfach", "box"),
    ("street", "street"),
    ("address", "street"),
    ("strasse", "street"),
    ("rue", "street"),
    ("calle", "street"),
    ("adresse", "street"),
    ("city", "city"),
    ("ort", "city"),
    ("ville", "city"),
    ("ciudad", "city"),
    ("state", "region"),
    ("county", "region"),
    ("province", "region"),
    ("region", "region"),
    ("country", "country"),
)
_PART_PATTERNS = tuple(
    (re.compile(rf"(?:^| ){re.escape(words)}(?: |$)"), part) for words, part in _PART_WORDS
)
# Google's "Address 1 - City" (its "Formatted" column says it all) and e-mail addresses.
_NOT_POSTAL = re.compile(r"\baddress \d|mail|messagerie|correo")
_PUNCTUATION = re.compile(r"[^\w ]+")
_FILLER = frozenset({"de", "del", "la", "le", "du", "o", "y", "the", "of", "address"})


def address_part(header: str) -> tuple[str, str] | None:
    """(which address, which part) for a header such as "Business Street 2" → ("busine",
    "street") or "Pays/Région (bureau)" → ("bureau", "country"); None when the header names
    no part, or no address ("City" alone: a sheet's own column, read as a location)."""
    label = " ".join(_PUNCTUATION.sub(" ", fold(header)).split())
    if _NOT_POSTAL.search(label):
        return None
    for pattern, part in _PART_PATTERNS:
        match = pattern.search(label)
        if match is None:
            continue
        rest = [*label[: match.start()].split(), *label[match.end() :].split()]
        # Word stems name the address: "weitere", "weiteres/r" and "weiterer" are one.
        group = " ".join(
            sorted({word[:6] for word in rest if len(word) > 2 and word not in _FILLER})
        )
        return (group, part) if group else None
    return None


def address_lines(parts: dict[str, str]) -> list[str]:
    """An address as it reads on an envelope: street lines, "City, Region Code", country."""
    streets = [
        line.strip()
        for part in ("box", "extended", "street")
        for line in parts.get(part, "").split("\n")
        if line.strip()
    ]
    town = ", ".join(filter(None, (parts.get("city", ""), parts.get("region", ""))))
    town = " ".join(filter(None, (town, parts.get("code", ""))))
    return [*streets, *filter(None, (town, parts.get("country", "")))]


def place(parts: dict[str, str]) -> str:
    """ "City, Region, Country", for a location."""
    return ", ".join(
        filter(None, (parts.get("city", ""), parts.get("region", ""), parts.get("country", "")))
    )


def postal_and_place(addresses: Iterable[dict[str, str]]) -> tuple[str, str, list[str]]:
    """The postal address (the first with a street), the location (city, region and country
    of the first with any) and every other address on one line each, for the notes."""
    postal = location = ""
    others: list[str] = []
    for parts in addresses:
        lines = address_lines(parts)
        used = False
        if not postal and parts.get("street"):
            postal, used = "\n".join(lines), True
        if not location and place(parts):
            location, used = place(parts), True
        if not used and lines:
            others.append(", ".join(lines))
    return postal, location, others
