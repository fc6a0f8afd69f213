"""Our own vCard writer against vobject, the library it replaced: the same bytes, always.

`vobject_card` is the old vobject-based serializer, kept here as the oracle only; the app
writes cards without vobject (it was ~90% of a .vcf export's time) and reads them with it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.demo.generate import generate
from coffeechat.domain.exporters import VCardData, to_vcards
from coffeechat.domain.exporters.vcards import PRODID, _display_name, _lines, to_vcard
from coffeechat.domain.limits import one_line
from coffeechat.network.transfer.exports import vcards
from tests.domain.exporters.test_vcards import PEOPLE


def vobject_card(data: VCardData) -> str:
    """One card exactly as the export wrote it through vobject."""
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
    if data.postal_address.strip():
        _vobject_address(card, "HOME", vobject.vcard.Address(street=_lines(data.postal_address)))
    if data.location.strip():
        _vobject_address(card, "WORK", vobject.vcard.Address(city=one_line(data.location)))
    if data.notes:
        card.add("note").value = data.notes
    if data.tags:
        card.add("categories").value = [one_line(tag) for tag in data.tags]
    return str(card.serialize())


def _vobject_address(card: Any, kind: str, value: Any) -> None:
    line = card.add("adr")
    line.value = value
    line.type_param = kind


def vobject_cards(cards: list[VCardData]) -> bytes:
    return b"".join(vobject_card(card).encode("utf-8") for card in cards)


# Pieces that stress escaping and folding: multi-byte characters of every UTF-8 length, the
# characters vCard escapes, every kind of line break, tabs and other control characters, and
# runs long enough to fold across a multi-byte character at any offset.
PIECES = (
    "é", "Ñ", "ß", "陈", "小明", "😀", "👩‍🔬", "\u200b", "\u2028", "\x85",
    ",", ";", ":", "\\", '"', "\n", "\r\n", "\r", "\t", "\x00", "\x01", "\x7f", " ", "  ",
    "a" * 40, "ü" * 37, "日本" * 13, "https://example.com/a?b=c&d=e,f;g",
)  # fmt: skip
text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(st.characters(codec="utf-8"), max_size=4)),
    max_size=40,
).map("".join)
long_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(st.characters(codec="utf-8"), max_size=20)),
    max_size=120,
).map("".join)
cards = st.builds(
    VCardData,
    first_name=text,
    last_name=text,
    emails=st.lists(text, max_size=2).map(tuple),
    phones=st.lists(text, max_size=2).map(tuple),
    organization=text,
    department=text,
    title=long_text,
    website=long_text,
    linkedin_url=long_text,
    notes=long_text,
    tags=st.lists(text, max_size=4).map(tuple),
    honorific=text,
    postal_address=long_text,
    location=text,
    uid=text,
    revised=st.none() | st.datetimes(min_value=datetime(1970, 1, 2), timezones=st.just(UTC)),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(cards, max_size=3))
def test_the_same_bytes_as_vobject(people: list[VCardData]) -> None:
    assert to_vcards(people) == vobject_cards(people)


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join))
def test_a_folded_note_matches_vobject_line_for_line(note: str) -> None:
    card = VCardData(notes=note)
    assert to_vcard(card) == vobject_card(card)


def test_lines_fold_as_vobject_folds_them() -> None:
    """vobject folds a line only from 75 characters up, then by octets, never inside a
    character: a 74-character line of two-byte letters stays whole at 148 octets."""
    short_but_wide = VCardData(title="é" * 68)  # "TITLE:" + 68 = 74 characters
    assert "TITLE:" + "é" * 68 + "\r\n" in to_vcard(short_but_wide)
    emoji = VCardData(title="a" * 65 + "😀" * 4)  # 75 characters; 😀 is 4 octets
    assert "TITLE:" + "a" * 65 + "😀\r\n " + "😀" * 3 + "\r\n" in to_vcard(emoji)
    for card in (short_but_wide, emoji):
        assert to_vcard(card) == vobject_card(card)


def test_every_optional_field_absent_or_present() -> None:
    full = replace(
        PEOPLE[0],  # every field but these four, with accents, commas, semicolons, a newline
        honorific="Dr.",
        postal_address="Flat 2\r\n14 Wharf Street\\",
        location="Leeds, UK",
        uid="urn:uuid:00000000-0000-0000-0000-000000000000",
        revised=datetime(2026, 12, 3, 8, 0, tzinfo=UTC),
    )
    alone = (VCardData(**{name: getattr(full, name)}) for name in VCardData.__slots__)
    people = [full, VCardData(), *alone]
    assert to_vcards(people) == vobject_cards(people)


def test_the_whole_demo_dataset_matches_vobject(alice: Any) -> None:
    generate(alice, "small", seed=1, today=date(2026, 12, 3))  # what `coffeechat demo` makes
    people = list(vcards(alice))
    assert len(people) == 40
    assert to_vcards(people) == vobject_cards(people)
