"""One imported row → the values a Contact would get, or the reason the row can't go in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coffeechat.common.validators import is_checked_phone, normalize_phone
from coffeechat.domain import vocab
from coffeechat.domain.importers import ContactRow, Reject
from coffeechat.domain.importers.normalize import fold
from coffeechat.network.models import encode_tags

# Fields an import may fill on an existing contact; "organization" is a name here.
FILLABLE = (
    "honorific",
    "first_name",
    "last_name",
    "email",
    "phone",
    "linkedin_url",
    "organization",
    "title",
    "location",
    "postal_address",
    "how_found",
    "connected_on",
    "tags_text",
    "notes",
)
_LIMITS = (
    ("first_name", "first name", 100),
    ("last_name", "last name", 100),
    ("title", "title", 160),
    ("location", "location", 160),
    ("organization", "organization", 200),
    ("linkedin_url", "LinkedIn address", 300),
)
_HOW_FOUND = {
    **{fold(key): key for key, _ in vocab.HOW_FOUND},
    **{fold(label): key for key, label in vocab.HOW_FOUND},
}
_TAGS_MAX = 500
MIN_PHONE_DIGITS = 3
PHONE_MAX = 40  # Contact.phone


@dataclass(frozen=True, slots=True)
class RowValues:
    line: int
    honorific: str
    first_name: str
    last_name: str
    email: str
    other_emails: tuple[str, ...]
    phone: str
    linkedin_url: str
    organization: str
    title: str
    location: str
    postal_address: str
    how_found: str
    connected_on: date | None
    tags_text: str
    notes: str
    kept_as_typed: tuple[str, ...] = ()  # phones we couldn't check

    def filled(self) -> dict[str, object]:
        """The fields this row has a value for (how_found "other" says nothing)."""
        values = {name: getattr(self, name) for name in FILLABLE}
        return {
            name: value
            for name, value in values.items()
            if value and not (name == "how_found" and value == "other")
        }


def too_long(row: ContactRow) -> Reject | None:
    for name, label, limit in _LIMITS:
        value = getattr(row, name)
        if len(value) > limit:
            return Reject(
                row.line,
                f"The {label} is {len(value)} characters long; coffeechat keeps at most "
                f"{limit}. Shorten it in the file and import it again.",
            )
    return None


def row_values(row: ContactRow, country: str, warnings: list[Reject]) -> RowValues:
    """Clean values for a contact; a bad phone or e-mail is dropped with a warning."""
    emails = [email for email in row.emails if _email_ok(row.line, email, warnings)]
    phones = [p for p in (_phone(row.line, raw, country, warnings) for raw in row.phones) if p]
    unchecked = tuple(phone for phone in phones if not is_checked_phone(phone))
    extra = [
        row.notes,
        f"Department: {row.department}" if row.department else "",
        f"Website: {row.website}" if row.website else "",
        f"Other e-mail addresses: {', '.join(emails[1:])}" if len(emails) > 1 else "",
        f"Other phone numbers: {', '.join(phones[1:])}" if len(phones) > 1 else "",
        *(f"Phone number as written: {raw}" for raw in row.phones if len(raw) > PHONE_MAX),
    ]
    return RowValues(
        line=row.line,
        honorific=row.honorific,
        first_name=row.first_name,
        last_name=row.last_name,
        email=emails[0] if emails else "",
        other_emails=tuple(emails[1:]),
        phone=phones[0] if phones else "",
        linkedin_url=row.linkedin_url,
        organization=row.organization,
        title=row.title,
        location=row.location,
        postal_address=row.postal_address,
        how_found=_HOW_FOUND.get(fold(row.how_found), "other") if row.how_found else "other",
        connected_on=row.connected_on,
        tags_text=_tags(row.tags),
        notes="\n".join(part for part in extra if part),
        kept_as_typed=unchecked,
    )


def _email_ok(line: int, email: str, warnings: list[Reject]) -> bool:
    try:
        if len(email) > 254:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        warnings.append(Reject(line, f"We left out the e-mail address {email!r}: it isn't valid."))
        return False
    return True


def _phone(line: int, phone: str, country: str, warnings: list[Reject]) -> str:
    """The number in international form; one we can't place is kept as typed (shown as
    "not checked"), so a number from abroad is never lost. Text with no digits is left out."""
    try:
        return normalize_phone(phone, country)
    except ValidationError as exc:
        if sum(ch.isdigit() for ch in phone) < MIN_PHONE_DIGITS:
            warnings.append(
                Reject(line, f"We left out the phone number {phone!r}. {exc.messages[0]}")
            )
            return ""
        return phone[:PHONE_MAX]


def _tags(tags: tuple[str, ...]) -> str:
    """As many tags as fit the column, in the file's order."""
    kept = list(tags)
    while kept and len(encode_tags(kept)) > _TAGS_MAX:
        kept.pop()
    return encode_tags(kept)
