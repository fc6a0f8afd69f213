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


def _people(alice: Any, org: Organization, count: int) -> list[Contact]:
    return [
        Contact.objects.create(owner=alice, first_name=f"P{n}", organization=org)
        for n in range(count)
    ]


def test_know_someone_there_is_worked_out_from_whom_you_talked_with(
    client_alice: Any, alice: Any
) -> None:
    from django.utils import timezone

    from coffeechat.interviews.models import Meeting
    from coffeechat.outreach.models import Message

    studio = Organization.objects.create(owner=alice, name="Studio Fifteen")
    people = _people(alice, studio, 15)
    for person in people[:2]:
        Message.objects.create(owner=alice, contact=person, kind="thank-you", status="sent")
    quiet = Organization.objects.create(owner=alice, name="Quiet Co", advocacy=True)
    _people(alice, quiet, 3)
    heard = Organization.objects.create(owner=alice, name="Heard Co")
    (one,) = _people(alice, heard, 1)
    Message.objects.create(
        owner=alice, contact=one, kind="request", status="sent", replied_at=timezone.now()
    )
    met = Organization.objects.create(owner=alice, name="Met Co")
    (someone,) = _people(alice, met, 1)
    Meeting.objects.create(owner=alice, contact=someone, starts_at=timezone.now(), status="held")
    Organization.objects.create(owner=alice, name="Told Co", advocacy=True)
    Organization.objects.create(owner=alice, name="Unknown Co")

    page = client_alice.get("/organizations/").content.decode()
    assert "talked with 2 people here" in page
    assert "You have 3 contacts here, none talked to yet" in page  # stored "yes" gives way
    assert "talked with 1 person here" in page
    assert "isn't on your list yet" in page  # Told Co: no people, so the stored yes stands
    # LAMP: the places where you have talked with someone (or said so) rank first.
    known = [page.index(n) for n in ("Heard Co", "Met Co", "Studio Fifteen", "Told Co")]
    assert max(known) < page.index("Quiet Co") and max(known) < page.index("Unknown Co")

    detail = client_alice.get(f"/organizations/{studio.pk}/").content.decode()
    assert "Yes — you've talked with 2 people here" in detail
    detail = client_alice.get(f"/organizations/{quiet.pk}/").content.decode()
    assert "You have 3 contacts here, none talked to yet" in detail
    lone = Organization.objects.create(owner=alice, name="Lone Co")
    _people(alice, lone, 1)
    detail = client_alice.get(f"/organizations/{lone.pk}/").content.decode()
    assert "You have 1 contact here, not talked to yet" in detail


def test_the_detail_offers_one_main_action_and_a_way_to_add_notes(
    client_alice: Any, alice: Any, acme: Organization
) -> None:
    add_here = f'href="/contacts/new?organization={acme.pk}"'
    empty = client_alice.get(f"/organizations/{acme.pk}/").content.decode()
    assert empty.count(add_here) == 1  # the empty state's button, not a second one up top
    assert f'href="/organizations/{acme.pk}/edit">' in empty.split("Research notes", 1)[1]
    assert "Add research notes" in empty
    Contact.objects.create(owner=alice, first_name="Ada", last_name="Lovelace", organization=acme)
    acme.research_notes = "Series B."
    acme.save()
    page = client_alice.get(f"/organizations/{acme.pk}/").content.decode()
    head = page.split('class="actions"', 1)[1].split("</div>", 1)[0]
    assert f'class="button primary" {add_here}' in head and page.count('button primary"') == 1
    assert "Add research notes" not in page
