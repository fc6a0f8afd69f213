"""Calendar files (RFC 5545): one meeting as an .ics download, and a subscription feed.

Nothing here reads the clock: DTSTAMP and SEQUENCE come in with the meeting, and UIDs are
derived from ids and a per-install domain so that re-importing an edited meeting updates the
existing event instead of adding a copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vDuration

from coffeechat.domain.followups.action import Action
from coffeechat.domain.limits import one_line

MeetingMode = Literal["in-person", "phone", "video"]

PRODID = "-//coffeechat//coffeechat//EN"
# In person you need time to travel and to arrive 10-15 minutes early; a call just needs a
# moment to find a quiet spot and open your notes.
IN_PERSON_REMINDER = timedelta(minutes=45)
REMOTE_REMINDER = timedelta(minutes=15)
FEED_REFRESH = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class MeetingEvent:
    """What a calendar needs to know about one meeting.

    `starts_at` is aware; it is shown in `time_zone` (the user's IANA zone). `stamp` is when
    this version was produced (DTSTAMP) and `sequence` grows by one with each edit.
    `domain` identifies the install, e.g. "coffeechat.example.org".
    """

    meeting_id: int
    domain: str
    contact_name: str
    starts_at: datetime
    duration: timedelta
    time_zone: str
    mode: MeetingMode
    stamp: datetime
    sequence: int = 0
    organization_name: str | None = None
    location: str | None = None  # address, café, or phone number
    video_url: str | None = None
    agenda_url: str | None = None  # the printable prep sheet
    cancelled: bool = False

    def __post_init__(self) -> None:
        if self.starts_at.utcoffset() is None:
            raise ValueError("starts_at must be timezone-aware")


def meeting_uid(meeting_id: int, domain: str) -> str:
    return f"meeting-{meeting_id}@{domain}"


def action_uid(key: str, domain: str) -> str:
    """A UID from an action key; hashed because keys may hold characters UIDs shouldn't."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    return f"action-{digest}@{domain}"


def _summary(m: MeetingEvent) -> str:
    at = f" ({one_line(m.organization_name)})" if m.organization_name else ""
    return f"Informational interview with {one_line(m.contact_name)}{at}"


def _description(m: MeetingEvent) -> str:
    lines = ["A conversation for information and advice; let them raise any openings."]
    if m.agenda_url:
        lines.append(f"Your agenda and prep sheet: {m.agenda_url}")
    if m.mode == "in-person":
        lines.append("Plan to arrive 10-15 minutes early.")
    lines.append("Keep to the time you asked for, and send a thank-you within a day.")
    return "\n".join(lines)


def _reminder(m: MeetingEvent) -> Alarm:
    name = one_line(m.contact_name)
    if m.mode == "in-person":
        before = IN_PERSON_REMINDER
        text = f"Time to head out to meet {name}, so you arrive 10-15 minutes early."
    else:
        before = REMOTE_REMINDER
        text = f"{name} in {before.seconds // 60} minutes: find a quiet spot, notes open."
    alarm = Alarm.new(description=text)
    alarm.add("action", "DISPLAY")
    alarm.TRIGGER = -before
    return alarm


def meeting_event(m: MeetingEvent) -> Event:
    """One VEVENT with a local-time DTSTART (TZID), a duration and a reminder."""
    event = Event.new(
        uid=meeting_uid(m.meeting_id, m.domain),
        stamp=m.stamp,
        start=m.starts_at.astimezone(ZoneInfo(m.time_zone)),
        summary=_summary(m),
        description=_description(m),
        sequence=m.sequence,
        location=one_line(m.location or m.video_url or "") or None,
        url=m.video_url,
    )
    event.DURATION = m.duration
    event.add("status", "CANCELLED" if m.cancelled else "CONFIRMED")
    event.add_component(_reminder(m))
    return event


def _action_event(action: Action, domain: str, stamp: datetime) -> Event:
    event = Event.new(
        uid=action_uid(action.key, domain),
        stamp=stamp,
        start=action.due,
        end=action.due + timedelta(days=1),
        summary=one_line(action.title),
        description=action.reason,
    )
    # A to-do reminder shouldn't show the user as busy all day.
    event.add("transp", "TRANSPARENT")
    return event


def _calendar(uid: str, name: str | None, events: list[Event], years: set[int]) -> Calendar:
    calendar = Calendar.new(prodid=PRODID, uid=uid, name=name, method="PUBLISH")
    for event in events:
        calendar.add_component(event)
    if years:
        # VTIMEZONE rules only for the years in use keep the file small.
        calendar.add_missing_timezones(
            first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 1, 12, 31)
        )
    return calendar


def meeting_ics(m: MeetingEvent) -> bytes:
    """A complete calendar file for one meeting, ready to download or attach."""
    calendar = _calendar(
        f"calendar-meeting-{m.meeting_id}@{m.domain}", None, [meeting_event(m)], {m.starts_at.year}
    )
    return bytes(calendar.to_ical())


def feed_ics(
    meetings: Iterable[MeetingEvent],
    actions: Iterable[Action],
    name: str,
    domain: str,
    stamp: datetime,
) -> bytes:
    """A subscription feed: meetings as timed events, actions as all-day events on their due day."""
    meeting_list = list(meetings)
    events = [meeting_event(m) for m in meeting_list]
    events += [_action_event(a, domain, stamp) for a in actions]
    calendar = _calendar(f"feed@{domain}", name, events, {m.starts_at.year for m in meeting_list})
    # RFC 7986 wants VALUE=DURATION on the refresh hint; Outlook reads only X-PUBLISHED-TTL.
    calendar.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(FEED_REFRESH))
    return bytes(calendar.to_ical())
