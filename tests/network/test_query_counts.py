"""Network pages cost the same number of SQL queries with 5 people or 150."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.common.http import FRAGMENTS
from coffeechat.common.stamps import COUNTS
from coffeechat.network.models import Contact, Organization
from coffeechat.outreach.models import Message


def _queries(client: Any, url: str) -> int:
    """Queries of a full drawing of the page: nothing kept from an earlier view."""
    FRAGMENTS.clear()
    COUNTS.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow(owner: Any, start: int, count: int) -> None:
    orgs = Organization.objects.bulk_create(
        Organization(owner=owner, name=f"Org {n}", name_key=f"org {n}")
        for n in range(start, start + count)
    )
    people = Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"P{n}", organization=org)
        for n, org in enumerate(orgs, start=start)
    )
    Message.objects.bulk_create(
        Message(owner=owner, contact=person, kind="request", status="draft")
        for person in people[::2]
    )


def test_the_organization_list_query_count_does_not_grow(client_alice: Any, alice: Any) -> None:
    _grow(alice, 0, 5)
    few = _queries(client_alice, "/organizations/")
    by_count = _queries(client_alice, "/organizations/?sort=-contacts")
    _grow(alice, 5, 150)
    assert _queries(client_alice, "/organizations/") == few
    assert _queries(client_alice, "/organizations/?sort=-contacts") == by_count


def test_the_contact_page_query_count_does_not_grow(
    client_alice: Any, alice: Any, referrer: Contact
) -> None:
    _grow(alice, 0, 5)
    few = _queries(client_alice, f"/contacts/{referrer.pk}/")
    _grow(alice, 5, 150)
    Message.objects.bulk_create(
        Message(owner=alice, contact=referrer, kind="follow-up", status="draft") for _ in range(20)
    )
    assert _queries(client_alice, f"/contacts/{referrer.pk}/") == few


def test_search_and_page_two_cost_what_the_first_page_costs(client_alice: Any, alice: Any) -> None:
    _grow(alice, 0, 5)
    search = _queries(client_alice, "/contacts/?q=P1")
    _grow(alice, 5, 150)
    assert _queries(client_alice, "/contacts/?q=P1") == search
    assert _queries(client_alice, "/contacts/?page=2") == _queries(client_alice, "/contacts/")
