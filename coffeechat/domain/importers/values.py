"""Reading single values the way people actually type them: emails, phones, dates, names."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_EMAIL = re.compile(r"[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]+")
_EMAIL_SEPARATORS = re.compile(r"\s*(?::::|[,;]|\s)\s*")
_ANGLE_ADDRESS = re.compile(r"<([^<>]*)>")
_TIME_OF_DAY = re.compile(
    r"[,\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?|Z|[+-]\d{2}:?\d{2})?$"
)
_LIST_SEPARATORS = re.compile(r"\s*(?::::|[,;])\s*")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


def split_emails(cell: str) -> tuple[list[str], list[str]]:
    """Return (valid lower-cased emails, pieces that don't look like an email)."""
    # In "Ana Ruiz <ana@x.org>" the words outside the brackets are a name, not a bad address.
    named = "<" in cell
    cell = _ANGLE_ADDRESS.sub(lambda match: " " + match.group(1) + " ", cell)
    good: list[str] = []
    bad: list[str] = []
    for piece in _EMAIL_SEPARATORS.split(cell.strip()):
        candidate = piece.strip().removeprefix("mailto:").lower()
        if _EMAIL.fullmatch(candidate):
            good.append(candidate)
        elif candidate and ("@" in candidate or not named):
            bad.append(piece)
    return good, bad


def split_list(cell: str) -> list[str]:
    """Items separated by commas, semicolons or Google's " ::: "."""
    return [item for item in _LIST_SEPARATORS.split(cell) if item]


def split_phones(cell: str) -> list[str]:
    """Phones keep their commas and spaces ("+1 555 0100, ext 2"); only ":::" separates them."""
    return [phone.strip() for phone in cell.split(":::") if phone.strip()]


def split_full_name(name: str) -> tuple[str, str]:
    """Split "Ana María Ruiz" → ("Ana María", "Ruiz") and "Ruiz, Ana" → ("Ana", "Ruiz")."""
    if "," in name:
        last, _, first = name.partition(",")
        return first.strip(), last.strip()
    first, _, last = name.rpartition(" ")
    return (first, last) if first else (last, "")


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """Read "21 Nov 2026", "11/21/26", "11/21/2026" or "2026-11-21"; None if we can't.

    A time after the date ("1/8/18, 6:14 PM", as LinkedIn wrote in 2018) is left out.
    """
    text = _TIME_OF_DAY.sub("", text).strip().rstrip(",").strip()
    try:
        if "-" in text and text[:4].isdigit():
            year, month, day = (int(part) for part in text[:10].split("-"))
            return date(year, month, day)
        if "/" in text:
            month, day, year = (int(part) for part in text.split("/"))
            return date(year + 2000 if year < 100 else year, month, day)
        day_text, month_text, year_text = text.replace(",", " ").split()
        if day_text.isdigit():
            return date(int(year_text), _MONTHS[month_text.lower()], int(day_text))
        # "Nov 21 2026", as some US exports write it.
        return date(int(year_text), _MONTHS[day_text.lower()], int(month_text))
    except (ValueError, KeyError, OverflowError):
        return None
