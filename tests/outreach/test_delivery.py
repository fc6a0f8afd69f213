"""Getting a message out: SMTP through a real server on loopback, .eml files, mailto links."""

from __future__ import annotations

import email
from email import policy
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.test import override_settings

from coffeechat.network.models import Contact
from coffeechat.outreach import delivery
from coffeechat.outreach.models import Message, SmtpAccount
from tests.outreach.conftest import free_port


def use_server(owner: Any, port: int) -> None:
    SmtpAccount.objects.create(owner=owner, host="127.0.0.1", port=port, security="none")


def compose_post(contact: Contact, action: str, **fields: str) -> dict[str, Any]:
    return {
        "contact": contact.pk, "kind": "request", "channel": "email", "subject": "Advice?",
        "body": "Dear Priya,\r\nCould I ask you for 20 minutes?", "action": action,
    } | fields  # fmt: skip


def test_it_sends_through_smtp_and_records_the_message_as_sent(
    client_alice: Any, alice: Any, referrer: Contact, smtp_server: Any
) -> None:
    inbox, port = smtp_server
    use_server(alice, port)
    response = client_alice.post("/compose/", compose_post(referrer, "send"))
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.status == "sent" and message.sent_at is not None
    (envelope,) = inbox.received
    assert envelope.mail_from == "alice@example.org"
    assert envelope.rcpt_tos == ["priya@example.org"]
    received = email.message_from_bytes(envelope.content, policy=policy.default)
    assert received["Subject"] == "Advice?"
    assert received["To"] == "Priya Raman <priya@example.org>"
    assert received["From"] == "Alice Moreau <alice@example.org>"
    assert (
        received.get_content().replace("\r\n", "\n")
        == "Dear Priya,\nCould I ask you for 20 minutes?\n"
    )
    assert "X-Unsent" not in received  # that header is for a downloaded draft only
    # Kept, so the mailbox sync threads their reply to this very message.
    assert message.mail_message_id == received["Message-ID"].strip()


def test_a_non_english_body_travels_quoted_printable(
    client_alice: Any, alice: Any, referrer: Contact, smtp_server: Any
) -> None:
    inbox, port = smtp_server
    use_server(alice, port)
    post = compose_post(referrer, "send") | {"body": "Dear Priya, ¿20 minutos? Merci — Zoë"}
    client_alice.post("/compose/", post)
    (envelope,) = inbox.received
    assert envelope.content.isascii()  # no 8-bit data without 8BITMIME
    received = email.message_from_bytes(envelope.content, policy=policy.default)
    assert received["Content-Transfer-Encoding"] == "quoted-printable"
    assert received.get_content().strip() == "Dear Priya, ¿20 minutos? Merci — Zoë"


def test_line_breaks_in_names_cannot_add_headers(
    alice: Any, referrer: Contact, smtp_server: Any
) -> None:
    inbox, port = smtp_server
    evil = Contact.objects.create(
        owner=alice, first_name="Eve\r\nBcc: x@evil.example", email="eve@example.org"
    )
    message = Message.objects.create(
        owner=alice, contact=evil, subject="Hello\nBcc: y@evil.example", body="Hi Eve"
    )
    from coffeechat.outreach import services

    services.send_by_smtp(
        alice, message, delivery.SmtpConfig("127.0.0.1", port, "none"), message.created_at
    )
    (envelope,) = inbox.received
    assert envelope.rcpt_tos == ["eve@example.org"]
    received = email.message_from_bytes(envelope.content, policy=policy.default)
    assert received["Bcc"] is None
    assert received["Subject"] == "Hello Bcc: y@evil.example"
    assert "\n" not in str(received["To"])


def test_a_server_that_is_down_keeps_the_draft_and_shows_the_error(
    client_alice: Any, alice: Any, referrer: Contact
) -> None:
    closed_port = free_port()  # nobody listens there
    use_server(alice, closed_port)
    typed = "Dear Priya, every word of this stays."
    response = client_alice.post("/compose/", compose_post(referrer, "send", body=typed))
    assert response.status_code == 502
    page = response.content.decode()
    assert "didn&#x27;t go out" in page or "didn't go out" in page
    assert f"127.0.0.1:{closed_port}" in page
    assert typed in page
    message = Message.objects.get()
    assert message.status == "draft" and message.body == typed


