"""What an import produces: clean rows, the rows we had to skip, and how columns were read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Format = Literal["linkedin", "vcard", "google-csv", "outlook-csv", "csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("linkedin", "vcard", "google-csv", "outlook-csv", "csv", "xlsx")


class UnreadableFileError(ValueError):
    """The file as a whole can't be read; `reason` says what we expected, in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One person found in the file. Text is trimmed and single-line (except `notes`)."""

    line: int
    honorific: str = ""  # one of vocab.HONORIFICS ("Dr."), or empty
    first_name: str = ""  # middle names follow the given name
    last_name: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin_url: str = ""
    organization: str = ""
    department: str = ""
    title: str = ""
    website: str = ""
    location: str = ""
    postal_address: str = ""  # lines joined by newlines
    notes: str = ""
    how_found: str = ""
    connected_on: date | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reject:
    """A problem tied to a line (or vCard start line) of the source, explained in plain English."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Everything read from one file.

    `rejects` are records that were not imported at all; `warnings` are records that were
    imported but lost a value (a malformed email, an unreadable date). `columns` maps each
    source header to the field it fills, or to "ignore"; it can be edited and passed back as
    `column_map`. `encoding` is empty for .xlsx files. `ignored` names what the file holds
    that went into no field: column headers, or vCard properties such as BDAY.
    """

    format: Format
    rows: tuple[ContactRow, ...]
    rejects: tuple[Reject, ...] = ()
    warnings: tuple[Reject, ...] = ()
    columns: dict[str, str] = field(default_factory=dict, hash=False)
    encoding: str = ""
    ignored: tuple[str, ...] = ()

    @property
    def ignored_labels(self) -> list[str]:
        """`ignored` in plain words for the page: headers as they are, vCard properties named."""
        if self.format != "vcard":
            return list(self.ignored)
        labels = (_PROPERTY_LABELS.get(name, "other details") for name in self.ignored)
        return list(dict.fromkeys(labels))


_PROPERTY_LABELS = {
    "BDAY": "birthday",
    "ANNIVERSARY": "anniversary",
    "X-MS-ANNIVERSARY": "anniversary",
    "NICKNAME": "nickname",
    "ROLE": "role",
    "GENDER": "gender",
    "TZ": "time zone",
    "GEO": "place on a map",
    "LANG": "language",
    "IMPP": "chat addresses",
    "X-MS-IMADDRESS": "chat addresses",
    "X-MS-MANAGER": "manager",
    "X-MS-ASSISTANT": "assistant",
    "X-MS-SPOUSE": "partner",
    "X-ABRELATEDNAMES": "related people",
    "RELATED": "related people",
    "X-PHONETIC-FIRST-NAME": "how to say the name",
    "X-PHONETIC-LAST-NAME": "how to say the name",
    "X-MS-TEL": "callback number",
    "FBURL": "calendar availability link",
}
