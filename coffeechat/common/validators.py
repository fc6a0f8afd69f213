"""Validation shared by forms, the API and importers; each error says how to fix it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import cache
from urllib.parse import urlsplit

import phonenumbers
from django.core.exceptions import ValidationError

from coffeechat.domain import limits


def single_line(value: str) -> None:
    """No line or paragraph separator, control character, bidi override, NUL or surrogate."""
    problem = limits.line_problem(value)
    if problem:
        raise ValidationError(problem, code="single_line")


def storable_text(value: str) -> None:
    """Any text field: no NUL and no lone surrogate (neither can be stored)."""
    problem = limits.text_problem(value)
    if problem:
        raise ValidationError(problem, code="unstorable")


def date_in_range(value: dt.date) -> None:
    """Dates and times between limits.MIN_YEAR and limits.MAX_YEAR (read on their own clock)."""
    problem = limits.date_problem(value)
    if problem:
        raise ValidationError(problem, code="date_range")


@cache
def time_zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone(value: str) -> None:
    if value and value not in time_zone_names():
        raise ValidationError(
            f"“{value}” isn't a time zone we know. Use a name like Europe/Paris or America/Chicago."
        )


def country_code(value: str) -> None:
    if value and value.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(
            f"“{value}” isn't a country code we know. Use two letters, like US, GB or DE."
        )


def normalize_phone(value: str, country: str = "") -> str:
    """The number in international format; raises ValidationError with a hint if it isn't one."""
    value = value.strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, (country or "US").upper())
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            "That doesn't look like a phone number. Include the country code, e.g. +1 617 555 0100."
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            "That phone number isn't valid for its country. Check the digits and the country code."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_checked_phone(value: str) -> bool:
    """True for a number in international form that is valid for its country. A number an
    import kept as typed (no country code, or one we couldn't place) is not checked."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def linkedin_url(value: str) -> None:
    if not value:
        return
    host = (urlsplit(value).hostname or "").lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        raise ValidationError("A LinkedIn URL starts with https://www.linkedin.com/in/…")
