from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from coffeechat.domain.drafts import Slot, format_slot, propose_times, slots_paragraph

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY_AFTERNOON = datetime(2026, 11, 20, 15, 0, tzinfo=NEW_YORK)
SUNDAY_NOON = datetime(2026, 11, 22, 12, 0, tzinfo=NEW_YORK)
EARLY_BIRD = {day: ((time(8), time(17)),) for day in range(5)}


def local_starts(slots: list[Slot], tz: ZoneInfo) -> list[datetime]:
    return [slot.starts_at.astimezone(tz) for slot in slots]


def whole_day(day_before: datetime, user_tz: ZoneInfo, **options: object) -> list[time]:
    """Every slot offered on the next business day, as wall-clock times of the user."""
    slots = propose_times(day_before, user_tz, count=100, days_ahead=1, **options)  # type: ignore[arg-type]
    return [moment.time() for moment in local_starts(slots, user_tz)]


def test_defaults_offer_four_slots_on_four_weekdays() -> None:
    slots = propose_times(FRIDAY_AFTERNOON, NEW_YORK, None)
    starts = local_starts(slots, NEW_YORK)
    assert len(slots) == 4
    assert len({moment.date() for moment in starts}) == 4
    assert [moment.date() for moment in starts] == [date(2026, 11, d) for d in (23, 24, 25, 26)]
    for slot, moment in zip(slots, starts, strict=True):
        assert slot.ends_at - slot.starts_at == timedelta(minutes=20)
        assert moment.weekday() < 5
        assert moment.minute in (0, 30)
        assert moment.second == 0
        assert time(9) <= moment.time()
        assert slot.ends_at.astimezone(NEW_YORK).time() <= time(17)


def test_times_of_day_vary_across_days() -> None:
    starts = local_starts(propose_times(FRIDAY_AFTERNOON, NEW_YORK, None), NEW_YORK)
    assert len({moment.time() for moment in starts}) == 4


def test_results_are_aware_sorted_and_deterministic() -> None:
    first = propose_times(FRIDAY_AFTERNOON, NEW_YORK, BERLIN)
    assert first == propose_times(FRIDAY_AFTERNOON, NEW_YORK, BERLIN)
    assert all(slot.starts_at.tzinfo is not None for slot in first)
    assert [s.starts_at for s in first] == sorted(s.starts_at for s in first)


def test_starts_at_least_one_business_day_later() -> None:
    tuesday_morning = datetime(2026, 11, 17, 8, 0, tzinfo=NEW_YORK)
    starts = local_starts(propose_times(tuesday_morning, NEW_YORK, None), NEW_YORK)
    assert min(starts).date() == date(2026, 11, 18)


def test_weekends_are_skipped() -> None:
    saturday = datetime(2026, 11, 21, 10, 0, tzinfo=NEW_YORK)
    starts = local_starts(propose_times(saturday, NEW_YORK, None, count=10), NEW_YORK)
    assert min(starts).date() == date(2026, 11, 23)
    assert all(moment.weekday() < 5 for moment in starts)


def test_skip_dates_are_honoured_and_not_business_days() -> None:
    thanksgiving = date(2026, 11, 26)
    slots = propose_times(
        datetime(2026, 11, 25, 12, 0, tzinfo=NEW_YORK), NEW_YORK, None, skip_dates={thanksgiving}
    )
    days = [moment.date() for moment in local_starts(slots, NEW_YORK)]
    assert thanksgiving not in days
    assert min(days) == date(2026, 11, 27)


def test_busy_intervals_are_avoided_and_edges_may_touch() -> None:
    monday = date(2026, 11, 23)
    busy = [
        (
            datetime(2026, 11, 23, 9, 0, tzinfo=NEW_YORK),
            datetime(2026, 11, 23, 12, 10, tzinfo=NEW_YORK),
        ),
        (datetime(2026, 11, 23, 18, 0, tzinfo=UTC), datetime(2026, 11, 23, 20, 0, tzinfo=UTC)),
        (
            datetime(2026, 11, 23, 15, 50, tzinfo=NEW_YORK),
            datetime(2026, 11, 23, 17, 0, tzinfo=NEW_YORK),
        ),
    ]
    times = whole_day(
        datetime.combine(monday - timedelta(days=1), time(12), NEW_YORK), NEW_YORK, busy=busy
    )
    assert times == [time(12, 30), time(15, 0), time(15, 30)]


def test_spreads_over_days_then_fills_in_without_overlap() -> None:
    # Monday 23 and Tuesday 24 are the only days in range: two slots each.
    slots = propose_times(FRIDAY_AFTERNOON, NEW_YORK, None, days_ahead=4, count=4)
    days = [moment.date() for moment in local_starts(slots, NEW_YORK)]
    assert sorted(days) == [date(2026, 11, 23)] * 2 + [date(2026, 11, 24)] * 2
    for a, b in itertools.pairwise(slots):
        assert a.ends_at <= b.starts_at


def test_nothing_to_offer_gives_an_empty_list() -> None:
    assert propose_times(FRIDAY_AFTERNOON, NEW_YORK, None, free={}) == []
    assert propose_times(FRIDAY_AFTERNOON, NEW_YORK, None, count=0) == []


