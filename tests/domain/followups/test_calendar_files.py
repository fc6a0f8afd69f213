"""Calendar files parse back with icalendar and keep what calendar apps rely on."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Alarm, Calendar, Event

from coffeechat.domain.followups import (
    Action,
    MeetingEvent,
    action_uid,
    feed_ics,
    meeting_event,
    meeting_ics,
)

DOMAIN = "coffeechat.example.org"
STAMP = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
MEETING = MeetingEvent(
    meeting_id=42,
    domain=DOMAIN,
    contact_name="Ana Ruiz",
    organization_name="Acme",
    starts_at=datetime(2026, 3, 10, 17, 0, tzinfo=UTC),
    duration=timedelta(minutes=20),
    time_zone="America/New_York",
    mode="in-person",
    location="Blue Door Café, 5th Ave",
    agenda_url="https://example.org/meetings/42/prep",
    stamp=STAMP,
    sequence=0,
)
ACTION = Action(
    kind="thank-you",
    key="thank-you:meeting=42",
    title="Thank Ana Ruiz",
    reason="A thank-you within 24 hours shows you valued their time.",
    due=date(2026, 3, 11),
    contact_id=1,
    meeting_id=42,
)


def _only_event(ics: bytes) -> Event:
    [event] = Calendar.from_ical(ics).events
    return event


def _only_alarm(event: Event) -> Alarm:
    [alarm] = event.walk("VALARM")
    assert isinstance(alarm, Alarm)
    return alarm


def test_meeting_ics_is_a_complete_calendar() -> None:
    calendar = Calendar.from_ical(meeting_ics(MEETING))
    assert calendar["VERSION"] == "2.0"
    assert calendar.prodid == "-//coffeechat//coffeechat//EN"
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]
    assert calendar.get_missing_tzids() == set()
    [event] = calendar.events
    assert event["UID"] == "meeting-42@coffeechat.example.org"
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.start == datetime(2026, 3, 10, 13, 0, tzinfo=ZoneInfo("America/New_York"))
    assert event.duration == timedelta(minutes=20)
    assert event["SUMMARY"] == "Informational interview with Ana Ruiz (Acme)"
    assert event["LOCATION"] == "Blue Door Café, 5th Ave"
    assert "https://example.org/meetings/42/prep" in (event.description or "")
    assert event.DTSTAMP == STAMP


def test_uid_is_stable_across_edits_and_sequence_grows() -> None:
    edited = replace(
        MEETING,
        starts_at=datetime(2026, 3, 12, 18, 0, tzinfo=UTC),
        sequence=1,
        stamp=STAMP + timedelta(days=1),
    )
    before, after = _only_event(meeting_ics(MEETING)), _only_event(meeting_ics(edited))
    assert before["UID"] == after["UID"]
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)


def test_output_is_deterministic() -> None:
    assert meeting_ics(MEETING) == meeting_ics(MEETING)


def test_in_person_reminder_leaves_time_to_arrive_early() -> None:
    alarm = _only_alarm(_only_event(meeting_ics(MEETING)))
    assert alarm["ACTION"] == "DISPLAY"
    trigger = alarm.TRIGGER
    assert trigger == timedelta(minutes=-45)
    assert "10-15 minutes early" in (alarm.description or "")


def test_video_call_reminder_is_shorter_and_links_the_call() -> None:
    video = replace(MEETING, mode="video", location=None, video_url="https://meet.example/abc")
    event = _only_event(meeting_ics(video))
    trigger = _only_alarm(event).TRIGGER
    assert trigger == timedelta(minutes=-15)
    assert event["URL"] == "https://meet.example/abc"
    assert event["LOCATION"] == "https://meet.example/abc"
    assert "arrive" not in (event.description or "")


def test_cancelled_meeting_keeps_its_uid_and_says_so() -> None:
    event = meeting_event(replace(MEETING, cancelled=True, sequence=2))
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == "meeting-42@coffeechat.example.org"


def test_feed_holds_meetings_and_all_day_actions() -> None:
    ics = feed_ics([MEETING], [ACTION], "My coffee chats", DOMAIN, STAMP)
    calendar = Calendar.from_ical(ics)
    assert calendar.calendar_name == "My coffee chats"
    assert calendar.get_missing_tzids() == set()
    meeting, action = calendar.events
    assert meeting["UID"] == "meeting-42@coffeechat.example.org"
    assert action["UID"] == action_uid("thank-you:meeting=42", DOMAIN)
    assert action["DTSTART"].params["VALUE"] == "DATE"
    assert action.start == date(2026, 3, 11)
    assert action.end == date(2026, 3, 12)
    assert action["SUMMARY"] == "Thank Ana Ruiz"
    assert action["TRANSP"] == "TRANSPARENT"


def test_action_uid_survives_a_snooze_and_differs_between_keys() -> None:
    snoozed = replace(ACTION, due=date(2026, 3, 20))
    first = Calendar.from_ical(feed_ics([], [ACTION], "x", DOMAIN, STAMP)).events[0]
    later = Calendar.from_ical(feed_ics([], [snoozed], "x", DOMAIN, STAMP)).events[0]
    assert first["UID"] == later["UID"]
    assert later.start == date(2026, 3, 20)
    assert action_uid("broaden:field=ux", DOMAIN) != action_uid("broaden:field=u x", DOMAIN)


def test_feed_with_only_actions_needs_no_timezone() -> None:
    calendar = Calendar.from_ical(feed_ics([], [ACTION], "x", DOMAIN, STAMP))
    assert calendar.timezones == []


def test_naive_start_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(MEETING, starts_at=datetime(2026, 3, 10, 17, 0))
