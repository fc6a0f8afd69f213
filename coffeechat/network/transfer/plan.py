"""Deciding what an import does, without writing: new, filled in, unchanged or a possible duplicate.

The owner's contacts and organizations are read once (two queries) and matched in memory, so
30,000 rows cost the same handful of queries as 30.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from coffeechat.domain.field_choices import FieldChoices
from coffeechat.domain.importers import (
    ImportResult,
    Reject,
    normalize_linkedin_url,
    normalize_name,
)
from coffeechat.domain.work_fields import infer_field
from coffeechat.network.models import Contact, Organization, name_key
from coffeechat.network.transfer.rows import FILLABLE, RowValues, row_values, too_long

# (stage, done, total): "checking" rows against your list, then "saving" them.
Progress = Callable[[str, int, int], None]


@dataclass
class Update:
    contact: Contact
    fields: set[str]
    previous_updated_at: datetime


@dataclass(slots=True, eq=False)
class NewContact:
    """A person the import will add: plain values, not a model instance, because building
    30,000 Django models cost more than reading the whole file. `pk` is set once written."""

    honorific: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    organization: Organization | None = None
    title: str = ""
    location: str = ""
    postal_address: str = ""
    how_found: str = "other"
    connected_on: date | None = None
    tags_text: str = ""
    notes: str = ""
    field: str = ""  # guessed from the title and organization, or the student's choice
    line: int = 0  # where the person is in the file (the preview's choices are by line)
    pk: int = 0  # 0 until written

    @property
    def organization_id(self) -> int | None:
        return self.organization.pk if self.organization is not None else None

    def row(self) -> dict[str, Any]:
        """The columns to insert (the organization by its id, known by then)."""
        values = {name: getattr(self, name) for name in _NEW_CONTACT_COLUMNS}
        values["organization_id"] = self.organization_id
        return values


# An import gives a field to the people it adds only: an existing contact's stays as it is.
_NEW_CONTACT_COLUMNS = (*(name for name in FILLABLE if name != "organization"), "field")
Person = Contact | NewContact


@dataclass
class Plan:
    """Unsaved objects and counts; `apply` in imports.py writes them in one transaction."""

    format: str
    columns: dict[str, str]
    encoding: str
    rows_read: int
    ignored: tuple[str, ...] = ()
    new_orgs: list[Organization] = field(default_factory=list)
    new_contacts: list[NewContact] = field(default_factory=list)
    flags: list[tuple[NewContact, Person]] = field(default_factory=list)
    updates: dict[int, Update] = field(default_factory=dict)
    updated_rows: int = 0
    unchanged: int = 0
    rejects: list[Reject] = field(default_factory=list)
    warnings: list[Reject] = field(default_factory=list)
    # Each new person's guessed field, by line, before the student's choices.
    guesses: dict[int, str] = field(default_factory=dict)

    @property
    def possible_duplicates(self) -> int:
        return len({id(new) for new, _ in self.flags})

    @property
    def created(self) -> int:
        return len(self.new_contacts) - self.possible_duplicates


class _Index:
    """The owner's people by e-mail, LinkedIn address and (name, organization)."""

    def __init__(self, owner: Any) -> None:
        self.orgs = {org.name_key: org for org in Organization.objects.owned_by(owner)}
        org_keys = {org.pk: key for key, org in self.orgs.items()}
        self.by_email: dict[str, Person] = {}
        self.by_url: dict[str, Person] = {}
        self.by_name: defaultdict[tuple[str, str], list[Person]] = defaultdict(list)
        self._org_keys: dict[str, str] = {}
        for contact in Contact.objects.owned_by(owner).order_by("pk"):
            self.add(contact, org_keys.get(contact.organization_id or 0, ""))

    def add(
        self, contact: Person, org_key: str, *, by_name: bool = True, name: str | None = None
    ) -> None:
        """`name` is the normalized name when the caller has it already (one per row counts)."""
        if contact.email:
            self.by_email.setdefault(contact.email.casefold(), contact)
        if contact.linkedin_url:
            self.by_url.setdefault(normalize_linkedin_url(contact.linkedin_url), contact)
        if name is None:
            name = normalize_name(contact.first_name, contact.last_name) if by_name else ""
        if name:
            self.by_name[(name, org_key)].append(contact)

    def org_key(self, name: str) -> str:
        """The organization's key, worked out once per distinct name in the file."""
        key = self._org_keys.get(name)
        if key is None:
            key = self._org_keys[name] = name_key(" ".join(name.split()))
        return key

    def same_person(self, values: RowValues) -> Person | None:
        for email in (values.email, *values.other_emails):
            found = self.by_email.get(email.casefold()) if email else None
            if found is not None:
                return found
        return self.by_url.get(values.linkedin_url) if values.linkedin_url else None


class _Guesser:
    """`infer_field` once per distinct (title, organization): a file repeats them a lot."""

    def __init__(self, interests: Sequence[str]) -> None:
        self.interests = tuple(interests)
        self.known: dict[tuple[str, str], str] = {}

    def __call__(self, title: str, organization: str) -> str:
        key = (title, organization)
        guess = self.known.get(key)
        if guess is None:
            guess = self.known[key] = infer_field(title, organization, self.interests)
        return guess


