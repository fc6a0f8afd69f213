"""The prep sheet: who, logistics in the user's time zone, introduction, research, agenda."""

from __future__ import annotations

from typing import Any

from coffeechat.interviews.models import Meeting
from coffeechat.network.models import Contact, Organization


def test_it_shows_who_logistics_introduction_research_and_agenda(
    client_alice: Any, meeting: Meeting, referral: Contact, acme: Organization
) -> None:
    acme.research_notes = "Opened a data lab in 2024."
    acme.save()
    contact = meeting.contact
    contact.notes = "Wrote a thesis on vaccine uptake."
    contact.save()
    client_alice.post(f"/meetings/{meeting.pk}/agenda/plan")
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    for expected in (
        "Priya Raman",
        "Data analyst",
        "Acme Health",
        "Alumni network",
        "Blue Bottle, 5th Street",
        "20 minutes",
        "Bring copies of your resume",
        "Confirm the day before",
        "studying statistics",  # the 30-second introduction
        'href="/profile/"',
        "Wrote a thesis on vaccine uptake.",
        "Opened a data lab in 2024.",
        'class="box"',
        "interviews-print.css",
    ):
        assert expected in page, expected


def test_times_are_shown_in_the_users_time_zone(client_alice: Any, meeting: Meeting) -> None:
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "Tuesday 4 March 2025, 10:00" in page  # 15:00 UTC in New York
    assert "10:20" in page and "America/New_York" in page


def test_in_person_meetings_get_the_arrive_early_line(client_alice: Any, meeting: Meeting) -> None:
    assert (
        "Arrive 10–15 minutes early"
        in client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    )
    meeting.mode = "video"
    meeting.location = "https://meet.example.org/abc"
    meeting.save()
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "Arrive 10–15 minutes early" not in page
    assert 'href="https://meet.example.org/abc"' in page


def test_a_referred_contact_shows_who_referred_them(
    client_alice: Any, alice: Any, meeting: Meeting, referral: Contact
) -> None:
    other = Meeting.objects.create(owner=alice, contact=referral, starts_at=meeting.starts_at)
    page = client_alice.get(f"/meetings/{other.pk}/prep/").content.decode()
    assert "Referred by" in page and "Priya Raman" in page
    assert "No organization on file" in page


def test_an_empty_agenda_invites_planning(client_alice: Any, meeting: Meeting) -> None:
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "Plan my agenda" in page and "No agenda yet" in page
