"""Another person's ids are simply not found: every detail, edit, delete and API URL answers 404."""

from __future__ import annotations

from typing import Any

import pytest

from coffeechat.network.models import Contact, Organization


def contact_urls(pk: int) -> list[str]:
    return [f"/contacts/{pk}/", f"/contacts/{pk}/edit", f"/contacts/{pk}/delete"]


def organization_urls(pk: int) -> list[str]:
    return [f"/organizations/{pk}/", f"/organizations/{pk}/edit", f"/organizations/{pk}/delete"]


def test_it_hides_contact_pages_from_other_users(client_outsider: Any, referral: Contact) -> None:
    for url in contact_urls(referral.pk):
        assert client_outsider.get(url).status_code == 404, url
        assert client_outsider.post(url, {"first_name": "Mallory"}).status_code in {404, 405}, url
    assert Contact.objects.get(pk=referral.pk).first_name == "Tomás"


def test_it_hides_organization_pages_from_other_users(
    client_outsider: Any, acme: Organization
) -> None:
    for url in organization_urls(acme.pk):
        assert client_outsider.get(url).status_code == 404, url
        assert client_outsider.post(url, {"name": "Mallory Inc"}).status_code == 404, url
    assert Organization.objects.filter(pk=acme.pk, name="Acme Health").exists()


def test_it_hides_other_users_rows_from_lists_and_search(
    client_outsider: Any, referral: Contact, acme: Organization
) -> None:
    page = client_outsider.get("/contacts/", {"q": "Ibáñez"}).content.decode()
    assert "Tomás" not in page and "0 contacts" in page
    assert "Acme" not in client_outsider.get("/organizations/").content.decode()
    suggestions = client_outsider.get("/contacts/suggest", {"q": "Priya"}).content.decode()
    assert "Priya" not in suggestions


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_it_answers_404_to_api_calls_on_other_users_rows(
    api_outsider: Any, referral: Contact, acme: Organization, method: str
) -> None:
    for path in (f"/api/v1/contacts/{referral.pk}", f"/api/v1/organizations/{acme.pk}"):
        call = getattr(api_outsider, method)
        response = call(path) if method != "patch" else call(path, {"notes": "mine now"})
        assert response.status_code == 404, path
        assert "detail" in response.json()
    assert Contact.objects.get(pk=referral.pk).notes == "Runs the outbreak team."


def test_it_keeps_api_lists_to_the_callers_own_rows(api_outsider: Any, referral: Contact) -> None:
    body = api_outsider.get("/api/v1/contacts").json()
    assert body["count"] == 0
    assert api_outsider.get("/api/v1/organizations").json()["count"] == 0


def test_it_refuses_to_link_another_users_contact_as_referrer(
    api_outsider: Any, referrer: Contact, acme: Organization
) -> None:
    response = api_outsider.post(
        "/api/v1/contacts", {"first_name": "Eve", "referred_by": referrer.pk}
    )
    assert response.status_code == 422
    assert "referred_by_ref" in response.json()["errors"]
    response = api_outsider.post("/api/v1/contacts", {"first_name": "Eve", "organization": acme.pk})
    assert response.status_code == 422
    assert not Contact.objects.filter(first_name="Eve").exists()
