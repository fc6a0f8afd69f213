"""API tokens: listed, created (shown once) and revoked on a page, through the API and the CLI."""

from __future__ import annotations

import json
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coffeechat.accounts.models import ApiToken
from tests.conftest import ApiClient


def test_the_page_lists_tokens_without_their_secret(client_alice: Client, alice: Any) -> None:
    token, raw = ApiToken.issue(alice, name="laptop script")
    html = client_alice.get("/account/tokens/").content.decode()
    assert "laptop script" in html and token.prefix in html
    assert raw not in html
    assert "never" in html


def test_a_new_token_is_shown_once_and_works(client_alice: Client, alice: Any) -> None:
    response = client_alice.post("/account/tokens/", {"name": "notebook"})
    assert response.status_code == 200
    raw = response.content.decode().split("<code>")[1].split("</code>")[0]
    assert ApiToken.user_for(raw) == alice
    assert raw not in client_alice.get("/account/tokens/").content.decode()


def test_a_token_needs_a_name(client_alice: Client) -> None:
    response = client_alice.post("/account/tokens/", {"name": "  "})
    assert response.status_code == 422
    assert not ApiToken.objects.exists()


def test_revoking_a_token_shuts_it_out(client_alice: Client, alice: Any) -> None:
    token, raw = ApiToken.issue(alice, name="old")
    response = client_alice.post(f"/account/tokens/{token.pk}/revoke")
    assert response.status_code == 302
    assert ApiToken.user_for(raw) is None
    assert client_alice.get(f"/account/tokens/{token.pk}/revoke").status_code == 405


def test_another_persons_token_is_not_found(client_outsider: Client, alice: Any) -> None:
    token, _ = ApiToken.issue(alice)
    assert client_outsider.post(f"/account/tokens/{token.pk}/revoke").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert "cli" not in client_outsider.get("/account/tokens/").content.decode().split("<table")[0]


def test_the_token_page_costs_the_same_with_many_tokens(client_alice: Client, alice: Any) -> None:
    ApiToken.issue(alice)
    with CaptureQueriesContext(connection) as few:
        client_alice.get("/account/tokens/")
    for n in range(15):
        ApiToken.issue(alice, name=f"t{n}")
    with CaptureQueriesContext(connection) as many:
        client_alice.get("/account/tokens/")
    assert len(many) == len(few)


def test_the_api_lists_and_revokes_own_tokens(api_alice: ApiClient, alice: Any) -> None:
    other, _ = ApiToken.issue(alice, name="spare")
    listed = api_alice.get("/api/v1/tokens")
    assert listed.status_code == 200
    rows = listed.json()
    assert {r["name"] for r in rows} == {"cli", "spare"}
    assert all(set(r) == {"id", "name", "prefix", "created_at", "last_used_at"} for r in rows)
    assert api_alice.token not in json.dumps(rows)
    assert api_alice.delete(f"/api/v1/tokens/{other.pk}").status_code == 204
    assert not ApiToken.objects.filter(pk=other.pk).exists()
    assert api_alice.delete(f"/api/v1/tokens/{other.pk}").status_code == 404


def test_the_api_never_reaches_another_persons_token(api_outsider: ApiClient, alice: Any) -> None:
    token, _ = ApiToken.issue(alice)
    assert api_outsider.delete(f"/api/v1/tokens/{token.pk}").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert [r["id"] for r in api_outsider.get("/api/v1/tokens").json()] != [token.pk]
    assert token.pk not in [r["id"] for r in api_outsider.get("/api/v1/tokens").json()]


def test_the_cli_lists_and_revokes_tokens(db: Any, cli: Any, capsys: Any) -> None:
    assert cli(["token", "--name", "shell"]) == 0
    capsys.readouterr()
    assert cli(["tokens", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["shell"]
    assert cli(["tokens"]) == 0
    assert "shell" in capsys.readouterr().out
    assert cli(["tokens", "--revoke", str(rows[0]["id"])]) == 0
    assert not ApiToken.objects.exists()
    assert cli(["tokens", "--revoke", str(rows[0]["id"])]) == 1
    assert "no API token" in capsys.readouterr().err


def test_the_cli_never_revokes_another_users_token(
    server: Any, alice: Any, bob: Any, cli: Any
) -> None:
    token, _ = ApiToken.issue(alice)
    assert cli(["tokens", "--user", "bob", "--revoke", str(token.pk)]) == 1
    assert ApiToken.objects.filter(pk=token.pk).exists()
