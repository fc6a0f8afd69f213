"""Password reset by e-mail through a real SMTP server on loopback."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.test import Client

from coffeechat.accounts.services import membership_of
from tests.accounts.conftest import Inbox


def signs_in(password: str) -> bool:
    client = Client()
    client.post("/login/", {"username": "alice", "password": password})
    return client.get("/contacts/").status_code == 200


def test_personal_mode_has_no_password_reset(db: Any) -> None:
    assert Client().get("/account/password-reset/").status_code == 404


def test_the_reply_is_the_same_whether_or_not_the_address_has_an_account(
    server: Any, alice: Any, inbox: Inbox
) -> None:
    known = Client().post("/account/password-reset/", {"email": "ALICE@example.org"})
    unknown = Client().post("/account/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    sent_page = Client().get(known["Location"])
    assert "If that address belongs to an account" in sent_page.content.decode()
    assert [m["To"] for m in inbox.messages] == ["alice@example.org"]


def test_the_mailed_link_sets_a_new_password_once(server: Any, alice: Any, inbox: Inbox) -> None:
    Client().post("/account/password-reset/", {"email": "alice@example.org"})
    assert "It works once, for 24 hours." in inbox.body()
    link = urlsplit(inbox.link()).path
    client = Client()
    form_page = client.get(link, follow=True)  # Django swaps the token for a session first
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    mismatch = client.post(
        set_url, {"new_password1": "a brand new phrase", "new_password2": "not the same"}
    )
    assert mismatch.status_code == 422
    done = client.post(
        set_url, {"new_password1": "a brand new phrase", "new_password2": "a brand new phrase"}
    )
    assert done.status_code == 302
    assert membership_of(alice).email_verified_at is not None  # the link proved the address
    assert signs_in("a brand new phrase")
    assert not signs_in("correct horse battery")
    reused = Client().get(link, follow=True)
    assert "already done its job" in reused.content.decode()


def test_an_invalid_address_answers_422_and_keeps_it(server: Any) -> None:
    response = Client().post("/account/password-reset/", {"email": "not-an-address"})
    assert response.status_code == 422
    assert 'value="not-an-address"' in response.content.decode()


def test_the_sign_in_page_links_to_the_reset(server: Any) -> None:
    assert "/account/password-reset/" in Client().get("/login/").content.decode()
