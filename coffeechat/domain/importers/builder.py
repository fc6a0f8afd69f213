"""From raw values per field to a clean ContactRow, collecting what had to be skipped."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Iterable
from datetime import date

from coffeechat.domain import limits
from coffeechat.domain.importers.normalize import is_linkedin_url, normalize_linkedin_url
from coffeechat.domain.importers.records import ContactRow, Reject
from coffeechat.domain.importers.text import clean_line, clean_multiline
from coffeechat.domain.importers.values import (
    parse_date,
    split_emails,
    split_full_name,
    split_list,
    split_phones,
)
from coffeechat.domain.vocab import HONORIFICS

Draft = dict[str, list[str]]
# Everything but the line number: two rows with equal details are the same entry twice.
_details = operator.attrgetter(
    *(field.name for field in dataclasses.fields(ContactRow) if field.name != "line")
)
_SYSTEM_LABELS = frozenset({"mycontacts", "my contacts", "starred"})

NOBODY = (
    "This row has no name, email address or LinkedIn profile, so there is nobody to add. "
    "Fill one of them in and import it again."
)


class RowCollector:
    """Builds rows in source order, remembering rejects, warnings and exact repeats."""

    def __init__(self, how_found: str = "") -> None:
        self.how_found = how_found
        self.rows: list[ContactRow] = []
        self.rejects: list[Reject] = []
        self.warnings: list[Reject] = []
        self._seen: dict[tuple[object, ...], int] = {}

    def add(self, line: int, draft: Draft) -> None:
        """Add one record; a record whose every value is blank is skipped without comment."""
        if not any(value.strip() for values in draft.values() for value in values):
            return
        row = self._build(line, draft)
        if not (row.first_name or row.last_name or row.emails or row.linkedin_url):
            self.rejects.append(Reject(line, NOBODY))
            return
        key = _details(row)
        first_seen = self._seen.setdefault(key, line)
        if first_seen != line:
            self.rejects.append(
                Reject(line, f"Same details as line {first_seen}, so we kept only that one.")
            )
            return
        self.rows.append(row)

    def reject(self, line: int, reason: str) -> None:
        self.rejects.append(Reject(line, reason))

    def _build(self, line: int, draft: Draft) -> ContactRow:
        first = _joined(draft.get("first_name"))
        last = _joined(draft.get("last_name"))
        if not (first or last):
            first, last = split_full_name(_first(draft.get("name")))
        if first or last:
            first = _joined([first, *draft.get("middle_name", ())])
        linkedin_url, website, other_urls = self._urls(draft)
        honorific, unknown_prefix = honorific_of(_first(draft.get("honorific")))
        extra_notes = [
            f"Name prefix: {unknown_prefix}" if unknown_prefix else "",
            f"Other web addresses: {', '.join(other_urls)}" if other_urls else "",
        ]
        return ContactRow(
            line=line,
            honorific=honorific,
            first_name=first,
            last_name=last,
            emails=self._emails(line, draft.get("emails")),
            phones=_unique(
                clean_line(phone)
                for cell in draft.get("phones", ())
                for phone in split_phones(cell)
            ),
            linkedin_url=linkedin_url,
            organization=_first(draft.get("organization")),
            department=_first(draft.get("department")),
            title=_first(draft.get("title")),
            website=website,
            location=_first(draft.get("location")),
            postal_address="\n".join(
                filter(None, map(clean_multiline, draft.get("postal_address", ())))
            ),
            notes="\n".join(
                filter(None, map(clean_multiline, [*draft.get("notes", ()), *extra_notes]))
            ),
            how_found=_first(draft.get("how_found")) or self.how_found,
            connected_on=self._date(line, _first(draft.get("connected_on"))),
            tags=_unique(
                clean_line(tag)
                for cell in draft.get("tags", ())
                for tag in split_list(cell)
                if not _is_system_label(tag)
            ),
        )

    def _emails(self, line: int, cells: list[str] | None) -> tuple[str, ...]:
        found: list[str] = []
        for cell in cells or ():
            good, bad = split_emails(cell)
            found.extend(good)
            for piece in bad:
                self.warnings.append(
                    Reject(
                        line,
                        f"We left out {clean_line(piece)!r}: it doesn't look like an email "
                        "address. You can add the right one on the contact's page.",
                    )
                )
        return _unique(found)

    def _date(self, line: int, text: str) -> date | None:
        if not text:
            return None
        parsed = parse_date(text)
        if parsed is None:
            self.warnings.append(
                Reject(line, f"We couldn't read the date {text!r}, so it was left empty.")
            )
        elif limits.date_problem(parsed):
            self.warnings.append(
                Reject(
                    line,
                    f"We left the date {text!r} empty: coffeechat keeps dates between "
                    f"{limits.MIN_YEAR} and {limits.MAX_YEAR}.",
                )
            )
            return None
        return parsed

    @staticmethod
    def _urls(draft: Draft) -> tuple[str, str, list[str]]:
        """LinkedIn addresses go to linkedin_url wherever they were; the first other one to
        website, and the rest (a second LinkedIn address too) come back to keep in the notes."""
        linkedin = ""
        others: list[str] = []
        for url in map(clean_line, [*draft.get("linkedin_url", ()), *draft.get("website", ())]):
            if not url:
                continue
            if is_linkedin_url(url) and not linkedin:
                linkedin = normalize_linkedin_url(url)
            elif url not in others and normalize_linkedin_url(url) != linkedin:
                others.append(url)
        return linkedin, (others[0] if others else ""), others[1:]


def honorific_of(prefix: str) -> tuple[str, str]:
    """(one of our honorifics, "") for "dr" or "Doctor"; ("", prefix) for one we don't know."""
    known = _HONORIFICS.get(prefix.casefold().rstrip(".").strip())
    return (known, "") if known else ("", prefix)


_HONORIFICS = {
    **{value.casefold().rstrip("."): value for value, _ in HONORIFICS if value},
    "doctor": "Dr.",
    "professor": "Prof.",
    # As German, French and Spanish address books write them.
    **dict.fromkeys(("herr", "m", "monsieur", "sr", "señor"), "Mr."),
    **dict.fromkeys(("frau", "mme", "madame", "sra", "señora"), "Ms."),
}


def _is_system_label(tag: str) -> bool:
    """Google's own groups ("* myContacts", "starred") say nothing about the person."""
    return tag.startswith("*") or tag.casefold() in _SYSTEM_LABELS


def _first(values: list[str] | None) -> str:
    for value in values or ():
        cleaned = clean_line(value)
        if cleaned:
            return cleaned
    return ""


def _joined(values: list[str] | None) -> str:
    return clean_line(" ".join(values or ()))


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))
