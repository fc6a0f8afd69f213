"""Contact pages: list, search, filters, sorting, pagination, add, edit, delete."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.network.forms import FIELD_ORDER, FIELDSET_STARTS
from coffeechat.network.models import Contact, Organization


def test_it_lists_and_searches_contacts(client_alice: Any, referral: Contact) -> None:
    page = client_alice.get("/contacts/").content.decode()
    assert "Tomás Ibáñez" in page and "Priya Raman" in page
    for q in ("tomás", "outbreak", "Acme", "epidemiology", "analyst"):
        found = client_alice.get("/contacts/", {"q": q}).content.decode()
        assert "contact" in found
    found = client_alice.get("/contacts/", {"q": "outbreak"}).content.decode()
    assert "Tomás Ibáñez" in found and "Priya Raman" not in found


def test_it_filters_by_stage_how_found_field_tag_and_organization(
    client_alice: Any, referral: Contact, acme: Organization
) -> None:
    def names(**params: Any) -> str:
        return client_alice.get("/contacts/", params).content.decode()

    assert "Tomás" in names(stage="researched") and "Priya" not in names(stage="researched")
    assert "Priya" in names(stage="identified")
    assert "Tomás" in names(how_found="referral") and "Priya" not in names(how_found="referral")
    assert "Tomás" in names(tag="Epidemiology") and "Priya" not in names(tag="epi")
    assert "Priya" in names(organization=acme.pk) and "Tomás" not in names(organization=acme.pk)


def test_it_returns_only_the_results_fragment_to_htmx(client_alice: Any, referral: Contact) -> None:
    response = client_alice.get(
        "/contacts/",
        {"q": "Tomás"},
        headers={"HX-Request": "true", "HX-Target": "contact-results"},
    )
    body = response.content.decode()
    assert "Tomás Ibáñez" in body
    assert "<header" not in body and "<form" not in body


def test_it_sorts_and_paginates(client_alice: Any, alice: Any) -> None:
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"Person{i:03d}", last_name=f"Zed{i:03d}")
        for i in range(60)
    )
    first = client_alice.get("/contacts/", {"sort": "name"}).content.decode()
    assert "Zed000" in first and "Zed059" not in first and "Page 1 of 2" in first
    second = client_alice.get("/contacts/", {"sort": "name", "page": 2}).content.decode()
    assert "Zed059" in second
    reverse = client_alice.get("/contacts/", {"sort": "-name"}).content.decode()
    assert "Zed059" in reverse and "Zed000" not in reverse


def test_the_contact_list_query_count_does_not_grow_with_contacts(
    client_alice: Any, alice: Any, acme: Organization
) -> None:
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client_alice.get("/contacts/").status_code == 200
        return len(ctx.captured_queries)

    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"A{i}", organization=acme, tags_text=",t,")
        for i in range(5)
    )
    few = count_queries()
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"B{i}", organization=acme, tags_text=",t,")
        for i in range(120)
    )
    assert count_queries() == few


def test_it_adds_a_contact_with_a_referrer_and_a_new_organization(
    client_alice: Any, referrer: Contact
) -> None:
    response = client_alice.post(
        "/contacts/new",
        {
            "first_name": "Mei",
            "last_name": "Chen",
            "email": "mei@example.org",
            "phone": "617 555 0142",
            "organization_name": "  Harbor   Labs ",
            "how_found": "referral",
            "referred_by_ref": f"Priya Raman, Acme Health (#{referrer.pk})",
            "tags_input": "Boston, biotech",
            "responsiveness": "unknown",
        },
    )
    assert response.status_code == 302
    mei = Contact.objects.get(first_name="Mei")
    assert mei.referred_by == referrer
    assert mei.organization is not None and mei.organization.name == "Harbor Labs"
    assert mei.phone == "+1 617-555-0142"
    assert mei.tags == ["boston", "biotech"]
    detail = client_alice.get(response["Location"]).content.decode()
    assert "Priya Raman" in detail


def test_it_finds_the_referrer_by_exact_name(client_alice: Any, referrer: Contact) -> None:
    client_alice.post(
        "/contacts/new",
        {
            "first_name": "Jo",
            "how_found": "referral",
            "referred_by_ref": "priya raman",
            "responsiveness": "unknown",
        },
    )
    assert Contact.objects.get(first_name="Jo").referred_by == referrer


def test_it_rerenders_an_invalid_form_with_422_and_keeps_the_input(
    client_alice: Any, referrer: Contact
) -> None:
    response = client_alice.post(
        "/contacts/new",
        {
            "first_name": "Line\nBreak",
            "last_name": "Kept",
            "email": "not-an-email",
            "phone": "12",
            "how_found": "friend",
            "linkedin_url": "https://example.com/me",
            "time_zone": "Mars/Olympus",
            "referred_by_ref": "Nobody Known",
            "notes": "my careful notes",
            "responsiveness": "unknown",
        },
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "one line" in page
    assert "phone number" in page
    assert "LinkedIn URL" in page
    assert "time zone" in page
    assert "No contact called" in page
    assert "my careful notes" in page and "Kept" in page
    assert not Contact.objects.filter(last_name="Kept").exists()


def test_it_edits_a_contact(client_alice: Any, referral: Contact) -> None:
    response = client_alice.post(
        f"/contacts/{referral.pk}/edit",
        {
            "first_name": "Tomás",
            "last_name": "Ibáñez",
            "title": "Lead epidemiologist",
            "how_found": "referral",
            "referred_by_ref": f"#{referral.referred_by_id}",
            "tags_input": "epidemiology",
            "responsiveness": "booster",
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.title == "Lead epidemiologist"
    assert referral.responsiveness == "booster"
    assert referral.referred_by_id is not None


def test_it_refuses_a_referral_loop(
    client_alice: Any, referral: Contact, referrer: Contact
) -> None:
    response = client_alice.post(
        f"/contacts/{referrer.pk}/edit",
        {
            "first_name": "Priya",
            "how_found": "alumni",
            "referred_by_ref": f"#{referral.pk}",
            "responsiveness": "unknown",
        },
    )
    assert response.status_code == 422
    assert "loop" in response.content.decode()


def test_it_deletes_after_confirmation_and_clears_referred_by(
    client_alice: Any, referral: Contact, referrer: Contact
) -> None:
    confirm = client_alice.get(f"/contacts/{referrer.pk}/delete").content.decode()
    assert "Tomás Ibáñez" in confirm
    assert Contact.objects.filter(pk=referrer.pk).exists()
    client_alice.post(f"/contacts/{referrer.pk}/delete")
    assert not Contact.objects.filter(pk=referrer.pk).exists()
    referral.refresh_from_db()
    assert referral.referred_by_id is None


def test_the_detail_page_shows_the_chain_and_timeline(
    client_alice: Any, referral: Contact, referrer: Contact
) -> None:
    page = client_alice.get(f"/contacts/{referral.pk}/").content.decode()
    assert "Priya Raman" in page and "Added to your list" in page
    page = client_alice.get(f"/contacts/{referrer.pk}/").content.decode()
    assert "Referred you to" in page and "Tomás Ibáñez" in page


def test_it_escapes_hostile_names(client_alice: Any, alice: Any) -> None:
    Contact.objects.create(
        owner=alice, first_name="<script>alert(1)</script>", notes='<img src=x onerror="alert(2)">'
    )
    page = client_alice.get("/contacts/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_the_detail_page_links_to_the_composer_and_each_message(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    from coffeechat.outreach.models import Message

    message = Message.objects.create(
        owner=alice, contact=referral, kind="request", subject="Twenty minutes of advice?"
    )
    page = client_alice.get(f"/contacts/{referral.pk}/").content.decode()
    assert f"/compose/?contact={referral.pk}" in page
    assert f"/messages/{message.pk}/" in page and "Drafted: Request" in page
    referral.do_not_contact = True
    referral.save()
    page = client_alice.get(f"/contacts/{referral.pk}/").content.decode()
    assert f"/compose/?contact={referral.pk}" not in page  # only the navigation's blank Write


def test_whether_the_referrer_may_be_named_is_kept_and_defaults_to_not_asked(
    client_alice: Any, referrer: Contact
) -> None:
    base = {"first_name": "Lu", "how_found": "referral", "responsiveness": "unknown",
            "referred_by_ref": f"Priya Raman (#{referrer.pk})"}  # fmt: skip
    assert client_alice.post("/contacts/new", base).status_code == 302
    assert Contact.objects.get(first_name="Lu").referrer_consent == "unknown"
    said_no = base | {"first_name": "Bo", "referrer_consent": "no", "honorific": "Dr."}
    assert client_alice.post("/contacts/new", said_no).status_code == 302
    bo = Contact.objects.get(first_name="Bo")
    assert (bo.referrer_consent, bo.honorific) == ("no", "Dr.")
    refused = base | {"first_name": "Cy", "referrer_consent": "maybe"}
    assert client_alice.post("/contacts/new", refused).status_code == 422


@time_machine.travel(datetime(2026, 12, 2, 15, 0, tzinfo=UTC), tick=False)
def test_the_contact_page_shows_what_letters_and_reminders_use(
    client_alice: Any, referrer: Contact
) -> None:
    referrer.honorific = "Dr."
    referrer.postal_address = "14 Wharf Street\nLeeds LS2 7EQ"
    referrer.keep_in_touch_days = 0  # "Don't remind me" must show, though it is falsy
    referrer.connected_on = date(2025, 9, 18)
    referrer.save()
    page = client_alice.get(f"/contacts/{referrer.pk}/").content.decode()
    assert "Dear Dr. Raman" in page
    assert "14 Wharf Street<br>Leeds LS2 7EQ" in page
    assert "Don&#x27;t remind me" in page or "Don't remind me" in page
    assert "Thu 18 Sep 2025" in page  # the year, since it isn't this one


def test_the_form_shows_every_field_once_in_five_named_groups(client_alice: Any) -> None:
    page = client_alice.get("/contacts/new").content.decode()
    legends = re.findall(r"<legend>([^<]+)</legend>", page)
    assert legends == list(FIELDSET_STARTS.values())
    groups = page.split('<fieldset class="form-group">')[1:]
    names = [re.findall(r'<(?:input|select|textarea)[^>]* name="([\w-]+)"', g) for g in groups]
    flat = [name for group in names for name in group]
    assert flat == FIELD_ORDER  # all of them, in order, none twice
    assert names[1][:1] == ["email"] and names[-1][:1] == ["shortlisted"]
