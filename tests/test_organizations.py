"""Organizations: the LAMP target list."""

from __future__ import annotations

from typing import Any

from coffeechat.network.models import Contact, Organization


def test_it_ranks_by_lamp(client_alice: Any, alice: Any) -> None:
    Organization.objects.create(owner=alice, name="Zeta Unrated")
    Organization.objects.create(owner=alice, name="Beta Motivated", motivation=3, posting=True)
    Organization.objects.create(owner=alice, name="Gamma Known", advocacy=True, motivation=1)
    Organization.objects.create(owner=alice, name="Alpha Mild", motivation=2)
    page = client_alice.get("/organizations/").content.decode()
    order = [page.index(n) for n in ("Gamma Known", "Beta Motivated", "Alpha Mild", "Zeta Unrated")]
    assert order == sorted(order)
    by_name = client_alice.get("/organizations/", {"sort": "name"}).content.decode()
    assert by_name.index("Alpha Mild") < by_name.index("Zeta Unrated")


def test_it_adds_edits_and_refuses_a_duplicate_name(client_alice: Any, acme: Organization) -> None:
    response = client_alice.post("/organizations/new", {"name": "  ACME   health "})
    assert response.status_code == 422
    assert "already on your list" in response.content.decode()
    response = client_alice.post(
        "/organizations/new",
        {
            "name": "Harbor Labs",
            "motivation": "2",
            "website": "https://harbor.example",
            "research_notes": "Series B; hiring analysts.",
        },
    )
    assert response.status_code == 302
    harbor = Organization.objects.get(name="Harbor Labs")
    response = client_alice.post(
        f"/organizations/{harbor.pk}/edit",
        {"name": "Harbor Labs", "advocacy": "on", "motivation": "3"},
    )
    harbor.refresh_from_db()
    assert harbor.advocacy and harbor.motivation == 3


def test_it_rejects_a_motivation_out_of_range(client_alice: Any) -> None:
    response = client_alice.post("/organizations/new", {"name": "Odd", "motivation": "7"})
    assert response.status_code == 422
    assert not Organization.objects.filter(name="Odd").exists()


def test_the_detail_lists_people_and_delete_keeps_them(
    client_alice: Any, acme: Organization, referrer: Contact
) -> None:
    page = client_alice.get(f"/organizations/{acme.pk}/").content.decode()
    assert "Priya Raman" in page
    assert "1 contact" in client_alice.get(f"/organizations/{acme.pk}/delete").content.decode()
    client_alice.post(f"/organizations/{acme.pk}/delete")
    referrer.refresh_from_db()
    assert referrer.organization_id is None


def test_names_fold_alike_but_non_latin_letters_still_tell_them_apart(
    client_alice: Any, alice: Any
) -> None:
    Organization.objects.create(owner=alice, name="Café 陈")
    assert client_alice.post("/organizations/new", {"name": "Café 李"}).status_code == 302
    refused = client_alice.post("/organizations/new", {"name": "CAFE   陈"})
    assert refused.status_code == 422
    assert Organization.objects.owned_by(alice).count() == 2
