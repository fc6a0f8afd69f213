"""List counts and drawn lists are kept under the owner's data stamp: the same list, unchanged,
is not counted or drawn again, any change to the owner's data shows at once, and one user's
kept list is never another's."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coffeechat.common.stamps import stamped_count
from coffeechat.network.models import Contact
from tests.followups.conftest import person


def _count_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as seen:
        assert client.get(path).status_code == 200
    return sum("COUNT(" in q["sql"].upper() for q in seen.captured_queries)


def test_an_unchanged_list_is_counted_once(alice: Any, client_alice: Client) -> None:
    person(alice, "Kit")
    assert _count_queries(client_alice, "/contacts/") == 1
    assert _count_queries(client_alice, "/contacts/") == 0
    assert _count_queries(client_alice, "/contacts/?how_found=alumni") == 1  # another list


def test_a_change_is_counted_at_once(alice: Any, client_alice: Client) -> None:
    person(alice, "Kit")
    assert "1 contact" in client_alice.get("/contacts/").content.decode()
    person(alice, "Sol")
    assert "2 contacts" in client_alice.get("/contacts/").content.decode()
    Contact.objects.owned_by(alice).filter(first_name="Sol").delete()
    assert "1 contact" in client_alice.get("/contacts/").content.decode()


def test_counts_are_kept_per_owner(alice: Any, bob: Any) -> None:
    person(alice, "Kit")
    person(alice, "Sol")
    person(bob, "Ada")
    assert stamped_count(alice, Contact.objects.owned_by(alice)) == 2
    assert stamped_count(bob, Contact.objects.owned_by(bob)) == 1
    assert stamped_count(alice, Contact.objects.owned_by(alice)) == 2


def test_the_same_address_draws_each_users_own_list(
    alice: Any, bob: Any, client_alice: Client
) -> None:
    person(alice, "Kit")
    person(bob, "Ada")
    client_bob = Client()
    client_bob.force_login(bob)
    for path in ("/contacts/", "/contacts/?q=Kit", "/messages/"):
        client_alice.get(path)
        assert "Kit Example" not in client_bob.get(path).content.decode()
    assert "Ada" in client_bob.get("/contacts/").content.decode()
    assert "Ada" not in client_alice.get("/contacts/").content.decode()


def test_a_kept_list_draws_nothing_again(alice: Any, client_alice: Client) -> None:
    person(alice, "Kit")
    client_alice.get("/contacts/?page=1")
    with CaptureQueriesContext(connection) as seen:
        html = client_alice.get("/contacts/?page=1").content.decode()
    assert "Kit" in html
    assert not any("network_contact" in q["sql"] for q in seen.captured_queries)
