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
    first_name: str = ""
    last_name: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin_url: str = ""
    organization: str = ""
    department: str = ""
    title: str = ""
    website: str = ""
    location: str = ""
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
    `column_map`. `encoding` is empty for .xlsx files.
    """

    format: Format
    rows: tuple[ContactRow, ...]
    rejects: tuple[Reject, ...] = ()
    warnings: tuple[Reject, ...] = ()
    columns: dict[str, str] = field(default_factory=dict, hash=False)
    encoding: str = ""
