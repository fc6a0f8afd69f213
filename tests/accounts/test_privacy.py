"""A person can take all their data away, and delete the account with everything in it."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client

from coffeechat.accounts.models import ApiToken, Share
from coffeechat.accounts.services import personal_owner, share_with
from coffeechat.demo.generate import generate


def models_with_an_owner() -> list[type[models.Model]]:
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "owner"), None)
        if field is not None and field.is_relation and field.related_model is user_model:
            found.append(model)
    return found


def counts(user_id: int) -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.filter(owner_id=user_id).count()
        for m in models_with_an_owner()
    }


def test_the_download_holds_everything_the_person_owns(client_alice: Client, referral: Any) -> None:
    response = client_alice.get("/account/download")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.streaming  # from a file written row by row, never whole in memory
    document = json.loads(response.getvalue())
    names = {c["first_name"] for c in document["data"]["network.contact"]}
    assert names == {"Priya", "Tomás"}
    assert document["profile"]["display_name"] == "Alice Moreau"


def test_the_download_holds_nothing_of_anyone_else(client_outsider: Client, referral: Any) -> None:
    response = client_outsider.get("/account/download")
    document = json.loads(response.getvalue())
    assert document["data"]["network.contact"] == []


def test_deleting_an_account_removes_every_owned_row_and_nothing_of_others(
    server: Any, alice: Any, bob: Any, adviser: Any, client_alice: Client
) -> None:
    generate(alice, "small", 1, date(2025, 3, 1))
    generate(bob, "small", 2, date(2025, 3, 1))
    share_with(alice, adviser)
    share_with(bob, adviser)
    ApiToken.issue(alice)
    bob_before = counts(bob.pk)
    assert sum(counts(alice.pk).values()) > 50
    assert len([n for n in counts(alice.pk).values() if n]) >= 5

    wrong = client_alice.post("/account/delete", {"confirmation": "not my password"})
    assert wrong.status_code == 422
    assert get_user_model().objects.filter(pk=alice.pk).exists()

    done = client_alice.post("/account/delete", {"confirmation": "correct horse battery"})
    assert done.status_code == 200
    assert "deleted" in done.content.decode()
    assert set(counts(alice.pk).values()) == {0}
    assert not get_user_model().objects.filter(pk=alice.pk).exists()
    assert not ApiToken.objects.filter(user_id=alice.pk).exists()
    assert counts(bob.pk) == bob_before
    assert Share.objects.filter(owner=bob).exists()
    assert client_alice.get("/contacts/").status_code == 302  # signed out


def test_personal_mode_asks_for_a_typed_phrase_then_starts_fresh(db: Any) -> None:
    owner = personal_owner("Robin")
    generate(owner, "small", 3, date(2025, 3, 1))
    client = Client()
    client.force_login(owner)
    page = client.get("/account/delete").content.decode()
    assert "delete my data" in page
    wrong = client.post("/account/delete", {"confirmation": "delete"})
    assert wrong.status_code == 422
    assert 'value="delete"' in wrong.content.decode()
    assert client.post("/account/delete", {"confirmation": " Delete  my data "}).status_code == 200
    assert set(counts(owner.pk).values()) == {0}
    fresh = personal_owner()
    assert fresh.pk != owner.pk
    assert sum(counts(fresh.pk).values()) == 0


def test_the_account_page_links_to_the_data_pages(server: Any, client_alice: Client) -> None:
    html = client_alice.get("/account/").content.decode()
    for path in ("/account/download", "/account/delete", "/account/tokens/", "/account/sharing/"):
        assert path in html
    assert "not confirmed yet" in html
