"""Personas (healthchecks style): `alice` owns the data, `bob` is another user, `outsider`
is signed in but owns nothing. Every detail, edit and API URL must answer 404 to the others."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from coffeechat.accounts.models import ApiToken
from coffeechat.accounts.services import create_user, profile_of
from coffeechat.network.models import Contact, Organization

pytest_plugins = ["tests.servers"]  # Radicale and Redis, started by the tests that use them


@pytest.fixture
def alice(db: Any) -> Any:
    user = create_user("alice", email="alice@example.org", password="correct horse battery")
    profile = profile_of(user)
    profile.display_name = "Alice Moreau"
    profile.school = "Lakeside University"
    profile.country = "US"
    profile.time_zone = "America/New_York"
    profile.save()
    return user


@pytest.fixture
def bob(db: Any) -> Any:
    return create_user("bob", email="bob@example.org", password="another horse battery")


@pytest.fixture
def outsider(db: Any) -> Any:
    return create_user("outsider", password="yet another horse battery")


@pytest.fixture
def server(settings: Any, db: Any) -> Any:
    """Server mode for the pages that only a career centre's coffeechat has."""
    settings.PERSONAL = False
    settings.SIGNUP = "invite"
    return settings


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def client_alice(alice: Any) -> Client:
    return signed_in(alice)


@pytest.fixture
def client_outsider(outsider: Any) -> Client:
    return signed_in(outsider)


class ApiClient:
    """A test client that sends a bearer token and JSON."""

    def __init__(self, user: Any):
        _, self.token = ApiToken.issue(user)
        self.client = Client()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, params, headers=self._headers())

    def post(self, path: str, data: Any) -> Any:
        return self.client.post(
            path, data, content_type="application/json", headers=self._headers()
        )

    def patch(self, path: str, data: Any) -> Any:
        return self.client.patch(
            path, data, content_type="application/json", headers=self._headers()
        )

    def delete(self, path: str) -> Any:
        return self.client.delete(path, headers=self._headers())


@pytest.fixture
def api_alice(alice: Any) -> ApiClient:
    return ApiClient(alice)


@pytest.fixture
def api_outsider(outsider: Any) -> ApiClient:
    return ApiClient(outsider)


@pytest.fixture
def acme(alice: Any) -> Organization:
    return Organization.objects.create(
        owner=alice, name="Acme Health", industry="Health care", advocacy=True, motivation=3
    )


@pytest.fixture
def referrer(alice: Any, acme: Organization) -> Contact:
    return Contact.objects.create(
        owner=alice,
        first_name="Priya",
        last_name="Raman",
        organization=acme,
        title="Data analyst",
        how_found="alumni",
        email="priya@example.org",
    )


@pytest.fixture
def referral(alice: Any, referrer: Contact) -> Contact:
    return Contact.objects.create(
        owner=alice,
        first_name="Tomás",
        last_name="Ibáñez",
        how_found="referral",
        referred_by=referrer,
        tags_text=",epidemiology,boston,",
        notes="Runs the outbreak team.",
    )
