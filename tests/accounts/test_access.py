"""Every account page needs a signed-in person except the few a signed-out person must reach,
and every form refuses a POST without its CSRF token."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

PRIVATE = [
    "/account/",
    "/account/tokens/",
    "/account/sharing/",
    "/account/download",
    "/account/delete",
    "/advisers/",
    "/advisers/students/1/",
    "/staff/",
    "/staff/invitations/",
]


@pytest.mark.parametrize("path", PRIVATE)
def test_signed_out_visitors_are_sent_to_sign_in(server: Any, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("path", ["/signup/", "/account/password-reset/"])
def test_sign_up_and_reset_are_reachable_signed_out(server: Any, path: str) -> None:
    assert Client().get(path).status_code in {200, 403}  # 403: sign-up is by invitation


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/account/delete", {"confirmation": "correct horse battery"}),
        ("/account/tokens/", {"name": "x"}),
        ("/account/sharing/", {"adviser": "1"}),
    ],
)
def test_forms_refuse_a_post_without_csrf_token(
    server: Any, alice: Any, path: str, data: dict[str, str]
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(path, data).status_code == 403
