"""Students share read-only with an adviser; the adviser sees only those who shared."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coffeechat.accounts.models import Share
from coffeechat.accounts.services import create_user, share_with
from coffeechat.followups.queries import open_action_counts
from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact
from coffeechat.outreach.models import Message

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2025, 3, 20, 15, 0, tzinfo=NEW_YORK)


def held_meeting(owner: Any, name: str, **fields: Any) -> Meeting:
    contact = Contact.objects.create(owner=owner, first_name=name, field="public health")
    return Meeting.objects.create(
        owner=owner,
        contact=contact,
        starts_at=datetime(2025, 3, 3, 10, tzinfo=NEW_YORK),
        status="held",
        **fields,
    )


def unanswered_request(owner: Any) -> Message:
    """Sent 3 March and never answered: by 20 March the follow-up is overdue."""
    contact = Contact.objects.create(owner=owner, first_name="Quiet", email="q@example.org")
    return Message.objects.create(
        owner=owner,
        contact=contact,
        kind="request",
        status="sent",
        sent_at=datetime(2025, 3, 3, 9, tzinfo=NEW_YORK),
        body="A private draft about my plans",
    )


def test_sharing_is_for_server_mode(client_alice: Client) -> None:
    assert client_alice.get("/account/sharing/").status_code == 404


def test_a_student_shares_sees_with_whom_and_since_when_and_revokes(
    server: Any, client_alice: Client, alice: Any, adviser: Any
) -> None:
    page = client_alice.get("/account/sharing/").content.decode()
    assert "never see" in page and "Dana Okafor" in page
    response = client_alice.post("/account/sharing/", {"adviser": adviser.pk})
    assert response.status_code == 302
    share = Share.objects.get(owner=alice)
    listing = client_alice.get("/account/sharing/").content.decode()
    assert "dana@example.edu" in listing and "since" in listing
    assert client_alice.post(f"/account/sharing/{share.pk}/revoke").status_code == 302
    assert not Share.objects.exists()


def test_only_an_adviser_can_be_chosen(
    server: Any, client_alice: Client, bob: Any, adviser: Any
) -> None:
    response = client_alice.post("/account/sharing/", {"adviser": bob.pk})
    assert response.status_code == 422
    assert "Choose an adviser from the list" in response.content.decode()
    assert client_alice.post("/account/sharing/", {"adviser": ""}).status_code == 422
    assert not Share.objects.exists()


def test_another_student_cant_see_or_revoke_a_share(
    server: Any, alice: Any, adviser: Any, client_bob: Client
) -> None:
    share = share_with(alice, adviser)
    assert client_bob.post(f"/account/sharing/{share.pk}/revoke").status_code == 404
    assert (
        "since" not in client_bob.get("/account/sharing/").content.decode().split("Share with")[0]
    )
    assert Share.objects.filter(pk=share.pk).exists()


def test_the_adviser_dashboard_shows_progress_of_those_who_shared(
    server: Any, alice: Any, bob: Any, adviser: Any, client_adviser: Client
) -> None:
    with time_machine.travel(datetime(2025, 3, 4, 12, tzinfo=NEW_YORK), tick=False):
        held_meeting(alice, "Priya", notes="Talked about field epidemiology")
        held_meeting(alice, "Omar")
        unanswered_request(alice)
        held_meeting(bob, "Zed")
        share_with(alice, adviser)
    with time_machine.travel(NOW, tick=False):
        html = client_adviser.get("/advisers/").content.decode()
        students_own_count = open_action_counts(alice)["overdue"]
    row = html.split("Alice Moreau")[1].split("</tr>")[0]
    cells = [c.split("</td>")[0].strip() for c in row.split("<td>")[1:]]
    assert cells[0] == "2"  # conversations held
    # Exactly what Alice's own Today page calls overdue: two thank-yous, two reflections and
    # the follow-up of the unanswered request.
    assert cells[1] == str(students_own_count) == "5"
    assert "4 Mar 2025" in cells[2]  # last activity, in the adviser's day
    assert "bob" not in html


def test_the_adviser_reads_a_shared_journal_but_no_messages(
    server: Any, alice: Any, adviser: Any, client_adviser: Client
) -> None:
    held_meeting(alice, "Priya", notes="Talked about field epidemiology", advice="Learn R")
    unanswered_request(alice)
    share_with(alice, adviser)
    html = client_adviser.get(f"/advisers/students/{alice.pk}/").content.decode()
    assert "Talked about field epidemiology" in html and "Learn R" in html
    assert "private draft" not in html and "q@example.org" not in html
    assert client_adviser.post(f"/advisers/students/{alice.pk}/").status_code in {405, 200}


def test_an_adviser_gets_404_for_a_student_who_did_not_share_or_stopped(
    server: Any, alice: Any, bob: Any, adviser: Any, client_adviser: Client
) -> None:
    share = share_with(alice, adviser)
    assert client_adviser.get(f"/advisers/students/{bob.pk}/").status_code == 404
    share.delete()
    assert client_adviser.get(f"/advisers/students/{alice.pk}/").status_code == 404
    assert "Alice" not in client_adviser.get("/advisers/").content.decode()


def test_another_adviser_sees_nothing(server: Any, alice: Any, adviser: Any) -> None:
    share_with(alice, adviser)
    other = create_user("other@example.edu", email="other@example.edu", role="adviser")
    client = Client()
    client.force_login(other)
    assert client.get(f"/advisers/students/{alice.pk}/").status_code == 404
    assert "Alice" not in client.get("/advisers/").content.decode()


def test_adviser_pages_are_404_for_students_staff_and_outsiders(
    server: Any,
    alice: Any,
    adviser: Any,
    client_alice: Client,
    client_staff: Client,
    client_outsider: Client,
) -> None:
    share_with(alice, adviser)
    for client in (client_alice, client_staff, client_outsider):
        assert client.get("/advisers/").status_code == 404
        assert client.get(f"/advisers/students/{alice.pk}/").status_code == 404


def test_the_dashboard_costs_the_same_as_a_students_data_grows(
    server: Any, alice: Any, adviser: Any, client_adviser: Client
) -> None:
    share_with(alice, adviser)
    held_meeting(alice, "One")
    with CaptureQueriesContext(connection) as few:
        client_adviser.get("/advisers/")
    for n in range(10):
        held_meeting(alice, f"Person {n}")
        unanswered_request(alice)
    with CaptureQueriesContext(connection) as many:
        client_adviser.get("/advisers/")
    assert len(many) == len(few)
