from datetime import date

from coffeechat.domain.insights import median, rate, step_gaps, week_starts


def test_median_of_odd_even_and_nothing():
    assert median([3, 1, 2]) == 2.0
    assert median([4, 1, 2, 3]) == 2.5
    assert median([]) is None


def test_rate_is_none_without_a_base():
    assert rate(3, 4) == 0.75
    assert rate(0, 0) is None


def test_step_gaps_only_count_people_who_reached_both_steps():
    d = date(2025, 3, 1)
    rows: list[list[date | None]] = [
        [d, date(2025, 3, 3), date(2025, 3, 10)],
        [d, date(2025, 3, 5), None],
        [d, None, date(2025, 3, 2)],  # met without a recorded reply: no reply gap, no met gap
    ]
    assert step_gaps(rows, 3) == [3.0, 7.0]
    assert step_gaps([], 3) == [None, None]


def test_a_step_dated_before_the_one_it_follows_never_makes_a_negative_wait():
    d = date(2025, 3, 1)
    rows: list[list[date | None]] = [
        [d, date(2025, 3, 3), date(2025, 3, 2)],  # "met" the day before the reply: left out
        [d, date(2025, 2, 20), None],  # a reply before the request: left out
        [d, date(2025, 3, 5), date(2025, 3, 9)],
    ]
    gaps = step_gaps(rows, 3)
    assert gaps == [3.0, 4.0]
    assert all(g is not None and g >= 0 for g in gaps)


def test_week_starts_are_mondays_ending_this_week():
    weeks = week_starts(date(2025, 3, 20), 3)  # a Thursday
    assert weeks == [date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17)]
    assert week_starts(date(2025, 3, 17), 1) == [date(2025, 3, 17)]
