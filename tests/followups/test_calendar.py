"""Calendar files and the subscription feed, parsed with icalendar and stored in Radicale."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from caldav.davclient import DAVClient
from django.test import Client
from icalendar import Calendar, Event

from coffeechat.accounts.services import profile_of
from coffeechat.network.models import Contact
from tests.followups.conftest import meeting, ny, person, sent

NOW = ny(2026, 11, 30, 9)


def events(body: bytes) -> list[Event]:
    return [e for e in Calendar.from_ical(body).walk("VEVENT") if isinstance(e, Event)]


@time_machine.travel(NOW, tick=False)
def test_a_meeting_file_is_a_proper_event(client_alice: Client, referrer: Contact) -> None:
    place = "Café Nero, 1 Main St"
    talk = meeting(referrer, ny(2026, 12, 1, 10, 30), minutes=25, mode="in-person", location=place)
    response = client_alice.get(f"/meetings/{talk.pk}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    [event] = events(response.content)
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.start == ny(2026, 12, 1, 10, 30) and event.duration == timedelta(minutes=25)
    assert str(event["LOCATION"]) == place
    assert f"http://testserver/meetings/{talk.pk}/" in str(event["DESCRIPTION"])
    assert "Priya Raman (Acme Health)" in str(event["SUMMARY"])
    assert list(event.walk("VALARM")), "a reminder before leaving"
    uid, first_sequence = str(event["UID"]), event.sequence
    video = {"mode": "video", "location": "https://meet.example.org/p"}
    client_alice.post(
        f"/meetings/{talk.pk}/edit", {"day": "2026-12-02", "time": "11:00", "minutes": "20"} | video
    )
    [edited] = events(client_alice.get(f"/meetings/{talk.pk}.ics").content)
    assert str(edited["UID"]) == uid and edited.sequence == first_sequence + 1
    assert str(edited["URL"]) == "https://meet.example.org/p"


def test_the_api_serves_the_same_event(api_alice: Any, referrer: Contact) -> None:
    talk = meeting(referrer, ny(2026, 12, 1, 10))
    response = api_alice.get(f"/api/v1/meetings/{talk.pk}.ics")
    assert response.status_code == 200
    [event] = events(response.content)
    assert str(event["UID"]).startswith(f"meeting-{talk.pk}@")


def _feed_path(client: Client) -> str:
    page = client.get("/calendar/").content.decode()
    start = page.index("webcal://testserver") + len("webcal://testserver")
    return page[start : page.index('"', start)]


@time_machine.travel(NOW, tick=False)
def test_the_feed_needs_only_its_secret_and_shows_only_the_owners_items(
    client_alice: Client, alice: Any, bob: Any, referrer: Contact
) -> None:
    talk = meeting(referrer, ny(2026, 12, 3, 14))
    meeting(referrer, ny(2026, 12, 4, 14), status="cancelled")
    kit = person(alice, "Kit")
    sent(kit, "request", ny(2026, 11, 10))  # follow-up overdue: shown today
    meeting(person(bob, "Bea"), ny(2026, 12, 3, 9))
    path = _feed_path(client_alice)
    assert path == _feed_path(client_alice), "the address is stable until regenerated"
    response = Client().get(path)  # no session: the secret is the credential
    assert response.status_code == 200
    found = events(response.content)
    summaries = [str(e["SUMMARY"]) for e in found]
    assert sum("Priya" in s for s in summaries) == 2  # the meeting, and preparing for it
    assert "Follow up with Kit Example" in summaries and not any("Bea" in s for s in summaries)
    timed = [e for e in found if str(e["UID"]).startswith("meeting-")]
    assert [str(e["UID"]).split("@")[0] for e in timed] == [f"meeting-{talk.pk}"]
    follow_up = next(e for e in found if "Kit" in str(e["SUMMARY"]))
    assert follow_up.start == NOW.date()
    assert Client().get(path.replace(".ics", "x.ics")).status_code == 404
    assert Client().get("/calendar/.ics").status_code == 404
    client_alice.post("/calendar/regenerate")
    assert Client().get(path).status_code == 404
    assert Client().get(_feed_path(client_alice)).status_code == 200


def test_the_feed_tells_every_calendar_program_how_often_to_refresh(
    client_alice: Client, referrer: Contact
) -> None:
    body = Client().get(_feed_path(client_alice)).content.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body  # RFC 7986
    assert "X-PUBLISHED-TTL:PT1H\r\n" in body  # what Outlook reads
    assert Calendar.from_ical(body).refresh_interval == timedelta(hours=1)


def test_a_blank_secret_never_opens_a_feed(client: Client, alice: Any) -> None:
    profile = profile_of(alice)
    assert profile.calendar_secret == ""
    assert client.get("/calendar/%20.ics").status_code == 404


def test_the_digest_choice_is_saved(client_alice: Client, alice: Any) -> None:
    assert "alice@example.org" in client_alice.get("/calendar/").content.decode()
    client_alice.post("/calendar/digest", {"enabled": "on"})
    from coffeechat.followups.models import DailyDigest

    assert DailyDigest.objects.get(owner=alice).enabled
    client_alice.post("/calendar/digest", {})
    assert not DailyDigest.objects.get(owner=alice).enabled


# A real CalDAV server


def _split(body: bytes) -> list[str]:
    """CalDAV keeps one event per resource: each VEVENT with the time zones it needs."""
    source = Calendar.from_ical(body)
    zones = list(source.walk("VTIMEZONE"))
    parts = []
    for event in source.walk("VEVENT"):
        single = Calendar.new(prodid=str(source["PRODID"]))
        for component in (*zones, event):
            single.add_component(component)
        parts.append(single.to_ical().decode())
    return parts


@time_machine.travel(NOW, tick=False)
def test_meetings_and_the_feed_round_trip_through_caldav(
    radicale: str, client_alice: Client, alice: Any, referrer: Contact
) -> None:
    referrer.phone = "+1 617-555-0100"
    referrer.save()
    talk = meeting(referrer, ny(2026, 12, 1, 10, 30), mode="phone")
    dav = DAVClient(url=radicale, username="alice", password="unused")
    principal: Any = dav.principal()
    calendar = principal.make_calendar(name="coffeechat")
    calendar.save_event(client_alice.get(f"/meetings/{talk.pk}.ics").content.decode())
    edit = {"day": "2026-12-01", "time": "15:00", "minutes": "20", "mode": "phone"}
    client_alice.post(f"/meetings/{talk.pk}/edit", edit)
    calendar.save_event(client_alice.get(f"/meetings/{talk.pk}.ics").content.decode())
    [stored] = calendar.events()  # the edit replaced the event: same UID
    event = stored.icalendar_component
    assert event.start == ny(2026, 12, 1, 15)
    assert str(event["UID"]) == str(
        events(client_alice.get(f"/meetings/{talk.pk}.ics").content)[0]["UID"]
    )
    assert event.duration == timedelta(minutes=20)
    assert str(event["LOCATION"]) == "+1 617-555-0100"  # a call: the number to dial

    feed = principal.make_calendar(name="coffeechat feed")
    body = Client().get(_feed_path(client_alice)).content
    for part in _split(body):
        feed.save_event(part)
    read_back = {str(e.icalendar_component["UID"]) for e in feed.events()}
    assert read_back == {str(e["UID"]) for e in events(body)} and len(read_back) >= 2
