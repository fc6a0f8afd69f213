"""The range of dates and the characters coffeechat accepts, in one place (no Django).

Every entry point (web forms, the API, the CLI, import and restore) asks these functions, so a
value refused by one is refused by all. Each returns a short, friendly message, or None when the
value is fine; callers wrap the message in their own error type.
"""

from __future__ import annotations

import datetime as dt
import re

MIN_YEAR = 1900
MAX_YEAR = 2200
EARLIEST = dt.date(MIN_YEAR, 1, 1)
LATEST = dt.date(MAX_YEAR, 12, 31)

DATE_MESSAGE = (
    f"Pick a date between {MIN_YEAR} and {MAX_YEAR}; coffeechat keeps dates in that range."
)


def date_problem(value: dt.date) -> str | None:
    """None when `value` falls in MIN_YEAR–MAX_YEAR: a date as it is, a time both on its own
    clock and in UTC (so every stored time is in range, whatever the zone it is read in)."""
    if isinstance(value, dt.datetime):
        local = value.replace(tzinfo=None)
        if not EARLIEST <= local.date() <= LATEST:
            return DATE_MESSAGE
        offset = value.utcoffset()
        value = (local - offset).date() if offset is not None else local.date()
    return None if EARLIEST <= value <= LATEST else DATE_MESSAGE


def clamp_date(value: dt.date) -> dt.date:
    return min(max(value, EARLIEST), LATEST)


def clamp_moment(value: dt.datetime) -> dt.datetime:
    """A time as stored (UTC) moved into the range; times already in it come back unchanged."""
    if value.date() < EARLIEST:
        return dt.datetime.combine(EARLIEST, dt.time(), tzinfo=dt.UTC)
    if value.date() > LATEST:
        return dt.datetime.combine(LATEST, dt.time(12), tzinfo=dt.UTC)
    return value


# Text no field can hold: NUL (PostgreSQL refuses it) and lone surrogates (not Unicode at all;
# they can't be written as UTF-8).
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
# Besides those, a single-line field (a name, a title, a subject) refuses every line or paragraph
# separator and control character, and the bidirectional overrides and isolates that can make a
# name display as something else ("Trojan Source").
_NOT_ONE_LINE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

UNSTORABLE_MESSAGE = (
    "This contains a character that can't be stored (a NUL or a broken Unicode character). "
    "Remove it and try again."
)
ONE_LINE_MESSAGE = (
    "Please keep this on one line: it contains a line break, a control character or a "
    "direction override."
)


def text_problem(value: str) -> str | None:
    """None when any field could hold `value`."""
    return UNSTORABLE_MESSAGE if _UNSTORABLE.search(value) else None


def storable(value: str) -> str:
    """`value` without the characters no field can hold, for text that comes from elsewhere
    (a mail) and must be kept rather than refused."""
    return _UNSTORABLE.sub("", value)


def line_problem(value: str) -> str | None:
    """None when `value` is fit for a single-line field."""
    found = _NOT_ONE_LINE.search(value)
    if found is None:
        return None
    return UNSTORABLE_MESSAGE if _UNSTORABLE.match(found.group()) else ONE_LINE_MESSAGE


_TO_SPACE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_TO_NOTHING = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def one_line(value: str) -> str:
    """`value` made fit for one line of a file we write (.ics, .vcf): separators and control
    characters become spaces, direction overrides go, whitespace collapses. For text stored
    before the one-line rule, so nothing written carries a hidden line break or override."""
    if value.isprintable() and "  " not in value:  # nearly always: nothing to change
        return value.strip()
    return " ".join(_TO_SPACE.sub(" ", _TO_NOTHING.sub("", value)).split())


def deepest(value: object, limit: int) -> bool:
    """True when `value` (parsed JSON) nests deeper than `limit`; walks without recursion."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def strings_in(value: object) -> list[str]:
    """Every string in parsed JSON, keys included; walks without recursion."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            found.extend(k for k in item if isinstance(k, str))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
