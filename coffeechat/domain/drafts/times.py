"""Propose a few meeting times to offer in a reply.

The user's free hours are wall-clock times in their own zone; the proposals are real instants
(aware datetimes), so they stay right across daylight-saving changes in either zone.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .dates import MONTHS, WEEKDAYS, weekday_and_date

# weekday (0 = Monday) → free intervals, as wall-clock times in the user's zone
WeeklyHours = Mapping[int, Sequence[tuple[time, time]]]

DEFAULT_WEEKLY_HOURS: WeeklyHours = {day: ((time(9), time(17)),) for day in range(5)}

# A polite window on the contact's side: nobody wants a request for 7 a.m. or 7 p.m.
CONTACT_DAY = (time(8), time(18))
STEP = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Slot:
    starts_at: datetime
    ends_at: datetime


def propose_times(
    start: datetime,
    user_tz: ZoneInfo,
    contact_tz: ZoneInfo | None = None,
    free: WeeklyHours = DEFAULT_WEEKLY_HOURS,
    busy: Sequence[tuple[datetime, datetime]] = (),
    minutes: int = 20,
    count: int = 4,
    days_ahead: int = 10,
    skip_dates: Collection[date] = (),
) -> list[Slot]:
    """Up to `count` slots of `minutes`, in time order, one per day while days last.

    Slots start on the half hour (user's clock), no earlier than the next business day after
    `start`, within `days_ahead` days, inside `free`, on a weekday between 08:00 and 18:00 for
    the contact when their zone is known, and clear of every `busy` interval. `skip_dates`
    (holidays, days off) are the user's local dates. The result is in UTC.
    """
    if start.tzinfo is None or any(b.tzinfo is None or e.tzinfo is None for b, e in busy):
        raise ValueError("start and busy times must be timezone-aware")
    if minutes <= 0 or count <= 0:
        return []
    length = timedelta(minutes=minutes)
    today = start.astimezone(user_tz).date()
    first = _next_business_day(today, skip_dates)
    last = today + timedelta(days=days_ahead)
    days: list[list[Slot]] = []
    day = first
    while day <= last:
        if day not in skip_dates:
            candidates = [
                slot
                for slot in _day_slots(day, free.get(day.weekday(), ()), user_tz, length)
                if _suits_contact(slot, contact_tz) and not _overlaps(slot, busy)
            ]
            if candidates:
                days.append(candidates)
        day += timedelta(days=1)
    return sorted(_spread(days, count), key=lambda slot: slot.starts_at)


def _next_business_day(day: date, skip_dates: Collection[date]) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5 or day in skip_dates:
        day += timedelta(days=1)
    return day


def _day_slots(
    day: date, intervals: Sequence[tuple[time, time]], tz: ZoneInfo, length: timedelta
) -> list[Slot]:
    slots: list[Slot] = []
    for begin, end in sorted(intervals):
        local = datetime.combine(day, _round_up_to_half_hour(begin), tzinfo=tz)
        closing = datetime.combine(day, end, tzinfo=tz)
        while local < closing:
            starts = local.astimezone(UTC)
            # A wall time skipped by a spring-forward change does not exist; drop it.
            if starts.astimezone(tz).replace(tzinfo=None) == local.replace(tzinfo=None):
                ends = starts + length
                if ends <= closing.astimezone(UTC):
                    slots.append(Slot(starts, ends))
            local += STEP
    return slots


def _round_up_to_half_hour(moment: time) -> time:
    minutes = moment.hour * 60 + moment.minute + (1 if moment.second or moment.microsecond else 0)
    minutes = -(-minutes // 30) * 30
    return time(23, 59) if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)


def _suits_contact(slot: Slot, contact_tz: ZoneInfo | None) -> bool:
    if contact_tz is None:
        return True
    begin, end = slot.starts_at.astimezone(contact_tz), slot.ends_at.astimezone(contact_tz)
    opens, closes = (datetime.combine(begin.date(), t, tzinfo=contact_tz) for t in CONTACT_DAY)
    return begin.weekday() < 5 and opens <= begin and end <= closes


def _overlaps(slot: Slot, busy: Sequence[tuple[datetime, datetime]]) -> bool:
    return any(slot.starts_at < b_end and b_start < slot.ends_at for b_start, b_end in busy)


def _spread(days: list[list[Slot]], count: int) -> list[Slot]:
    """First one slot on each of the earliest days, at varied times of day; then, if days run
    short, more slots on those days, as far as possible from the ones already taken."""
    chosen: list[Slot] = []
    for index, candidates in enumerate(days[:count]):
        chosen.append(candidates[(index * len(candidates)) // count])
    while len(chosen) < count:
        extra = _farthest_free(days, chosen)
        if extra is None:
            break
        chosen.append(extra)
    return chosen


def _farthest_free(days: list[list[Slot]], chosen: list[Slot]) -> Slot | None:
    best: tuple[timedelta, Slot] | None = None
    for candidates in days:
        for slot in candidates:
            if any(slot.starts_at < c.ends_at and c.starts_at < slot.ends_at for c in chosen):
                continue
            gap = min(abs(slot.starts_at - c.starts_at) for c in chosen)
            if best is None or gap > best[0]:
                best = (gap, slot)
    return best[1] if best else None


def zone_label(key: str) -> str:
    """A time zone as people say it: "Europe/London" → "London time"; UTC stays "UTC"."""
    if key in ("UTC", "Etc/UTC", "GMT", ""):
        return "UTC"
    return key.rsplit("/", 1)[-1].replace("_", " ") + " time"


def _short_day(moment: datetime, this_year: int | None) -> str:
    """ "Tue 8 Dec", with the year only when it isn't `this_year`."""
    year = f" {moment.year}" if this_year is not None and moment.year != this_year else ""
    weekday, month = WEEKDAYS[moment.weekday()][:3], MONTHS[moment.month - 1][:3]
    return f"{weekday} {moment.day} {month}{year}"


def format_slot_in_zones(
    slot: Slot, first: ZoneInfo, second: ZoneInfo | None = None, *, this_year: int | None = None
) -> str:
    """One slot named in words in `first` and, when known and different, also in `second`:

    "Tue 8 Dec, 15:00–15:20 London time (10:00–10:20 New York time)", or, with one zone,
    "Tue 8 Dec, 15:00–15:20 (London time)". The second zone repeats the day when it differs.
    """
    begin, end = slot.starts_at.astimezone(first), slot.ends_at.astimezone(first)
    text = f"{_short_day(begin, this_year)}, {begin:%H:%M}–{end:%H:%M}"
    if second is None or second.key == first.key:
        return f"{text} ({zone_label(first.key)})"
    other, other_end = slot.starts_at.astimezone(second), slot.ends_at.astimezone(second)
    day = "" if other.date() == begin.date() else f"{_short_day(other, this_year)}, "
    return (
        f"{text} {zone_label(first.key)} "
        f"({day}{other:%H:%M}–{other_end:%H:%M} {zone_label(second.key)})"
    )


def times_reply(
    slots: Sequence[Slot],
    mine: ZoneInfo,
    theirs: ZoneInfo | None = None,
    *,
    name: str = "",
    this_year: int | None = None,
) -> str:
    """A new, short reply offering `slots`, for when the request has already gone out.

    The times come first in the contact's zone when it is known (it is their diary), with the
    user's own in brackets; otherwise in the user's zone, named in words, so nobody has to
    guess which clock is meant.
    """
    greeting = f"Hi {name.strip()}," if name.strip() else "Hello,"
    if not slots:
        offer = (
            "I'm flexible on timing: let me know a day and time that suits you, and I'll make "
            "it work."
        )
    else:
        first, second = (theirs, mine) if theirs is not None else (mine, None)
        lines = "\n".join(
            f"- {format_slot_in_zones(slot, first, second, this_year=this_year)}" for slot in slots
        )
        offer = (
            f"Would one of these times suit you?\n{lines}\n\n"
            "If none of them fits, just name a time that does and I'll fit around it."
        )
    return f"{greeting}\n\nThank you again for being open to a conversation. {offer}\n"


def format_slot(slot: Slot, tz: ZoneInfo, *, show_zone: bool = True) -> str:
    """One slot as text: "Tuesday 24 November, 10:00–10:20 (America/New_York)"."""
    begin, end = slot.starts_at.astimezone(tz), slot.ends_at.astimezone(tz)
    text = f"{weekday_and_date(begin.date())}, {begin:%H:%M}–{end:%H:%M}"
    return f"{text} ({tz.key})" if show_zone else text


def slots_paragraph(slots: Sequence[Slot], tz: ZoneInfo) -> str:
    """A few lines to paste into a reply; pass the contact's zone when known, else the user's."""
    if not slots:
        return (
            "I'm flexible on timing: let me know a day and time that suits you, and I'll make "
            "it work."
        )
    lines = "\n".join(f"- {format_slot(slot, tz, show_zone=False)}" for slot in slots)
    return (
        f"Would one of these times suit you? They are in {zone_label(tz.key)}:\n{lines}\n"
        "If none of them fits, just name a time that does and I'll fit around it."
    )
