"""The .vcf export as other programs read it: vobject, a second import, Radicale (CardDAV)."""

from __future__ import annotations

from typing import Any

import vobject
from caldav.davclient import DAVClient
from django.test import Client

from coffeechat.network.models import Contact
from coffeechat.network.transfer.exports import export_file
from coffeechat.network.transfer.imports import run_import

ADDRESS = "Flat 2\n14 Wharf Street\nLeeds LS2 7EQ"


def _cards(owner: Any) -> list[Any]:
    content, content_type, _ = export_file(owner, "vcf")
    assert content_type.startswith("text/vcard")
    return list(vobject.readComponents(content.decode("utf-8")))


def test_each_card_has_a_stable_uid_prodid_rev_address_and_typed_phone(
    alice: Any, bob: Any, referrer: Contact
) -> None:
    referrer.honorific = "Dr."
    referrer.phone = "+44 113 496 0000"
    referrer.postal_address = ADDRESS
    referrer.location = "Leeds, UK"
    referrer.save()
    Contact.objects.create(owner=bob, first_name=referrer.first_name, last_name="Other")
    [card] = _cards(alice)
    uid = card.uid.value
    assert uid.startswith("urn:uuid:") and uid == _cards(alice)[0].uid.value  # stable
    assert uid != _cards(bob)[0].uid.value
    assert card.prodid.value.startswith("-//coffeechat//")
    assert card.rev.value.endswith("Z")
    assert card.n.value.prefix == "Dr."
    assert card.tel.params["TYPE"] == ["VOICE"] and card.tel.value == "+44 113 496 0000"
    addresses = {line.params["TYPE"][0]: line.value for line in card.contents["adr"]}
    assert addresses["HOME"].street == ADDRESS
    assert addresses["WORK"].city == "Leeds, UK"


def test_a_second_import_of_the_export_adds_nobody(alice: Any, referrer: Contact) -> None:
    content, _, _ = export_file(alice, "vcf")
    summary = run_import(alice, content, filename="coffeechat.vcf")
    assert summary.created == 0
    assert Contact.objects.owned_by(alice).count() == 1


def test_single_cards_go_onto_a_carddav_server_and_come_back_whole(
    radicale: str, client_alice: Client, alice: Any, referrer: Contact
) -> None:
    referrer.postal_address = ADDRESS
    referrer.tags = ["alumni", "data"]
    referrer.save()
    Contact.objects.create(owner=alice, first_name="Zoë", last_name="Ñúñez", phone="0113 496 0001")
    dav = DAVClient(url=radicale, username="alice", password="unused")
    dav.principal()  # Radicale makes the home collection on first use
    book = f"{radicale}alice/contacts/"
    made = dav.request(book, "MKCOL", _ADDRESS_BOOK, {"Content-Type": "application/xml"})
    assert made.status == 201
    content = client_alice.get("/export/vcf").getvalue().decode("utf-8")
    sent = list(vobject.readComponents(content))
    for card in sent:
        name = card.uid.value.removeprefix("urn:uuid:")
        put = dav.put(f"{book}{name}.vcf", card.serialize(), {"Content-Type": "text/vcard"})
        assert put.status == 201, put.raw
    for card in sent:
        name = card.uid.value.removeprefix("urn:uuid:")
        back = vobject.readOne(dav.request(f"{book}{name}.vcf", "GET").raw)
        assert back.serialize() == card.serialize()


_ADDRESS_BOOK = """<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
  <D:set><D:prop>
    <D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>
    <D:displayname>coffeechat</D:displayname>
  </D:prop></D:set>
</D:mkcol>"""


def test_coffeechat_to_vcard_to_coffeechat_keeps_every_address_book_field(
    alice: Any, bob: Any, referrer: Contact
) -> None:
    referrer.honorific = "Dr."
    referrer.phone = "0113 496 0000 ext. 12"  # kept as typed: no country code
    referrer.postal_address = ADDRESS
    referrer.location = "Leeds, UK"
    referrer.linkedin_url = "https://www.linkedin.com/in/priya-raman"
    referrer.tags = ["alumni", "health data"]
    referrer.notes = "Generous with time.\nAsk about the fellowship."
    referrer.save()
    content, _, _ = export_file(alice, "vcf")
    assert run_import(bob, content, filename="from-alice.vcf").created == 1
    fields = (
        *("honorific", "first_name", "last_name", "email", "phone", "title", "location"),
        *("postal_address", "linkedin_url", "tags_text", "notes"),
    )
    back = Contact.objects.owned_by(bob).get()
    assert {f: getattr(back, f) for f in fields} == {f: getattr(referrer, f) for f in fields}
    assert back.organization is not None and referrer.organization is not None
    assert back.organization.name == referrer.organization.name