def plan_import(
    owner: Any,
    result: ImportResult,
    country: str,
    progress: Progress | None = None,
    *,
    interests: Sequence[str] = (),
    fields: FieldChoices | None = None,
) -> Plan:
    """`interests` are the student's fields of work, tried first when guessing a person's
    field; `fields` are the student's changes to those guesses (from the preview)."""
    plan = Plan(
        format=result.format,
        columns=dict(result.columns),
        encoding=result.encoding,
        ignored=result.ignored,
        rows_read=len(result.rows) + len(result.rejects),
        rejects=list(result.rejects),
        warnings=list(result.warnings),
    )
    index = _Index(owner)
    guess = _Guesser(interests)
    choices = fields or FieldChoices()
    total = len(result.rows)
    unchecked: list[str] = []
    for number, row in enumerate(result.rows, start=1):
        reject = too_long(row)
        if reject is not None:
            plan.rejects.append(reject)
        else:
            values = row_values(row, country, plan.warnings)
            unchecked.extend(values.kept_as_typed)
            new = _plan_row(owner, plan, index, values)
            if new is not None:
                plan.guesses[values.line] = guessed = guess(values.title, values.organization)
                new.field = choices.field_for(values.line, guessed)
        if progress is not None and (number % 1000 == 0 or number == total):
            progress("checking", number, total)
    if unchecked:
        plan.warnings.append(Reject(0, kept_as_typed(unchecked)))
    plan.rejects.sort(key=lambda reject: reject.line)
    plan.warnings.sort(key=lambda warning: warning.line)
    return plan


def kept_as_typed(phones: list[str]) -> str:
    count = len(phones)
    numbers = "1 phone number" if count == 1 else f"{count:,} phone numbers"
    return (
        f"We kept {numbers} just as written (like {phones[0]}): without a country code we "
        "couldn't check which country they're in. Each shows as “not checked” on the person's "
        "page; adding the code (like +91) makes it work from any phone."
    )


def _plan_row(owner: Any, plan: Plan, index: _Index, values: RowValues) -> NewContact | None:
    """The person the row adds, if it adds one."""
    wanted = values.filled()
    org_key = index.org_key(values.organization)
    existing = index.same_person(values)
    if existing is not None:
        _fill(owner, plan, index, existing, wanted)
        return None
    name = normalize_name(values.first_name, values.last_name)
    namesakes = index.by_name.get((name, org_key), []) if name else []
    if any(_covers(namesake, wanted) for namesake in namesakes):
        plan.unchanged += 1
        return None
    contact = NewContact(
        line=values.line,
        honorific=values.honorific,
        first_name=values.first_name,
        last_name=values.last_name,
        email=values.email,
        phone=values.phone,
        linkedin_url=values.linkedin_url,
        title=values.title,
        location=values.location,
        postal_address=values.postal_address,
        how_found=values.how_found,
        connected_on=values.connected_on,
        tags_text=values.tags_text,
        notes=values.notes,
    )
    if values.organization:
        contact.organization = _organization(owner, plan, index, values.organization, org_key)
    plan.new_contacts.append(contact)
    if namesakes:
        plan.flags.append((contact, namesakes[0]))
    index.add(contact, org_key, name=name)
    return contact


def _fill(
    owner: Any, plan: Plan, index: _Index, contact: Person, wanted: dict[str, object]
) -> None:
    """Fill the contact's empty fields; a value the contact already has always stays."""
    filled: set[str] = set()
    for name, value in wanted.items():
        if name == "organization":
            if contact.organization_id is None and contact.organization is None:
                key = index.org_key(str(value))
                contact.organization = _organization(owner, plan, index, str(value), key)
                filled.add(name)
        elif name == "how_found":
            if contact.how_found == "other":
                contact.how_found = str(value)
                filled.add(name)
        elif not getattr(contact, name):
            setattr(contact, name, value)
            filled.add(name)
    if not filled:
        plan.unchanged += 1
        return
    plan.updated_rows += 1
    if isinstance(contact, Contact):  # a person already saved; a new one just gains values
        update = plan.updates.setdefault(
            contact.pk, Update(contact, set(), previous_updated_at=contact.updated_at)
        )
        update.fields |= filled
    if "email" in filled or "linkedin_url" in filled:
        index.add(contact, "", by_name=False)


def _covers(contact: Person, wanted: dict[str, object]) -> bool:
    """True when the contact already holds everything the row would bring."""
    for name, value in wanted.items():
        if name in ("first_name", "last_name", "organization"):
            continue  # equal by construction: the contact was found by name and organization
        current = getattr(contact, name)
        if name == "tags_text":
            if not set(str(value).strip(",").split(",")) <= set(current.strip(",").split(",")):
                return False
        elif name == "notes":
            if str(value) not in current:
                return False
        elif name == "email":
            if current.casefold() != str(value).casefold():
                return False
        elif current != value:
            return False
    return True


def _organization(owner: Any, plan: Plan, index: _Index, name: str, key: str) -> Organization:
    org = index.orgs.get(key)
    if org is None:
        org = Organization(owner=owner, name=" ".join(name.split()), name_key=key)
        index.orgs[key] = org
        plan.new_orgs.append(org)
    return org
