"""Dates written out in English, independent of the machine's locale."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """The date line of a letter: "24 November 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_and_date(day: date) -> str:
    """Enough to pick a day in the coming weeks: "Tuesday 24 November"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
