"""The pipeline board: columns by derived stage with whole counts, each card's one move, a page
of a column at a time, the contact list's filters, the owner's people only, and a number of
queries that does not grow with the number of people."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coffeechat.common.http import FRAGMENTS
from coffeechat.common.stamps import COUNTS
from coffeechat.domain import board as columns
from coffeechat.followups.queries import PLANS, plan
from coffeechat.network import board
from coffeechat.network.models import Contact, Organization
from coffeechat.network.queries import ContactFilters
from coffeechat.outreach.models import Message
from tests.followups.conftest import meeting, person, sent


def days(n: int) -> Any:
    return timezone.now() + timedelta(days=n)


@pytest.fixture
def people(alice: Any) -> dict[str, Any]:
    """One person at each stage, and what the moves will need."""
    found: dict[str, Any] = {"ida": person(alice, "Ida")}
    found["rob"] = person(alice, "Rob")
    found["rob_request"] = sent(found["rob"], "request", days(-2))
    found["fay"] = person(alice, "Fay")
    sent(found["fay"], "request", days(-20))
    found["ray"] = person(alice, "Ray")
    ray_request = sent(found["ray"], "request", days(-5), replied_at=days(-3))
    Message.objects.filter(pk=ray_request.pk).update(reply_outcome="yes")
    found["ned"] = person(alice, "Ned")  # his reply was found in the mailbox: answer not noted
    found["ned_request"] = sent(found["ned"], "request", days(-5), replied_at=days(-1))
    found["sam"] = person(alice, "Sam")
    sent(found["sam"], "request", days(-9), replied_at=days(-8))
    found["sam_meeting"] = meeting(found["sam"], days(3), status="scheduled")
    found["hal"] = person(alice, "Hal")
    found["hal_meeting"] = meeting(found["hal"], days(-1), status="held")
    found["tia"] = person(alice, "Tia")
    meeting(found["tia"], days(-10), status="held")
    sent(found["tia"], "thank-you", days(-9))
    found["kip"] = person(alice, "Kip")
    sent(found["kip"], "thank-you", days(-60))
    sent(found["kip"], "update", days(-5))
    found["dot"] = person(alice, "Dot", closed_reason="dormant")
    return found


def cards(user: Any, column: str, filters: ContactFilters | None = None) -> dict[str, Any]:
    page = board.column_page(user, filters or ContactFilters(), columns.BY_ID[column], plan(user))
    return {card.contact.first_name: card for card in page.cards}


def test_each_column_holds_its_stage_with_the_whole_count(alice: Any, people: Any) -> None:
    counts = board.column_counts(alice, ContactFilters())
    assert counts == {
        "identified": 1,
        "requested": 2,
        "replied": 2,
        "scheduled": 1,
        "held": 1,
        "thanked": 1,
        "keeping": 1,
        "closed": 1,
    }
    assert set(cards(alice, "requested")) == {"Rob", "Fay"}
    assert set(cards(alice, "closed")) == {"Dot"}


def test_each_card_offers_the_move_of_its_stage(alice: Any, people: Any) -> None:
    found = {
        name: card for column in columns.COLUMNS for name, card in cards(alice, column.id).items()
    }
    moves = {name: (card.move_label, card.move_link) for name, card in found.items()}
    assert moves["Ida"] == ("Write request", f"/compose/?contact={people['ida'].pk}&kind=request")
    assert moves["Rob"] == ("Log a reply", f"/messages/{people['rob_request'].pk}/replied")
    assert moves["Fay"][0] == "Follow up"
    assert f"contact={people['fay'].pk}&kind=follow-up" in moves["Fay"][1]
    assert moves["Ray"] == ("Schedule", f"/meetings/new?contact={people['ray'].pk}")
    assert moves["Ned"] == ("Log a reply", f"/messages/{people['ned_request'].pk}/replied")
    assert moves["Sam"] == ("Prepare", f"/meetings/{people['sam_meeting'].pk}/prep/")
    assert moves["Hal"][0] == "Thank"
    assert "kind=thank-you" in moves["Hal"][1]
    assert f"meeting={people['hal_meeting'].pk}" in moves["Hal"][1]
    assert moves["Tia"] == ("Keep in touch", f"/compose/?contact={people['tia'].pk}&kind=update")
    assert moves["Kip"] == ("Send an update", f"/compose/?contact={people['kip'].pk}&kind=update")
    assert moves["Dot"] == ("Open", f"/contacts/{people['dot'].pk}/")
    # The next step comes from the follow-up plan, in the user's days.
    assert found["Fay"].step is not None and found["Fay"].step.kind == "follow-up"
    assert found["Fay"].step.due < plan(alice).on_date


def test_the_page_shows_columns_counts_and_due_dates(
    client_alice: Client, alice: Any, people: Any
) -> None:
    html = client_alice.get("/board/").content.decode()
    assert 'aria-labelledby="column-requested-title"' in html
    assert '<span class="count" aria-label="2 people">2</span>' in html
    assert "Follow up with Fay Example" in html and "was due" in html
    assert "Show 1 closed" in html  # folded, still counted


def test_an_empty_board_and_empty_columns_say_what_to_do(client_alice: Client, alice: Any) -> None:
    assert "Your board is empty" in client_alice.get("/board/").content.decode()
    person(alice, "Ida")
    html = client_alice.get("/board/").content.decode()
    assert "No request is waiting for an answer" in html
    assert "Nobody at this stage matches these filters" in (
        client_alice.get("/board/?tag=nobody").content.decode()
    )


def test_columns_load_a_page_at_a_time(client_alice: Client, alice: Any) -> None:
    Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"P{n:02}", last_name="Many") for n in range(25)
    )
    html = client_alice.get("/board/").content.decode()
    assert html.count('<li class="board-card') == 20
    assert 'href="/board/identified/?page=2"' in html
    more = client_alice.get("/board/identified/?page=2", headers={"HX-Request": "true"})
    part = more.content.decode()
    assert part.count('<li class="board-card') == 5 and "<html" not in part
    assert "P24 Many" in part and "Show more" not in part
    page = client_alice.get("/board/identified/?page=2").content.decode()  # without JavaScript
    assert "<html" in page and "P24 Many" in page and "Back to the whole board" in page
    assert client_alice.get("/board/identified/?page=zero").status_code == 200
    assert client_alice.get(f"/board/identified/?page={2**63 - 1}").status_code == 200
    assert client_alice.get("/board/nowhere/").status_code == 404


def test_the_contact_lists_filters_narrow_the_board(alice: Any, client_alice: Client) -> None:
    acme = Organization.objects.create(owner=alice, name="Acme Water")
    person(alice, "Ana", field="Hydrology", tags_text=",rivers,", organization=acme)
    person(alice, "Ben", field="Finance", shortlisted=True)
    person(alice, "Cy")
    assert set(cards(alice, "identified", ContactFilters(field="hydrology"))) == {"Ana"}
    assert set(cards(alice, "identified", ContactFilters(tag="Rivers"))) == {"Ana"}
    assert set(cards(alice, "identified", ContactFilters(shortlisted=True))) == {"Ben"}
    assert set(cards(alice, "identified", ContactFilters(organization=acme.pk))) == {"Ana"}
    assert board.column_counts(alice, ContactFilters(shortlisted=True))["identified"] == 1
    by_name = client_alice.get("/board/?org=acme  water").content.decode()
    assert "Ana Example" in by_name and "Cy Example" not in by_name
    shortlist = client_alice.get("/board/?shortlisted=1").content.decode()
    assert "Ben Example" in shortlist and "Ana Example" not in shortlist
    unknown = client_alice.get("/board/?org=Nowhere Inc").content.decode()
    assert "No organization called “Nowhere Inc”" in unknown and "Cy Example" in unknown


def test_another_users_people_never_appear(
    alice: Any, bob: Any, client_alice: Client, people: Any
) -> None:
    theirs = Organization.objects.create(owner=bob, name="Hidden Co")
    secret = person(bob, "Secret", organization=theirs, field="Hydrology")
    Message.objects.create(
        owner=bob, contact=secret, kind="request", status="sent", sent_at=days(-1)
    )
    for url in (
        "/board/",
        "/board/requested/",
        f"/board/requested/?organization={theirs.pk}",
        f"/board/identified/?organization={theirs.pk}&field=Hydrology",
        "/board/?org=Hidden Co",
    ):
        html = client_alice.get(url).content.decode()
        assert "Secret" not in html and "Hidden Co" not in html.replace("“Hidden Co”", ""), url
    note = client_alice.get(f"/board/requested/?organization={theirs.pk}").content.decode()
    assert "That organization isn&#x27;t on your list" in note and "Rob Example" in note
    assert board.column_counts(bob, ContactFilters())["requested"] == 1


def _queries(client: Client, url: str) -> int:
    """Queries of a full drawing: nothing kept from an earlier view."""
    FRAGMENTS.clear()
    COUNTS.clear()
    board.COUNTS.clear()
    PLANS.clear()
    with CaptureQueriesContext(connection) as seen:
        assert client.get(url).status_code == 200
    return len(seen.captured_queries)


def _grow(owner: Any, count: int) -> None:
    people = Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"G{n}", field="Hydrology") for n in range(count)
    )
    Message.objects.bulk_create(
        Message(owner=owner, contact=p, kind="request", status="sent", sent_at=days(-n % 30))
        for n, p in enumerate(people[::2])
    )


@pytest.mark.parametrize("url", ["/board/", "/board/?field=Hydrology", "/board/requested/?page=2"])
def test_the_query_count_does_not_grow_with_the_people(
    client_alice: Client, alice: Any, people: Any, url: str
) -> None:
    _grow(alice, 5)
    few = _queries(client_alice, url)
    _grow(alice, 150)
    assert _queries(client_alice, url) == few