def test_free_hours_are_rounded_up_to_the_half_hour() -> None:
    free = {0: ((time(9, 10), time(10, 20)),)}
    assert whole_day(SUNDAY_NOON, NEW_YORK, free=free) == [time(9, 30), time(10, 0)]


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        propose_times(datetime(2026, 11, 20, 15, 0), NEW_YORK, None)
    with pytest.raises(ValueError, match="aware"):
        propose_times(
            FRIDAY_AFTERNOON,
            NEW_YORK,
            None,
            busy=[(datetime(2026, 11, 23), datetime(2026, 11, 24))],
        )


def test_same_wall_clock_across_the_autumn_change_means_different_utc() -> None:
    thursday = datetime(2026, 10, 29, 12, 0, tzinfo=NEW_YORK)
    slots = propose_times(thursday, NEW_YORK, None, count=2)
    friday, monday = slots
    assert friday.starts_at == datetime(2026, 10, 30, 13, 0, tzinfo=UTC)  # 09:00 EDT
    monday_local = monday.starts_at.astimezone(NEW_YORK)
    assert monday_local.date() == date(2026, 11, 2)
    assert monday_local.utcoffset() == timedelta(hours=-5)
    assert time(9) <= monday_local.time() < time(17)


def test_spring_forward_skips_wall_times_that_do_not_exist() -> None:
    sunday_night = {6: ((time(1), time(4)),)}
    thursday = datetime(2026, 3, 5, 12, 0, tzinfo=NEW_YORK)
    slots = propose_times(thursday, NEW_YORK, None, free=sunday_night, count=10, days_ahead=3)
    assert [m.time() for m in local_starts(slots, NEW_YORK)] == [
        time(1, 0),
        time(1, 30),
        time(3, 0),
        time(3, 30),
    ]


def test_fall_back_hour_yields_distinct_instants() -> None:
    sunday_night = {6: ((time(0, 30), time(3)),)}
    thursday = datetime(2026, 10, 29, 12, 0, tzinfo=NEW_YORK)
    slots = propose_times(thursday, NEW_YORK, None, free=sunday_night, count=10, days_ahead=3)
    instants = [slot.starts_at for slot in slots]
    assert len(set(instants)) == len(instants) == 5
    assert all(a.ends_at <= b.starts_at for a, b in itertools.pairwise(slots))


def test_contact_hours_limit_the_slots() -> None:
    # New York 09:00-12:00 is Berlin 15:00-18:00 in late November.
    times = whole_day(SUNDAY_NOON, NEW_YORK, contact_tz=BERLIN)
    assert times[0] == time(9, 0)
    assert times[-1] == time(11, 30)


@pytest.mark.parametrize(
    ("day_before", "expected"),
    [
        # both zones on summer time: Los Angeles is 9 hours behind Berlin
        (date(2026, 10, 19), [time(8, 0), time(8, 30)]),
        # Berlin has left summer time (25 Oct), Los Angeles not yet (1 Nov): 8 hours
        (date(2026, 10, 26), [time(8, 0), time(8, 30), time(9, 0), time(9, 30)]),
        # both on standard time: 9 hours again
        (date(2026, 11, 2), [time(8, 0), time(8, 30)]),
    ],
)
def test_narrow_overlap_follows_both_daylight_saving_calendars(
    day_before: date, expected: list[time]
) -> None:
    start = datetime.combine(day_before, time(12), LOS_ANGELES)
    assert whole_day(start, LOS_ANGELES, contact_tz=BERLIN, free=EARLY_BIRD) == expected


def test_no_slot_falls_on_the_contacts_weekend() -> None:
    # Friday 17:00 in Los Angeles is already Saturday in Tokyo.
    tokyo = ZoneInfo("Asia/Tokyo")
    late = {day: ((time(16), time(22)),) for day in range(5)}
    slots = propose_times(FRIDAY_AFTERNOON, LOS_ANGELES, tokyo, free=late, count=20)
    assert slots
    for slot in slots:
        there = slot.starts_at.astimezone(tokyo)
        assert there.weekday() < 5
        assert time(8) <= there.time()
        assert slot.ends_at.astimezone(tokyo).time() <= time(18)


def test_format_slot_in_a_given_zone() -> None:
    slot = Slot(
        datetime(2026, 11, 24, 15, 0, tzinfo=UTC), datetime(2026, 11, 24, 15, 20, tzinfo=UTC)
    )
    assert format_slot(slot, NEW_YORK) == "Tuesday 24 November, 10:00–10:20 (America/New_York)"
    assert format_slot(slot, BERLIN, show_zone=False) == "Tuesday 24 November, 16:00–16:20"


def test_paragraph_lists_the_slots_in_the_named_zone() -> None:
    slots = propose_times(FRIDAY_AFTERNOON, NEW_YORK, BERLIN, count=2)
    text = slots_paragraph(slots, BERLIN)
    assert "They are in Berlin time:" in text and "Europe/" not in text  # words, not a code
    for slot in slots:
        assert f"- {format_slot(slot, BERLIN, show_zone=False)}" in text
    assert text.count("\n- ") == 2


def test_paragraph_without_slots_asks_them_to_choose() -> None:
    text = slots_paragraph([], NEW_YORK)
    assert "suits you" in text
    assert "- " not in text