def test_a_refusing_server_shows_its_own_words(
    client_alice: Any, alice: Any, referrer: Contact, smtp_server: Any
) -> None:
    inbox, port = smtp_server

    async def refuse(server: Any, session: Any, envelope: Any) -> str:
        return "554 5.7.1 Message rejected as spam"

    inbox.handle_DATA = refuse
    use_server(alice, port)
    response = client_alice.post("/compose/", compose_post(referrer, "send"))
    assert response.status_code == 502
    assert "554 5.7.1 Message rejected as spam" in response.content.decode()
    assert Message.objects.get().status == "draft"


def test_without_a_server_there_is_no_send_button(client_alice: Any, referrer: Contact) -> None:
    page = client_alice.get("/compose/", {"contact": referrer.pk}).content.decode()
    assert 'value="send"' not in page
    response = client_alice.post("/compose/", compose_post(referrer, "send"))
    assert response.status_code == 502 and "No mail server" in response.content.decode()


@override_settings(EMAIL_HOST="127.0.0.1", EMAIL_USE_TLS=False, EMAIL_USE_SSL=False)
def test_the_environment_server_is_used_when_the_user_has_none(
    client_alice: Any, referrer: Contact, smtp_server: Any
) -> None:
    inbox, port = smtp_server
    with override_settings(EMAIL_PORT=port):
        response = client_alice.post("/compose/", compose_post(referrer, "send"))
    assert response.status_code == 302 and len(inbox.received) == 1


def test_a_contact_without_email_cannot_be_sent_to(
    client_alice: Any, alice: Any, referral: Contact, smtp_server: Any
) -> None:
    inbox, port = smtp_server
    use_server(alice, port)
    response = client_alice.post("/compose/", compose_post(referral, "send"))
    assert response.status_code == 502 and "no valid e-mail address" in response.content.decode()
    assert not inbox.received


def test_download_eml_saves_the_draft_and_returns_rfc5322(
    client_alice: Any, referrer: Contact
) -> None:
    response = client_alice.post("/compose/", compose_post(referrer, "eml"))
    assert response.status_code == 200
    assert response["Content-Type"] == "message/rfc822"
    assert "attachment" in response["Content-Disposition"]
    parsed = email.message_from_bytes(response.content, policy=policy.default)
    assert parsed["To"] == "Priya Raman <priya@example.org>"
    assert parsed["From"] == "Alice Moreau <alice@example.org>"
    assert parsed["Subject"] == "Advice?"
    assert parsed["Date"] and parsed["Message-ID"]
    assert "20 minutes" in parsed.get_content()
    assert Message.objects.get().status == "draft"
    saved = client_alice.get(f"/messages/{Message.objects.get().pk}/eml")
    assert saved.status_code == 200 and b"Subject: Advice?" in saved.content


def test_the_eml_opens_as_an_unsent_draft_with_crlf_line_ends(
    client_alice: Any, referrer: Contact
) -> None:
    post = compose_post(referrer, "eml") | {"body": "Dear Priya,\nÇa va? 20 minutes?"}
    content = client_alice.post("/compose/", post).content
    assert b"\nX-Unsent: 1\r\n" in content  # Outlook opens it as a draft, not received mail
    assert b"\n" not in content.replace(b"\r\n", b"")  # no bare LF anywhere
    parsed = email.message_from_bytes(content, policy=policy.default)
    assert parsed["Content-Transfer-Encoding"] == "quoted-printable" and content.isascii()
    assert parsed.get_content().replace("\r\n", "\n") == "Dear Priya,\nÇa va? 20 minutes?\n"


def test_the_mailto_link_carries_subject_and_body(client_alice: Any, referrer: Contact) -> None:
    response = client_alice.post("/compose/", compose_post(referrer, "check"))
    link = response.context["mailto"]
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "priya@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Advice?"]
    assert query["body"] == ["Dear Priya,\r\nCould I ask you for 20 minutes?"]
    assert "&amp;body=" in response.content.decode()


@pytest.mark.parametrize(
    ("subject", "expected"), [("Hi\r\nBcc: x@evil", "Hi Bcc: x@evil"), ("Plain", "Plain")]
)
def test_mailto_subjects_stay_on_one_line(subject: str, expected: str) -> None:
    link = delivery.mailto_url("a@example.org", subject, "Body & more")
    query = parse_qs(urlsplit(link).query)
    assert query["subject"] == [expected] and query["body"] == ["Body & more"]
