"""Importers: contact files (LinkedIn, vCard, Google, Outlook, CSV, Excel) → clean rows.

Pure: bytes in, frozen dataclasses out. See `read_contacts` and the de-duplication keys
`normalize_name`, `normalize_org`, `org_base` and `normalize_linkedin_url`.
"""

from coffeechat.domain.importers.columns import FIELDS, IGNORE
from coffeechat.domain.importers.normalize import (
    is_linkedin_url,
    normalize_linkedin_url,
    normalize_name,
    normalize_org,
    org_base,
)
from coffeechat.domain.importers.reader import read_contacts, read_workbook
from coffeechat.domain.importers.records import (
    FORMATS,
    ContactRow,
    Format,
    ImportResult,
    Reject,
    UnreadableFileError,
)
from coffeechat.domain.importers.xlsx import Workbook

__all__ = [
    "FIELDS",
    "FORMATS",
    "IGNORE",
    "ContactRow",
    "Format",
    "ImportResult",
    "Reject",
    "UnreadableFileError",
    "Workbook",
    "is_linkedin_url",
    "normalize_linkedin_url",
    "normalize_name",
    "normalize_org",
    "org_base",
    "read_contacts",
    "read_workbook",
]
