from datetime import date

from coffeechat.domain.followups import BusinessCalendar

US = BusinessCalendar("US")


def test_weekends_and_public_holidays_are_not_business_days() -> None:
    assert US.is_business_day(date(2026, 11, 25))  # Wednesday
    assert not US.is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert not US.is_business_day(date(2026, 11, 28))  # Saturday
    assert not US.is_business_day(date(2026, 11, 29))  # Sunday


def test_adding_business_days_skips_a_holiday_and_weekends() -> None:
    assert US.add_business_days(date(2026, 11, 25), 1) == date(2026, 11, 27)
    assert US.add_business_days(date(2026, 11, 25), 7) == date(2026, 12, 7)


def test_adding_across_a_weekend() -> None:
    assert US.add_business_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday -> Monday


def test_adding_zero_and_negative_business_days() -> None:
    assert US.add_business_days(date(2026, 11, 28), 0) == date(2026, 11, 28)
    assert US.add_business_days(date(2026, 11, 30), -2) == date(2026, 11, 25)


def test_business_days_between_is_the_inverse_of_adding() -> None:
    start = date(2026, 11, 25)
    assert US.business_days_between(start, date(2026, 12, 7)) == 7
    assert US.business_days_between(date(2026, 12, 7), start) == -7
    assert US.business_days_between(start, start) == 0


def test_holidays_follow_the_country() -> None:
    germany = BusinessCalendar("de")
    assert germany.is_business_day(date(2026, 11, 26))  # no Thanksgiving there
    assert not germany.is_business_day(date(2026, 10, 3))  # German Unity Day, a Saturday anyway
    assert not germany.is_business_day(date(2026, 12, 25))


def test_subdivision_adds_regional_holidays() -> None:
    bavaria = BusinessCalendar("DE", "BY")
    assert not bavaria.is_business_day(date(2026, 1, 6))  # Epiphany in Bavaria
    assert BusinessCalendar("DE").is_business_day(date(2026, 1, 6))


def test_unknown_country_falls_back_to_weekends_only() -> None:
    unknown = BusinessCalendar("XX")
    assert not unknown.knows_country
    assert unknown.is_business_day(date(2026, 12, 25))
    assert not unknown.is_business_day(date(2026, 12, 26))  # Saturday
    assert unknown.add_business_days(date(2026, 11, 25), 7) == date(2026, 12, 4)


def test_unknown_subdivision_falls_back_to_national_holidays() -> None:
    calendar = BusinessCalendar("US", "ZZ")
    assert calendar.subdivision is None
    assert not calendar.is_business_day(date(2026, 11, 26))


def test_holidays_are_computed_once_per_year() -> None:
    calendar = BusinessCalendar("US")
    first = calendar.holidays_in(2026)
    assert calendar.holidays_in(2026) is first
    assert date(2026, 11, 26) in first
