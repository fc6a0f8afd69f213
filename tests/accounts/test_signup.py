"""Opening an account: open, by invitation, or closed; confirming the address by e-mail."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from coffeechat.accounts.invitations import create_invitation
from coffeechat.accounts.models import Invitation
from coffeechat.accounts.services import membership_of
from coffeechat.common import mail
from tests.accounts.conftest import Inbox

NEW = {
    "email": "Sam@Example.edu",
    "display_name": "Sam Rivera",
    "password1": "a long walk by the river",
    "password2": "a long walk by the river",
}


def path_of(link: str) -> str:
    return urlsplit(link).path


def test_personal_mode_has_no_sign_up(db: Any) -> None:
    assert Client().get("/signup/").status_code == 404
    assert Client().get("/signup/anykey").status_code == 404


@pytest.mark.parametrize("mode", ["invite", "closed"])
def test_sign_up_without_invitation_is_explained_not_offered(server: Any, mode: str) -> None:
    server.SIGNUP = mode
    response = Client().get("/signup/")
    assert response.status_code == 403
    assert "career centre" in response.content.decode()
    assert Client().post("/signup/", NEW).status_code == 403
    assert not get_user_model().objects.filter(email__iexact=NEW["email"]).exists()


def test_open_sign_up_creates_a_student_and_confirms_the_address_by_mail(
    server: Any, inbox: Inbox
) -> None:
    server.SIGNUP = "open"
    client = Client()
    assert "Create an account" in client.get("/login/").content.decode()
    response = client.post("/signup/", NEW)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="sam@example.edu")
    assert user.profile.display_name == "Sam Rivera"
    assert membership_of(user).role == "student"
    assert membership_of(user).email_verified_at is None
    assert client.get("/contacts/").status_code == 200  # signed in straight away

    assert inbox.messages[0]["To"] == "sam@example.edu"
    confirmed = Client().get(path_of(inbox.link()))  # works from any browser
    assert confirmed.status_code == 200
    assert "confirmed" in confirmed.content.decode()
    assert membership_of(user).email_verified_at is not None


def test_a_tampered_or_stale_confirmation_link_is_refused(server: Any, inbox: Inbox) -> None:
    server.SIGNUP = "open"
    Client().post("/signup/", NEW)
    link = path_of(inbox.link())
    assert Client().get(link[:-3] + "xyz").status_code == 400
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert Client().get(link).status_code == 400
    user = get_user_model().objects.get(username="sam@example.edu")
    assert membership_of(user).email_verified_at is None


def test_signing_in_unconfirmed_shows_a_friendly_reminder_and_can_resend(
    server: Any, alice: Any, inbox: Inbox
) -> None:
    client = Client()
    response = client.post(
        "/login/", {"username": "alice", "password": "correct horse battery"}, follow=True
    )
    assert "confirm your e-mail address" in response.content.decode()
    sent = client.post("/account/verify/resend", follow=True)
    assert "Sent." in sent.content.decode()
    assert inbox.messages[-1]["To"] == "alice@example.org"
    assert Client().get(path_of(inbox.link())).status_code == 200
    reminder = Client().post(
        "/login/", {"username": "alice", "password": "correct horse battery"}, follow=True
    )
    assert "confirm your e-mail address" not in reminder.content.decode()


def test_an_unreachable_mail_server_doesnt_lose_the_new_account(server: Any, settings: Any) -> None:
    server.SIGNUP = "open"
    settings.EMAIL_BACKEND = mail.BACKEND
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 9, False
    response = Client().post("/signup/", NEW, follow=True)
    assert response.status_code == 200
    assert "send the confirmation e-mail" in response.content.decode()
    assert get_user_model().objects.filter(username="sam@example.edu").exists()


def test_an_invalid_sign_up_answers_422_and_keeps_what_was_typed(server: Any) -> None:
    server.SIGNUP = "open"
    mismatch = Client().post("/signup/", {**NEW, "password2": "something else entirely"})
    assert mismatch.status_code == 422
    assert 'value="Sam@Example.edu"' in mismatch.content.decode()
    assert "differ" in mismatch.content.decode()
    weak = Client().post("/signup/", {**NEW, "password1": "123", "password2": "123"})
    assert weak.status_code == 422


def test_an_address_with_an_account_cant_sign_up_again(server: Any) -> None:
    server.SIGNUP = "open"
    assert Client().post("/signup/", NEW).status_code == 302
    again = Client().post("/signup/", {**NEW, "email": "sam@example.edu"})
    assert again.status_code == 422
    assert "already has an account" in again.content.decode()


def test_an_invitation_opens_one_account_with_its_role(server: Any, inbox: Inbox) -> None:
    invitation, key = create_invitation("Dana@Example.edu", role="adviser")
    page = Client().get(f"/signup/{key}")
    assert page.status_code == 200
    assert "dana@example.edu" in page.content.decode()
    form = {k: v for k, v in NEW.items() if k != "email"}
    client = Client()
    assert client.post(f"/signup/{key}", form).status_code == 302
    user = get_user_model().objects.get(username="dana@example.edu")
    assert membership_of(user).role == "adviser"
    assert client.get("/advisers/").status_code == 200
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert Client().get(f"/signup/{key}").status_code == 403
    assert Client().post(f"/signup/{key}", form).status_code == 403


def test_an_invitation_expires_after_fourteen_days(server: Any) -> None:
    with time_machine.travel("2025-03-01 12:00 +0000", tick=False):
        _, key = create_invitation("late@example.edu")
    with time_machine.travel("2025-03-15 11:59 +0000", tick=False):
        assert Client().get(f"/signup/{key}").status_code == 200
    with time_machine.travel("2025-03-15 12:00 +0000", tick=False):
        assert Client().get(f"/signup/{key}").status_code == 403


def test_invitations_stop_working_when_sign_up_is_closed(server: Any) -> None:
    _, key = create_invitation("sam@example.edu")
    server.SIGNUP = "closed"
    assert Client().get(f"/signup/{key}").status_code == 403


def test_an_invalid_invited_sign_up_answers_422(server: Any) -> None:
    _, key = create_invitation("sam@example.edu")
    response = Client().post(
        f"/signup/{key}", {"display_name": "Sam", "password1": "x", "password2": "y"}
    )
    assert response.status_code == 422
    assert 'value="Sam"' in response.content.decode()
    assert Invitation.objects.get().used_at is None


def test_staff_create_and_list_invitations_the_link_shown_once(
    server: Any, client_staff: Client, client_alice: Client
) -> None:
    response = client_staff.post(
        "/staff/invitations/", {"email": "new@example.edu", "adviser": "on"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    link = html.split("<code>")[1].split("</code>")[0]
    assert "/signup/" in link
    listing = client_staff.get("/staff/invitations/").content.decode()
    assert "new@example.edu" in listing and "Career adviser" in listing
    assert link not in listing
    bad = client_staff.post("/staff/invitations/", {"email": "not an address"})
    assert bad.status_code == 422
    assert 'value="not an address"' in bad.content.decode()
    assert client_alice.get("/staff/invitations/").status_code == 404
    assert client_alice.post("/staff/invitations/", {"email": "x@example.edu"}).status_code == 404
    assert Invitation.objects.count() == 1


def test_cli_invite_prints_a_link_that_works(server: Any, cli: Any, capsys: Any) -> None:
    server.BASE_URL = "https://coffeechat.example.edu"
    assert cli(["invite", "adv@example.edu", "--adviser"]) == 0
    link = capsys.readouterr().out.strip()
    assert link.startswith("https://coffeechat.example.edu/signup/")
    assert Invitation.objects.get().role == "adviser"
    assert Client().get(path_of(link)).status_code == 200
    assert cli(["invite", "nope"]) == 2


def test_cli_invite_is_for_server_mode(db: Any, cli: Any, capsys: Any) -> None:
    assert cli(["invite", "a@example.edu"]) == 2
    assert "server" in capsys.readouterr().err


def test_cli_sets_roles(server: Any, bob: Any, cli: Any) -> None:
    assert cli(["role", "bob", "adviser"]) == 0
    assert membership_of(bob).role == "adviser"
