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
        "Bring a few copies of your resume",
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
    assert "10:20" in page and "(New York time)" in page
    assert "America/New_York" not in page


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


def test_each_mode_gets_its_own_logistics(client_alice: Any, meeting: Meeting) -> None:
    in_person = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "Arrive 10–15 minutes early at Blue Bottle, 5th Street." in in_person
    assert "Dress one step above" in in_person
    assert "camera" not in in_person

    meeting.mode = "video"
    meeting.location = "https://meet.example.org/abc"
    meeting.save()
    video = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "test your camera and sound 10 minutes before" in video
    assert "plain background" in video
    assert "resume" not in video.split('id="logistics"')[1].split("</section>")[0]

    meeting.mode = "phone"
    meeting.location = ""
    meeting.save()
    contact = meeting.contact
    contact.phone = "+1 212 555 0100"
    contact.save()
    phone = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "Priya&#x27;s number: +1 212 555 0100" in phone
    assert "you make the call" in phone
    assert "quiet room" in phone


def test_the_year_shows_only_when_it_is_not_this_year(client_alice: Any, meeting: Meeting) -> None:
    from django.utils import timezone

    meeting.starts_at = timezone.now().replace(month=6, day=2, hour=15, minute=0)
    meeting.save()
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    this_year = str(timezone.now().year)
    assert f"June {this_year}" not in page
    assert "2 June, " in page


def test_the_objective_is_saved_and_shown_first_in_prep_and_live(
    client_alice: Any, meeting: Meeting
) -> None:
    empty = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "What I want to learn from Priya" in empty
    response = client_alice.post(
        f"/meetings/{meeting.pk}/objective",
        {"objective": "  How she moved   from the lab into health data "},
    )
    assert response.status_code == 302 and response["Location"].endswith("#objective")
    meeting.refresh_from_db()
    assert meeting.objective == "How she moved from the lab into health data"
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    objective_at = page.index("How she moved from the lab into health data")
    assert objective_at < page.index('id="logistics"') < page.index('id="agenda"')
    live = client_alice.get(f"/meetings/{meeting.pk}/live/").content.decode()
    assert "To learn:" in live and "How she moved from the lab into health data" in live


def test_a_broken_or_long_objective_is_refused_kindly(client_alice: Any, meeting: Meeting) -> None:
    for bad in ("x" * 301, "two\u2028lines"):
        response = client_alice.post(f"/meetings/{meeting.pk}/objective", {"objective": bad})
        assert response.status_code == 422
        assert 'role="alert"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.objective == ""


def test_nobody_else_can_set_or_read_the_objective(
    client_outsider: Any, api_outsider: Any, meeting: Meeting
) -> None:
    response = client_outsider.post(f"/meetings/{meeting.pk}/objective", {"objective": "Mine"})
    assert response.status_code == 404
    assert api_outsider.get(f"/api/v1/meetings/{meeting.pk}/prep").status_code == 404
    meeting.refresh_from_db()
    assert meeting.objective == ""


def test_the_print_hint_is_for_screens_with_a_keyboard(client_alice: Any, meeting: Meeting) -> None:
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert 'class="muted no-print print-hint"' in page
    from pathlib import Path

    from django.contrib.staticfiles import finders

    found = finders.find("coffeechat/interviews.css")
    assert isinstance(found, str)
    css = Path(found).read_text(encoding="utf-8")
    assert "(pointer: coarse) { .print-hint { display: none; } }" in css


def test_a_proposed_meeting_suggests_times_in_both_zones(
    client_alice: Any, meeting: Meeting
) -> None:
    assert 'id="times"' not in client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    meeting.status = "proposed"
    meeting.save()
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert "Times to suggest" in page
    assert page.count("(New York time)</li>") >= 3  # their zone unknown: mine, named
    contact = meeting.contact
    contact.time_zone = "Europe/London"
    contact.save()
    page = client_alice.get(f"/meetings/{meeting.pk}/prep/").content.decode()
    assert page.count(" New York time (") >= 3 and page.count(" London time)</li>") >= 3


def test_offering_times_makes_a_new_reply_and_leaves_the_sent_request_alone(
    client_alice: Any, alice: Any, meeting: Meeting
) -> None:
    from django.utils import timezone

    from coffeechat.outreach.models import Message

    sent = Message.objects.create(
        owner=alice,
        contact=meeting.contact,
        kind="request",
        subject="Your path into health data",
        body="Dear Priya, …",
        status="sent",
        sent_at=timezone.now(),
    )
    meeting.status = "proposed"
    meeting.save()
    response = client_alice.post(f"/meetings/{meeting.pk}/times-reply")
    draft = Message.objects.exclude(pk=sent.pk).get(owner=alice)
    assert response.status_code == 302 and response["Location"] == f"/messages/{draft.pk}/"
    assert draft.status == "draft" and draft.kind == "follow-up"
    assert draft.subject == "Re: Your path into health data"
    assert draft.body.startswith("Hi Priya,") and draft.body.count("(New York time)") >= 3
    sent.refresh_from_db()
    assert sent.body == "Dear Priya, …" and sent.status == "sent"


def test_nobody_else_can_offer_times_for_your_meeting(
    client_outsider: Any, meeting: Meeting
) -> None:
    from coffeechat.outreach.models import Message

    assert client_outsider.post(f"/meetings/{meeting.pk}/times-reply").status_code == 404
    assert not Message.objects.exists()
