"""The JSON API: CRUD for contacts and organizations, the profile, and JSON errors."""

from __future__ import annotations

from typing import Any

from coffeechat.network.models import Contact, Organization


def test_it_creates_reads_updates_and_deletes_a_contact(api_alice: Any, referrer: Contact) -> None:
    created = api_alice.post(
        "/api/v1/contacts",
        {
            "first_name": "Mei",
            "last_name": "Chen",
            "organization_name": "Harbor Labs",
            "how_found": "referral",
            "referred_by": referrer.pk,
            "tags": ["Boston", "biotech"],
            "connected_on": "2026-11-02",
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["referred_by"] == referrer.pk
    assert body["organization_name"] == "Harbor Labs" and body["organization"]
    assert body["tags"] == ["boston", "biotech"]
    assert body["stage"] == "identified"
    url = f"/api/v1/contacts/{body['id']}"
    assert api_alice.get(url).json()["last_name"] == "Chen"

    patched = api_alice.patch(url, {"title": "Lab manager", "notes": "Met at the fair."})
    assert patched.status_code == 200
    assert patched.json()["title"] == "Lab manager"
    assert patched.json()["stage"] == "researched"
    assert patched.json()["referred_by"] == referrer.pk  # untouched fields stay

    cleared = api_alice.patch(url, {"referred_by": None, "organization": None})
    assert cleared.json()["referred_by"] is None and cleared.json()["organization"] is None

    assert api_alice.delete(url).status_code == 204
    assert api_alice.get(url).status_code == 404


def test_it_validates_with_clear_json_errors(api_alice: Any) -> None:
    response = api_alice.post("/api/v1/contacts", {"first_name": "A\nB", "email": "nope"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert "first_name" in errors and "email" in errors
    response = api_alice.post("/api/v1/contacts", {"how_found": "carrier pigeon"})
    assert response.status_code == 422
    assert api_alice.post("/api/v1/contacts", {"first_name": ["a", "list"]}).status_code == 422
    raw = api_alice.client.post(
        "/api/v1/contacts",
        "{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_alice.token}"},
    )
    assert raw.status_code == 400
    assert not Contact.objects.exists()


def test_it_lists_with_search_and_pagination(api_alice: Any, alice: Any) -> None:
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"P{i:02d}", last_name="Nguyen" if i % 2 else "Okafor")
        for i in range(30)
    )
    page = api_alice.get("/api/v1/contacts", limit=10, offset=0).json()
    assert page["count"] == 30 and len(page["items"]) == 10
    found = api_alice.get("/api/v1/contacts", q="okafor").json()
    assert found["count"] == 15
    assert {item["last_name"] for item in found["items"]} == {"Okafor"}


def test_an_id_no_database_can_hold_is_refused_not_a_crash(api_alice: Any) -> None:
    """Found by the fuzzer: SQLite holds 64-bit integers, either side of zero."""
    for huge in (2**70, -(2**70)):
        assert api_alice.get("/api/v1/contacts", organization=huge).status_code == 422
        assert api_alice.get("/api/v1/messages", contact=huge).status_code == 422
    assert api_alice.get("/api/v1/contacts", organization=-1).json()["count"] == 0


def test_it_handles_organizations(api_alice: Any, acme: Organization) -> None:
    created = api_alice.post("/api/v1/organizations", {"name": "Harbor Labs", "motivation": 2})
    assert created.status_code == 201
    dup = api_alice.post("/api/v1/organizations", {"name": "acme health"})
    assert dup.status_code == 422 and "name" in dup.json()["errors"]
    listed = api_alice.get("/api/v1/organizations").json()
    assert [o["name"] for o in listed["items"]] == ["Acme Health", "Harbor Labs"]
    patched = api_alice.patch(f"/api/v1/organizations/{acme.pk}", {"posting": True})
    assert patched.json()["posting"] is True and patched.json()["advocacy"] is True
    assert api_alice.delete(f"/api/v1/organizations/{acme.pk}").status_code == 204


def test_it_reads_and_updates_the_profile(api_alice: Any) -> None:
    profile = api_alice.get("/api/v1/profile").json()
    assert profile["display_name"] == "Alice Moreau"
    updated = api_alice.patch(
        "/api/v1/profile",
        {
            "fields_of_interest": ["public health", "data journalism"],
            "country": "de",
            "time_zone": "Europe/Berlin",
        },
    )
    assert updated.status_code == 200
    body = updated.json()
    assert body["fields_of_interest"] == ["public health", "data journalism"]
    assert body["country"] == "DE" and body["school"] == "Lakeside University"
    bad = api_alice.patch("/api/v1/profile", {"time_zone": "Moon/Base", "country": "XX"})
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"time_zone", "country"}


def test_the_openapi_document_describes_the_endpoints(api_alice: Any) -> None:
    doc = api_alice.get("/api/v1/openapi.json").json()
    assert "/api/v1/contacts" in doc["paths"]
    assert "/api/v1/profile" in doc["paths"]
    assert "/api/v1/organizations/{organization_id}" in doc["paths"]
