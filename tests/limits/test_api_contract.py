"""The API's contract at its edges: 401 JSON without a token (never 403 "CSRF check failed"),
JSON for every error including oversize bodies, error responses declared in openapi.json, and
bodies that aren't an object of fields refused with 422."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from coffeechat.network.models import Contact

WRITES = [
    ("post", "/api/v1/contacts"),
    ("patch", "/api/v1/contacts/1"),
    ("delete", "/api/v1/contacts/1"),
    ("post", "/api/v1/meetings"),
    ("post", "/api/v1/actions/a/done"),
    ("patch", "/api/v1/profile"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_writes_without_a_token_answer_401_json(db: Any, method: str, path: str) -> None:
    browserless = Client(enforce_csrf_checks=True)
    response = getattr(browserless, method)(
        path, json.dumps({"first_name": "Eve"}), content_type="application/json"
    )
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "API token" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_a_signed_in_session_still_needs_its_csrf_token(alice: Any) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post(
        "/api/v1/contacts", json.dumps({"first_name": "Eve"}), content_type="application/json"
    )
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_an_oversize_body_answers_413_json(api_alice: Any) -> None:
    body = json.dumps({"first_name": "Ada", "notes": "x" * (2_500_000)})
    response = api_alice.client.post(
        "/api/v1/contacts",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_alice.token}"},
    )
    assert response.status_code == 413
    assert "larger than we accept (2 MB)" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_a_body_that_is_not_json_answers_400_json(api_alice: Any) -> None:
    response = api_alice.client.post(
        "/api/v1/contacts",
        "{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_alice.token}"},
    )
    assert response.status_code == 400 and response.json()["detail"]


@pytest.mark.parametrize("body", ["[null,null]", '"Ada"', "null", "5", "[]", "true"])
def test_bodies_that_are_not_an_object_are_refused(
    api_alice: Any, referrer: Contact, body: str
) -> None:
    headers = {"Authorization": f"Bearer {api_alice.token}"}
    for method, path in (
        ("post", "/api/v1/contacts"),
        ("patch", f"/api/v1/contacts/{referrer.pk}"),
        ("post", "/api/v1/meetings"),
        ("patch", "/api/v1/profile"),
    ):
        response = getattr(api_alice.client, method)(
            path, body, content_type="application/json", headers=headers
        )
        assert response.status_code == 422, (method, path)
        assert "one JSON object" in response.json()["detail"]
    assert Contact.objects.count() == 1


def test_openapi_declares_the_error_responses(api_alice: Any) -> None:
    document = api_alice.get("/api/v1/openapi.json").json()
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["detail"]
    create = document["paths"]["/api/v1/contacts"]["post"]["responses"]
    assert {"400", "401", "413", "422"} <= set(create)
    assert create["401"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    read = document["paths"]["/api/v1/contacts/{contact_id}"]["get"]["responses"]
    assert {"401", "404"} <= set(read) and "413" not in read
    for operations in document["paths"].values():
        for operation in operations.values():
            assert "401" in operation["responses"]
