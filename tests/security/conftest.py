"""Security personas in server mode: alice (one of everything, marked), mallory (another signed-in
student with a world of her own), an adviser alice shares with, one she doesn't, and staff."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from coffeechat.accounts.services import create_user
from coffeechat.common.security import POLICY
from tests.security.world import ALICE_MARK, MALLORY_MARK, World, build_world, marked


@pytest.fixture(autouse=True)
def every_page_has_the_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every HTML response any security test fetches carries the strict Content-Security-Policy."""
    fetch = Client.request

    def checked(self: Client, **request: Any) -> Any:
        response = fetch(self, **request)
        if "text/html" in response.get("Content-Type", ""):
            policy = response.get("Content-Security-Policy")
            assert policy == POLICY, f"{request.get('PATH_INFO')}: policy {policy!r}"
        return response

    monkeypatch.setattr(Client, "request", checked)


@pytest.fixture
def adviser(server: Any) -> Any:
    return create_user("dana", email="dana@example.edu", role="adviser", display_name="Dana")


@pytest.fixture
def other_adviser(server: Any) -> Any:
    return create_user("omar", email="omar@example.edu", role="adviser", display_name="Omar")


@pytest.fixture
def staff(server: Any) -> Any:
    return create_user("lee", email="lee@example.edu", role="staff", display_name="Lee")


@pytest.fixture
def alice_world(server: Any, adviser: Any) -> World:
    return build_world("alice", marked(ALICE_MARK), adviser=adviser)


@pytest.fixture
def mallory_world(server: Any) -> World:
    return build_world("mallory", marked(MALLORY_MARK))


def signed_in(user: Any, **options: Any) -> Client:
    client = Client(**options)
    client.force_login(user)
    return client
