"""The pure half of the mailbox sync: headers, auto-replies, excerpts and matching."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coffeechat.domain.mailbox.headers import (
    MailHeaders,
    bare_subject,
    body_text,
    is_auto_reply,
    parse_headers,
    reply_excerpt,
)
from coffeechat.domain.mailbox.matching import (
    Known,
    KnownMessage,
    classify,
    contact_addresses,
    wants_body,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def headers(**changes: object) -> MailHeaders:
    base: dict[str, object] = {
        "message_id": "<m1@x>", "in_reply_to": (), "references": (), "sender": "priya@acme.example",
        "recipients": ("me@uni.example",), "subject": "Re: Advice", "date": T0 + timedelta(days=1),
        "auto_submitted": "", "x_autoreply": "", "precedence": "",
    }  # fmt: skip
    return MailHeaders(**(base | changes))  # type: ignore[arg-type]


def message(**changes: object) -> KnownMessage:
    base: dict[str, object] = {
        "id": 1, "contact_id": 7, "status": "sent", "subject": "Advice", "body": "Dear Priya",
        "sent_at": T0, "replied_at": None, "mail_message_id": "<req@uni.example>",
    }  # fmt: skip
    return KnownMessage(**(base | changes))  # type: ignore[arg-type]


def known(*messages: KnownMessage, done: set[str] | None = None) -> Known:
    return Known({"priya@acme.example": 7, "p@home.example": 7}, list(messages), done or set())


def test_headers_are_parsed_from_what_the_server_sends() -> None:
    raw = (
        b"From: =?utf-8?q?Priya_Raman?= <Priya@Acme.Example>\r\n"
        b"To: Alice <alice@uni.example>, bob@uni.example\r\nCc: c@uni.example\r\n"
        b"Subject: Re: Advice\r\nDate: Tue, 03 Nov 2026 10:00:00 +0100\r\n"
        b"Message-ID: <r1@acme.example>\r\nIn-Reply-To: <req@uni.example>\r\n"
        b"References: <a@x> <req@uni.example>\r\n\r\n"
    )
    parsed = parse_headers(raw)
    assert parsed.sender == "priya@acme.example"
    assert parsed.recipients == ("alice@uni.example", "bob@uni.example", "c@uni.example")
    assert parsed.date == datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    assert (parsed.message_id, parsed.in_reply_to) == ("<r1@acme.example>", ("<req@uni.example>",))
    assert parsed.thread_ids == ("<req@uni.example>", "<a@x>", "<req@uni.example>")
    assert parsed.key == "<r1@acme.example>"


def test_a_mail_without_message_id_gets_a_stable_key() -> None:
    raw = b"From: a@b.example\r\nSubject: Hi\r\nDate: nonsense\r\n\r\n"
    first, second = parse_headers(raw), parse_headers(raw)
    assert first.date is None
    assert first.key == second.key and first.key.startswith("sha256:")


@pytest.mark.parametrize(
    ("changes", "auto"),
    [
        ({"auto_submitted": "auto-replied"}, True),
        ({"auto_submitted": "no"}, False),
        ({"x_autoreply": "yes"}, True),
        ({"precedence": "auto_reply"}, True),
        ({"subject": "Out of Office: Advice"}, True),
        ({"subject": "Automatic reply: Advice"}, True),
        ({"subject": "Abwesenheitsnotiz"}, True),
        ({"subject": "Re: Out of office ideas"}, False),
    ],
)
def test_auto_replies_are_recognised(changes: dict[str, str], auto: bool) -> None:
    assert is_auto_reply(headers(**changes)) is auto


def test_bare_subject_drops_reply_prefixes() -> None:
    assert bare_subject("RE: Fwd:  Advice  on  data") == "advice on data"
    assert bare_subject("AW: Advice") == "advice"


def test_the_excerpt_keeps_their_first_lines_without_quote_or_signature() -> None:
    text = "Happy to!\n\nTuesday at 3?\n-- \nPriya\n\nOn Mon, Alice wrote:\n> Dear Priya"
    assert reply_excerpt(text) == "Happy to!\n\nTuesday at 3?"
    many = "\n".join(f"line {n}" for n in range(20))
    assert reply_excerpt(many).count("\n") == 5


def test_body_text_prefers_plain_and_reads_html_otherwise() -> None:
    html = (
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<style>p{}</style><p>Happy <b>to</b> help</p>"
    )
    assert " ".join(body_text(html).split()) == "Happy to help"
    assert body_text(b"Subject: x\r\n\r\nPlain words\r\n") == "Plain words\n"


def test_contact_addresses_include_those_an_import_noted() -> None:
    notes = "Met at the fair\nOther e-mail addresses: P@Home.example, p2@x.example"
    assert contact_addresses("priya@acme.example", notes) == [
        "priya@acme.example", "p@home.example", "p2@x.example",
    ]  # fmt: skip
    assert contact_addresses("", "") == []


def test_a_reply_threads_to_the_message_it_answers() -> None:
    older = message(id=1, mail_message_id="<old@uni.example>", sent_at=T0 - timedelta(days=9))
    newer = message(id=2, mail_message_id="<new@uni.example>")
    finding = classify(
        headers(in_reply_to=("<old@uni.example>",), references=("<old@uni.example>",)),
        "Sure!\n> quoted", "inbox", known(older, newer),
    )  # fmt: skip
    assert finding is not None
    assert (finding.kind, finding.message_id, finding.text) == ("reply", 1, "Sure!")


def test_without_threading_the_latest_unanswered_message_from_either_address() -> None:
    older = message(id=1, sent_at=T0 - timedelta(days=9), mail_message_id="")
    newer = message(id=2, mail_message_id="")
    finding = classify(headers(sender="p@home.example"), "Yes", "inbox", known(older, newer))
    assert finding is not None and finding.message_id == 2


@pytest.mark.parametrize(
    ("mail", "messages"),
    [
        (headers(sender="stranger@x.example"), [message()]),  # not a contact
        (headers(auto_submitted="auto-replied"), [message()]),  # automatic
        (headers(), [message(replied_at=T0)]),  # already answered
        (headers(date=T0 - timedelta(days=1)), [message()]),  # older than the request
        (headers(), [message(status="draft", sent_at=None)]),  # nothing was sent
        (headers(date=None), [message()]),  # no date to record
    ],
)
def test_no_reply_is_found(mail: MailHeaders, messages: list[KnownMessage]) -> None:
    assert classify(mail, "text", "inbox", known(*messages)) is None


def test_a_recorded_or_undone_mail_is_never_fetched_again() -> None:
    assert wants_body(headers(), "inbox", known(message()))
    assert not wants_body(headers(), "inbox", known(message(), done={"<m1@x>"}))


def sent_mail(**changes: object) -> MailHeaders:
    return headers(
        **({"sender": "me@uni.example", "recipients": ("priya@acme.example",),
            "subject": "Advice", "message_id": "<s1@uni.example>", "date": T0} | changes)
    )  # fmt: skip


def test_a_sent_mail_is_matched_to_its_draft_by_subject_and_opening() -> None:
    draft = message(status="draft", sent_at=None, body="Dear  Priya,\nCould we talk?")
    finding = classify(sent_mail(), "Dear Priya, could we talk?\n\n-- Alice", "sent", known(draft))
    assert finding is not None
    assert (finding.kind, finding.message_id, finding.when) == ("sent", 1, T0)


def test_a_sent_mail_without_a_draft_is_a_new_request_or_a_follow_up() -> None:
    other = message(status="draft", sent_at=None, subject="Something else")
    first = classify(sent_mail(), "Hi", "sent", known(other))
    assert first is not None and first.message_id is None and not first.follow_up
    earlier = message(mail_message_id="<s0@uni.example>", sent_at=T0 - timedelta(days=7))
    follow = classify(
        sent_mail(in_reply_to=("<s0@uni.example>",)), "Just checking in", "sent", known(earlier)
    )
    assert follow is not None and follow.follow_up


@pytest.mark.parametrize(
    ("mail", "body", "messages"),
    [
        (sent_mail(recipients=("friend@x.example",)), "Hi", []),  # not to a contact
        (sent_mail(), "Dear Priya", [message(mail_message_id="<x@y>")]),  # marked sent by hand
        (sent_mail(message_id="<req@uni.example>"), "Hi", [message()]),  # sent by coffeechat
        (sent_mail(in_reply_to=("<their@acme.example>",)), "Tuesday works", []),  # talk
    ],
)
def test_no_sent_mail_is_found(mail: MailHeaders, body: str, messages: list[KnownMessage]) -> None:
    assert classify(mail, body, "sent", known(*messages)) is None


def test_what_a_mail_carries_is_made_storable() -> None:
    raw = b"From: a@b.example\r\nSubject: Hi\x01 there\r\nMessage-ID: <x\x00y@z>\r\n\r\n"
    parsed = parse_headers(raw)
    assert parsed.subject == "Hi there"
    assert "\x00" not in parsed.key
    assert body_text(b"Subject: x\r\n\r\nA\x00B\r\n") == "AB\n"
    long_mail = sent_mail(subject="S" * 500)
    found = classify(long_mail, "B" * 20_000, "sent", known())
    assert found is not None and len(found.subject) == 200 and len(found.text) == 10_000
