"""The composer never loses a word: saving as you type, switching kind, the recipient search,
sent messages kept as they went out, the channel a contact can be reached on, and what the
page says after sending."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coffeechat.domain import sent_notes
from coffeechat.domain.vocab import MESSAGE_KINDS, REQUEST_KINDS
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message

FIELDS = {"kind": "request", "channel": "email", "subject": "Advice?"}


def autosave(client: Client, url: str, contact: Contact, body: str, **more: str) -> Any:
    return client.post(url, {"contact": contact.pk, **FIELDS, "body": body, **more})


# --- Saving as you type ----------------------------------------------------------------------


def test_the_first_save_creates_the_draft_and_later_ones_update_it(
    client_alice: Any, referral: Contact
) -> None:
    first = autosave(client_alice, "/compose/autosave", referral, "Dear Tomás")
    assert first.status_code == 200
    saved = first.json()
    message = Message.objects.get()
    assert saved == {
        "id": message.pk,
        "url": f"/messages/{message.pk}/",
        "autosave": f"/messages/{message.pk}/autosave",
    }
    again = autosave(client_alice, saved["autosave"], referral, "Dear Tomás,\r\nthank you")
    assert again.status_code == 200 and again.json()["id"] == message.pk
    message.refresh_from_db()
    assert Message.objects.count() == 1
    assert message.body == "Dear Tomás,\nthank you" and message.status == "draft"


def test_an_autosave_that_cant_be_kept_says_why_and_writes_nothing(
    client_alice: Any, referral: Contact
) -> None:
    response = autosave(client_alice, "/compose/autosave", referral, "Hi", subject="A\nBcc: x")
    assert response.status_code == 422
    assert "subject" in response.json()["errors"]
    assert Message.objects.count() == 0


def test_a_sent_message_is_never_changed_by_an_autosave(
    client_alice: Any, sent_request: Message, referrer: Contact
) -> None:
    response = autosave(client_alice, f"/messages/{sent_request.pk}/autosave", referrer, "New")
    assert response.status_code == 409
    sent_request.refresh_from_db()
    assert sent_request.body == "Dear Priya, I'm Alice."


def test_autosave_is_owner_scoped_and_needs_the_csrf_token(
    client_outsider: Any, alice: Any, referral: Contact
) -> None:
    draft = Message.objects.create(owner=alice, contact=referral, body="Alice's words")
    assert (
        autosave(client_outsider, f"/messages/{draft.pk}/autosave", referral, "x").status_code
        == 404
    )
    # Someone else's contact can't be written to either.
    assert autosave(client_outsider, "/compose/autosave", referral, "x").status_code == 422
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert autosave(strict, "/compose/autosave", referral, "x").status_code == 403
    draft.refresh_from_db()
    assert draft.body == "Alice's words" and Message.objects.count() == 1


def test_the_page_carries_where_to_save(client_alice: Any, alice: Any, referral: Contact) -> None:
    new = client_alice.get("/compose/", {"contact": referral.pk}).content.decode()
    assert 'data-autosave-url="/compose/autosave"' in new
    assert 'class="save-status muted small" role="status" aria-live="polite"' in new
    draft = Message.objects.create(owner=alice, contact=referral)
    page = client_alice.get(f"/messages/{draft.pk}/").content.decode()
    assert f'data-autosave-url="/messages/{draft.pk}/autosave"' in page


# --- Changing kind and starting over ----------------------------------------------------------


def test_a_fresh_draft_of_another_kind_comes_as_data(
    client_alice: Any, referral: Contact, held_meeting: Any
) -> None:
    response = client_alice.get("/compose/draft", {"contact": referral.pk, "kind": "thank-you"})
    assert response.status_code == 200
    draft = response.json()
    assert draft["kind"] == "thank-you" and draft["label"] == "Thank-you"
    assert draft["channel"] == "email" and draft["subject"]
    assert "learn R before Python" in draft["body"]
    assert Message.objects.count() == 0  # offered, not saved


def test_a_fresh_draft_refuses_what_it_cant_write(
    client_alice: Any, client_outsider: Any, referral: Contact
) -> None:
    assert client_alice.get("/compose/draft", {"kind": "request"}).status_code == 400
    odd = client_alice.get("/compose/draft", {"contact": referral.pk, "kind": "<script>"})
    assert odd.status_code == 200 and odd.json()["kind"] == "request"
    assert client_outsider.get("/compose/draft", {"contact": referral.pk}).status_code == 404


def test_start_over_without_javascript_writes_the_chosen_kind_and_saves_nothing(
    client_alice: Any, referral: Contact, held_meeting: Any
) -> None:
    response = client_alice.post(
        "/compose/",
        {"contact": referral.pk, "kind": "thank-you", "channel": "email", "subject": "Mine",
         "body": "My own words", "action": "restart"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "learn R before Python" in response.context["form"]["body"].value()
    assert response.context["kind"] == "thank-you"
    assert Message.objects.count() == 0


# --- The recipient search ---------------------------------------------------------------------


@pytest.fixture
def many_contacts(alice: Any, bob: Any) -> None:
    org = Organization.objects.create(owner=alice, name="Harbor Clinic")
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"Robin{n:02}", last_name="Okafor", organization=org,
                title="Nurse")
        for n in range(25)
    )  # fmt: skip
    Contact.objects.create(owner=bob, first_name="Robin", last_name="Bobsfriend")


def test_the_search_answers_a_few_of_the_users_own_contacts(
    client_alice: Any, many_contacts: None
) -> None:
    found = client_alice.get("/compose/contacts", {"q": "robin"}).json()["contacts"]
    assert len(found) == 10
    assert found[0] == {
        "id": found[0]["id"],
        "name": "Robin00 Okafor",
        "detail": "Nurse, Harbor Clinic",
    }
    assert all("Bobsfriend" not in c["name"] for c in found)
    assert client_alice.get("/compose/contacts", {"q": "  "}).json() == {"contacts": []}
    by_org = client_alice.get("/compose/contacts", {"q": "harbor rob"}).json()["contacts"]
    assert len(by_org) == 10
    page = client_alice.get("/compose/", {"q": "robin"}).content.decode()  # without JavaScript
    assert page.count("Okafor</a>") == 10 and "These are the first 10" in page


def test_a_short_name_alone_is_found_in_names(client_alice: Any, alice: Any) -> None:
    Contact.objects.create(owner=alice, first_name="Wen", last_name="Li")
    Contact.objects.create(owner=alice, first_name="Ana", last_name="Ruiz", notes="Likes bikes")
    found = client_alice.get("/compose/contacts", {"q": "li"}).json()["contacts"]
    assert [c["name"] for c in found] == ["Wen Li"]  # a short word looks at names only
    longer = client_alice.get("/compose/contacts", {"q": "bikes"}).json()["contacts"]
    assert [c["name"] for c in longer] == ["Ana Ruiz"]  # a longer one searches everything


def test_the_search_costs_the_same_for_many_contacts(
    client_alice: Any, alice: Any, many_contacts: None
) -> None:
    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client_alice.get("/compose/contacts", {"q": "okafor"}).status_code == 200
        return len(queries)

    before = cost()
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"Sam{n}", last_name="Okafor") for n in range(200)
    )
    assert cost() == before


def test_the_picker_works_without_javascript(
    client_alice: Any, referral: Contact, referrer: Contact
) -> None:
    page = client_alice.get("/compose/", {"q": "tomás", "kind": "thank-you"}).content.decode()
    assert "Who did you mean?" in page
    assert f'href="/compose/?contact={referral.pk}&amp;kind=thank-you"' in page
    assert "Priya" not in page
    none = client_alice.get("/compose/", {"q": "nobody-like-this"}).content.decode()
    assert "None of your contacts matches" in none
    # A contact chosen, then another name typed: that name is searched for.
    other = client_alice.get("/compose/", {"contact": referral.pk, "q": "Priya"})
    assert other.context["contact"] is None and "Priya Raman" in other.content.decode()
    same = client_alice.get("/compose/", {"contact": referral.pk, "q": "Tomás Ibáñez"})
    assert same.context["contact"] == referral


def test_the_chosen_contact_shows_in_the_picker(client_alice: Any, referral: Contact) -> None:
    page = client_alice.get("/compose/", {"contact": referral.pk}).content.decode()
    assert 'value="Tomás Ibáñez"' in page
    assert f'<input type="hidden" name="contact" value="{referral.pk}">' in page


def test_the_composer_page_costs_the_same_with_more_contacts(
    client_alice: Any, alice: Any, referral: Contact
) -> None:
    def cost() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client_alice.get("/compose/", {"contact": referral.pk})
        return len(queries), len(response.content)

    queries_before, size_before = cost()
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"Sam{n}", last_name="Okafor") for n in range(300)
    )
    queries_after, size_after = cost()
    assert queries_after == queries_before
    assert abs(size_after - size_before) < 200  # no list of every contact in the page


# --- Sent messages stay as they went out -------------------------------------------------------


def test_a_sent_message_is_shown_read_only(client_alice: Any, sent_request: Message) -> None:
    page = client_alice.get(f"/messages/{sent_request.pk}/").content.decode()
    assert "Dear Priya, I&#x27;m Alice." in page
    assert "<textarea" not in page and "Save draft" not in page
    assert "Copy into a new draft" in page
    assert "Reply received" in page  # what can still happen to it


def test_copy_into_a_new_draft(client_alice: Any, sent_request: Message) -> None:
    response = client_alice.post(f"/messages/{sent_request.pk}/copy")
    copy = Message.objects.exclude(pk=sent_request.pk).get()
    assert response.status_code == 302 and response.url == f"/messages/{copy.pk}/"
    assert (copy.contact, copy.kind, copy.channel, copy.subject, copy.body, copy.status) == (
        sent_request.contact,
        "request",
        "email",
        "Advice on health data work",
        "Dear Priya, I'm Alice.",
        "draft",
    )
    assert copy.sent_at is None
    page = client_alice.get(response.url).content.decode()
    assert "<textarea" in page and "same words" in page


def test_copying_is_owner_scoped_and_a_post(client_outsider: Any, sent_request: Message) -> None:
    assert client_outsider.post(f"/messages/{sent_request.pk}/copy").status_code == 404
    assert client_outsider.get(f"/messages/{sent_request.pk}/copy").status_code == 405
    assert Message.objects.count() == 1


def test_dates_show_the_year_only_when_it_isnt_this_one(
    client_alice: Any, sent_request: Message
) -> None:
    this_year = timezone.now().astimezone(ZoneInfo("America/New_York")).year
    sent_request.sent_at = datetime(this_year - 1, 11, 2, 14, 0, tzinfo=UTC)
    sent_request.replied_at = datetime(this_year, 1, 5, 15, 30, tzinfo=UTC)
    sent_request.save()
    page = client_alice.get(f"/messages/{sent_request.pk}/").content.decode()
    # In the user's zone (New York): 09:00 and 10:30.
    assert f"Sent 2 Nov {this_year - 1}, 09:00 · reply received 5 Jan, 10:30" in page


# --- The channel follows the contact ----------------------------------------------------------


def test_a_contact_reachable_only_on_linkedin_gets_a_linkedin_draft(
    client_alice: Any, alice: Any
) -> None:
    only_linkedin = Contact.objects.create(
        owner=alice, first_name="Lee", last_name="Park", how_found="linkedin",
        linkedin_url="https://www.linkedin.com/in/lee-park",
    )  # fmt: skip
    response = client_alice.get("/compose/", {"contact": only_linkedin.pk, "kind": "request"})
    assert response.context["form"]["channel"].value() == "linkedin"
    page = response.content.decode()
    assert 'value="eml" data-email-only hidden' in page  # no .eml for a LinkedIn message
    swapped = client_alice.get("/compose/draft", {"contact": only_linkedin.pk, "kind": "thank-you"})
    assert swapped.json()["channel"] == "linkedin"


def test_an_email_contact_gets_the_email_channel_and_the_eml(
    client_alice: Any, referrer: Contact
) -> None:
    response = client_alice.get("/compose/", {"contact": referrer.pk, "kind": "request"})
    assert response.context["form"]["channel"].value() == "email"
    assert 'value="eml" data-email-only>' in response.content.decode()


def test_a_saved_linkedin_message_offers_no_eml(client_alice: Any, alice: Any) -> None:
    lee = Contact.objects.create(owner=alice, first_name="Lee", linkedin_url="https://x.example")
    draft = Message.objects.create(owner=alice, contact=lee, kind="linkedin-note",
                                   channel="linkedin", body="Hi Lee")  # fmt: skip
    page = client_alice.get(f"/messages/{draft.pk}/").content.decode()
    assert "Download saved .eml" not in page


# --- What we say once it's out -------------------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k, _ in MESSAGE_KINDS])
def test_only_requests_are_promised_a_follow_up_reminder(kind: str) -> None:
    note = sent_notes.marked_sent_note(kind)
    assert note.startswith("Marked as sent.")
    promised = "follow up" in note
    assert promised == (kind in REQUEST_KINDS)
    assert ("follow-up clock" in sent_notes.mark_sent_explanation(kind)) == (kind in REQUEST_KINDS)
    assert sent_notes.sent_note(kind, "Priya Raman").startswith("Sent to Priya Raman.")


def test_a_thank_you_sent_by_the_app_doesnt_promise_a_follow_up(
    client_alice: Any, alice: Any, referrer: Contact, smtp_server: Any
) -> None:
    from coffeechat.outreach.models import SmtpAccount

    _, port = smtp_server
    SmtpAccount.objects.create(owner=alice, host="127.0.0.1", port=port, security="none")
    response = client_alice.post(
        "/compose/",
        {"contact": referrer.pk, "kind": "thank-you", "channel": "email", "subject": "Thanks",
         "body": "Thank you for your time.", "action": "send"},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "Sent to Priya Raman." in page
    assert "follow up" not in page.lower().split("sent to priya raman.")[1][:200]


@pytest.mark.parametrize("q", ["\x00", "%", "_", '"', "a" * 5000, "NEAR(a b)", "' OR 1=1 --"])
def test_odd_searches_never_break_the_picker(client_alice: Any, referral: Contact, q: str) -> None:
    assert client_alice.get("/compose/contacts", {"q": q}).status_code < 500
    assert client_alice.get("/compose/", {"q": q}).status_code < 500
