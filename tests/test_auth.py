"""Nothing answers without authentication; sign-in links work once; API tokens are hashed."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from coffeechat.accounts.models import ApiToken, SignInLink, digest

PUBLIC = {"login", "signin-link", "healthz", "favicon"}


def page_routes() -> list[str]:
    routes = []
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLPattern) and pattern.name not in PUBLIC:
            routes.append("/" + str(pattern.pattern).replace("<int:pk>", "1"))
    return routes


def test_it_redirects_every_page_to_sign_in_when_anonymous(db: Any) -> None:
    routes = page_routes()
    assert "/contacts/" in routes
    for route in routes:
        response = Client().get(route)
        assert response.status_code == 302, route
        assert response["Location"].startswith("/login/"), route


def test_it_answers_401_json_to_anonymous_api_calls(db: Any) -> None:
    for path in (
        "/api/v1/contacts",
        "/api/v1/organizations",
        "/api/v1/profile",
        "/api/v1/openapi.json",
    ):
        response = Client().get(path)
        assert response.status_code == 401, path
        assert response.json()["detail"]
    bad = Client().get("/api/v1/contacts", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_it_includes_the_api_among_guarded_routes() -> None:
    assert any(isinstance(p, URLResolver) for p in get_resolver().url_patterns)


def test_it_signs_in_once_with_a_link(alice: Any) -> None:
    key = SignInLink.issue(alice)
    client = Client()
    response = client.get(f"/signin/{key}")
    assert response.status_code == 302
    assert client.get("/contacts/").status_code == 200
    assert Client().get(f"/signin/{key}").status_code == 403


def test_it_refuses_an_expired_link(alice: Any) -> None:
    key = SignInLink.issue(alice)
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client = Client()
    assert client.get(f"/signin/{key}").status_code == 403
    assert client.get("/contacts/").status_code == 302


def test_it_stores_tokens_only_as_digests(alice: Any) -> None:
    token, raw = ApiToken.issue(alice)
    assert raw not in token.key_digest
    assert token.key_digest == digest(raw)
    assert ApiToken.user_for(raw) == alice
    assert ApiToken.user_for(raw + "x") is None


def test_it_signs_in_with_a_password_in_server_mode_form(alice: Any, settings: Any) -> None:
    client = Client()
    response = client.post("/login/", {"username": "alice", "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get("/contacts/").status_code == 200


@pytest.mark.parametrize("password", ["wrong", ""])
def test_it_keeps_the_door_shut_for_a_wrong_password(alice: Any, password: str) -> None:
    client = Client()
    client.post("/login/", {"username": "alice", "password": password})
    assert client.get("/contacts/").status_code == 302


def test_healthz_answers_without_sign_in_and_shows_no_data(alice: Any) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().strip() == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_reports_an_unavailable_database(db: Any, monkeypatch: Any) -> None:
    from django.db import DatabaseError
    from django.db.models import QuerySet

    def broken(self: Any) -> bool:
        raise DatabaseError("down")

    monkeypatch.setattr(QuerySet, "exists", broken)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert "database unavailable" in response.content.decode()


def test_it_pauses_sign_in_after_repeated_wrong_passwords(alice: Any) -> None:
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "alice", "password": "wrong"})
    response = client.post("/login/", {"username": "alice", "password": "correct horse battery"})
    assert response.status_code == 429
    assert "paused for" in response.content.decode()
    assert client.get("/contacts/").status_code == 302
    other = Client(REMOTE_ADDR="10.0.0.2").post("/login/", {"username": "bob", "password": "x"})
    assert other.status_code == 200  # another account from another address is not paused


def _attempt(address: str, username: str, password: str = "wrong") -> Any:
    return Client(REMOTE_ADDR=address).post("/login/", {"username": username, "password": password})


def test_an_account_pauses_whatever_the_address(alice: Any) -> None:
    for n in range(5):
        _attempt(f"10.0.1.{n}", "alice")
    paused = _attempt("10.0.2.1", "alice", "correct horse battery")
    assert paused.status_code == 429 and "paused for" in paused.text
    other = _attempt("10.0.2.1", "bob", "another horse battery")
    assert other.status_code != 429 and "paused for" not in other.text


def test_an_address_pauses_whatever_the_account(alice: Any, bob: Any) -> None:
    for name in ("bob", "carol", "dave", "erin", "frank"):
        _attempt("10.0.3.1", name)
    assert _attempt("10.0.3.1", "alice", "correct horse battery").status_code == 429
    elsewhere = _attempt("10.0.3.2", "alice", "correct horse battery")
    assert elsewhere.status_code != 429 and "paused for" not in elsewhere.text


def test_behind_the_proxy_addresses_come_from_the_header_the_proxy_appended(
    alice: Any, settings: Any
) -> None:
    settings.TRUST_FORWARDED_FOR = True

    def attempt(forwarded: str, password: str = "wrong") -> Any:
        return Client(REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=forwarded).post(
            "/login/", {"username": f"someone-{forwarded[-3:]}", "password": password}
        )

    for n in range(5):  # one student behind the proxy, spoofing the part nginx doesn't write
        attempt(f"6.6.6.{n}, 203.0.113.7")
    assert attempt("203.0.113.7").status_code == 429
    # Everyone else behind the same proxy signs in as usual.
    other = Client(REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="198.51.100.4").post(
        "/login/", {"username": "alice", "password": "correct horse battery"}
    )
    assert other.status_code == 302


def test_a_pause_looks_the_same_for_accounts_that_do_not_exist(alice: Any) -> None:
    for name in ("alice", "nobody-here"):
        for n in range(5):
            _attempt(f"10.0.4.{n}", name)
    real = _attempt("10.0.5.1", "alice")
    made_up = _attempt("10.0.5.2", "nobody-here")
    assert real.status_code == made_up.status_code == 429

    def text(response: Any) -> str:
        return re.sub(r"[A-Za-z0-9]{64}", "(token)", response.text)  # CSRF tokens differ

    assert text(real) == text(made_up)


def test_every_page_carries_a_strict_content_security_policy(client_alice: Any) -> None:
    for path in ("/contacts/", "/profile/", "/login/", "/api/v1/profile"):
        policy = client_alice.get(path)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
    assert client_alice.get("/contacts/")["X-Frame-Options"] == "DENY"


def test_nul_characters_are_refused_up_front(client_alice: Any, api_alice: Any) -> None:
    page = client_alice.get("/contacts/?q=a%00b")
    assert page.status_code == 400
    assert "NUL character" in page.content.decode()
    assert api_alice.get("/api/v1/contacts", q="a\x00b").status_code == 400
    response = api_alice.post("/api/v1/contacts", {"first_name": "Ada\u0000"})
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
    assert client_alice.get("/contacts/?q=ada").status_code == 200
